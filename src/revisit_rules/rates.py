"""Rates: survey response, satisfaction, complaint, handling, sampling and rework (SAT).

* :func:`response_rate` and :func:`survey_counts`: a survey counts when at least 50 % of
  the forms came back, 50 % included (SAT-RESPONSE).
* :func:`satisfaction_rate`, :func:`complaint_rate` and :func:`handling_rate` are the
  portfolio indicators (SAT-RATES), returned as :class:`RateResult`.
* :func:`sampling_rate`, :func:`rework_rate` and :func:`repeat_repair_rate`: the sampling
  target and the rework indicators (SAT-SAMPLING, SAT-REWORK).
* :func:`survey_result`: the owner survey's score with its response (SAT-SURVEY).

Sources: S004 业主满意程度测量程序 4.2.1 (50 % returned) and 4.7.3; S001 住宅区管理处回访制度
(handling rate 100 %, complaint rate 1 %).

>>> from revisit_rules.rates import survey_counts
>>> survey_counts(sent=40, returned=20)  # 50 % is 50%以上
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from revisit_rules._check import (
    CODES,
    RULE_IDS,
    check_bool,
    check_int,
    check_member,
    instance,
    tuple_of,
)
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.policy import policy_or_default

if TYPE_CHECKING:
    from collections.abc import Hashable

    from revisit_rules.policy import Policy

from revisit_rules.grading import Grade, Grading, Satisfaction, _hundredths, survey_score

__all__ = [
    "BELOW_RETURN_TARGET",
    "RateResult",
    "SamplingTarget",
    "SurveyResult",
    "complaint_rate",
    "handling_rate",
    "repeat_repair_rate",
    "response_rate",
    "rework_rate",
    "sampling_rate",
    "satisfaction_rate",
    "survey_counts",
    "survey_result",
]


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

    numerator: int = attrs.field(
        validator=lambda _i, _a, v: _count("RateResult.numerator", v, rule="SAT-RATES")
    )
    denominator: int = attrs.field(
        validator=lambda _i, _a, v: _count("RateResult.denominator", v, rule="SAT-RATES")
    )
    target: Decimal | None = attrs.field(
        validator=instance("RateResult.target", Decimal, rule="SAT-RATES", optional=True)
    )
    meets_target: bool | None = attrs.field(validator=lambda _i, _a, v: _verdict(v))
    rules: tuple[str, ...] = attrs.field(
        validator=tuple_of("RateResult.rules", str, rule="SAT-RATES", what=RULE_IDS)
    )

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


def _verdict(value: object) -> None:
    if value is not None:
        check_bool("RateResult.meets_target", value, rule="SAT-RATES")


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

    >>> from revisit_rules import ServiceRating, grade_visit
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

    score: Decimal = attrs.field(
        validator=instance("SurveyResult.score", Decimal, rule="SAT-SCALE")
    )
    response: RateResult = attrs.field(
        validator=instance("SurveyResult.response", RateResult, rule="SAT-RESPONSE")
    )
    findings: tuple[str, ...] = attrs.field(
        validator=tuple_of("SurveyResult.findings", str, rule="SAT-RESPONSE", what=CODES)
    )
    rules: tuple[str, ...] = attrs.field(
        validator=tuple_of("SurveyResult.rules", str, rule="SAT-SCALE", what=RULE_IDS)
    )


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
