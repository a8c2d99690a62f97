"""Satisfaction: grading revisits A/B/C, survey scores and indicators (SAT).

What this module decides:

* :func:`grade_visit` grades a revisit A, B or C from the customer's quality score and
  service rating (SAT-ABC). Each axis is graded on its own and the visit gets the worse of
  the two, which agrees with every case the source states, is total and is monotone. The
  thresholds are read per 民法典 Art. 1259: 85分以上 includes 85, 低于75分 excludes 75. A
  grade C calls for a corrective-action record (SAT-ACTION).
* :func:`survey_score` is the weighted mean of a survey's answers on the five-level scale
  很满意 100 … 很不满意 0 (SAT-SCALE), exact, rounded once to 0.01.
* :func:`survey_counts` says whether a survey counts: at least 50 % of the forms came back,
  50 % included (SAT-RESPONSE).
* :func:`satisfaction_rate`, :func:`complaint_rate` and :func:`handling_rate` are the
  portfolio indicators (SAT-RATES), returned as :class:`RateResult`.
* The customer classes (SAT-CLASS) live with the project (:class:`~revisit_rules.Project`,
  :class:`~revisit_rules.CustomerClass`); who leads a visit (VIS-OWNER) with the revisits
  (:func:`~revisit_rules.visit_lead`).

Sources: S000 施工质量回访制度 五 (A/B/C); S003 5(2) (the scale, weights) and 5(3); S004
业主满意程度测量程序 4.2.1 (50 % returned); S001 住宅区管理处回访制度 (handling rate 100 %,
complaint rate 1 %); S002 1.4 (corrective action) and 3客户回访计划 (classes, who visits);
民法典 Art. 1259 (以上 includes the number).

>>> from revisit_rules.satisfaction import (
...     ServiceRating,
...     Satisfaction,
...     grade_visit,
...     survey_score,
...     survey_counts,
... )
>>> grade_visit(85, ServiceRating.EXCELLENT).grade
<Grade.A: 'A'>
>>> grading = grade_visit(90, ServiceRating.AVERAGE)  # "高于85分但…一般": C
>>> grading.grade, grading.requires_corrective_action, grading.rules
(<Grade.C: 'C'>, True, ('SAT-ABC', 'SAT-ACTION'))
>>> survey_score(
...     {"质量": Satisfaction.VERY_SATISFIED, "服务": Satisfaction.SATISFIED},
...     {"质量": 3, "服务": 1},
... )
Decimal('95.00')
>>> survey_counts(sent=40, returned=20)  # 50 % is 50%以上
True
"""

from __future__ import annotations

import enum
import numbers
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from revisit_rules._check import check_decimal_size, check_int, check_member
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.io.text import member_from_text
from revisit_rules.policy import policy_or_default

if TYPE_CHECKING:
    from collections.abc import Hashable

    from revisit_rules.policy import Policy

__all__ = [
    "BELOW_RETURN_TARGET",
    "Grade",
    "Grading",
    "RateResult",
    "SamplingTarget",
    "Satisfaction",
    "ServiceRating",
    "SurveyResult",
    "complaint_rate",
    "grade_visit",
    "handling_rate",
    "repeat_repair_rate",
    "response_rate",
    "rework_rate",
    "sampling_rate",
    "satisfaction_rate",
    "survey_counts",
    "survey_result",
    "survey_score",
]

#: The scale's full marks: quality scores and survey scores lie in 0..100 (S003 满分100分).
_FULL_MARKS: Final = 100

#: What an exact number is, in the words of the error messages.
_EXACT: Final = "an exact number: int, decimal.Decimal or fractions.Fraction"

E = TypeVar("E", bound=enum.Enum)


class _Ranked(enum.Enum):
    """An enum whose members are ordered: the first member defined is the highest."""

    @property
    def _rank(self) -> int:
        return -list(type(self)).index(self)

    def __lt__(self, other: object) -> bool:
        """Lower than ``other`` (a member of the same enum)."""
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._rank < other._rank

    def __le__(self, other: object) -> bool:
        """Lower than or the same as ``other``."""
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._rank <= other._rank

    def __gt__(self, other: object) -> bool:
        """Higher than ``other``."""
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._rank > other._rank

    def __ge__(self, other: object) -> bool:
        """Higher than or the same as ``other``."""
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._rank >= other._rank


