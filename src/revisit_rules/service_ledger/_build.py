"""The obligations of one project, from its events, as of an instant (LED-OBLIGATION, LED-STATE).

Each trigger makes its obligations arise (the clock table, :data:`CLOCKS`); each
obligation is due as :func:`~revisit_rules.deadline` counts it, and is discharged by the
first event of its discharging kinds that follows the trigger, directly or through other
events (an arrival following the property manager's notice that follows a complaint
discharges the complaint's repair start). As of the ledger's instant it is MET, LATE
(with the lateness), OVERDUE, OPEN or EXCUSED.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import attrs

from revisit_rules.categories import Category
from revisit_rules.deadlines import Deadline, DeadlineUnit, deadline
from revisit_rules.errors import LedgerInputError
from revisit_rules.revisits import plan_revisits
from revisit_rules.service_ledger._log import Log, end_of, start_of
from revisit_rules.service_ledger.details import (
    ComplaintDetails,
    Excused,
    NoticeDetails,
    RepairKind,
    RepairRevisit,
    RepairScale,
)
from revisit_rules.service_ledger.events import Event, EventKind
from revisit_rules.service_ledger.obligations import CLOCKS, Obligation, ObligationState
from revisit_rules.warranty import last_days

if TYPE_CHECKING:
    from collections.abc import Iterable

    from revisit_rules.calendar import WorkCalendar
    from revisit_rules.policy import Policy
    from revisit_rules.project import Project

K = EventKind
_STATE_RULES: Final = ("LED-OBLIGATION", "LED-STATE")
_ACCEPTANCE: Final = (
    "SLA-CERTIFICATE",
    "SLA-CERTIFICATE-DELIVERY",
    "SLA-SITE-CLEAR",
    "SLA-REVISIT-PLAN",
)
#: When an obligation is due, whether that rests on a provisional year, and the rules.
Timing = tuple[dt.datetime, bool, tuple[str, ...]]
_REVISIT_BY_KIND: Final = {
    RepairKind.SAFETY: Deadline.SAFETY_REPAIR_REVISIT,
    RepairKind.LEAK: Deadline.LEAK_REPAIR_REVISIT,
    RepairKind.OTHER: Deadline.REPAIR_REVISIT,
}


@attrs.define
class Found:
    """What one project's events gave: obligations, and the events read or set apart."""

    obligations: list[Obligation] = attrs.field(factory=list)
    read: set[str] = attrs.field(factory=set)
    on_request: list[Event] = attrs.field(factory=list)
    after_warranty: list[Event] = attrs.field(factory=list)


