"""Revisits: every revisit a project is owed, merged into trips, and the annual plan (VIS).

A completed project is revisited after handover, periodically while its warranties are in
force, before each rainy season and heating season, after its MEP systems start running,
when new techniques were used, and before each warranty ends (DOMAIN.md § 5). Each visit
has an inclusive window and a target, the first working day of the window (VIS-TARGET,
on the real calendar). One trip can serve several visits: with ``merge_overlapping`` a
project's visits are merged into the fewest trips by interval stabbing, greedy by
deadline (VIS-MERGE), which is optimal and never drops a visit. At the start of each year
the engineering department lists the projects still in warranty and makes the year's
plan: :func:`annual_plan` (VIS-ANNUAL).

Sources: seeds S000 (每半年回访一次; 3个月、6个月、1年及以后每年), S002 (年度回访计划),
S003 (每三个月; 不少于两次; 保修期满前一个月完毕), S004.

>>> import datetime as dt
>>> import revisit_rules as rr
>>> p = rr.Project("P-1", dt.date(2025, 10, 1), "beijing", {rr.Category.DECORATION})
>>> for v in rr.plan_revisits(p)[:3]:  # National Day breaks move the targets
...     print(v.kind_names, v.earliest, v.latest, v.target)
('HANDOVER',) 2025-10-01 2026-01-01 2025-10-09
('PERIODIC',) 2026-04-01 2026-04-30 2026-04-01
('PERIODIC',) 2026-10-01 2026-10-31 2026-10-08
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import html
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, overload

import attrs

from revisit_rules._check import FrozenMap, check_date, check_int
from revisit_rules.calendar import WorkCalendar, china_calendar
from revisit_rules.errors import CalendarRangeError, InvalidInputError, InvalidTypeError
from revisit_rules.periods import _add_months as add_months
from revisit_rules.policy import Cadence, policy_or_default
from revisit_rules.satisfaction import Grade, VisitLead, visit_lead
from revisit_rules.seasons import SeasonKind, span_of
from revisit_rules.warranty import Category, Project, last_days

if TYPE_CHECKING:
    from collections.abc import Mapping

    from revisit_rules.policy import Policy

__all__ = [
    "Plan",
    "Visit",
    "VisitKind",
    "VisitRecord",
    "VisitState",
    "VisitStatus",
    "annual_plan",
    "plan_revisits",
    "visit_status",
]

_DAY: Final = dt.timedelta(days=1)
_SATURDAY: Final = 5


class VisitKind(enum.Enum):
    """Why a visit is owed (DOMAIN.md § 5); each kind has its rule."""

    HANDOVER = "handover"
    PERIODIC = "periodic"
    RAINY_SEASON = "rainy_season"
    HEATING_SEASON = "heating_season"
    COMMISSIONING = "commissioning"
    TECHNICAL = "technical"
    PRE_EXPIRY = "pre_expiry"

    __hash__ = object.__hash__  # singletons: identity hashing (see Category)

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return _KIND_ZH[self]

    @property
    def rule(self) -> str:
        """The ID of the rule that owes this kind of visit."""
        return _KIND_RULE[self]


_KIND_ZH: Final[Mapping[VisitKind, str]] = FrozenMap(
    {
        VisitKind.HANDOVER: "交工回访",
        VisitKind.PERIODIC: "定期回访",
        VisitKind.RAINY_SEASON: "雨季回访",
        VisitKind.HEATING_SEASON: "采暖期回访",
        VisitKind.COMMISSIONING: "机电设备、给排水系统运行后回访",
        VisitKind.TECHNICAL: "技术性回访",
        VisitKind.PRE_EXPIRY: "保修期满前回访",
    }
)
_KIND_RULE: Final[Mapping[VisitKind, str]] = FrozenMap(
    {
        VisitKind.HANDOVER: "VIS-HANDOVER",
        VisitKind.PERIODIC: "VIS-PERIODIC",
        VisitKind.RAINY_SEASON: "VIS-RAINY",
        VisitKind.HEATING_SEASON: "VIS-HEATING",
        VisitKind.COMMISSIONING: "VIS-COMMISSIONING",
        VisitKind.TECHNICAL: "VIS-TECHNICAL",
        VisitKind.PRE_EXPIRY: "VIS-PRE-EXPIRY",
    }
)
_KIND_ORDER: Final[Mapping[VisitKind, int]] = FrozenMap({k: i for i, k in enumerate(VisitKind)})
_CAT_ORDER: Final[Mapping[Category, int]] = FrozenMap({c: i for i, c in enumerate(Category)})


def _kinds(value: Iterable[VisitKind]) -> frozenset[VisitKind]:
    kinds = frozenset(value)
    if not kinds or not all(isinstance(k, VisitKind) for k in kinds):
        raise InvalidTypeError(
            "Visit.kinds", value, "a non-empty set of VisitKind", rule="VIS-MERGE"
        )
    return kinds


def _categories(value: Iterable[Category]) -> frozenset[Category]:
    cats = frozenset(value)
    if not all(isinstance(c, Category) for c in cats):
        raise InvalidTypeError("Visit.categories", value, "a set of Category", rule="VIS-MERGE")
    return cats


@attrs.frozen
class Visit:
    """A revisit (or a trip serving several): its window, its target day, who leads it.

    Attributes:
        project_id: the project visited.
        kinds: why the visit is owed; several after merging (VIS-MERGE).
        categories: the warranty categories the visit serves.
        earliest: the first day of the window.
        latest: the last day of the window.
        target: the first working day of the window (VIS-TARGET).
        lead: who leads the visit (VIS-OWNER).
        provisional: whether a day rests on a year whose holiday arrangement is unpublished.
        rules: the IDs of the rules that produced the visit, in order.
    """

    project_id: str
    kinds: frozenset[VisitKind] = attrs.field(converter=_kinds)
    categories: frozenset[Category] = attrs.field(converter=_categories)
    earliest: dt.date
    latest: dt.date
    target: dt.date
    lead: VisitLead
    provisional: bool
    rules: tuple[str, ...]

    def __attrs_post_init__(self) -> None:
        """The target lies in the window."""
        check_date("Visit.earliest", self.earliest, rule="VIS-TARGET")
        check_date("Visit.latest", self.latest, rule="VIS-TARGET")
        check_date("Visit.target", self.target, rule="VIS-TARGET")
        if not self.earliest <= self.target <= self.latest:
            raise InvalidInputError(
                "Visit.target",
                self.target,
                f"a day from earliest ({self.earliest}) to latest ({self.latest})",
                rule="VIS-TARGET",
            )

    @property
    def kind_names(self) -> tuple[str, ...]:
        """The kinds' names in :class:`VisitKind` order."""
        return tuple(k.name for k in sorted(self.kinds, key=_KIND_ORDER.__getitem__))

    @property
    def category_names(self) -> tuple[str, ...]:
        """The categories' names in :class:`~revisit_rules.Category` order."""
        return tuple(c.name for c in sorted(self.categories, key=_CAT_ORDER.__getitem__))

    @property
    def uid(self) -> str:
        """A stable identifier: the same visit of the same project gets the same one."""
        key = "|".join(
            (self.project_id, self.earliest.isoformat(), self.latest.isoformat(), *self.kind_names)
        )
        return hashlib.sha256(key.encode()).hexdigest()[:24] + "@revisit-rules"

    @property
    def summary_zh(self) -> str:
        """A one-line Chinese summary: the project and the kinds of the visit."""
        kinds = "、".join(VisitKind[n].zh for n in self.kind_names)
        return f"{self.project_id} {kinds}"


