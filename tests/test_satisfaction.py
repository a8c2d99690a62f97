"""Tests of revisit_rules.satisfaction: the SAT rules and VIS-OWNER.

Rules: SAT-ABC, SAT-SCALE, SAT-RESPONSE, SAT-RATES, SAT-CLASS, SAT-ACTION and VIS-OWNER.

The source cases of the A/B/C rule are those of S000 施工质量回访制度 五:

    A级:客户对工程质量评价满意度85分以上,和对公司的服务水平及关注度的满意度评价为优秀。
    B级:客户对工程质量评价满意度75-85分,和对公司的服务水平及关注度的满意度评价为良好。
    C级:客户对工程质量评价满意度低于75分或高于85分但对公司的服务水平及关注度的满意度评价为一般或较差。
"""

import csv
import io
import pickle
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import revisit_rules as rr
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.policy import Policy
from revisit_rules.project import CustomerClass, CustomerTier
from revisit_rules.rates import (
    RateResult,
    complaint_rate,
    handling_rate,
    response_rate,
    satisfaction_rate,
    survey_counts,
)
from revisit_rules.revisits import VisitLead, visit_lead
from revisit_rules.rules import RULES, rule_table
from revisit_rules.satisfaction import (
    Grade,
    Grading,
    Satisfaction,
    ServiceRating,
    grade_visit,
    survey_score,
)

from . import strategies

A, B, C = Grade.A, Grade.B, Grade.C
EXCELLENT, GOOD, AVERAGE, POOR = (
    ServiceRating.EXCELLENT,
    ServiceRating.GOOD,
    ServiceRating.AVERAGE,
    ServiceRating.POOR,
)


def source_grade(score, service):
    """The grade S000 states for (score, service), or None where it says nothing.

    A: 85分以上 (>= 85, CC 1259) and 优秀. B: 75-85分 (75 to 85) and 良好. C: 低于75分 (< 75),
    or 高于85分 (> 85) and 一般 or 较差.
    """
    if score < 75:
        return C
    if score >= 85 and service is EXCELLENT:
        return A
    if 75 <= score <= 85 and service is GOOD:
        return B
    if score > 85 and service in {AVERAGE, POOR}:
        return C
    return None


# --- SAT-ABC: thresholds ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0, C),
        (74, C),
        (Decimal("74.99"), C),
        (Fraction(149, 2), C),
        (75, B),
        (Decimal("75.00"), B),
        (84, B),
        (Decimal("84.99"), B),
        (Fraction(169, 2), B),
        (85, A),
        (Decimal("85.0"), A),
        (Decimal("85.01"), A),
        (86, A),
        (100, A),
    ],
)
def test_quality_axis_at_and_around_each_threshold(score, expected):
    """85分以上 includes 85 (A); 75 up to below 85 is B; 低于75分 excludes 75 (C)."""
    grading = grade_visit(score, EXCELLENT)

    assert expected == grading.quality_grade
    assert expected == grading.grade


@pytest.mark.parametrize(
    ("service", "expected"), [(EXCELLENT, A), (GOOD, B), (AVERAGE, C), (POOR, C)]
)
def test_service_axis(service, expected):
    """Service: 优秀 A, 良好 B, 一般 and 较差 C; with full quality marks it decides the grade."""
    grading = grade_visit(100, service)

    assert expected == grading.service_grade
    assert expected == grading.grade
    assert expected == service.grade


# Every case the source states, with its answer (S000 施工质量回访制度 五).
SOURCE_CASES = [
    # A级: 85分以上 and 优秀
    (85, EXCELLENT, A),
    (90, EXCELLENT, A),
    (100, EXCELLENT, A),
    # B级: 75-85分 and 良好 (85 itself read into the range: 85 and 良好 is not A, which needs 优秀)
    (75, GOOD, B),
    (80, GOOD, B),
    (Decimal("84.99"), GOOD, B),
    (85, GOOD, B),
    # C级: 低于75分, whatever the service
    (74, EXCELLENT, C),
    (74, GOOD, C),
    (74, AVERAGE, C),
    (74, POOR, C),
    (0, EXCELLENT, C),
    (Decimal("74.99"), EXCELLENT, C),
    # C级: 高于85分 but 一般 or 较差
    (Decimal("85.01"), AVERAGE, C),
    (86, AVERAGE, C),
    (86, POOR, C),
    (100, AVERAGE, C),
    (100, POOR, C),
]


@pytest.mark.parametrize(("score", "service", "expected"), SOURCE_CASES)
def test_every_source_case(score, service, expected):
    """Each case S000 states gets the grade S000 gives it."""
    assert expected == source_grade(score, service)
    assert expected == grade_visit(score, service).grade


# The cases the source leaves open, with the documented answer (the worse axis; DOMAIN § 8).
GAP_CASES = [
    (90, GOOD, B),  # quality A, service good
    (100, GOOD, B),
    (75, EXCELLENT, B),  # quality B, service excellent
    (84, EXCELLENT, B),
    (75, AVERAGE, C),  # quality B, service average or poor
    (80, AVERAGE, C),
    (84, POOR, C),
    (85, AVERAGE, C),  # exactly 85: the source's C names only 高于85分
    (85, POOR, C),
]


@pytest.mark.parametrize(("score", "service", "expected"), GAP_CASES)
def test_every_gap_case(score, service, expected):
    """A case the source does not state gets the worse of the two axes' grades."""
    assert source_grade(score, service) is None
    assert expected == grade_visit(score, service).grade


def test_rules_of_a_grading_above_c():
    """A grading names SAT-ABC; an A or B grade needs no corrective action."""
    grading = grade_visit(85, EXCELLENT)

    assert ("SAT-ABC",) == grading.rules
    assert not grading.requires_corrective_action


def test_grade_c_requires_corrective_action():
    """A C grade names SAT-ACTION too and requires a corrective-action record (S002 1.4)."""
    grading = grade_visit(74, EXCELLENT)

    assert ("SAT-ABC", "SAT-ACTION") == grading.rules
    assert grading.requires_corrective_action


def test_grading_value():
    """A grading is a frozen, hashable, picklable value with a readable repr."""
    grading = grade_visit(90, GOOD)

    assert Grading(B, A, B, ("SAT-ABC",)) == grading
    assert grading == pickle.loads(pickle.dumps(grading))
    assert hash(Grading(B, A, B, ("SAT-ABC",))) == hash(grading)
    assert "Grading(grade=<Grade.B: 'B'>" in repr(grading)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        grading.grade = A  # type: ignore[misc]