# --- SAT-ABC ---------------------------------------------------------------------------


class Grade(_Ranked):
    """A revisit's grade (SAT-ABC), ordered ``A > B > C``; C requires corrective action.

    >>> Grade.A > Grade.B > Grade.C, min(Grade.A, Grade.C)
    (True, <Grade.C: 'C'>)
    """

    A = "A"
    B = "B"
    C = "C"

    @property
    def zh(self) -> str:
        """The Chinese label (``A级``)."""
        return f"{self.value}级"


class ServiceRating(_Ranked):
    """The customer's rating of the company's service and attention (SAT-ABC).

    Ordered ``EXCELLENT > GOOD > AVERAGE > POOR``; :attr:`grade` is the grade of the
    service axis.

    >>> ServiceRating.from_text("良好"), ServiceRating.GOOD.grade
    (<ServiceRating.GOOD: 'good'>, <Grade.B: 'B'>)
    """

    EXCELLENT = "excellent"
    GOOD = "good"
    AVERAGE = "average"
    POOR = "poor"

    @property
    def zh(self) -> str:
        """The Chinese label, as the source writes it (优秀, 良好, 一般, 较差)."""
        return {"excellent": "优秀", "good": "良好", "average": "一般", "poor": "较差"}[self.value]

    @property
    def grade(self) -> Grade:
        """The service axis's grade: excellent A, good B, average and poor C (SAT-ABC)."""
        return {"excellent": Grade.A, "good": Grade.B}.get(self.value, Grade.C)

    @classmethod
    def from_text(cls, text: str) -> ServiceRating:
        """The rating named ``text``: its name in any case (``"good"``) or its label (``良好``)."""
        return member_from_text(cls, text, field=f"{cls.__name__}.from_text(text)", rule="SAT-ABC")


@attrs.frozen
class Grading:
    """A graded revisit: its grade, the grade of each axis, and the rules applied.

    ``grade`` is the worse of ``quality_grade`` and ``service_grade`` (SAT-ABC). ``rules``
    is ``("SAT-ABC",)``, with ``"SAT-ACTION"`` added when the grade is C.
    """

    grade: Grade = attrs.field(validator=attrs.validators.instance_of(Grade))
    quality_grade: Grade = attrs.field(validator=attrs.validators.instance_of(Grade))
    service_grade: Grade = attrs.field(validator=attrs.validators.instance_of(Grade))
    rules: tuple[str, ...]

    @property
    def requires_corrective_action(self) -> bool:
        """A C grade has not reached the owner's satisfaction: a corrective-action record is due.

        (SAT-ACTION; S002 1.4 "对于未能达到业主满意的工程…制定并实施纠正措施".)

        >>> grade_visit(74, ServiceRating.EXCELLENT).requires_corrective_action
        True
        """
        return self.grade is Grade.C


def _exact(field: str, value: object, *, rule: str) -> Decimal | Fraction:
    """``value`` as an exact number; a typed error for bools, floats, NaN, infinity.

    A finite ``Decimal`` is returned as it is: turning it into a ``Fraction`` costs time and
    memory in proportion to its exponent, and comparing it does not. Every other rational
    (int, Fraction, numpy integers …) becomes a ``Fraction``.
    """
    if isinstance(value, bool):
        raise InvalidTypeError(field, value, f"{_EXACT} (not a bool)", rule=rule)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidInputError(
                field, value, "a finite number (not NaN or infinity)", rule=rule
            )
        return value
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, float):
        raise InvalidTypeError(
            field,
            value,
            f"{_EXACT}; floats are refused because their binary value is not the score "
            "that was meant (pass Decimal(str(x)) if the float is exactly what you mean)",
            rule=rule,
        )
    raise InvalidTypeError(field, value, _EXACT, rule=rule)