# --- planning ------------------------------------------------------------------------------


class _Need:
    """One owed visit before merging: a window in days and working days, and its reasons."""

    __slots__ = (
        "categories",
        "earliest",
        "first",
        "kind",
        "last",
        "latest",
        "provisional",
        "rules",
    )

    def __init__(  # noqa: PLR0917 - a private record, built in one place
        self,
        kind: VisitKind,
        earliest: dt.date,
        latest: dt.date,
        categories: frozenset[Category],
        rules: tuple[str, ...],
        provisional: bool,  # noqa: FBT001
        bounds: tuple[dt.date, dt.date],
    ) -> None:
        self.kind = kind
        self.earliest = earliest
        self.latest = latest
        self.categories = categories
        self.rules = rules
        self.provisional = provisional
        self.first, self.last = bounds


class _Planner:
    """Plans one project's visits under one policy and calendar."""

    def __init__(self, project: Project, policy: Policy, calendar: WorkCalendar) -> None:
        self.project = project
        self.policy = policy
        self.cal = calendar
        days = last_days(project, policy)
        self.last = {c: day for c, (day, _) in days.items()}
        self.provisional = {c: provisional for c, (_, provisional) in days.items()}
        self.lead = visit_lead(project.customer_class)
        self.needs: list[_Need] = []
        self.truncated = False

    # -- windows ---------------------------------------------------------------------------
    def _bounds(
        self, earliest: dt.date, latest: dt.date
    ) -> tuple[tuple[dt.date, dt.date] | None, bool]:
        """First and last working day of a window (None if none), and if they are provisional."""
        try:
            bounds = self.cal._bounds(earliest, latest)  # noqa: SLF001 - dates checked here
        except CalendarRangeError:
            # Past the calendar's data (after 2100): weekdays stand in, marked provisional.
            first = earliest
            while first.weekday() >= _SATURDAY:
                first += _DAY
            last = latest
            while last.weekday() >= _SATURDAY:
                last -= _DAY
            return ((first, last) if first <= last else None), True
        return bounds, False

    def add(
        self,
        kind: VisitKind,
        earliest: dt.date,
        latest: dt.date,
        categories: Iterable[Category],
        extra_rules: tuple[str, ...] = (),
    ) -> None:
        """Owe a visit, subject to VIS-IN-FORCE, from the acceptance day on."""
        # VIS-IN-FORCE: a visit serves the warranties in force when its window begins ...
        last = self.last
        served = [c for c in categories if last[c] >= earliest]
        if not served:
            return
        until = max([last[c] for c in served]) if len(served) > 1 else last[served[0]]
        # ... and its window ends no later than the last of their last days; no visit
        # window opens before the acceptance day.
        clipped = latest > until or earliest < self.project.accepted_on
        latest = min(latest, until)
        earliest = max(earliest, self.project.accepted_on)
        if earliest > latest:
            return
        if self.horizon is not None and earliest > self.horizon:
            self.truncated = True
            return
        provisional = (kind is VisitKind.PRE_EXPIRY or latest == until) and any(
            self.provisional[c] for c in served
        )
        bounds, beyond = self._bounds(earliest, latest)
        if bounds is None:
            if clipped:
                # Clipped to the acceptance day or a warranty's end, the window holds no
                # working day: the visit cannot be made while it is owed (VIS-IN-FORCE).
                return
            raise InvalidInputError(
                "window",
                (earliest.isoformat(), latest.isoformat()),
                f"a {kind.name} window of project {self.project.id} that holds a working "
                "day; change the policy's window lengths",
                rule="VIS-TARGET",
            )
        rules = (kind.rule, *extra_rules, "VIS-IN-FORCE")
        self.needs.append(
            _Need(kind, earliest, latest, frozenset(served), rules, provisional or beyond, bounds)
        )

    horizon: dt.date | None = None

    def quiet(self, first: dt.date, last: dt.date) -> bool:
        """Whether no visit can be targeted from ``first`` to ``last`` (a cheap, exact test).

        Every window ends by the handover/technical window's end, the commissioning
        window's end, or the last day of a non-structural warranty; the structure's own
        pre-expiry window stands apart, far in the future.
        """
        a, pol, last_day = self.project.accepted_on, self.policy, self.last
        months = max(pol.handover_months, pol.technical_months + pol.visit_window_months)
        ends = [add_months(a, months)]
        if self.project.operation_started_on is not None:
            ends.append(add_months(self.project.operation_started_on, pol.commissioning_end_months))
        ends += [day for c, day in last_day.items() if c is not Category.FOUNDATION_STRUCTURE]
        if max(ends) >= first:
            return False
        structure = last_day.get(Category.FOUNDATION_STRUCTURE)
        if structure is None:
            return True
        opens = add_months(structure, -pol.pre_expiry_start_months)
        closes = add_months(structure, -pol.pre_expiry_end_months)
        return closes < first or opens > last

    def owe_all(self, horizon: dt.date | None) -> list[_Need]:
        """Every visit owed (windows opening by ``horizon``, if given)."""
        self.horizon = horizon
        a = self.project.accepted_on
        self.add(VisitKind.HANDOVER, a, add_months(a, self.policy.handover_months), self.cats)
        self._periodic()
        self._seasonal(Category.WATERPROOFING, SeasonKind.RAINY)
        self._seasonal(Category.HEATING, SeasonKind.HEATING)
        self._commissioning()
        if self.project.new_techniques:  # VIS-TECHNICAL: 四新
            start = self.policy.technical_months
            self.add(
                VisitKind.TECHNICAL,
                add_months(a, start),
                add_months(a, start + self.policy.visit_window_months) - _DAY,
                self.cats,
            )
        self._pre_expiry()
        return self.needs

    @property
    def cats(self) -> frozenset[Category]:
        """The project's categories."""
        return self.project.categories

    def _periodic(self) -> None:
        """VIS-PERIODIC, VIS-CADENCE, VIS-HORIZON: while a non-structural warranty is in force."""
        served = [c for c in self.cats if c is not Category.FOUNDATION_STRUCTURE]
        if not served:
            return
        a, pol = self.project.accepted_on, self.policy
        horizon_day = max(self.last[c] for c in served)
        for offset in _offsets(pol.cadence):
            start = add_months(a, offset)
            if start > horizon_day:
                return
            if self.horizon is not None and start > self.horizon:
                self.truncated = True
                return
            end = add_months(a, offset + pol.visit_window_months) - _DAY
            self.add(VisitKind.PERIODIC, start, end, served, ("VIS-CADENCE", "VIS-HORIZON"))

    def _seasonal(self, category: Category, season: SeasonKind) -> None:
        """VIS-RAINY (in the rainy season) or VIS-HEATING (the month before the heating season)."""
        if category not in self.cats:
            return
        span = span_of(season, self.project.region, policy=self.policy)
        (sm, sd), (em, ed) = span.start, span.end
        wraps = span.wraps
        lead = self.policy.heating_visit_months
        for year in range(self.project.accepted_on.year, self.last[category].year + 1):
            opens = dt.date(year, sm, sd)
            if season is SeasonKind.RAINY:
                closes = dt.date(year + 1 if wraps else year, em, ed)
                self.add(VisitKind.RAINY_SEASON, opens, closes, (category,), ("SEA-RAINY",))
            else:
                self.add(
                    VisitKind.HEATING_SEASON,
                    add_months(opens, -lead),
                    opens - _DAY,
                    (category,),
                    ("SEA-HEATING",),
                )

    def _commissioning(self) -> None:
        """VIS-COMMISSIONING: after MEP systems start running."""
        mep = [
            c
            for c in (Category.ELECTRICAL_PLUMBING, Category.EQUIPMENT_INSTALLATION)
            if c in self.cats
        ]
        started = self.project.operation_started_on
        if started is None or not mep:
            return
        self.add(
            VisitKind.COMMISSIONING,
            add_months(started, self.policy.commissioning_start_months),
            add_months(started, self.policy.commissioning_end_months) - _DAY,
            mep,
        )

    def _pre_expiry(self) -> None:
        """VIS-PRE-EXPIRY: done a month before each warranty's last day."""
        a = self.project.accepted_on
        for c in sorted(self.cats, key=_CAT_ORDER.__getitem__):
            last = self.last[c]
            end = add_months(last, -self.policy.pre_expiry_end_months)
            start = add_months(last, -self.policy.pre_expiry_start_months)
            if end < a:
                # A term too short to visit a month before it ends: the visit falls
                # between acceptance and the last day (DOMAIN decision, VIS-PRE-EXPIRY).
                start, end = a, last
            self.add(VisitKind.PRE_EXPIRY, start, end, (c,))

    # -- trips -----------------------------------------------------------------------------
    def visit(self, group: Sequence[_Need], *, merged: bool, extra: tuple[str, ...] = ()) -> Visit:
        """One Visit carrying ``group`` (one need, or a merged trip)."""
        earliest = max(n.earliest for n in group)
        latest = min(n.latest for n in group)
        target = max(n.first for n in group)  # the first working day of the intersection
        rules: dict[str, None] = {}
        for need in sorted(group, key=lambda n: _KIND_ORDER[n.kind]):
            rules.update(dict.fromkeys(need.rules))
        rules.update(dict.fromkeys(("VIS-TARGET", "CAL-CN")))
        if merged:
            rules["VIS-MERGE"] = None
        rules.update(dict.fromkeys(extra))
        rules["VIS-OWNER"] = None
        provisional = any(n.provisional for n in group)
        try:
            provisional = provisional or self.cal.is_provisional(target)
        except CalendarRangeError:  # pragma: no cover - is_provisional reads no range
            provisional = True
        if provisional:
            rules["CAL-PROVISIONAL"] = None
        return Visit(
            project_id=self.project.id,
            kinds=frozenset(n.kind for n in group),
            categories=frozenset().union(*(n.categories for n in group)),
            earliest=earliest,
            latest=latest,
            target=target,
            lead=self.lead,
            provisional=provisional,
            rules=tuple(rules),
        )