def test_grading_refuses_a_grade_that_is_not_a_grade():
    """Grading's grades are Grade members."""
    with pytest.raises(TypeError):
        Grading("A", A, A, ("SAT-ABC",))


def test_thresholds_come_from_the_policy():
    """Raising quality_a_min to 90 makes 85 a B; lowering quality_b_min to 70 makes 72 a B."""
    policy = attrs.evolve(Policy(), quality_a_min=Decimal(90), quality_b_min=Decimal(70))

    assert B == grade_visit(85, EXCELLENT, policy=policy).grade
    assert A == grade_visit(90, EXCELLENT, policy=policy).grade
    assert B == grade_visit(72, EXCELLENT, policy=policy).grade
    assert C == grade_visit(Decimal("69.99"), EXCELLENT, policy=policy).grade


@pytest.mark.parametrize(
    ("call", "rule"),
    [
        (lambda policy: grade_visit(80, GOOD, policy=policy), "SAT-ABC"),
        (lambda policy: survey_counts(10, 5, policy=policy), "SAT-RESPONSE"),
        (lambda policy: response_rate(10, 5, policy=policy), "SAT-RESPONSE"),
        (lambda policy: complaint_rate(1, 100, policy=policy), "SAT-RATES"),
        (lambda policy: handling_rate(1, 1, policy=policy), "SAT-RATES"),
    ],
)
def test_policy_must_be_a_policy(call, rule):
    """A policy that is not a Policy is a typed error naming the field and the rule."""
    with pytest.raises(InvalidTypeError) as info:
        call({"quality_a_min": 90})

    assert "policy" == info.value.field
    assert rule == info.value.rule


# --- SAT-ABC: ordering and labels --------------------------------------------------------


def test_grades_are_ordered_a_over_b_over_c():
    """A > B > C with every comparison, and min picks the worse grade."""
    assert A > B > C
    assert C < B < A
    assert A >= Grade.A
    assert C <= B
    assert not A < Grade.A
    assert [C, B, A] == sorted([A, C, B])
    assert C == min(A, C)


def test_service_ratings_are_ordered():
    """EXCELLENT > GOOD > AVERAGE > POOR."""
    assert [POOR, AVERAGE, GOOD, EXCELLENT] == sorted(ServiceRating)


@pytest.mark.parametrize("other", [1, "A", ServiceRating.EXCELLENT, None])
def test_grades_do_not_compare_with_other_things(other):
    """Ordering a Grade against anything but a Grade is a TypeError."""
    with pytest.raises(TypeError):
        _ = A < other


def test_chinese_labels():
    """Grades, service ratings read as the source writes them."""
    assert ["A级", "B级", "C级"] == [g.zh for g in Grade]
    assert ["优秀", "良好", "一般", "较差"] == [s.zh for s in ServiceRating]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("优秀", EXCELLENT), ("good", GOOD), ("AVERAGE", AVERAGE), (" 较差 ", POOR)],
)
def test_service_rating_from_text(text, expected):
    """A rating is parsed from its name in any case or from its Chinese label."""
    assert expected == ServiceRating.from_text(text)


def test_service_rating_from_unknown_text():
    """An unknown rating names the four accepted ones."""
    with pytest.raises(InvalidInputError, match="EXCELLENT \\(优秀\\)") as info:
        ServiceRating.from_text("great")
    assert "SAT-ABC" == info.value.rule


def test_service_rating_from_text_needs_a_string():
    """from_text of a non-string is a typed error."""
    with pytest.raises(InvalidTypeError):
        ServiceRating.from_text(1)  # type: ignore[arg-type]


# --- SAT-ABC: properties ----------------------------------------------------------------


@given(strategies.quality_scores, strategies.quality_scores, strategies.service_ratings)
@example(Decimal("74.99"), 75, EXCELLENT)
@example(Decimal("84.99"), 85, EXCELLENT)
def test_grade_is_monotone_in_the_score(first, second, service):
    """A higher quality score never gives a worse grade."""
    low, high = sorted([first, second])

    assert grade_visit(low, service).grade <= grade_visit(high, service).grade


@given(strategies.quality_scores, strategies.service_ratings, strategies.service_ratings)
def test_grade_is_monotone_in_the_service(score, first, second):
    """A better service rating never gives a worse grade."""
    low, high = sorted([first, second])

    assert grade_visit(score, low).grade <= grade_visit(score, high).grade


@given(strategies.quality_scores, strategies.service_ratings)
@example(85, GOOD)
@example(Decimal("85.01"), AVERAGE)
@example(75, GOOD)
def test_grade_agrees_with_every_source_case(score, service):
    """Wherever S000 states a grade, grade_visit gives it; elsewhere it is the worse axis."""
    grading = grade_visit(score, service)
    stated = source_grade(score, service)

    if stated is not None:
        assert stated == grading.grade
    assert min(grading.quality_grade, grading.service_grade) == grading.grade
    assert (C == grading.grade) == grading.requires_corrective_action


@given(
    strategies.quality_scores,
    st.integers(min_value=0, max_value=100),
    st.integers(min_value=0, max_value=100),
)
@example(85, 85, 75)
@example(75, 85, 75)
@example(Decimal("74.99"), 85, 75)
def test_quality_axis_follows_the_policy_thresholds(score, first, second):
    """Under any thresholds b <= a: score >= a is A, b <= score < a is B, below b is C."""
    b_min, a_min = sorted([first, second])
    policy = attrs.evolve(Policy(), quality_a_min=Decimal(a_min), quality_b_min=Decimal(b_min))

    grading = grade_visit(score, EXCELLENT, policy=policy)

    expected = A if score >= a_min else B if score >= b_min else C
    assert expected == grading.quality_grade
    assert expected == grading.grade


@given(st.integers(min_value=0, max_value=100), strategies.service_ratings)
def test_grade_does_not_depend_on_the_number_type(score, service):
    """An int, its Decimal and its Fraction grade alike."""
    expected = grade_visit(score, service)

    assert expected == grade_visit(Decimal(score), service)
    assert expected == grade_visit(Fraction(score), service)


# --- SAT-ABC: wrong input ------------------------------------------------------------------


@pytest.mark.parametrize(
    "score", [-1, 101, Decimal("-0.01"), Decimal("100.01"), Fraction(201, 2), 10**6]
)
def test_scores_outside_0_to_100_are_refused(score):
    """A score outside 0..100 is an InvalidInputError naming the field, the value, the rule."""
    with pytest.raises(InvalidInputError) as info:
        grade_visit(score, GOOD)

    assert "quality_score" == info.value.field
    assert score == info.value.value
    assert "SAT-ABC" == info.value.rule
    assert not isinstance(info.value, TypeError)