def _quality_grade(score: Decimal | Fraction, policy: Policy) -> Grade:
    # Decimal and Fraction compare exactly with the Decimal thresholds (no conversion).
    if score >= policy.quality_a_min:
        return Grade.A
    if score >= policy.quality_b_min:
        return Grade.B
    return Grade.C


def grade_visit(
    quality_score: int | Decimal | Fraction,
    service: ServiceRating,
    *,
    policy: Policy | None = None,
) -> Grading:
    """Grade a revisit A, B or C from its quality score and service rating (SAT-ABC).

    Quality: a score of at least ``policy.quality_a_min`` (85) is A, at least
    ``policy.quality_b_min`` (75) is B, anything lower is C — 85分以上 includes 85 and
    低于75分 excludes 75 (民法典 Art. 1259). Service: excellent A, good B, average or poor
    C. The visit's grade is the worse of the two, so the cases the source leaves open are
    answered too: quality A with service good is B; quality B with service excellent is B;
    quality B with service average or poor is C; exactly 85 with service average or poor
    is C (the source's C names only 高于85分).

    The score must be an exact number from 0 to 100: an ``int``, a ``Decimal`` or a
    ``Fraction``. Floats are refused (:class:`~revisit_rules.InvalidTypeError`): a float
    such as ``84.99999999999999`` that was meant to be 85 would silently grade B, and the
    grade is a threshold decision where such an error costs the most. Pass
    ``Decimal(str(x))`` when a float holds exactly the score you mean.

    Args:
        quality_score: the customer's quality score, 0 to 100.
        service: the customer's service rating.
        policy: the thresholds in force (default: ``Policy()``).

    Raises:
        InvalidTypeError: a bool, float, string or other non-number score; a service that
            is not a :class:`ServiceRating`.
        InvalidInputError: a NaN or infinite ``Decimal``, or a score outside 0..100. A
            ``Decimal`` of any exponent or precision is compared exactly, never expanded.

    >>> [grade_visit(s, ServiceRating.EXCELLENT).grade.value for s in (74, 75, 84, 85, 100)]
    ['C', 'B', 'B', 'A', 'A']
    >>> grade_visit(Decimal("84.99"), ServiceRating.GOOD).quality_grade
    <Grade.B: 'B'>
    >>> grade_visit(85.0, ServiceRating.GOOD)
    Traceback (most recent call last):
    ...
    revisit_rules.errors.InvalidTypeError: quality_score = 85.0: expected an exact number: ...
    """
    policy = policy_or_default(policy, rule="SAT-ABC")
    score = _exact("quality_score", quality_score, rule="SAT-ABC")
    if not 0 <= score <= _FULL_MARKS:
        raise InvalidInputError(
            "quality_score", quality_score, f"a score from 0 to {_FULL_MARKS}", rule="SAT-ABC"
        )
    if not isinstance(service, ServiceRating):
        raise InvalidTypeError(
            "service",
            service,
            "a ServiceRating (EXCELLENT, GOOD, AVERAGE, POOR; ServiceRating.from_text parses "
            "'优秀', '良好', '一般', '较差')",
            rule="SAT-ABC",
        )
    quality_grade = _quality_grade(score, policy)
    grade = min(quality_grade, service.grade)
    rules = ("SAT-ABC", "SAT-ACTION") if grade is Grade.C else ("SAT-ABC",)
    return Grading(grade, quality_grade, service.grade, rules)


# --- SAT-SCALE -------------------------------------------------------------------------