def _offsets(cadence: Cadence) -> Iterator[int]:
    """Months after acceptance at which periodic windows open (VIS-CADENCE)."""
    if cadence is Cadence.MILESTONES:
        yield from (3, 6)
        months = 12
        while True:
            yield months
            months += 12
    step = 3 if cadence is Cadence.QUARTERLY else 6
    months = step
    while True:
        yield months
        months += step


def merge_needs(needs: Sequence[_Need]) -> list[list[_Need]]:
    """Group visits into the fewest trips (VIS-MERGE): interval stabbing, greedy by deadline.

    Take the visit whose window's last working day comes first; every visit whose window
    holds that day joins its trip; repeat. Each trip's working-day windows share that day.
    """
    trips: list[list[_Need]] = []
    point: dt.date | None = None
    for need in sorted(needs, key=lambda n: (n.last, n.first, _KIND_ORDER[n.kind])):
        if point is not None and need.first <= point:
            trips[-1].append(need)  # its window holds the trip's day (need.last >= point)
        else:
            point = need.last
            trips.append([need])
    return trips


def _visits(
    project: Project,
    policy: Policy,
    calendar: WorkCalendar,
    horizon: dt.date | None = None,
    year: tuple[dt.date, dt.date] | None = None,
) -> list[Visit]:
    """The project's visits (trips); with ``year``, only those targeted in it."""
    planner = _Planner(project, policy, calendar)
    if year is not None and planner.quiet(*year):
        return []
    needs = planner.owe_all(horizon)
    extra: tuple[str, ...] = ()
    if not policy.merge_overlapping:
        trips = [[n] for n in needs]
    else:
        trips = merge_needs(needs)
        if len(trips) < policy.min_visits and not planner.truncated and len(needs) > len(trips):
            # VIS-MIN: merging would leave fewer revisits than the least a project gets.
            trips, extra = [[n] for n in needs], ("VIS-MIN",)
    if year is not None:
        first, last = year
        # A trip's target is the latest first working day of its visits (see Planner.visit).
        trips = [t for t in trips if first <= max(n.first for n in t) <= last]
    return [planner.visit(t, merged=len(t) > 1, extra=extra) for t in trips]