@pytest.mark.parametrize(
    "score", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")]
)
def test_nan_and_infinite_decimals_are_refused(score):
    """A NaN or infinite Decimal is an InvalidInputError (a ValueError)."""
    with pytest.raises(InvalidInputError, match="finite") as info:
        grade_visit(score, GOOD)

    assert "quality_score" == info.value.field
    assert "SAT-ABC" == info.value.rule
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "score", [float("nan"), float("inf"), float("-inf"), 85.0, 80.5, True, False, "85", None, [85]]
)
def test_floats_bools_and_non_numbers_are_refused(score):
    """Floats (NaN and infinity too), bools, strings and other types are InvalidTypeErrors."""
    with pytest.raises(InvalidTypeError) as info:
        grade_visit(score, GOOD)

    assert "quality_score" == info.value.field
    assert "SAT-ABC" == info.value.rule
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("score", [Decimal("1E+100000000"), Decimal("-1E+100000000")])
def test_scores_with_huge_exponents_are_refused_at_once(score):
    """A far-out-of-range Decimal is refused by comparison, never expanded to an integer.

    Regression: the score was turned into a Fraction first, and Fraction(Decimal("1E+100000000"))
    builds a 100-million-digit integer (minutes, gigabytes) before the range check.
    """
    with pytest.raises(InvalidInputError, match="from 0 to 100") as info:
        grade_visit(score, GOOD)

    assert "quality_score" == info.value.field
    assert "SAT-ABC" == info.value.rule


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (Decimal("1E-100000000"), C),
        (Decimal("0E+100000000"), C),
        (Decimal("85.000000000000000000000000000000000000001"), A),
        (Decimal("84.999999999999999999999999999999999999999"), B),
    ],
)
def test_scores_with_extreme_precision_are_graded_exactly(score, expected):
    """In-range Decimals of any exponent or precision are graded exactly, and at once."""
    assert expected == grade_visit(score, EXCELLENT).quality_grade


def test_float_error_says_what_to_do():
    """The float error says why floats are refused and what to pass instead."""
    with pytest.raises(InvalidTypeError, match=r"Decimal\(str\(x\)\)"):
        grade_visit(85.0, GOOD)


@pytest.mark.parametrize("service", ["优秀", "excellent", Grade.A, Satisfaction.SATISFIED, None])
def test_service_must_be_a_service_rating(service):
    """A service that is not a ServiceRating is a typed error naming the field."""
    with pytest.raises(InvalidTypeError) as info:
        grade_visit(90, service)

    assert "service" == info.value.field
    assert "SAT-ABC" == info.value.rule


# --- SAT-SCALE --------------------------------------------------------------------------


def test_satisfaction_scale():
    """很满意 100, 满意 80, 较满意 60, 不满意 40, 很不满意 0 (S003 5(2))."""
    assert [
        ("很满意", Decimal(100)),
        ("满意", Decimal(80)),
        ("较满意", Decimal(60)),
        ("不满意", Decimal(40)),
        ("很不满意", Decimal(0)),
    ] == [(s.zh, s.score) for s in Satisfaction]
    assert 100 == Satisfaction.VERY_SATISFIED.value
    assert isinstance(Satisfaction.SATISFIED.score, Decimal)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("满意", Satisfaction.SATISFIED), ("very_dissatisfied", Satisfaction.VERY_DISSATISFIED)],
)
def test_satisfaction_from_text(text, expected):
    """An answer is parsed from its name or its Chinese label."""
    assert expected == Satisfaction.from_text(text)


def test_satisfaction_from_unknown_text():
    """An unknown answer is an InvalidInputError citing SAT-SCALE."""
    with pytest.raises(InvalidInputError) as info:
        Satisfaction.from_text("还行")
    assert "SAT-SCALE" == info.value.rule


def test_survey_score_with_equal_weights():
    """Without weights, the score is the plain mean, to 0.01."""
    answers = {"质量": Satisfaction.VERY_SATISFIED, "服务": Satisfaction.FAIRLY_SATISFIED}

    assert Decimal("80.00") == survey_score(answers)
    assert "80.00" == str(survey_score(answers))


def test_survey_score_with_weights():
    """Weights by factor: 3 x 100 and 1 x 80 give 95."""
    answers = {"质量": Satisfaction.VERY_SATISFIED, "服务": Satisfaction.SATISFIED}

    assert Decimal("95.00") == survey_score(answers, {"质量": 3, "服务": 1})
    assert Decimal("95.00") == survey_score(
        answers, {"质量": Decimal("0.75"), "服务": Fraction(1, 4)}
    )


def test_survey_score_of_a_sequence():
    """A sequence of answers is keyed by position, for weights too."""
    answers = [Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, Satisfaction.DISSATISFIED]

    assert Decimal("73.33") == survey_score(answers)
    assert Decimal("90.00") == survey_score(answers, {0: 1, 1: 1, 2: 0})


def test_survey_score_zero_weight_leaves_a_factor_out():
    """A factor may weigh 0 as long as some factor weighs more."""
    answers = {"a": Satisfaction.VERY_DISSATISFIED, "b": Satisfaction.SATISFIED}

    assert Decimal("80.00") == survey_score(answers, {"a": 0, "b": 2})


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        # 100 x 10001 / 20000 = 50.005: half to even gives 50.00
        ((10001, 9999), Decimal("50.00")),
        # 100 x 10003 / 20000 = 50.015: half to even gives 50.02
        ((10003, 9997), Decimal("50.02")),
        # 100 x 2 / 3 = 66.666…: 66.67
        ((2, 1), Decimal("66.67")),
    ],
)
def test_survey_score_rounds_once_half_to_even(weights, expected):
    """The exact mean is rounded once to 0.01, half to even."""
    answers = {"a": Satisfaction.VERY_SATISFIED, "b": Satisfaction.VERY_DISSATISFIED}

    assert expected == survey_score(answers, dict(zip("ab", weights, strict=True)))


@given(strategies.weighted_surveys())
def test_survey_score_lies_between_the_lowest_and_highest_answer(survey):
    """The score is never below the lowest answer nor above the highest that weighs."""
    answers, weights = survey
    scores = [a.score for f, a in answers.items() if weights[f]]

    score = survey_score(answers, weights)

    assert min(scores) <= score <= max(scores)
    assert -2 == score.as_tuple().exponent