class Satisfaction(enum.Enum):
    """One answer on the five-level satisfaction scale (SAT-SCALE); the value is its score.

    >>> Satisfaction.FAIRLY_SATISFIED.score, Satisfaction.FAIRLY_SATISFIED.zh
    (Decimal('60'), '较满意')
    """

    VERY_SATISFIED = 100
    SATISFIED = 80
    FAIRLY_SATISFIED = 60
    DISSATISFIED = 40
    VERY_DISSATISFIED = 0

    @property
    def zh(self) -> str:
        """The Chinese label, as the source writes it."""
        return {100: "很满意", 80: "满意", 60: "较满意", 40: "不满意", 0: "很不满意"}[self.value]

    @property
    def score(self) -> Decimal:
        """The answer's score on the source's scale, 0 to 100 (S003 5(2)).

        :func:`survey_score` reads the scale of its policy
        (``Policy.satisfaction_scale``), whose default is this one.
        """
        return Decimal(self.value)

    @classmethod
    def from_text(cls, text: str) -> Satisfaction:
        """The answer named ``text``: its name in any case or its label (``"满意"``)."""
        return member_from_text(
            cls, text, field=f"{cls.__name__}.from_text(text)", rule="SAT-SCALE"
        )


def _hundredths(value: Fraction) -> Decimal:
    """``value`` (>= 0) rounded once to 0.01, half to even, as a ``Decimal`` with 2 places."""
    quotient, remainder = divmod(value.numerator * 100, value.denominator)
    if 2 * remainder > value.denominator or (
        2 * remainder == value.denominator and quotient % 2 == 1
    ):
        quotient += 1
    return Decimal(quotient).scaleb(-2)


def _answers(answers: object) -> dict[Hashable, Satisfaction]:
    if isinstance(answers, Mapping):
        items = dict(answers)
    elif isinstance(answers, Sequence) and not isinstance(answers, (str, bytes, bytearray)):
        items = dict(enumerate(answers))
    else:
        raise InvalidTypeError(
            "answers",
            answers,
            "a mapping factor -> Satisfaction, or a sequence (list, tuple) of Satisfaction",
            rule="SAT-SCALE",
        )
    if not items:
        raise InvalidInputError("answers", answers, "at least one answer", rule="SAT-SCALE")
    for factor, answer in items.items():
        if not isinstance(answer, Satisfaction):
            raise InvalidTypeError(
                f"answers[{factor!r}]",
                answer,
                "a Satisfaction (VERY_SATISFIED … VERY_DISSATISFIED)",
                rule="SAT-SCALE",
            )
    return items


def _weights(weights: object, answered: Iterable[Hashable]) -> dict[Hashable, Fraction]:
    if not isinstance(weights, Mapping):
        raise InvalidTypeError(
            "weights", weights, "a mapping factor -> weight, or None", rule="SAT-SCALE"
        )
    factors = list(answered)
    unknown = [key for key in weights if key not in factors]
    if unknown:
        raise InvalidInputError(
            "weights",
            weights,
            f"weights only for the answered factors {factors!r} (unknown: {unknown!r})",
            rule="SAT-SCALE",
        )
    missing = [factor for factor in factors if factor not in weights]
    if missing:
        raise InvalidInputError(
            "weights",
            weights,
            f"a weight for every answered factor (missing: {missing!r})",
            rule="SAT-SCALE",
        )
    out: dict[Hashable, Fraction] = {}
    for factor in factors:
        field, raw = f"weights[{factor!r}]", weights[factor]
        weight = _exact(field, raw, rule="SAT-SCALE")
        if weight < 0:
            raise InvalidInputError(field, raw, "a weight >= 0", rule="SAT-SCALE")
        if isinstance(weight, Decimal):
            check_decimal_size(
                field,
                weight,
                rule="SAT-SCALE",
                why=" (weights are relative: scale them all alike)",
            )
            weight = Fraction(weight)
        out[factor] = weight
    if not any(out.values()):
        raise InvalidInputError(
            "weights", weights, "weights whose sum is more than 0", rule="SAT-SCALE"
        )
    return out