class Builder:
    """Builds the obligations of one project under one policy and calendar."""

    def __init__(
        self,
        log: Log,
        project: Project,
        policy: Policy,
        calendar: WorkCalendar,
        *,
        unmerged: Policy | None = None,
    ) -> None:
        """Ready to build ``project``'s obligations from ``log``.

        ``unmerged`` is ``policy`` with ``merge_overlapping=False``, built once per ledger.
        """
        self.log, self.project, self.policy, self.calendar = log, project, policy, calendar
        self.unmerged = unmerged or attrs.evolve(policy, merge_overlapping=False)
        self._last_days: dict[Category, dt.date] | None = None
        self.events = log.by_project.get(project.id, [])
        self.found = Found()

    @property
    def last_days(self) -> dict[Category, dt.date]:
        """Each category's last day (as :func:`~revisit_rules.warranty_expiry` gives it)."""
        if self._last_days is None:
            self._last_days = {c: d for c, (d, _) in last_days(self.project, self.policy).items()}
        return self._last_days

    # --- counting ---------------------------------------------------------------------------

    def _due(self, kind: Deadline, starts: dt.datetime) -> Timing | None:
        """When ``kind`` counted from ``starts`` is due; None where the policy leaves it blank."""
        if getattr(self.policy, kind.policy_field) is None:
            return None  # decisions § 7: no obligation until the company sets the number
        if kind.unit is DeadlineUnit.HOURS:
            due = deadline(kind, starts, policy=self.policy, calendar=self.calendar)
            return due, False, (kind.rule,)
        result = deadline(
            kind,
            starts.astimezone(self.log.zone).date(),
            policy=self.policy,
            calendar=self.calendar,
        )
        return (
            end_of(result.day, self.log.zone),
            result.provisional,
            result.rules,
        )

    def _state(
        self, due_at: dt.datetime, discharger: Event | None
    ) -> tuple[ObligationState, dt.timedelta | None]:
        if discharger is None:
            return (
                ObligationState.OVERDUE if due_at < self.log.as_of else ObligationState.OPEN
            ), None
        if isinstance(discharger.details, Excused):
            return ObligationState.EXCUSED, None
        if isinstance(discharger.at, dt.datetime):
            late = discharger.at - due_at
        else:  # a day event discharges a due day if dated on or before it (LED-CLOCKS)
            late = end_of(discharger.at, self.log.zone) - due_at
        if late <= dt.timedelta(0):
            return ObligationState.MET, None
        return ObligationState.LATE, late

    def _add(
        self,
        rule: str,
        subject: str,
        *,
        trigger: str | None,
        starts: dt.datetime,
        timing: Timing,
        discharger: Event | None,
    ) -> None:
        due_at, provisional, rules = timing
        state, lateness = self._state(due_at, discharger)
        if discharger is not None:
            self.found.read.add(discharger.id)
        if trigger is not None:
            self.found.read.add(trigger)
        self.found.obligations.append(
            Obligation(
                id=f"{rule}:{subject}",
                project_id=self.project.id,
                rule=rule,
                subject=subject,
                obligor=CLOCKS[rule].obligor,
                trigger=trigger,
                starts=starts,
                due_at=due_at,
                state=state,
                discharged_by=None if discharger is None else discharger.id,
                lateness=lateness,
                provisional=provisional,
                rules=tuple(dict.fromkeys((rule, *rules, "LED-CLOCKS", *_STATE_RULES))),
            )
        )

    def _clock(self, rule: str, trigger: Event, kind: Deadline | None = None) -> None:
        """The obligation of ``rule`` that ``trigger`` starts, discharged by its followers."""
        clock = CLOCKS[rule]
        starts = self.log.instant(trigger)
        timing = self._due(kind or clock.deadline, starts)  # type: ignore[arg-type]
        if timing is None:
            return
        discharger = next(
            (e for e in self.log.descendants(trigger.id) if e.kind in clock.discharged_by), None
        )
        self._add(
            rule,
            trigger.id,
            trigger=trigger.id,
            starts=starts,
            timing=timing,
            discharger=discharger,
        )

    # --- the triggers -------------------------------------------------------------------------

    def build(self) -> Found:
        """Every obligation of the project that arose by the ledger's instant."""
        accepted = start_of(self.project.accepted_on, self.log.zone)
        if accepted > self.log.as_of:
            self.found.read.update(e.id for e in self.events)  # early day events: none owed yet
            return self.found
        self._acceptance(accepted)
        self._visits()
        self._surveys()
        for event in self.events:
            self._trigger(event)
        return self.found

    def _trigger(self, event: Event) -> None:
        """The obligations ``event`` starts, by its kind (the clock table's first column)."""
        kind = event.kind
        if kind is K.NOTICE:
            self._receipt(event, event.details)  # type: ignore[arg-type]
        elif kind is K.CONTRACTOR_NOTIFIED:
            self._routed(event)
        elif kind is K.COMPLAINT:
            self._complaint(event, event.details)  # type: ignore[arg-type]
        elif kind is K.COMPLAINT_CLOSED:
            self._clock("SLA-COMPLAINT-REVISIT", event)
        elif kind is K.REPAIR_DONE:
            self._clock("SLA-REPAIR-REVISIT", event, _REVISIT_BY_KIND[self._repair_kind(event)])
        elif kind is K.REPAIR_REVISITED:
            if isinstance(event.details, RepairRevisit) and event.details.problem:
                self._clock("SLA-REVISIT-FIX", event)
        elif kind is K.VISIT_DONE:
            self._clock("VIS-RECORD", event)

    def _acceptance(self, accepted: dt.datetime) -> None:
        """SLA-CERTIFICATE, -DELIVERY, SLA-SITE-CLEAR, SLA-REVISIT-PLAN: from the acceptance day."""
        for rule in _ACCEPTANCE:
            clock = CLOCKS[rule]
            timing = self._due(clock.deadline, accepted)  # type: ignore[arg-type]
            if timing is None:  # pragma: no cover - these lengths are never blank
                continue
            discharger = next((e for e in self.events if e.kind in clock.discharged_by), None)
            subject = f"{self.project.id}:ACCEPTANCE"
            self._add(
                rule, subject, trigger=None, starts=accepted, timing=timing, discharger=discharger
            )

    def _visits(self) -> None:
        """VIS-TARGET: every planned visit, done inside its window (one obligation a visit)."""
        planned = plan_revisits(self.project, policy=self.unmerged, calendar=self.calendar)
        done = [e for e in self.events if e.kind is K.VISIT_DONE]
        uids = {v.uid for v in planned}
        for event in done:
            ids = event.details.visit_ids  # type: ignore[union-attr]
            if not ids:
                self.found.on_request.append(event)
                self.found.read.add(event.id)
            for uid in ids:
                if uid not in uids:
                    raise LedgerInputError(
                        f"Event({event.id}).details.visit_ids",
                        uid,
                        f"the uid of a planned visit of project {self.project.id}",
                        rule="LED-CHECK",
                    )
        for visit in planned:
            opens = start_of(visit.earliest, self.log.zone)
            due_at = end_of(visit.latest, self.log.zone)
            discharger = next(
                (
                    e
                    for e in done
                    if visit.uid in e.details.visit_ids  # type: ignore[union-attr]
                    and self.log.day(e) >= visit.earliest  # before the window: discharges nothing
                ),
                None,
            )
            timing = (due_at, visit.provisional, ("VIS-TARGET",))
            self._add(
                "VIS-TARGET",
                visit.uid,
                trigger=None,
                starts=opens,
                timing=timing,
                discharger=discharger,
            )

    def _surveys(self) -> None:
        """SAT-SURVEY: each year's fourth quarter, while a non-structural warranty runs on 1 Oct."""
        project, zone = self.project, self.log.zone
        ends = [day for c, day in self.last_days.items() if c is not Category.FOUNDATION_STRUCTURE]
        sent = [e for e in self.events if e.kind is K.SURVEY_SENT]
        for year in range(project.accepted_on.year, self.log.as_of.astimezone(zone).year + 1):
            october = dt.date(year, 10, 1)
            starts = start_of(october, zone)
            if october < project.accepted_on or starts > self.log.as_of:
                continue
            if not any(end >= october for end in ends):
                continue
            next_october = dt.date(year + 1, 10, 1)
            discharger = next((e for e in sent if october <= self.log.day(e) < next_october), None)
            due_at = end_of(dt.date(year, 12, 31), zone)
            self._add(
                "SAT-SURVEY",
                f"{project.id}:SURVEY:{year}",
                trigger=None,
                starts=starts,
                timing=(due_at, False, ()),
                discharger=discharger,
            )

    def _receipt(self, receipt: Event, details: NoticeDetails) -> None:
        """A repair notice's obligations, unless it came after the category's last day."""
        project = self.project
        if details.category not in project.categories:
            names = ", ".join(sorted(c.name for c in project.categories))
            raise LedgerInputError(
                f"Event({receipt.id}).details.category",
                details.category.name,
                f"a category of project {project.id} ({names})",
                rule="LED-CHECK",
            )
        last_day = self.last_days[details.category]
        if self.log.day(receipt) > last_day:
            self.found.after_warranty.append(receipt)
            self.found.read.add(receipt.id)
            return
        self._clock("SLA-EMERGENCY" if details.emergency else "SLA-ARRIVE", receipt)
        structural = details.structural or details.category is Category.FOUNDATION_STRUCTURE
        self._clock("SLA-STRUCTURAL-REPORT" if structural else "SLA-PLAN", receipt)
        self._clock("SLA-DISPATCH", receipt)
        self._clock("SLA-PM-ARRIVE", receipt)
        if details.scale is RepairScale.SIMPLE:
            self._clock("SLA-SIMPLE", receipt)
        elif details.scale is RepairScale.MAJOR:
            self._clock("SLA-MAJOR", receipt)

    def _routed(self, notified: Event) -> None:
        """The property manager's notice to the contractor: a routed complaint's receipt."""
        followed = self.log.by_id[notified.follows]  # type: ignore[index]
        if followed.kind is not K.COMPLAINT or not isinstance(notified.details, NoticeDetails):
            raise LedgerInputError(
                f"Event({notified.id}).follows"
                if followed.kind is not K.COMPLAINT
                else f"Event({notified.id}).details",
                notified.follows if followed.kind is not K.COMPLAINT else notified.details,
                "a CONTRACTOR_NOTIFIED follows the owner's COMPLAINT and carries the "
                "notice's NoticeDetails (LED-CLOCKS)",
                rule="LED-CHECK",
            )
        self._clock("SLA-SUB-NOACTION", notified)
        self._receipt(notified, notified.details)

    def _complaint(self, complaint: Event, details: ComplaintDetails) -> None:
        """A complaint's obligations: contact; notify or answer once the site check says."""
        self._clock("SLA-COMPLAINT", complaint)
        if details.is_defect is True:
            self._clock("SLA-PM-NOTIFY", complaint)
            self._clock("SLA-REPAIR-START", complaint)
        elif details.is_defect is False:
            self._clock("SLA-NOT-DEFECT-REPLY", complaint)

    def _repair_kind(self, event: Event) -> RepairKind:
        """The repair kind of the notice a repair done follows (OTHER if none says)."""
        current: Event | None = event
        while current is not None:
            if isinstance(current.details, NoticeDetails):
                return current.details.repair_kind
            current = self.log.by_id.get(current.follows) if current.follows else None
        return RepairKind.OTHER


def build_all(
    log: Log, projects: Iterable[Project], policy: Policy, calendar: WorkCalendar
) -> Found:
    """Every project's obligations, and the events read, on request or after the warranty."""
    total = Found()
    unmerged = attrs.evolve(policy, merge_overlapping=False)
    for project in projects:
        found = Builder(log, project, policy, calendar, unmerged=unmerged).build()
        total.obligations += found.obligations
        total.read |= found.read
        total.on_request += found.on_request
        total.after_warranty += found.after_warranty
    return total