@given(st.lists(strategies.satisfactions, min_size=1, max_size=12))
@example([Satisfaction.VERY_SATISFIED, Satisfaction.VERY_DISSATISFIED, Satisfaction.SATISFIED])
def test_survey_score_without_weights_lies_between_the_answers(answers):
    """Equal weights too: the plain mean lies between the lowest and the highest answer."""
    scores = [a.score for a in answers]

    score = survey_score(answers)

    assert min(scores) <= score <= max(scores)


@given(st.lists(strategies.satisfactions, min_size=1, max_size=20))
def test_survey_score_of_equal_answers_is_that_answer(answers):
    """All-equal answers score that answer; equal weights agree with all-1 weights."""
    same = [answers[0]] * len(answers)

    assert answers[0].score == survey_score(same)
    assert survey_score(answers) == survey_score(answers, dict.fromkeys(range(len(answers)), 1))


@given(strategies.weighted_surveys(), st.integers(min_value=1, max_value=50))
def test_survey_score_ignores_a_common_factor_of_the_weights(survey, factor):
    """Multiplying every weight by the same positive number leaves the score unchanged."""
    answers, weights = survey
    scaled = {k: Fraction(v) * factor for k, v in weights.items()}

    assert survey_score(answers, weights) == survey_score(answers, scaled)


@pytest.mark.parametrize("answers", [{}, [], ()])
def test_empty_survey_is_refused(answers):
    """A survey without answers is an InvalidInputError."""
    with pytest.raises(InvalidInputError) as info:
        survey_score(answers)

    assert "answers" == info.value.field
    assert "SAT-SCALE" == info.value.rule


@pytest.mark.parametrize(
    "answers",
    ["满意", b"x", {Satisfaction.SATISFIED}, Satisfaction.SATISFIED, 80, None],
)
def test_survey_answers_must_be_a_mapping_or_sequence(answers):
    """Strings, sets, a lone answer and other things are not a survey."""
    with pytest.raises(InvalidTypeError) as info:
        survey_score(answers)

    assert "answers" == info.value.field


@pytest.mark.parametrize("answer", [80, "满意", Grade.A, None, Decimal(80)])
def test_survey_answers_must_be_satisfaction_members(answer):
    """Each answer is a Satisfaction; a bare score is refused, naming the factor."""
    with pytest.raises(InvalidTypeError) as info:
        survey_score({"质量": Satisfaction.SATISFIED, "服务": answer})

    assert "answers['服务']" == info.value.field
    assert "SAT-SCALE" == info.value.rule


def test_weights_for_unknown_factors_are_refused():
    """A weight for a factor that was not answered is an InvalidInputError naming it."""
    with pytest.raises(InvalidInputError, match="unknown: \\['进度'\\]") as info:
        survey_score({"质量": Satisfaction.SATISFIED}, {"质量": 1, "进度": 1})

    assert "weights" == info.value.field
    assert "SAT-SCALE" == info.value.rule


def test_answers_without_weights_are_refused():
    """Given weights, every answered factor needs one."""
    with pytest.raises(InvalidInputError, match="missing: \\['服务'\\]") as info:
        survey_score({"质量": Satisfaction.SATISFIED, "服务": Satisfaction.SATISFIED}, {"质量": 1})

    assert "weights" == info.value.field
    assert "SAT-SCALE" == info.value.rule


@pytest.mark.parametrize("weight", [-1, Decimal("-0.5"), Fraction(-1, 3)])
def test_negative_weights_are_refused(weight):
    """A negative weight is an InvalidInputError naming the factor."""
    with pytest.raises(InvalidInputError) as info:
        survey_score(
            {"a": Satisfaction.SATISFIED, "b": Satisfaction.SATISFIED}, {"a": 1, "b": weight}
        )

    assert "weights['b']" == info.value.field
    assert weight == info.value.value
    assert "SAT-SCALE" == info.value.rule


def test_all_zero_weights_are_refused():
    """Weights summing to 0 leave nothing to average."""
    with pytest.raises(InvalidInputError, match="more than 0") as info:
        survey_score({"a": Satisfaction.SATISFIED, "b": Satisfaction.SATISFIED}, {"a": 0, "b": 0})

    assert "weights" == info.value.field
    assert "SAT-SCALE" == info.value.rule


@pytest.mark.parametrize("weight", [1.0, True, "1", None])
def test_weights_must_be_exact_numbers(weight):
    """Floats, bools, strings are refused as weights, naming the factor."""
    with pytest.raises(InvalidTypeError) as info:
        survey_score({"a": Satisfaction.SATISFIED}, {"a": weight})

    assert "weights['a']" == info.value.field
    assert "SAT-SCALE" == info.value.rule


@pytest.mark.parametrize("weight", [Decimal("NaN"), Decimal("Infinity")])
def test_weights_must_be_finite(weight):
    """A NaN or infinite weight is an InvalidInputError naming the factor."""
    with pytest.raises(InvalidInputError) as info:
        survey_score({"a": Satisfaction.SATISFIED}, {"a": weight})

    assert "weights['a']" == info.value.field
    assert "SAT-SCALE" == info.value.rule


@pytest.mark.parametrize("weight", [Decimal("1E+100000000"), Decimal("1E-100000000")])
def test_weights_with_absurd_exponents_are_refused_at_once(weight):
    """A Decimal weight whose exponent would take minutes to expand is refused, not expanded.

    Regression: Fraction(Decimal("1E+100000000")) builds a 100-million-digit integer.
    """
    with pytest.raises(InvalidInputError, match="exponent") as info:
        survey_score(
            {"a": Satisfaction.SATISFIED, "b": Satisfaction.VERY_SATISFIED},
            {
                "a": 1,
                "b": weight,
            },
        )

    assert "weights['b']" == info.value.field
    assert "SAT-SCALE" == info.value.rule


@pytest.mark.parametrize("weight", [Decimal("1E+1000"), Decimal("1E-1000"), Decimal("0E+1000")])
def test_weights_at_the_exponent_limit_are_accepted(weight):
    """Exponents from -1000 to 1000 are accepted: the other side of the limit."""
    answers = {"a": Satisfaction.SATISFIED, "b": Satisfaction.SATISFIED}

    assert Decimal("80.00") == survey_score(answers, {"a": 1, "b": weight})


def test_weights_must_be_a_mapping():
    """Weights are a mapping factor -> weight."""
    with pytest.raises(InvalidTypeError):
        survey_score([Satisfaction.SATISFIED], [1])  # type: ignore[arg-type]