def survey_score(
    answers: Mapping[Hashable, Satisfaction] | Sequence[Satisfaction],
    weights: Mapping[Hashable, int | Decimal | Fraction] | None = None,
    *,
    policy: Policy | None = None,
) -> Decimal:
    """A survey's score: the weighted mean of its answers' scores (SAT-SCALE), 0 to 100.

    ``answers`` maps each factor (e.g. ``"质量"``, ``"服务"``) to the answer given; a
    sequence of answers stands for the mapping from positions ``0, 1, …`` to them.
    ``weights`` maps every answered factor, and no other, to a weight >= 0 (an exact
    number: int, Decimal or Fraction), the weights summing to more than 0 — S003 sets them
    per project by the owner's concern. Without ``weights`` every answer weighs the same.
    Each answer scores what ``policy.satisfaction_scale`` gives it (by default the source's
    100/80/60/40/0, the answer's :attr:`Satisfaction.score`).

    The mean is computed exactly and rounded once to 0.01, half to even; the answers'
    scores are whole numbers, so the result always lies between the lowest and the
    highest answer.

    Raises:
        InvalidTypeError: answers that are not a mapping or a sequence, an answer that is
            not a :class:`Satisfaction`, weights that are not a mapping, a weight that is
            not an exact number.
        InvalidInputError: no answers; weights for factors not answered; answered factors
            without a weight; a negative, NaN or infinite weight; a Decimal weight whose
            exponent lies outside -1000..1000; weights summing to 0.

    >>> survey_score([Satisfaction.SATISFIED, Satisfaction.FAIRLY_SATISFIED])
    Decimal('70.00')
    >>> survey_score([Satisfaction.VERY_SATISFIED] * 2 + [Satisfaction.DISSATISFIED])
    Decimal('80.00')
    >>> survey_score([Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED], {0: 1, 1: 2})
    Decimal('86.67')
    """
    scale = policy_or_default(policy, rule="SAT-SCALE").satisfaction_scale
    items = _answers(answers)
    weighed = dict.fromkeys(items, Fraction(1)) if weights is None else _weights(weights, items)
    total = sum(weighed.values(), Fraction(0))
    mean = sum((weighed[f] * scale[items[f].name] for f in items), Fraction(0)) / total
    return _hundredths(mean)


# --- SAT-RESPONSE and SAT-RATES --------------------------------------------------------


@attrs.frozen
class RateResult:
    """A rate (numerator / denominator), its target and whether it meets it, with the rules.

    An empty denominator (no visit rated, nobody served, nothing due) has no value and no
    verdict: :attr:`value` and :attr:`meets_target` are ``None``; so is ``meets_target``
    for a rate the sources set no target for (``target`` ``None``).

    >>> r = handling_rate(handled=19, due=20)
    >>> r.value, r.percent, r.meets_target, r.rules
    (Fraction(19, 20), Decimal('95.00'), False, ('SAT-RATES',))
    """

    numerator: int
    denominator: int
    target: Decimal | None
    meets_target: bool | None
    rules: tuple[str, ...]

    @property
    def value(self) -> Fraction | None:
        """The rate as an exact fraction (0.5 for half), or ``None`` for an empty denominator."""
        if self.denominator == 0:
            return None
        return Fraction(self.numerator, self.denominator)

    @property
    def percent(self) -> Decimal | None:
        """The rate in percent, rounded to 0.01 half to even (for display), or ``None``."""
        value = self.value
        return None if value is None else _hundredths(value * 100)


def _count(field: str, value: object, *, rule: str) -> int:
    return check_int(field, value, minimum=0, rule=rule)


def response_rate(sent: int, returned: int, *, policy: Policy | None = None) -> RateResult:
    """The share of survey forms returned, against ``policy.survey_response_min`` (SAT-RESPONSE).

    The target is met at 50 % and above (达到50%以上 includes 50 %, 民法典 Art. 1259).

    Raises:
        InvalidTypeError: a count that is not an ``int`` (bools included).
        InvalidInputError: a negative count; no form sent; more returned than sent.

    >>> response_rate(sent=40, returned=19).meets_target
    False
    """
    policy = policy_or_default(policy, rule="SAT-RESPONSE")
    sent = _count("sent", sent, rule="SAT-RESPONSE")
    returned = _count("returned", returned, rule="SAT-RESPONSE")
    if sent == 0:
        raise InvalidInputError(
            "sent",
            sent,
            "at least 1 form sent (a survey of no one has no response rate)",
            rule="SAT-RESPONSE",
        )
    if returned > sent:
        raise InvalidInputError(
            "returned", returned, f"at most the forms sent ({sent})", rule="SAT-RESPONSE"
        )
    target = policy.survey_response_min
    meets = Fraction(returned, sent) >= Fraction(target)
    return RateResult(returned, sent, target, meets, ("SAT-RESPONSE",))