def _sort_key(visit: Visit) -> tuple[dt.date, str, dt.date, dt.date, tuple[int, ...]]:
    kinds = tuple(sorted(_KIND_ORDER[k] for k in visit.kinds))
    return (visit.target, visit.project_id, visit.earliest, visit.latest, kinds)


def _calendar(calendar: object) -> WorkCalendar:
    if calendar is None:
        return china_calendar()
    if not isinstance(calendar, WorkCalendar):
        raise InvalidTypeError("calendar", calendar, "a WorkCalendar or None", rule="CAL-CN")
    return calendar


def plan_revisits(
    project: Project, *, policy: Policy | None = None, calendar: WorkCalendar | None = None
) -> tuple[Visit, ...]:
    """Every revisit ``project`` is owed over its whole life, sorted by target day.

    With ``policy.merge_overlapping`` (the default) visits are merged into the fewest trips
    (VIS-MERGE); at least ``policy.min_visits`` revisits remain (VIS-MIN).
    """
    if not isinstance(project, Project):
        raise InvalidTypeError("project", project, "a revisit_rules.Project", rule="VIS-ANNUAL")
    pol = policy_or_default(policy)
    visits = _visits(project, pol, _calendar(calendar))
    return tuple(sorted(visits, key=_sort_key))


def _horizon(year: int, policy: Policy) -> dt.date:
    """A day past which no window can open and still hold a target in ``year``.

    A trip's target is the latest first working day of its visits, and no earlier than
    the first day of the window whose end opened the trip; so windows opening after the
    year's end plus the longest window cannot change the year's trips.
    """
    longest_months = max(
        policy.handover_months,
        policy.visit_window_months,
        policy.commissioning_end_months,
        policy.pre_expiry_start_months,
        12,  # a season lasts less than a year
    )
    return add_months(dt.date(year, 12, 31), longest_months + 1)


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
    """
    check_int("year", year, minimum=1, rule="VIS-ANNUAL")
    pol = policy_or_default(policy)
    cal = _calendar(calendar)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    horizon = _horizon(year, pol)
    seen: set[str] = set()
    visits: list[Visit] = []
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
        visits.extend(_visits(project, pol, cal, horizon, (first, last)))
    visits.sort(key=_sort_key)
    return Plan(year=year, visits=tuple(visits))


# --- the plan ---------------------------------------------------------------------------------

_ICS_STAMP_NOTE: Final = "DTSTAMP is the plan's first day at 00:00 UTC unless given"


@attrs.frozen
class Plan(Sequence[Visit]):
    """A year's visits, sorted by target day then project (VIS-ANNUAL); a sequence of Visit.

    Attributes:
        year: the plan's year.
        visits: the visits.
    """

    year: int
    visits: tuple[Visit, ...]

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
            }
            for v in self.visits
        ]

    def to_ics(self, *, stamp: dt.datetime | None = None, name: str = "回访计划") -> str:
        """The plan as an iCalendar file (RFC 5545): one all-day VEVENT per visit.

        Lines end in CRLF and are folded at 75 octets; text is escaped. UIDs are stable
        (the same visit gives the same UID in every export). ``stamp`` is the DTSTAMP, an
        aware datetime; by default the plan's first day at 00:00 UTC (no clock is read).
        """
        if stamp is None:
            stamp = dt.datetime(self.year, 1, 1, tzinfo=dt.UTC)
        elif not isinstance(stamp, dt.datetime) or stamp.utcoffset() is None:
            raise InvalidInputError("stamp", stamp, "an aware datetime", rule="VIS-ANNUAL")
        dtstamp = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//revisit-rules//annual revisit plan//ZH",
            "CALSCALE:GREGORIAN",
            f"X-WR-CALNAME:{_ics_text(f'{name} {self.year}')}",
        ]
        for v in self.visits:
            kinds = "、".join(VisitKind[n].zh for n in v.kind_names)
            cats = "、".join(Category[n].zh for n in v.category_names)
            description = (
                f"窗口 window: {v.earliest} – {v.latest}\n"
                f"类别 categories: {cats}\n"
                f"负责 lead: {v.lead.zh}\n"
                f"规则 rules: {', '.join(v.rules)}"
                + ("\n暂定 provisional calendar" if v.provisional else "")
            )
            lines += [
                "BEGIN:VEVENT",
                f"UID:{v.uid}",
                f"DTSTAMP:{dtstamp}",
                f"DTSTART;VALUE=DATE:{v.target:%Y%m%d}",
                f"DTEND;VALUE=DATE:{v.target + _DAY:%Y%m%d}",
                f"SUMMARY:{_ics_text(f'回访 {v.project_id}: {kinds}')}",
                f"DESCRIPTION:{_ics_text(description)}",
                f"CATEGORIES:{','.join(_ics_text(n) for n in v.kind_names)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        return "".join(_fold(line) + "\r\n" for line in lines)

    _HEAD: Final = ("target", "project", "kinds", "categories", "window", "lead", "")

    def _rows(self) -> list[tuple[str, ...]]:
        return [
            (
                v.target.isoformat(),
                v.project_id,
                "、".join(VisitKind[n].zh for n in v.kind_names),
                ", ".join(v.category_names),
                f"{v.earliest} – {v.latest}",
                v.lead.zh,
                "暂定" if v.provisional else "",
            )
            for v in self.visits
        ]

    def _repr_html_(self) -> str:
        """An HTML table for notebooks."""
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self._HEAD)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
            for row in self._rows()
        )
        caption = html.escape(f"回访计划 {self.year}: {len(self.visits)} visits")
        return (
            f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )


def _ics_text(text: str) -> str:
    """Escape TEXT per RFC 5545 § 3.3.11."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 § 3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        width = len(ch.encode())
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


