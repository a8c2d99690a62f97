"""The ledger: a portfolio's obligations as of an instant, and the views the desk asks for (LED).

:func:`ledger` is a pure function of the projects, the event log and the as-of instant:
every obligation the rules made arise by then, each with its state, ordered by when it is
due. Events after the instant are not seen, so last year's audit can be re-run as it stood.
Nothing is dropped: a visit done that matches no planned visit is listed as on request
(S002 特殊回访), a notice received after its category's warranty ended as after the
warranty, and an event no rule read as unused.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> import revisit_rules as rr
>>> sh = ZoneInfo("Asia/Shanghai")
>>> p = rr.Project("P-1", dt.date(2026, 3, 2), "shanghai", {rr.Category.WATERPROOFING})
>>> notice = rr.Event.notice(
...     "N-1", "P-1", dt.datetime(2026, 5, 6, 9, tzinfo=sh), category=rr.Category.WATERPROOFING
... )
>>> arrived = rr.Event.following(
...     rr.EventKind.ARRIVED, "A-1", notice, dt.datetime(2026, 5, 8, 10, tzinfo=sh)
... )
>>> book = rr.ledger([p], [notice, arrived], dt.datetime(2026, 5, 20, tzinfo=sh))
>>> arrive = book.where(rule="SLA-ARRIVE")[0]
>>> arrive.state, arrive.lateness
(<ObligationState.LATE: 'late'>, datetime.timedelta(seconds=3600))
>>> [o.rule for o in book.where(project="P-1").overdue()][:3]
['SLA-CERTIFICATE', 'SLA-REVISIT-PLAN', 'SLA-CERTIFICATE-DELIVERY']
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Final, overload
from zoneinfo import ZoneInfo

import attrs

from revisit_rules._check import (
    FrozenMap,
    aware,
    check_aware,
    check_date,
    check_instance,
    check_int,
    check_member,
    instance,
    mapping_of,
    tuple_of,
)
from revisit_rules.calendar import WorkCalendar, calendar_or_default
from revisit_rules.errors import InvalidInputError, InvalidTypeError, LedgerInputError
from revisit_rules.liability_values import Role
from revisit_rules.policy import Policy, policy_or_default
from revisit_rules.project import Project
from revisit_rules.render.html import html_table
from revisit_rules.render.ics import AllDayEvent, calendar
from revisit_rules.rules import RULES
from revisit_rules.service_ledger._build import build_all
from revisit_rules.service_ledger._log import Log
from revisit_rules.service_ledger.events import Event
from revisit_rules.service_ledger.kpis import Kpis, kpis
from revisit_rules.service_ledger.obligations import Obligation, ObligationState

__all__ = ["Ledger", "ledger"]

_RULE = "LED-CHECK"


#: The row colour of each state in the HTML view.
_STATE_STYLE: Final = {
    ObligationState.MET: "",
    ObligationState.LATE: "background:#fff4cc",
    ObligationState.OVERDUE: "background:#ffd6d6",
    ObligationState.OPEN: "background:#e8f0ff",
    ObligationState.EXCUSED: "background:#eeeeee",
}


def _sort_key(obligation: Obligation) -> tuple[dt.datetime, str, str]:
    return (obligation.due_at, obligation.project_id, obligation.id)


@attrs.frozen
class Ledger(Sequence[Obligation]):
    """Every obligation of a portfolio as of an instant, ordered by due, project and id.

    Attributes:
        as_of: the instant the ledger stands at.
        obligations: the obligations, in order.
        on_request: visits done that match no planned visit (S002 特殊回访).
        after_warranty: notices received after their category's last day: listed, and
            creating no obligation (LED-CLOCKS).
        unused: seen events that no rule read: reported, never dropped.
        names: each project's name, by id (for the views).
        events: the events seen (at or before ``as_of``), in time order.
        policy: the policy the ledger was computed under (its targets, its time zone).
    """

    as_of: dt.datetime = attrs.field(validator=aware("Ledger.as_of", rule="LED-STATE"))
    obligations: tuple[Obligation, ...] = attrs.field(
        validator=tuple_of("Ledger.obligations", Obligation, rule="LED-OBLIGATION")
    )
    on_request: tuple[Event, ...] = attrs.field(
        default=(), validator=tuple_of("Ledger.on_request", Event, rule="LED-STATE")
    )
    after_warranty: tuple[Event, ...] = attrs.field(
        default=(), validator=tuple_of("Ledger.after_warranty", Event, rule="LED-CLOCKS")
    )
    unused: tuple[Event, ...] = attrs.field(
        default=(), validator=tuple_of("Ledger.unused", Event, rule="LED-STATE")
    )
    names: Mapping[str, str] = attrs.field(
        factory=FrozenMap[str, str],
        validator=mapping_of("Ledger.names", str, str, rule="LED-STATE"),
    )
    events: tuple[Event, ...] = attrs.field(
        default=(), validator=tuple_of("Ledger.events", Event, rule="LED-EVENTS")
    )
    policy: Policy = attrs.field(
        factory=Policy, validator=instance("Ledger.policy", Policy, rule="LED-OBLIGATION")
    )

    #: A collection of results (:class:`~revisit_rules.tracing.ResultCollection`).
    holds_results: ClassVar[bool] = True

    @overload
    def __getitem__(self, index: int) -> Obligation: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Obligation]: ...
    def __getitem__(self, index: int | slice) -> Obligation | Sequence[Obligation]:
        """The obligation(s) at ``index``, in order."""
        return self.obligations[index]

    def __len__(self) -> int:
        """The number of obligations."""
        return len(self.obligations)

    def __iter__(self) -> Iterator[Obligation]:
        """The obligations, in order."""
        return iter(self.obligations)

    def _keep(self, kept: Iterable[Obligation]) -> Ledger:
        """A view holding ``kept``, obligations of this ledger: the same ledger but for them.

        Its fields were checked when this ledger was built, and ``kept`` are some of its
        obligations, so the view is not checked again (``attrs.evolve`` would look at every
        obligation kept and every event, a tenth of a view's time on a large ledger).
        """
        view = object.__new__(type(self))
        for field in attrs.fields(type(self)):
            object.__setattr__(view, field.name, getattr(self, field.name))
        object.__setattr__(view, "obligations", tuple(kept))
        return view

    def overdue(self) -> Ledger:
        """The obligations not discharged and due before the ledger's instant."""
        return self._keep(o for o in self if o.state is ObligationState.OVERDUE)

    def open(self) -> Ledger:
        """The obligations not discharged and not yet due."""
        return self._keep(o for o in self if o.state is ObligationState.OPEN)

    def due_between(self, first: dt.date, last: dt.date) -> Ledger:
        """The obligations whose due day lies from ``first`` to ``last`` (the worklist).

        Raises:
            InvalidTypeError: ``first`` or ``last`` is not a ``datetime.date``.
        """
        check_date("first", first, rule="LED-STATE")
        check_date("last", last, rule="LED-STATE")
        return self._keep(o for o in self if first <= o.due_day <= last)

    def where(
        self,
        *,
        project: str | None = None,
        obligor: Role | None = None,
        rule: str | None = None,
    ) -> Ledger:
        """The obligations of ``project``, owed by ``obligor``, under ``rule`` (each if given).

        Any str filters (an unknown project or rule keeps none).

        Raises:
            InvalidTypeError: ``project`` or ``rule`` not a str, ``obligor`` not a
                :class:`~revisit_rules.Role` (each may be None).
        """
        check_instance("project", project, str, rule="LED-STATE", optional=True)
        if obligor is not None:
            check_member("obligor", obligor, Role, rule="LED-STATE")
        check_instance("rule", rule, str, rule="LED-STATE", optional=True)
        return self._keep(
            o
            for o in self
            if (project is None or o.project_id == project)
            and (obligor is None or o.obligor is obligor)
            and (rule is None or o.rule == rule)
        )

    def to_ics(self, *, name: str = "保修服务提醒") -> str:
        """The obligations still to discharge (OPEN and OVERDUE) as all-day reminders.

        One event per obligation on its due day, titled with the rule's Chinese title and
        the project; the UID is stable (the obligation's id); DTSTAMP is the ledger's
        instant, so the same ledger gives the same file.
        """
        events = [
            AllDayEvent(
                uid=hashlib.sha256(o.id.encode()).hexdigest()[:24] + "@revisit-rules",
                day=o.due_day,
                summary=(
                    (f"{RULES[o.rule].title_zh} ", "summary"),
                    (self.names.get(o.project_id) or o.project_id, "project"),
                ),
                description=(
                    f"{o.rule} {o.subject}\n"
                    f"责任方 obligor: {o.obligor.zh}\n"
                    f"状态 state: {o.state.zh}\n"
                    f"到期 due: {o.due_at.isoformat()}"
                ),
                categories=(o.rule,),
            )
            for o in self
            if o.state in {ObligationState.OPEN, ObligationState.OVERDUE}
        ]
        return calendar(name, events, product="service ledger", stamp=self.as_of, rule="LED-STATE")

    def _repr_html_(self) -> str:
        """An HTML table for notebooks: Chinese labels, the project's name, rows by state."""
        head = ("due", "project", "名称", "rule", "规则", "责任方", "状态", "discharged by", "late")
        rows = [
            (
                o.due_day.isoformat(),
                o.project_id,
                self.names.get(o.project_id, ""),
                o.rule,
                RULES[o.rule].title_zh,
                o.obligor.zh,
                o.state.zh,
                o.discharged_by or "",
                "" if o.lateness is None else str(o.lateness),
            )
            for o in self
        ]
        return html_table(
            head,
            rows,
            caption=f"保修服务台账 as of {self.as_of.isoformat()}: {len(self)} obligations",
            row_styles=[_STATE_STYLE[o.state] for o in self],
        )

    def kpis(
        self,
        first: dt.date | None = None,
        last: dt.date | None = None,
        *,
        projects: Iterable[str] | None = None,
        units: int | None = None,
        households: int | None = None,
    ) -> Kpis:
        """The service indicators from ``first`` to ``last`` (days, inclusive; LED-KPI).

        Args:
            first: the period's first day (default: from the start of the log).
            last: its last day (default: to the ledger's instant).
            projects: the ids of the projects counted (default: all).
            units: units delivered, the rework rate's denominator (SAT-REWORK).
            households: households or services, the complaint rate's denominator.

        Raises:
            InvalidTypeError: a day that is not a ``datetime.date``; projects not ids;
                a count that is not an ``int``.
            InvalidInputError: an unknown project id; ``first`` after ``last``; a
                negative count.
        """
        for name, value in (("first", first), ("last", last)):
            if value is not None:
                check_date(name, value, rule="LED-KPI")
        if first is not None and last is not None and first > last:
            raise InvalidInputError(
                "first", first, f"a day on or before last ({last})", rule="LED-KPI"
            )
        known = {o.project_id for o in self} | {e.project_id for e in self.events}
        keep = known if projects is None else _kept(projects, known | set(self.names))
        counts = (("units", units, "SAT-REWORK"), ("households", households, "SAT-RATES"))
        for name, count, rule in counts:
            if count is not None:
                check_int(name, count, minimum=0, rule=rule)
        zone = ZoneInfo(self.policy.timezone)
        events = [e for e in self.events if e.project_id in keep]
        children: dict[str, list[Event]] = {}
        for e in events:
            if e.follows is not None:
                children.setdefault(e.follows, []).append(e)
        day_of = {
            e.id: e.at.astimezone(zone).date() if isinstance(e.at, dt.datetime) else e.at
            for e in events
        }
        return kpis(
            [o for o in self if o.project_id in keep],
            events,
            children,
            first=first,
            last=last,
            day_of=day_of,
            households=households,
            units=units,
            policy=self.policy,
        )

    def pm_arrived_in_time(self, notice_id: str) -> bool | None:
        """Whether the project manager was on site in time for ``notice_id`` (SLA-PM-ARRIVE).

        MET, EXCUSED and OPEN (not late yet) are in time; LATE and OVERDUE are not;
        ``None`` where the ledger has no such notice. ``allocate_liability(..., ledger=)``
        reads it (LED-CONSEQUENCE).

        Raises:
            InvalidTypeError: ``notice_id`` not a str.
        """
        check_instance("notice_id", notice_id, str, rule="LED-STATE")
        for o in self:
            if o.rule == "SLA-PM-ARRIVE" and o.subject == notice_id:
                return o.state not in {ObligationState.LATE, ObligationState.OVERDUE}
        return None

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per obligation (for pandas and CSV): enums by name."""
        return [
            {
                "id": o.id,
                "project_id": o.project_id,
                "rule": o.rule,
                "subject": o.subject,
                "obligor": o.obligor.name,
                "trigger": o.trigger,
                "starts": o.starts,
                "due_at": o.due_at,
                "due_day": o.due_day,
                "state": o.state.name,
                "discharged_by": o.discharged_by,
                "lateness_hours": None if o.lateness is None else o.lateness.total_seconds() / 3600,
                "provisional": o.provisional,
                "rules": o.rules,
            }
            for o in self
        ]


def _kept(projects: object, known: set[str]) -> set[str]:
    """The ids ``projects`` names, each one of ``known`` (``Ledger.kpis``, LED-KPI)."""
    if isinstance(projects, str) or not isinstance(projects, Iterable):
        raise InvalidTypeError(
            "projects", projects, "an iterable of project ids, or None", rule="LED-KPI"
        )
    keep: set[str] = set()
    for project in projects:
        if not isinstance(project, str):
            raise InvalidTypeError("projects[]", project, "a project id (str)", rule="LED-KPI")
        keep.add(project)
    unknown = sorted(keep - known)
    if unknown:
        raise InvalidInputError(
            "projects", unknown, "ids of projects of the ledger", rule="LED-KPI"
        )
    return keep


def _projects(projects: object) -> dict[str, Project]:
    if not isinstance(projects, Iterable) or isinstance(projects, str | Project):
        raise InvalidTypeError(
            "projects", projects, "an iterable of revisit_rules.Project", rule=_RULE
        )
    out: dict[str, Project] = {}
    for project in projects:
        if not isinstance(project, Project):
            raise InvalidTypeError("projects[]", project, "a revisit_rules.Project", rule=_RULE)
        if project.id in out:
            raise LedgerInputError("projects[].id", project.id, "a unique project id", rule=_RULE)
        out[project.id] = project
    return out


def ledger(
    projects: Iterable[Project],
    events: Iterable[Event],
    as_of: dt.datetime,
    *,
    policy: Policy | None = None,
    calendar: WorkCalendar | None = None,
) -> Ledger:
    """Every obligation of ``projects`` as of ``as_of``, from the event log ``events``.

    Args:
        projects: the portfolio (unique ids).
        events: the event log, in any order; events after ``as_of`` are not seen.
        as_of: the instant the ledger stands at (time-zone-aware).
        policy: the deadlines' lengths, the time zone, the revisit plan (default ``Policy()``).
        calendar: the working-day calendar (default :func:`~revisit_rules.china_calendar`).

    Raises:
        LedgerInputError: an event the log refuses (LED-CHECK: an unknown project or
            followed event, an event before the acceptance or the event it follows, a
            duplicated id, a visit id the plan does not have, a category the project lacks),
            naming the event and the field.
        InvalidTypeError: ``as_of`` not an aware datetime; projects or events of the wrong
            type.
    """
    check_aware("as_of", as_of, rule="LED-STATE", why="the ledger stands at an instant")
    pol = policy_or_default(policy, rule="LED-OBLIGATION")
    cal = calendar_or_default(calendar)
    by_id = _projects(projects)
    zone = ZoneInfo(pol.timezone)
    log = Log(by_id, events, as_of, zone)
    found = build_all(log, by_id.values(), pol, cal)
    return Ledger(
        as_of=as_of,
        obligations=tuple(sorted(found.obligations, key=_sort_key)),
        on_request=tuple(found.on_request),
        after_warranty=tuple(found.after_warranty),
        unused=tuple(e for e in log.seen if e.id not in found.read),
        names=FrozenMap({p.id: p.name for p in by_id.values() if p.name}),
        events=log.seen,
        policy=pol,
    )
