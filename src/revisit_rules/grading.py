"""Grading: revisits graded A/B/C, and survey scores (SAT-ABC, SAT-SCALE).

What this module decides:

* :func:`grade_visit` grades a revisit A, B or C from the customer's quality score and
  service rating (SAT-ABC). Each axis is graded on its own and the visit gets the worse of
  the two, which agrees with every case the source states, is total and is monotone. The
  thresholds are read per 民法典 Art. 1259: 85分以上 includes 85, 低于75分 excludes 75. A
  grade C calls for a corrective-action record (SAT-ACTION).
* :func:`survey_score` is the weighted mean of a survey's answers on the five-level scale
  很满意 100 … 很不满意 0 (SAT-SCALE), exact, rounded once to 0.01.
* The rates (response, satisfaction, complaint, handling, sampling, rework) are
  :mod:`revisit_rules.rates`.
* The customer classes (SAT-CLASS) live with the project (:class:`~revisit_rules.Project`,
  :class:`~revisit_rules.CustomerClass`); who leads a visit (VIS-OWNER) with the revisits
  (:func:`~revisit_rules.visit_lead`).

Sources: S000 施工质量回访制度 五 (A/B/C); S003 5(2) (the scale, weights) and 5(3); S002
1.4 (corrective action); 民法典 Art. 1259 (以上 includes the number).

>>> from revisit_rules.grading import (
...     ServiceRating,
...     Satisfaction,
...     grade_visit,
...     survey_score,
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
"""

from __future__ import annotations

import enum
import numbers
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from revisit_rules._check import RULE_IDS, check_decimal_size, member, tuple_of
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.io.text import member_from_text
from revisit_rules.policy import policy_or_default

if TYPE_CHECKING:
    from collections.abc import Hashable

    from revisit_rules.policy import Policy

__all__ = [
    "Grade",
    "Grading",
    "Satisfaction",
    "ServiceRating",
    "grade_visit",
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

    grade: Grade = attrs.field(validator=member("Grading.grade", Grade, rule="SAT-ABC"))
    quality_grade: Grade = attrs.field(
        validator=member("Grading.quality_grade", Grade, rule="SAT-ABC")
    )
    service_grade: Grade = attrs.field(
        validator=member("Grading.service_grade", Grade, rule="SAT-ABC")
    )
    rules: tuple[str, ...] = attrs.field(
        validator=tuple_of("Grading.rules", str, rule="SAT-ABC", what=RULE_IDS)
    )

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