@given(strategies.survey_weights.filter(bool))
def test_any_exact_weight_alone_gives_the_answer(weight):
    """A single answer with any positive weight scores that answer."""
    assert Decimal(60) == survey_score({"a": Satisfaction.FAIRLY_SATISFIED}, {"a": weight})


# --- SAT-RESPONSE -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("returned", "expected"), [(0, False), (49, False), (50, True), (51, True), (100, True)]
)
def test_survey_counts_at_50_percent_and_above(returned, expected):
    """达到50%以上: 49 % does not count; 50 % and 51 % do (CC 1259: 以上 includes 50 %)."""
    assert expected == survey_counts(100, returned)


def test_survey_counts_small_surveys():
    """1 of 2 is 50 % and counts; 1 of 3 does not."""
    assert survey_counts(2, 1)
    assert not survey_counts(3, 1)


def test_response_rate_result():
    """The response rate carries the exact value, the target and the rule."""
    result = response_rate(sent=40, returned=20)

    assert (
        RateResult(
            numerator=20,
            denominator=40,
            target=Decimal("0.5"),
            meets_target=True,
            rules=("SAT-RESPONSE",),
        )
        == result
    )
    assert Fraction(1, 2) == result.value
    assert Decimal("50.00") == result.percent


def test_response_minimum_comes_from_the_policy():
    """With survey_response_min 0.6, 59 of 100 does not count and 60 does."""
    policy = attrs.evolve(Policy(), survey_response_min=Decimal("0.6"))

    assert not survey_counts(100, 59, policy=policy)
    assert survey_counts(100, 60, policy=policy)


@pytest.mark.parametrize(
    ("sent", "returned", "field"),
    [(0, 0, "sent"), (10, 11, "returned"), (-1, 0, "sent"), (10, -1, "returned")],
)
def test_survey_counts_refuses_impossible_counts(sent, returned, field):
    """No form sent, more returned than sent, negative counts: InvalidInputError."""
    with pytest.raises(InvalidInputError) as info:
        survey_counts(sent, returned)

    assert field == info.value.field
    assert "SAT-RESPONSE" == info.value.rule


@pytest.mark.parametrize(
    ("sent", "returned"), [(True, True), (10, True), (10.0, 5), (10, Decimal(5)), ("10", 5)]
)
def test_survey_counts_refuses_non_int_counts(sent, returned):
    """Counts are ints: bools, floats, Decimals and strings are typed errors."""
    with pytest.raises(InvalidTypeError) as info:
        survey_counts(sent, returned)

    assert info.value.field in {"sent", "returned"}
    assert "SAT-RESPONSE" == info.value.rule


# --- SAT-RATES -------------------------------------------------------------------------


def test_complaint_rate_strictly_below_when_asked():
    """complaint_rate_inclusive=False: the strict reading, 1 % exactly misses."""
    policy = Policy(complaint_rate_inclusive=False)

    assert [True, False] == [
        complaint_rate(n, 10_000, policy=policy).meets_target for n in (99, 100)
    ]


@pytest.mark.parametrize(
    ("complaints", "served", "expected"),
    [(0, 100, True), (99, 10_000, True), (1, 100, True), (101, 10_000, False), (2, 100, False)],
)
def test_complaint_rate_at_most_1_percent(complaints, served, expected):
    """By default exactly 1 % meets the target: 1%以下 includes 1 % (CC 1259).

    S001 "投诉率力争控制在1%以下". Changed by rule book v2: the default used to read it as
    strictly below; both sides of the boundary are checked (0.99 %, 1 %, 1.01 %).
    """
    result = complaint_rate(complaints, served)

    assert expected == result.meets_target
    assert Decimal("0.01") == result.target
    assert ("SAT-RATES",) == result.rules


@pytest.mark.parametrize(
    ("complaints", "served", "expected"),
    [(99, 10_000, True), (1, 100, True), (101, 10_000, False)],
)
def test_complaint_rate_inclusive_reading(complaints, served, expected):
    """complaint_rate_inclusive (the default): exactly 1 % meets the target (CC 1259)."""
    policy = attrs.evolve(Policy(), complaint_rate_inclusive=True)

    assert expected == complaint_rate(complaints, served, policy=policy).meets_target


def test_complaint_rate_may_exceed_one():
    """A customer may complain more than once: 3 complaints from 2 customers is 150 %."""
    result = complaint_rate(3, 2)

    assert Fraction(3, 2) == result.value
    assert Decimal("150.00") == result.percent
    assert result.meets_target is False


def test_complaint_rate_with_nobody_served_has_no_value():
    """Nobody served and no complaint: no value, no verdict."""
    result = complaint_rate(0, 0)

    assert RateResult(0, 0, Decimal("0.01"), None, ("SAT-RATES",)) == result
    assert result.value is None
    assert result.percent is None


def test_complaints_with_nobody_served_are_refused():
    """Complaints when nobody was served is an input error."""
    with pytest.raises(InvalidInputError) as info:
        complaint_rate(1, 0)

    assert "served" == info.value.field


@pytest.mark.parametrize(
    ("handled", "due", "expected"), [(20, 20, True), (19, 20, False), (0, 1, False)]
)
def test_handling_rate_must_reach_100_percent(handled, due, expected):
    """回访处理率达100%: only all visits handled meets the target."""
    result = handling_rate(handled, due)

    assert expected == result.meets_target
    assert Decimal(1) == result.target


def test_handling_rate_target_comes_from_the_policy():
    """With a 95 % target, 19 of 20 meets it and 18 of 20 does not."""
    policy = attrs.evolve(Policy(), handling_rate_target=Decimal("0.95"))

    assert handling_rate(19, 20, policy=policy).meets_target
    assert not handling_rate(18, 20, policy=policy).meets_target


def test_handling_rate_with_nothing_due_has_no_value():
    """Nothing due: no value, no verdict."""
    result = handling_rate(0, 0)

    assert result.value is None
    assert result.meets_target is None


@pytest.mark.parametrize(
    ("handled", "due", "error"),
    [
        (21, 20, InvalidInputError),
        (-1, 20, InvalidInputError),
        (1, -1, InvalidInputError),
        (True, 1, InvalidTypeError),
        (1, 1.0, InvalidTypeError),
    ],
)
def test_handling_rate_refuses_impossible_counts(handled, due, error):
    """More handled than due, negative counts, non-int counts are typed errors."""
    with pytest.raises(error) as info:
        handling_rate(handled, due)

    assert "SAT-RATES" == info.value.rule