def survey_counts(sent: int, returned: int, *, policy: Policy | None = None) -> bool:
    """Whether a satisfaction survey counts: at least 50 % of its forms came back (SAT-RESPONSE).

    Same checks as :func:`response_rate`, whose ``meets_target`` this is.

    >>> [survey_counts(100, n) for n in (49, 50, 51)]
    [False, True, True]
    """
    return bool(response_rate(sent, returned, policy=policy).meets_target)


def satisfaction_rate(gradings: Iterable[Grading | Grade | None]) -> RateResult:
    """The share of graded visits that reached the owner's satisfaction: not graded C (SAT-RATES).

    A C grade is the one that "未能达到业主满意" and requires corrective action (SAT-ACTION),
    so A and B count as satisfied. ``None`` stands for a visit not rated and is left out of
    the denominator. The sources set no target for this rate: ``target`` and
    ``meets_target`` are ``None``.

    Raises:
        InvalidTypeError: ``gradings`` not an iterable, or an item that is not a
            :class:`Grading`, a :class:`Grade` or ``None``.

    >>> satisfaction_rate([Grade.A, Grade.C, None, grade_visit(80, ServiceRating.GOOD)]).value
    Fraction(2, 3)
    >>> satisfaction_rate([None]).value is None
    True
    """
    if not isinstance(gradings, Iterable) or isinstance(gradings, (str, bytes, Mapping)):
        raise InvalidTypeError(
            "gradings", gradings, "an iterable of Grading, Grade or None", rule="SAT-RATES"
        )
    rated = satisfied = 0
    for index, item in enumerate(gradings):
        if item is None:
            continue
        grade = item.grade if isinstance(item, Grading) else item
        if not isinstance(grade, Grade):
            raise InvalidTypeError(
                f"gradings[{index}]", item, "a Grading, a Grade or None", rule="SAT-RATES"
            )
        rated += 1
        satisfied += grade is not Grade.C
    return RateResult(satisfied, rated, None, None, ("SAT-RATES",))


def complaint_rate(complaints: int, served: int, *, policy: Policy | None = None) -> RateResult:
    """Complaints per customer served, against ``policy.complaint_rate_max`` (SAT-RATES).

    The target is met at 1 % and below: 民法典 Art. 1259 reads the source's "1%以下" as
    including 1 % (``policy.complaint_rate_inclusive``, default True; False reads it as
    strictly below). The target is one to strive for ("力争"): reported as met or not, never
    an error. The denominator (households or services) is the caller's. A customer may
    complain more than once, so
    ``complaints`` may exceed ``served``. Nobody served and no complaint gives no value
    and no verdict (``None``).

    Raises:
        InvalidTypeError: a count that is not an ``int`` (bools included).
        InvalidInputError: a negative count; complaints with nobody served.

    >>> [complaint_rate(n, 100).meets_target for n in (0, 1, 2)]
    [True, True, False]
    """
    policy = policy_or_default(policy, rule="SAT-RATES")
    complaints = _count("complaints", complaints, rule="SAT-RATES")
    served = _count("served", served, rule="SAT-RATES")
    target = policy.complaint_rate_max
    if served == 0:
        if complaints:
            raise InvalidInputError(
                "served",
                served,
                f"at least 1 when there are complaints ({complaints})",
                rule="SAT-RATES",
            )
        return RateResult(0, 0, target, None, ("SAT-RATES",))
    rate = Fraction(complaints, served)
    limit = Fraction(target)
    meets = rate <= limit if policy.complaint_rate_inclusive else rate < limit
    return RateResult(complaints, served, target, meets, ("SAT-RATES",))


