"""The service indicators over a period (LED-KPI, SAT-RATES, SAT-SAMPLING, SAT-REWORK).

:meth:`Ledger.kpis <revisit_rules.Ledger.kpis>` counts, over a period of days and a set of
projects, what the ledger saw: the on-time rate of each rule, the revisit handling rate,
the complaint rate, the sampling rates of repair revisits and complaint revisits, the
rework and repeat-repair rates, the survey return rate and the median time to arrival.
Each figure is a :class:`~revisit_rules.RateResult` with its numerator, denominator and
target; the denominators the log cannot know (households served, units delivered) are the
caller's, and without them those figures are ``None``.

Counting rules (decisions § 10): an obligation counts in the period of its due day, an
event in the period of its day; an obligation is on time when MET, not when LATE or
OVERDUE; an OPEN or EXCUSED one is not counted.
"""

from __future__ import annotations

import datetime as dt
import statistics
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Final

import attrs

from revisit_rules._check import RULE_IDS, FrozenMap, dated, instance, mapping_of, tuple_of
from revisit_rules.rates import (
    RateResult,
    SamplingTarget,
    complaint_rate,
    handling_rate,
    repeat_repair_rate,
    response_rate,
    rework_rate,
    sampling_rate,
)
from revisit_rules.service_ledger._log import followers
from revisit_rules.service_ledger.details import (
    NoticeDetails,
    RepairDone,
    RepairRevisit,
    RevisitRole,
    Survey,
)
from revisit_rules.service_ledger.events import Event, EventKind
from revisit_rules.service_ledger.obligations import ObligationState

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from revisit_rules.policy import Policy
    from revisit_rules.service_ledger.obligations import Obligation

__all__ = ["Kpis", "kpis"]

K = EventKind
_RULE: Final = "LED-KPI"
#: The events that handle a problem a repair revisit found (SAT-RATES).
_HANDLING: Final = frozenset({K.FIX_NOTICE_SENT, K.NOTICE, K.COMPLAINT_ANSWERED})


@attrs.frozen
class Kpis:
    """The indicators of a ledger over a period (LED-KPI).

    Attributes:
        first: the period's first day (``None``: from the first event).
        last: its last day (``None``: to the ledger's instant).
        on_time: per rule, the obligations MET ÷ those MET, LATE or OVERDUE, target 100 %.
        handling_rate: problems found at repair revisits with a handling event by the
            period's end ÷ problems found (SAT-RATES, target 100 %).
        complaint_rate: complaints ÷ households (the caller's), or ``None`` without them.
        sampling: per :class:`~revisit_rules.SamplingTarget`, the repairs (or complaints)
            revisited ÷ those done (or closed) (SAT-SAMPLING).
        rework_rate: repairs ÷ units delivered (the caller's), or ``None`` (SAT-REWORK).
        repeat_repair_rate: notices whose first repair was not right ÷ notices repaired.
        survey_return: forms returned ÷ forms sent over the returned surveys, or ``None``
            (SAT-RESPONSE).
        median_arrival: the median hours from receipt to the first arrival over the
            non-emergency notices with one, to 0.01 h, or ``None``.
        rules: the rules that produced them.
    """

    first: dt.date | None = attrs.field(validator=dated("Kpis.first", rule=_RULE, optional=True))
    last: dt.date | None = attrs.field(validator=dated("Kpis.last", rule=_RULE, optional=True))
    on_time: Mapping[str, RateResult] = attrs.field(
        validator=mapping_of("Kpis.on_time", str, RateResult, rule=_RULE)
    )
    handling_rate: RateResult = attrs.field(
        validator=instance("Kpis.handling_rate", RateResult, rule="SAT-RATES")
    )
    complaint_rate: RateResult | None = attrs.field(
        validator=instance("Kpis.complaint_rate", RateResult, rule="SAT-RATES", optional=True)
    )
    sampling: Mapping[SamplingTarget, RateResult] = attrs.field(
        validator=mapping_of("Kpis.sampling", SamplingTarget, RateResult, rule="SAT-SAMPLING")
    )
    rework_rate: RateResult | None = attrs.field(
        validator=instance("Kpis.rework_rate", RateResult, rule="SAT-REWORK", optional=True)
    )
    repeat_repair_rate: RateResult = attrs.field(
        validator=instance("Kpis.repeat_repair_rate", RateResult, rule="SAT-REWORK")
    )
    survey_return: RateResult | None = attrs.field(
        validator=instance("Kpis.survey_return", RateResult, rule="SAT-RESPONSE", optional=True)
    )
    median_arrival: Decimal | None = attrs.field(
        validator=instance("Kpis.median_arrival", Decimal, rule=_RULE, optional=True)
    )
    rules: tuple[str, ...] = attrs.field(
        validator=tuple_of("Kpis.rules", str, rule=_RULE, what=RULE_IDS)
    )


def _on_time(obligations: Iterable[Obligation]) -> dict[str, RateResult]:
    counts: dict[str, list[int]] = {}
    for o in obligations:
        if o.state in {ObligationState.OPEN, ObligationState.EXCUSED}:
            continue
        met, decided = counts.setdefault(o.rule, [0, 0])
        counts[o.rule] = [met + (o.state is ObligationState.MET), decided + 1]
    return {
        rule: RateResult(met, decided, Decimal(1), met == decided, (rule, "LED-KPI"))
        for rule, (met, decided) in sorted(counts.items())
    }