@pytest.mark.parametrize(
    ("complaints", "served", "field"),
    [(-1, 10, "complaints"), (1, -10, "served"), (False, 10, "complaints"), (1, "10", "served")],
)
def test_complaint_rate_refuses_bad_counts(complaints, served, field):
    """Negative or non-int counts are typed errors naming the count and citing SAT-RATES."""
    with pytest.raises(InvalidInputError) as info:
        complaint_rate(complaints, served)

    assert field == info.value.field
    assert "SAT-RATES" == info.value.rule


def test_satisfaction_rate_leaves_unrated_visits_out():
    """A and B are satisfied, C is not, None (not rated) is left out of the denominator."""
    gradings = [grade_visit(90, EXCELLENT), grade_visit(80, GOOD), Grade.C, None, None]

    result = satisfaction_rate(gradings)

    assert RateResult(2, 3, None, None, ("SAT-RATES",)) == result
    assert Fraction(2, 3) == result.value
    assert Decimal("66.67") == result.percent


@pytest.mark.parametrize("gradings", [[], [None, None], iter([])])
def test_satisfaction_rate_with_nothing_rated_has_no_value(gradings):
    """No rated visit: no value."""
    assert satisfaction_rate(gradings).value is None


@pytest.mark.parametrize("gradings", ["ABC", [Grade.A, "B"], [1], Grade.A, None, {Grade.A: 1}])
def test_satisfaction_rate_refuses_other_things(gradings):
    """Only Gradings, Grades and None are counted; anything else is a typed error."""
    with pytest.raises(InvalidTypeError) as info:
        satisfaction_rate(gradings)

    assert "SAT-RATES" == info.value.rule


@given(st.lists(st.one_of(st.none(), st.sampled_from(Grade)), max_size=30))
def test_satisfaction_rate_counts(grades):
    """The rate is (A and B) / (A, B and C), Nones left out."""
    rated = [g for g in grades if g is not None]

    result = satisfaction_rate(grades)

    assert len(rated) == result.denominator
    assert sum(g is not Grade.C for g in rated) == result.numerator


# --- SAT-CLASS and VIS-OWNER -------------------------------------------------------------


def test_customer_classes():
    """A, B and C with their Chinese labels."""
    assert ["A类客户", "B类客户", "C类客户"] == [c.zh for c in CustomerClass]


@pytest.mark.parametrize(
    ("tier", "expected"),
    [
        (CustomerTier.AAA, CustomerClass.A),
        (CustomerTier.AA, CustomerClass.A),
        (CustomerTier.A, CustomerClass.A),
        (CustomerTier.BBB, CustomerClass.B),
        (CustomerTier.BB, CustomerClass.B),
        (CustomerTier.B, CustomerClass.B),
        (CustomerTier.C, CustomerClass.C),
    ],
)
def test_customer_tiers_belong_to_their_class(tier, expected):
    """AAA/AA/A belong to A, BBB/BB/B to B, C to C (S002 § 3)."""
    assert expected == tier.customer_class
    assert f"{tier.value}类客户" == tier.zh


@pytest.mark.parametrize(
    ("customer", "expected"),
    [
        (CustomerClass.A, VisitLead.DEPARTMENT_MANAGER),
        (CustomerClass.B, VisitLead.SUPERVISOR),
        (CustomerClass.C, VisitLead.STAFF),
        (CustomerTier.AAA, VisitLead.DEPARTMENT_MANAGER),
        (CustomerTier.BB, VisitLead.SUPERVISOR),
        (CustomerTier.C, VisitLead.STAFF),
    ],
)
def test_visit_lead_by_class(customer, expected):
    """A: 部门经理; B: 部门主管; C: 部门职员 (S002 三(1)①)."""
    assert expected == visit_lead(customer)


@pytest.mark.parametrize("customer", [*CustomerClass, *CustomerTier])
@pytest.mark.parametrize("flags", [{"many_complaints": True}, {"serious_problem": True}])
def test_many_complaints_or_a_serious_problem_bring_the_manager(customer, flags):
    """投诉比较多 or 问题比较大: the department manager, whatever the class (S002 三(1)②)."""
    assert VisitLead.DEPARTMENT_MANAGER == visit_lead(customer, **flags)


def test_visit_lead_labels():
    """The leads read as the seeds write them (S002 1.1, S003, S002 § 3)."""
    assert ["项目经理", "主管经理/总工程师", "部门经理", "部门主管", "部门职员"] == [
        lead.zh for lead in VisitLead
    ]


@pytest.mark.parametrize("customer", ["A", Grade.A, None, 1])
def test_visit_lead_refuses_other_classes(customer):
    """A class that is not a CustomerClass or CustomerTier is a typed error citing SAT-CLASS."""
    with pytest.raises(InvalidTypeError) as info:
        visit_lead(customer)

    assert "customer_class" == info.value.field
    assert "SAT-CLASS" == info.value.rule


@pytest.mark.parametrize("flag", ["many_complaints", "serious_problem"])
def test_visit_lead_flags_are_bools(flag):
    """The flags are bools: 1 or "yes" are typed errors citing VIS-OWNER."""
    with pytest.raises(InvalidTypeError) as info:
        visit_lead(CustomerClass.C, **{flag: 1})

    assert flag == info.value.field
    assert "VIS-OWNER" == info.value.rule


# --- Registry ---------------------------------------------------------------------------


SAT_RULES = [
    "SAT-ABC",
    "SAT-SCALE",
    "SAT-RESPONSE",
    "SAT-RATES",
    "SAT-SAMPLING",
    "SAT-SURVEY",
    "SAT-REWORK",
    "SAT-CLASS",
    "SAT-ACTION",
]


@pytest.mark.parametrize("rule_id", [*SAT_RULES, "VIS-OWNER"])
def test_rules_are_registered_with_sources(rule_id):
    """Every rule this module applies is in RULES, with titles and at least one quote."""
    rule = RULES[rule_id]

    assert rule.title_zh
    assert rule.title_en
    assert any(source.quote for source in rule.sources)


@pytest.mark.parametrize("rule_id", SAT_RULES)
def test_rule_policy_fields_exist_and_name_the_rule(rule_id):
    """Each policy field a SAT rule names is a Policy field whose metadata names that rule."""
    fields = attrs.fields_dict(Policy)

    for name in RULES[rule_id].policy_fields:
        assert rule_id == fields[name].metadata["rule"]