def handling_rate(handled: int, due: int, *, policy: Policy | None = None) -> RateResult:
    """Revisits handled per revisit due, against ``policy.handling_rate_target`` (SAT-RATES).

    The target (回访处理率达100%) is met when the rate reaches it. Nothing due gives no
    value and no verdict (``None``).

    Raises:
        InvalidTypeError: a count that is not an ``int`` (bools included).
        InvalidInputError: a negative count; more handled than due.

    >>> handling_rate(handled=20, due=20).meets_target, handling_rate(0, 0).meets_target
    (True, None)
    """
    policy = policy_or_default(policy, rule="SAT-RATES")
    handled = _count("handled", handled, rule="SAT-RATES")
    due = _count("due", due, rule="SAT-RATES")
    if handled > due:
        raise InvalidInputError(
            "handled", handled, f"at most the revisits due ({due})", rule="SAT-RATES"
        )
    target = policy.handling_rate_target
    if due == 0:
        return RateResult(0, 0, target, None, ("SAT-RATES",))
    meets = Fraction(handled, due) >= Fraction(target)
    return RateResult(handled, due, target, meets, ("SAT-RATES",))


# --- SAT-SAMPLING and SAT-REWORK --------------------------------------------------------


class SamplingTarget(enum.Enum):
    """Whose repair revisits, or what revisits, a sampling rate counts (SAT-SAMPLING)."""

    #: The manager (经理) revisits at least 10 % of repairs.
    MANAGER = "manager"
    #: The supervisor (主管) at least 30 %.
    SUPERVISOR = "supervisor"
    #: The repair lead (维修负责人) at least 60 %.
    REPAIR_LEAD = "repair_lead"
    #: Complaints (投诉事件) are revisited 100 %.
    COMPLAINTS = "complaints"
    #: Resident repair requests and repair works (业户报修、维修工程) at least 30 %.
    REPAIR_WORKS = "repair_works"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {
            "manager": "经理回访率",
            "supervisor": "主管回访率",
            "repair_lead": "维修负责人回访率",
            "complaints": "投诉回访率",
            "repair_works": "维修工程回访率",
        }[self.value]

    @property
    def policy_field(self) -> str:
        """The :class:`~revisit_rules.Policy` field holding its least share."""
        return {
            "manager": "manager_revisit_min",
            "supervisor": "supervisor_revisit_min",
            "repair_lead": "repair_lead_revisit_min",
            "complaints": "complaint_revisit_min",
            "repair_works": "works_revisit_min",
        }[self.value]


def sampling_rate(
    revisited: int, done: int, *, of: SamplingTarget, policy: Policy | None = None
) -> RateResult:
    """A repair-revisit sampling rate against its least share (SAT-SAMPLING).

    For a role: repairs done in the period with at least one repair revisit by that role
    ÷ repairs done (a repair counts for every role that revisited it); for complaints or
    repair works: those revisited ÷ those closed or done. The target is met at the share
    and above (不低于 includes it, 民法典 Art. 1259). Nothing done gives no value and no
    verdict.

    Raises:
        InvalidTypeError: a count that is not an ``int``; ``of`` not a SamplingTarget.
        InvalidInputError: a negative count; more revisited than done.

    >>> sampling_rate(3, 10, of=SamplingTarget.SUPERVISOR).meets_target
    True
    >>> sampling_rate(5, 10, of=SamplingTarget.REPAIR_LEAD).meets_target
    False
    """
    check_member("of", of, SamplingTarget, rule="SAT-SAMPLING")
    policy = policy_or_default(policy, rule="SAT-SAMPLING")
    revisited = _count("revisited", revisited, rule="SAT-SAMPLING")
    done = _count("done", done, rule="SAT-SAMPLING")
    if revisited > done:
        raise InvalidInputError(
            "revisited", revisited, f"at most the repairs done ({done})", rule="SAT-SAMPLING"
        )
    target: Decimal = getattr(policy, of.policy_field)
    if done == 0:
        return RateResult(0, 0, target, None, ("SAT-SAMPLING",))
    meets = Fraction(revisited, done) >= Fraction(target)
    return RateResult(revisited, done, target, meets, ("SAT-SAMPLING",))