def kpis(
    obligations: Iterable[Obligation],
    events: Iterable[Event],
    children: Mapping[str, list[Event]],
    *,
    first: dt.date | None,
    last: dt.date | None,
    day_of: dict[str, dt.date],
    households: int | None,
    units: int | None,
    policy: Policy,
) -> Kpis:
    """The indicators of ``obligations`` and ``events`` (already kept to the projects)."""

    def within(day: dt.date) -> bool:
        return (first is None or day >= first) and (last is None or day <= last)

    def following(event_id: str) -> list[Event]:
        return followers(children, event_id)

    kept = [e for e in events if within(day_of[e.id])]
    by_kind: dict[EventKind, list[Event]] = {}
    for e in kept:
        by_kind.setdefault(e.kind, []).append(e)
    # SAT-RATES: problems found at repair revisits, and those handled.
    problems = [
        e
        for e in by_kind.get(K.REPAIR_REVISITED, [])
        if isinstance(e.details, RepairRevisit) and e.details.problem
    ]
    handled = sum(
        any(f.kind in _HANDLING and (last is None or day_of[f.id] <= last) for f in following(p.id))
        for p in problems
    )
    # SAT-SAMPLING: repairs done, and those a role revisited; complaints closed and revisited.
    repairs = by_kind.get(K.REPAIR_DONE, [])
    sampling: dict[SamplingTarget, RateResult] = {}
    roles_of = [  # who revisited each repair: one walk a repair
        {
            f.details.role
            for f in following(r.id)
            if f.kind is K.REPAIR_REVISITED and isinstance(f.details, RepairRevisit)
        }
        for r in repairs
    ]
    for role in RevisitRole:  # each role is the sampling target of its name
        target = SamplingTarget[role.name]
        revisited = sum(role in roles for roles in roles_of)
        sampling[target] = sampling_rate(revisited, len(repairs), of=target, policy=policy)
    closed = by_kind.get(K.COMPLAINT_CLOSED, [])
    revisited_complaints = sum(
        any(f.kind is K.COMPLAINT_REVISITED for f in following(c.id)) for c in closed
    )
    sampling[SamplingTarget.COMPLAINTS] = sampling_rate(
        revisited_complaints, len(closed), of=SamplingTarget.COMPLAINTS, policy=policy
    )
    # SAT-REWORK: repairs per unit; first repairs not right per notice repaired.
    first_repairs: dict[str, Event] = {}
    for r in sorted(repairs, key=lambda e: (day_of[e.id], e.id)):
        first_repairs.setdefault(r.follows or r.id, r)
    not_right = sum(
        isinstance(r.details, RepairDone) and not r.details.ok for r in first_repairs.values()
    )
    # SAT-RESPONSE: the returned surveys' forms.
    returned = [
        e.details for e in by_kind.get(K.SURVEY_RETURNED, []) if isinstance(e.details, Survey)
    ]
    sent = sum(s.sent for s in returned)
    back = sum(s.returned or 0 for s in returned)
    return Kpis(
        first=first,
        last=last,
        on_time=FrozenMap(_on_time(o for o in obligations if within(o.due_day))),
        handling_rate=handling_rate(handled, len(problems), policy=policy),
        complaint_rate=None
        if households is None
        else complaint_rate(len(by_kind.get(K.COMPLAINT, [])), households, policy=policy),
        sampling=FrozenMap(sampling),
        rework_rate=None if units is None else rework_rate(len(repairs), units),
        repeat_repair_rate=repeat_repair_rate(not_right, len(first_repairs)),
        survey_return=response_rate(sent, back, policy=policy) if sent else None,
        median_arrival=_median_arrival(by_kind.get(K.NOTICE, []) + _routed(by_kind), following),
        rules=("LED-KPI", "SAT-RATES", "SAT-SAMPLING", "SAT-REWORK", "SAT-RESPONSE"),
    )


def _routed(by_kind: Mapping[EventKind, list[Event]]) -> list[Event]:
    """The property manager's notices that are receipts (they carry a notice's details)."""
    return [
        e for e in by_kind.get(K.CONTRACTOR_NOTIFIED, []) if isinstance(e.details, NoticeDetails)
    ]


def _median_arrival(
    receipts: Iterable[Event], following: Callable[[str], list[Event]]
) -> Decimal | None:
    """The median hours from a non-emergency receipt to its first arrival, to 0.01 h."""
    hours = []
    for receipt in receipts:
        if not isinstance(receipt.details, NoticeDetails) or receipt.details.emergency:
            continue
        arrivals = [
            f.at
            for f in following(receipt.id)
            if f.kind is K.ARRIVED and isinstance(f.at, dt.datetime)
        ]
        if arrivals and isinstance(receipt.at, dt.datetime):
            seconds = (min(arrivals) - receipt.at).total_seconds()
            hours.append(Decimal(str(seconds)) / Decimal(3600))
    if not hours:
        return None
    return Decimal(statistics.median(hours)).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