# --- actuals -------------------------------------------------------------------------------


class VisitStatus(enum.Enum):
    """Where a planned visit stands on a given day."""

    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"
    DONE_LATE = "done_late"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {
            "upcoming": "未到期",
            "due": "待回访",
            "overdue": "逾期未回访",
            "done": "已回访",
            "done_late": "逾期后已回访",
        }[self.value]


@attrs.frozen
class VisitRecord:
    """A visit done: which planned visit, the day it was done, and its grade if graded."""

    project_id: str
    visit: Visit = attrs.field(validator=attrs.validators.instance_of(Visit))
    done_on: dt.date = attrs.field(
        validator=lambda _i, _a, v: check_date("VisitRecord.done_on", v, rule="VIS-RECORD")
    )
    grade: Grade | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        """The record belongs to the visit's project."""
        if self.project_id != self.visit.project_id:
            raise InvalidInputError(
                "VisitRecord.project_id",
                self.project_id,
                f"the visit's project ({self.visit.project_id})",
                rule="VIS-RECORD",
            )


@attrs.frozen
class VisitState:
    """A planned visit's status on a day, with the record that closed it, if any."""

    visit: Visit
    status: VisitStatus
    record: VisitRecord | None
    rules: tuple[str, ...]


def visit_status(
    visits: Iterable[Visit],
    records: Iterable[VisitRecord],
    on: dt.date,
    *,
    policy: Policy | None = None,
) -> tuple[VisitState, ...]:
    """Each planned visit's status on day ``on``: done, due, overdue or upcoming.

    A visit is *due* from ``policy.reminder_days`` before its window opens through its
    last day, *overdue* after that, *done* once a record names it (*done late* if the
    record's day is after the window). Records that name no planned visit are an error.
    """
    day = check_date("on", on, rule="VIS-TARGET")
    pol = policy_or_default(policy)
    planned = tuple(visits)
    by_visit: dict[Visit, VisitRecord] = {}
    known = set(planned)
    for record in records:
        if not isinstance(record, VisitRecord):
            raise InvalidTypeError("records[]", record, "a VisitRecord", rule="VIS-RECORD")
        if record.visit not in known:
            raise InvalidInputError(
                "records[].visit", record.visit.uid, "a visit of the plan", rule="VIS-RECORD"
            )
        by_visit[record.visit] = record
    lead = dt.timedelta(days=pol.reminder_days)
    states = []
    for visit in planned:
        done = by_visit.get(visit)
        if done is not None:
            status = VisitStatus.DONE_LATE if done.done_on > visit.latest else VisitStatus.DONE
        elif day > visit.latest:
            status = VisitStatus.OVERDUE
        elif day >= visit.earliest - lead:
            status = VisitStatus.DUE
        else:
            status = VisitStatus.UPCOMING
        states.append(VisitState(visit, status, done, ("VIS-TARGET", "VIS-RECORD")))
    return tuple(states)