def rework_rate(repairs: int, delivered: int) -> RateResult:
    """The rework rate (返修率): warranty repairs in the period ÷ units delivered (SAT-REWORK).

    The denominator is the caller's (units delivered); a unit repaired twice may count
    twice, so ``repairs`` may exceed ``delivered``. The sources set no target
    (``meets_target`` None); nothing delivered gives no value.

    >>> rework_rate(3, 120).percent
    Decimal('2.50')
    """
    repairs = _count("repairs", repairs, rule="SAT-REWORK")
    delivered = _count("delivered", delivered, rule="SAT-REWORK")
    if delivered == 0 and repairs:
        raise InvalidInputError(
            "delivered",
            delivered,
            f"at least 1 when there are repairs ({repairs})",
            rule="SAT-REWORK",
        )
    return RateResult(repairs, delivered, None, None, ("SAT-REWORK",))


def repeat_repair_rate(not_accepted: int, repaired: int) -> RateResult:
    """The repeat-repair rate: defects not accepted the first time ÷ defects repaired.

    SAT-REWORK's second figure (a repair whose REPAIR_DONE is ``ok=False``); a defect still
    not right after two repairs triggers SLA-TWO-FAILURES. No target; nothing repaired
    gives no value.

    >>> repeat_repair_rate(1, 8).value
    Fraction(1, 8)
    """
    not_accepted = _count("not_accepted", not_accepted, rule="SAT-REWORK")
    repaired = _count("repaired", repaired, rule="SAT-REWORK")
    if not_accepted > repaired:
        raise InvalidInputError(
            "not_accepted",
            not_accepted,
            f"at most the defects repaired ({repaired})",
            rule="SAT-REWORK",
        )
    return RateResult(not_accepted, repaired, None, None, ("SAT-REWORK",))


# --- the owner survey ---------------------------------------------------------------------

#: Finding: fewer survey forms came back than the return target (SAT-RESPONSE); the survey
#: is still scored and reported.
BELOW_RETURN_TARGET: Final = "BELOW_RETURN_TARGET"


@attrs.frozen
class SurveyResult:
    """An owner survey: its score, its response against the return target, its findings.

    Attributes:
        score: the weighted mean of the answers, 0 to 100 (SAT-SCALE).
        response: the forms returned ÷ sent against the return target (SAT-RESPONSE).
        findings: ``BELOW_RETURN_TARGET`` when the response misses the target.
        rules: the rules that produced the result.
    """

    score: Decimal
    response: RateResult
    findings: tuple[str, ...]
    rules: tuple[str, ...]


def survey_result(
    answers: Mapping[Hashable, Satisfaction] | Sequence[Satisfaction],
    *,
    sent: int,
    returned: int,
    weights: Mapping[Hashable, int | Decimal | Fraction] | None = None,
    policy: Policy | None = None,
) -> SurveyResult:
    """A survey scored (SAT-SCALE) and its response checked (SAT-RESPONSE), together.

    A survey below the return target is still scored and reported, with the finding
    ``BELOW_RETURN_TARGET`` (S004 "调查表的回收率应达到50%以上"): a target, not a reason to
    drop the answers.

    Raises:
        as :func:`survey_score` and :func:`response_rate`.

    >>> r = survey_result([Satisfaction.SATISFIED] * 3, sent=10, returned=4)
    >>> r.score, r.response.percent, r.findings
    (Decimal('80.00'), Decimal('40.00'), ('BELOW_RETURN_TARGET',))
    """
    response = response_rate(sent, returned, policy=policy)
    score = survey_score(answers, weights, policy=policy)
    findings = () if response.meets_target else (BELOW_RETURN_TARGET,)
    return SurveyResult(score, response, findings, ("SAT-SCALE", "SAT-RESPONSE"))
