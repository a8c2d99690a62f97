"""Plans: a project's whole life of visits, its findings, and a portfolio's year (VIS-ANNUAL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Final, overload

import attrs

from revisit_rules._check import check_int, check_str, tuple_of
from revisit_rules.calendar import WorkCalendar, calendar_or_default
from revisit_rules.errors import (
    DateRangeError,
    InvalidInputError,
    InvalidTypeError,
)
from revisit_rules.periods import _add_months as add_months
from revisit_rules.policy import Policy, policy_or_default
from revisit_rules.project import Project
from revisit_rules.render.views import plan_html, plan_ics
from revisit_rules.revisits._needs import (
    merge_needs,
)
from revisit_rules.revisits._planner import _Planner
from revisit_rules.revisits._window import owed_visits, too_few_trips, year_needs
from revisit_rules.revisits.visits import (
    _KIND_ORDER,
    PRIORITY_CUSTOMER,
    VIS_MIN_NOT_MET,
    PlanFinding,
    Visit,
)
from revisit_rules.warranty import last_days

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Plan", "annual_plan", "plan_findings", "plan_revisits"]


def _visits(
    project: Project,
    policy: Policy,
    calendar: WorkCalendar,
    year: tuple[dt.date, dt.date] | None = None,
) -> tuple[list[Visit], list[PlanFinding]]:
    """The project's visits (trips) and findings; with ``year`` (first, last day), the year's.

    A year's visits are planned from a part of the project's life, with the same result
    as planning the whole life and keeping the year's targets (see
    :mod:`revisit_rules.revisits._window`).

    A year's findings are those its days date: a window's by the day it opens, VIS_MIN_NOT_MET
    by the acceptance day, PRIORITY_CUSTOMER in every year with a visit.
    """
    try:
        return _planned(_Planner(project, policy, calendar), year)
    except (OverflowError, ValueError) as err:
        if isinstance(err, InvalidInputError):
            raise
        raise _out_of_range(project, policy) from None


#: Each month field of the policy: the sign the planner counts it with, and the days it
#: counts from ("A" acceptance, "L" each warranty's last day, "O" the operation start).
_MONTH_REACH: Final[Mapping[str, tuple[int, str]]] = MappingProxyType(
    {
        "handover_months": (1, "A"),
        "visit_window_months": (1, "AL"),  # periodic and technical windows
        "technical_months": (1, "A"),
        "heating_visit_months": (-1, "AL"),  # back from season starts, A to the last day
        "winter_start_months": (1, "AL"),  # on from season starts, A to the last day
        "commissioning_start_months": (1, "O"),
        "commissioning_end_months": (1, "O"),
        "pre_expiry_start_months": (-1, "L"),
        "pre_expiry_end_months": (-1, "L"),
    }
)


def _out_of_range(project: Project, policy: Policy) -> DateRangeError:
    """The error for a window that would leave the years 1-9999 of ``datetime.date``.

    It names the policy's month field that reaches out of range, counted the way the
    planner counts it (:data:`_MONTH_REACH`); else the acceptance day itself.
    """
    bases = {
        "A": [project.accepted_on],
        "L": [day for day, _ in last_days(project, policy).values()],
        "O": [project.operation_started_on] if project.operation_started_on else [],
    }
    for name, (sign, where) in _MONTH_REACH.items():
        months = getattr(policy, name)
        step = sign * months
        days = [day for base in where for day in bases[base]]
        for day in days:
            try:
                add_months(day, step)
            except (OverflowError, ValueError):
                rule = str(attrs.fields_dict(Policy)[name].metadata.get("rule", "VIS-IN-FORCE"))
                return DateRangeError(
                    f"Policy.{name}",
                    months,
                    f"a number of months that keeps project {project.id}'s revisit windows "
                    f"within the years 1-9999 (from {day})",
                    rule=rule,
                )
    return DateRangeError(
        "project.accepted_on",
        project.accepted_on,
        f"an acceptance day whose revisit windows (project {project.id}) end by 9999-12-31",
        rule="VIS-IN-FORCE",
    )


def _planned(
    planner: _Planner, year: tuple[dt.date, dt.date] | None
) -> tuple[list[Visit], list[PlanFinding]]:
    """:func:`_visits` for a built planner."""
    policy, project = planner.policy, planner.project
    gap: dt.date | None = None
    if year is None:
        needs = planner.owe_all()
    else:
        part = year_needs(planner, *year)
        if part is None:
            return [], []
        needs, gap = part
    extra: tuple[str, ...] = ()
    if not policy.merge_overlapping:
        trips = [[n] for n in needs]
    else:
        trips = merge_needs(needs)
        if len(trips) < policy.min_visits and too_few_trips(planner, needs, trips, gap):
            # VIS-MIN: merging would leave fewer revisits than the least a project gets.
            trips, extra = [[n] for n in needs], ("VIS-MIN",)
    findings = planner.findings
    if year is None or year[0] <= project.accepted_on <= year[1]:
        owed = owed_visits(planner, needs)
        if owed < policy.min_visits:
            planner.note(
                project.accepted_on,
                VIS_MIN_NOT_MET,
                "VIS-MIN",
                f"{owed} visit{'s' if owed != 1 else ''} owed, {policy.min_visits} required; "
                "none is invented",
            )
    if year is not None:
        first, last = year
        # A trip's target is the latest first working day of its visits (see Planner.visit).
        trips = [t for t in trips if first <= max(n.first for n in t) <= last]
        findings = [(day, f) for day, f in findings if first <= day <= last]
    visits = [planner.visit(t, merged=len(t) > 1, extra=extra) for t in trips]
    return visits, [f for _, f in findings] + _priority(project, policy, visits)


def _priority(project: Project, policy: Policy, visits: Sequence[Visit]) -> list[PlanFinding]:
    """PRIORITY_CUSTOMER, where class leads are asked for and there is a visit (VIS-OWNER)."""
    if not (visits and policy.lead_by_customer_class):
        return []
    if not (project.many_complaints or project.serious_problem):
        return []
    return [
        PlanFinding(
            project.id,
            PRIORITY_CUSTOMER,
            "SAT-CLASS",
            "many complaints or a serious problem: the department manager leads its visits",
        )
    ]


def _sort_key(visit: Visit) -> tuple[dt.date, str, dt.date, dt.date, tuple[int, ...]]:
    kinds = tuple(sorted(_KIND_ORDER[k] for k in visit.kinds))
    return (visit.target, visit.project_id, visit.earliest, visit.latest, kinds)


def plan_revisits(
    project: Project, *, policy: Policy | None = None, calendar: WorkCalendar | None = None
) -> tuple[Visit, ...]:
    """Every revisit ``project`` is owed over its whole life, sorted by target day.

    With ``policy.merge_overlapping`` (the default) visits are merged into the fewest trips
    (VIS-MERGE); at least ``policy.min_visits`` revisits remain (VIS-MIN).
    """
    if not isinstance(project, Project):
        raise InvalidTypeError("project", project, "a revisit_rules.Project", rule="VIS-ANNUAL")
    pol = policy_or_default(policy, rule="VIS-ANNUAL")
    visits, _ = _visits(project, pol, calendar_or_default(calendar))
    return tuple(sorted(visits, key=_sort_key))


def plan_findings(
    project: Project, *, policy: Policy | None = None, calendar: WorkCalendar | None = None
) -> tuple[PlanFinding, ...]:
    """What the planner decided not to do, or did otherwise, over ``project``'s whole life.

    The findings of :func:`plan_revisits` (Plan findings): VIS_MIN_NOT_MET,
    SKIPPED_NO_WORKING_DAY, SHORT_TERM, PRIORITY_CUSTOMER, each naming its rule.

    >>> import datetime as dt
    >>> import revisit_rules as rr
    >>> p = rr.Project(  # one month from Sunday 2026-10-11: the cut-off is that Sunday
    ...     "P-FIX",
    ...     dt.date(2026, 10, 11),
    ...     "beijing",
    ...     {rr.Category.OTHER},
    ...     contract_terms={rr.Category.OTHER: rr.Months(1)},
    ... )
    >>> for f in rr.plan_findings(p):
    ...     print(f.code, f.rule, f.detail.split(":")[0])
    SHORT_TERM VIS-IN-FORCE HANDOVER
    SHORT_TERM VIS-IN-FORCE PRE_EXPIRY OTHER
    """
    if not isinstance(project, Project):
        raise InvalidTypeError("project", project, "a revisit_rules.Project", rule="VIS-ANNUAL")
    pol = policy_or_default(policy, rule="VIS-ANNUAL")
    _, findings = _visits(project, pol, calendar_or_default(calendar))
    return tuple(findings)


def annual_plan(
    projects: Iterable[Project],
    year: int,
    *,
    policy: Policy | None = None,
    calendar: WorkCalendar | None = None,
) -> Plan:
    """The year's revisit plan over a portfolio (VIS-ANNUAL): every visit targeted in ``year``.

    Visits are sorted by target day, then project id. Projects whose warranties all ended
    before the year, or accepted after it, have no visit (VIS-HORIZON).

    Raises:
        InvalidInputError: two projects share an id, or ``year`` is not a whole number.
        DateRangeError: ``year`` outside 1-9999, or a window past 9999-12-31.
    """
    check_int("year", year, rule="VIS-ANNUAL")
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise DateRangeError(
            "year", year, f"a year from {dt.MINYEAR} to {dt.MAXYEAR}", rule="VIS-ANNUAL"
        )
    pol = policy_or_default(policy, rule="VIS-ANNUAL")
    cal = calendar_or_default(calendar)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not isinstance(projects, Iterable) or isinstance(projects, str | Project):
        raise InvalidTypeError(
            "projects", projects, "an iterable of revisit_rules.Project", rule="VIS-ANNUAL"
        )
    seen: set[str] = set()
    visits: list[Visit] = []
    findings: list[PlanFinding] = []
    for project in projects:
        if not isinstance(project, Project):
            raise InvalidTypeError(
                "projects[]", project, "a revisit_rules.Project", rule="VIS-ANNUAL"
            )
        if project.id in seen:
            raise InvalidInputError(
                "projects[].id", project.id, "a unique project id", rule="VIS-ANNUAL"
            )
        seen.add(project.id)
        if project.accepted_on > last:
            continue
        planned, found = _visits(project, pol, cal, (first, last))
        visits.extend(planned)
        findings.extend(found)
    visits.sort(key=_sort_key)
    findings.sort(key=lambda f: f.project_id)  # stable: each project's in the planner's order
    return Plan(year=year, visits=tuple(visits), findings=tuple(findings))


# --- the plan ---------------------------------------------------------------------------------

_ICS_STAMP_NOTE: Final = "DTSTAMP is the plan's first day at 00:00 UTC unless given"


@attrs.frozen
class Plan(Sequence[Visit]):
    """A year's visits, sorted by target day then project (VIS-ANNUAL); a sequence of Visit.

    Attributes:
        year: the plan's year.
        visits: the visits.
        findings: what the planner decided not to do, or did otherwise, in the year
            (Plan findings), by project.
    """

    year: int = attrs.field(
        validator=lambda _i, _a, v: check_int(
            "Plan.year", v, minimum=dt.MINYEAR, maximum=dt.MAXYEAR, rule="VIS-ANNUAL"
        )
    )
    visits: tuple[Visit, ...] = attrs.field(
        validator=tuple_of("Plan.visits", Visit, rule="VIS-ANNUAL")
    )
    findings: tuple[PlanFinding, ...] = attrs.field(
        default=(), validator=tuple_of("Plan.findings", PlanFinding, rule="VIS-ANNUAL")
    )

    @overload
    def __getitem__(self, index: int) -> Visit: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Visit]: ...
    def __getitem__(self, index: int | slice) -> Visit | Sequence[Visit]:
        """The visit at ``index`` (or a slice of them)."""
        return self.visits[index]

    def __len__(self) -> int:
        """The number of visits."""
        return len(self.visits)

    def __iter__(self) -> Iterator[Visit]:
        """The visits in order."""
        return iter(self.visits)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per visit, keyed by :class:`Visit`'s attribute names.

        Kinds and categories become tuples of names in enum order, the lead its name, so
        that the records load straight into a DataFrame or JSON.
        """
        return [
            {
                "project_id": v.project_id,
                "kinds": v.kind_names,
                "categories": v.category_names,
                "earliest": v.earliest,
                "latest": v.latest,
                "target": v.target,
                "lead": v.lead.name,
                "provisional": v.provisional,
                "rules": v.rules,
                "visit_ids": v.visit_ids,
                "survey": v.survey,
            }
            for v in self.visits
        ]

    def finding_records(self) -> list[dict[str, Any]]:
        """One dict per finding, keyed by :class:`PlanFinding`'s attribute names.

        The category becomes its name (or None), the window a pair of dates (or None).
        """
        return [
            {
                "project_id": f.project_id,
                "code": f.code,
                "rule": f.rule,
                "detail": f.detail,
                "visit_id": f.visit_id,
                "category": f.category.name if f.category else None,
                "window": f.window,
            }
            for f in self.findings
        ]

    def to_ics(self, *, stamp: dt.datetime | None = None, name: str = "回访计划") -> str:
        """The plan as an iCalendar file (RFC 5545): one all-day VEVENT per visit.

        Lines end in CRLF and are folded at 75 octets; text is escaped. UIDs are stable
        (the same visit gives the same UID in every export). ``stamp`` is the DTSTAMP, an
        aware datetime; by default the plan's first day at 00:00 UTC (no clock is read).

        Raises:
            InvalidTypeError: ``stamp`` not a datetime, ``name`` not a str.
            InvalidInputError: ``stamp`` a naive datetime; a text with a control character.
        """
        check_str("name", name, rule="VIS-ANNUAL")
        return plan_ics(self, stamp=stamp, name=name)

    #: A collection of results (:class:`~revisit_rules.tracing.ResultCollection`).
    holds_results: ClassVar[bool] = True

    def _repr_html_(self) -> str:
        """An HTML table for notebooks, the plan's findings below it."""
        return plan_html(self)