def test_threshold_reading_cites_civil_code_1259():
    """SAT-ABC and SAT-RESPONSE cite CC Art. 1259 for reading 以上 as inclusive."""
    for rule_id in ("SAT-ABC", "SAT-RESPONSE"):
        refs = {(s.document, s.ref) for s in RULES[rule_id].sources}
        assert ("CC", "Art. 1259") in refs


def test_complaint_rate_inclusive_must_be_a_bool():
    """The new policy switch refuses non-bools, citing SAT-RATES."""
    with pytest.raises(InvalidTypeError) as info:
        Policy(complaint_rate_inclusive=1)  # type: ignore[arg-type]

    assert "SAT-RATES" == info.value.rule


def test_sat_rules_in_registry():
    """The registry holds exactly the SAT rules of decisions § 8, and VIS-OWNER."""
    assert set(SAT_RULES) == {r for r in RULES if r.startswith("SAT-")}
    assert "VIS-OWNER" in RULES


@pytest.mark.parametrize(
    ("rule_id", "document", "ref"),
    [
        ("SAT-ABC", "S000", "施工质量回访制度 五"),
        ("SAT-ABC", "CC", "Art. 1259"),
        ("SAT-SCALE", "S003", "5(2)"),
        ("SAT-RESPONSE", "S004", "业主满意程度测量程序 4.2.1"),
        ("SAT-RATES", "S001", "住宅区管理处回访制度 一.4"),
        ("SAT-CLASS", "S002", "3客户回访计划 二"),
        ("SAT-ACTION", "S000", "施工质量回访制度 五"),
        ("SAT-ACTION", "S002", "1.4 回访总结"),
        ("SAT-CLASS", "S002", "3客户回访计划 三(1)①"),
        ("SAT-CLASS", "S002", "3客户回访计划 三(1)②"),
        ("VIS-OWNER", "S002", "1.1"),
        ("VIS-OWNER", "S000", "竣工工程质量回访制度 二"),
        ("VIS-OWNER", "S003", ""),
    ],
)
def test_sat_sources(rule_id, document, ref):
    """Each rule cites the seed DOMAIN.md gives it, at that place, with a quote."""
    quotes = [s.quote for s in RULES[rule_id].sources if (s.document, s.ref) == (document, ref)]

    assert 1 <= len(quotes)
    assert all(quotes)


def _table_values(policy=None):
    rows = list(csv.reader(io.StringIO(rule_table("csv", policy=policy))))[1:]
    return {row[0]: row[3] for row in rows}


def test_every_sat_policy_field_is_named_by_its_rule():
    """Each Policy field a SAT rule reads is listed in that rule's policy_fields."""
    fields = [f for f in attrs.fields(Policy) if f.metadata["rule"].startswith("SAT-")]

    assert 12 == len(fields)
    assert [] == [f.name for f in fields if f.name not in RULES[f.metadata["rule"]].policy_fields]


def test_sat_values_in_force_show_in_the_rule_table():
    """The rule table shows the SAT thresholds of the policy it is given."""
    policy = attrs.evolve(
        Policy(),
        quality_a_min=Decimal(90),
        quality_b_min=Decimal(70),
        survey_response_min=Decimal("0.6"),
        complaint_rate_max=Decimal("0.02"),
        complaint_rate_inclusive=False,
        handling_rate_target=Decimal("0.95"),
    )

    default, changed = _table_values(), _table_values(policy)

    assert "quality_a_min=85; quality_b_min=75" == default["SAT-ABC"]
    assert "quality_a_min=90; quality_b_min=70" == changed["SAT-ABC"]
    assert "survey_response_min=0.5" == default["SAT-RESPONSE"]
    assert "survey_response_min=0.6" == changed["SAT-RESPONSE"]
    assert (
        "handling_rate_target=1; complaint_rate_max=0.01; complaint_rate_inclusive=True"
        == default["SAT-RATES"]
    )
    assert (
        "handling_rate_target=0.95; complaint_rate_max=0.02; complaint_rate_inclusive=False"
        == changed["SAT-RATES"]
    )


def test_the_scale_shows_in_the_rule_table():
    """SAT-SCALE's value column lists the scale in force, best answer first."""
    default = "/".join(str(s.value) for s in Satisfaction)
    changed = Policy(satisfaction_scale={s: 100 - 20 * i for i, s in enumerate(Satisfaction)})

    assert "100/80/60/40/0" == default
    assert (
        "satisfaction_scale={VERY_SATISFIED: 100, SATISFIED: 80, FAIRLY_SATISFIED: 60, "
        "DISSATISFIED: 40, VERY_DISSATISFIED: 0}"
    ) == _table_values()["SAT-SCALE"]
    assert (
        "FAIRLY_SATISFIED: 60, DISSATISFIED: 40, VERY_DISSATISFIED: 20}"
        in (_table_values(changed)["SAT-SCALE"])
    )


def test_default_scale_is_the_enums():
    """Policy's default scale scores each answer its Satisfaction value (S003 5(2))."""
    assert {s.name: s.value for s in Satisfaction} == dict(Policy().satisfaction_scale)


def test_survey_score_follows_the_policy_scale():
    """survey_score scores each answer by the policy's scale; default 100/80/60/40/0."""
    scale = {"VERY_SATISFIED": 100, "SATISFIED": 90, "FAIRLY_SATISFIED": 70,
             "DISSATISFIED": 30, "VERY_DISSATISFIED": 0}  # fmt: skip
    answers = [Satisfaction.SATISFIED, Satisfaction.DISSATISFIED]

    assert Decimal("60.00") == survey_score(answers)
    assert Decimal("60.00") == survey_score(answers, policy=Policy(satisfaction_scale=scale))
    assert Decimal("90.00") == survey_score(
        [Satisfaction.SATISFIED], policy=Policy(satisfaction_scale=scale)
    )


@pytest.mark.parametrize(
    ("scale", "error"),
    [
        ([100, 80, 60, 40, 0], InvalidTypeError),
        ({"VERY_SATISFIED": 100}, InvalidInputError),
        ({"GREAT": 100, **dict(Policy().satisfaction_scale)}, InvalidInputError),
        ({**dict(Policy().satisfaction_scale), "SATISFIED": 101}, InvalidInputError),
        ({**dict(Policy().satisfaction_scale), "SATISFIED": -1}, InvalidInputError),
        ({**dict(Policy().satisfaction_scale), "SATISFIED": Decimal(80)}, InvalidTypeError),
        ({**dict(Policy().satisfaction_scale), "SATISFIED": True}, InvalidTypeError),
        ({**dict(Policy().satisfaction_scale), "SATISFIED": 100}, InvalidInputError),
        ({**dict(Policy().satisfaction_scale), "DISSATISFIED": 60}, InvalidInputError),
        ({**dict(Policy().satisfaction_scale), Satisfaction.SATISFIED: 70}, InvalidInputError),
        ({**dict(Policy().satisfaction_scale), 5: 70}, InvalidInputError),
    ],
)
def test_bad_scales_are_refused(scale, error):
    """Bad scales are refused with typed errors naming field and rule.

    Not a mapping, missing or unknown answers, scores outside 0-100 or not whole, scores
    not falling strictly from best to worst.
    """
    with pytest.raises(error, match=r"satisfaction_scale.*SAT-SCALE"):
        Policy(satisfaction_scale=scale)


def test_sat_action_says_what_is_computed_and_what_is_documentary():
    """SAT-ACTION: C requires corrective action (computed); the per-grade follow-up is stated."""
    rule = RULES["SAT-ACTION"]

    assert not rule.documentary
    assert "documentary" in rule.statement
    assert "grade C requires a corrective-action record" in rule.value


# --- survey_result (SAT-RESPONSE with SAT-SCALE) -----------------------------------------


@pytest.mark.parametrize(
    ("sent", "returned", "findings"),
    [(10, 4, ("BELOW_RETURN_TARGET",)), (10, 5, ()), (10, 6, ()), (1, 0, ("BELOW_RETURN_TARGET",))],
)
def test_survey_result_scores_every_survey_and_flags_a_low_return(sent, returned, findings):
    """SAT-RESPONSE: below 50 % returned the survey is still scored, with BELOW_RETURN_TARGET.

    S004 "调查表的回收率应达到50%以上": 50 % itself meets the target (以上, CC 1259).
    """
    answers = {"质量": rr.Satisfaction.VERY_SATISFIED, "服务": rr.Satisfaction.SATISFIED}
    result = rr.survey_result(answers, sent=sent, returned=returned, weights={"质量": 3, "服务": 1})

    assert Decimal("95.00") == result.score
    assert (returned, sent) == (result.response.numerator, result.response.denominator)
    assert findings == result.findings
    assert (not findings) is result.response.meets_target
    assert ("SAT-SCALE", "SAT-RESPONSE") == result.rules
    assert rr.survey_counts(sent, returned) is (not findings)


@pytest.mark.parametrize(("sent", "returned"), [(0, 0), (10, 11), (-1, 0), (10, -1)])
def test_survey_result_refuses_impossible_counts(sent, returned):
    """Sent > 0 and 0 <= returned <= sent, as survey_counts requires."""
    with pytest.raises(rr.InvalidInputError) as info:
        rr.survey_result([rr.Satisfaction.SATISFIED], sent=sent, returned=returned)
    assert info.value.field in {"sent", "returned"}
    with pytest.raises(rr.InvalidInputError):
        rr.survey_counts(sent, returned)


# --- SAT-SAMPLING -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("of", "share"),
    [
        (rr.SamplingTarget.MANAGER, Fraction(1, 10)),
        (rr.SamplingTarget.SUPERVISOR, Fraction(3, 10)),
        (rr.SamplingTarget.REPAIR_LEAD, Fraction(6, 10)),
        (rr.SamplingTarget.COMPLAINTS, Fraction(1)),
        (rr.SamplingTarget.REPAIR_WORKS, Fraction(3, 10)),
    ],
)
def test_sampling_targets_and_their_boundaries(of, share):
    """S001 "经理回访率不低于10%;主管回访率不低于30%;维修负责人回访率不低于60%"; complaints 100 %.

    不低于 includes the share: at it the target is met, one repair fewer it is not.
    """
    done = 100
    at = int(share * done)
    assert rr.sampling_rate(at, done, of=of).meets_target is True
    assert rr.sampling_rate(at - 1, done, of=of).meets_target is False
    assert Decimal(share.numerator) / share.denominator == rr.sampling_rate(at, done, of=of).target
    assert ("SAT-SAMPLING",) == rr.sampling_rate(at, done, of=of).rules
    assert of.zh
    assert None is rr.sampling_rate(0, 0, of=of).meets_target


def test_sampling_rate_follows_the_policy_and_refuses_bad_input():
    """The shares are Policy fields; counts are checked; ``of`` must be a SamplingTarget."""
    policy = Policy(manager_revisit_min=Decimal("0.2"))
    assert rr.sampling_rate(1, 10, of=rr.SamplingTarget.MANAGER).meets_target is True
    assert (
        rr.sampling_rate(1, 10, of=rr.SamplingTarget.MANAGER, policy=policy).meets_target is False
    )
    with pytest.raises(InvalidInputError, match="revisited"):
        rr.sampling_rate(11, 10, of=rr.SamplingTarget.MANAGER)
    with pytest.raises(InvalidTypeError, match="of"):
        rr.sampling_rate(1, 10, of="MANAGER")  # type: ignore[arg-type]


@given(st.integers(0, 500), st.integers(0, 500), st.sampled_from(list(rr.SamplingTarget)))
def test_sampling_meets_exactly_at_or_above_the_share(revisited, extra, of):
    """SAT-SAMPLING: met iff revisited / done >= the share (exact arithmetic)."""
    done = revisited + extra
    result = rr.sampling_rate(revisited, done, of=of)
    if done == 0:
        assert result.meets_target is None
    else:
        assert result.meets_target is (Fraction(revisited, done) >= Fraction(result.target))


# --- SAT-REWORK -------------------------------------------------------------------------


def test_rework_and_repeat_repair_rates():
    """SAT-REWORK (S004 "投诉率、返修率"): two figures, no target, the caller's units."""
    rework = rr.rework_rate(3, 120)
    assert (Fraction(1, 40), None, ("SAT-REWORK",)) == (
        rework.value,
        rework.meets_target,
        rework.rules,
    )
    assert Fraction(5, 4) == rr.rework_rate(5, 4).value  # a unit repaired twice counts twice
    assert None is rr.rework_rate(0, 0).value
    repeat = rr.repeat_repair_rate(1, 8)
    assert (Fraction(1, 8), None) == (repeat.value, repeat.target)
    with pytest.raises(InvalidInputError, match="delivered"):
        rr.rework_rate(1, 0)
    with pytest.raises(InvalidInputError, match="not_accepted"):
        rr.repeat_repair_rate(9, 8)
    with pytest.raises(InvalidTypeError):
        rr.rework_rate(True, 10)  # type: ignore[arg-type]  # noqa: FBT003 - the point
