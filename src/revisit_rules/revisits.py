"""Revisits: every revisit a project is owed, merged into trips, and the annual plan (VIS).

A completed project is revisited after handover, periodically while its warranties are in
force, in each rainy season, before and in each heating season, after its MEP systems start
running, when new techniques were used, and before each warranty ends (DOMAIN.md § 5);
every revisit of a warranty is finished a month before it ends (VIS-IN-FORCE). Each visit
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
('HANDOVER',) 2025-10-02 2026-01-01 2025-10-09
('PERIODIC',) 2026-04-01 2026-04-30 2026-04-01
('PERIODIC',) 2026-10-01 2026-10-31 2026-10-08
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Final, overload

import attrs

from revisit_rules._check import FrozenMap, check_bool, check_date, check_int, check_member
from revisit_rules.calendar import WorkCalendar, china_calendar
from revisit_rules.errors import (
    CalendarRangeError,
    DateRangeError,
    InvalidInputError,
    InvalidTypeError,
    NoSeasonError,
)
from revisit_rules.periods import _add_months as add_months
from revisit_rules.policy import Cadence, Policy, RevisitHorizon, policy_or_default
from revisit_rules.project import CustomerClass, CustomerTier, Project
from revisit_rules.regions import SeasonKind, SeasonSpan
from revisit_rules.satisfaction import Grade
from revisit_rules.seasons import span_of
from revisit_rules.warranty import Category, last_days

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "PRIORITY_CUSTOMER",
    "SHORT_TERM",
    "SKIPPED_NO_WORKING_DAY",
    "VIS_MIN_NOT_MET",
    "Plan",
    "PlanFinding",
    "Visit",
    "VisitKind",
    "VisitLead",
    "VisitRecord",
    "VisitState",
    "VisitStatus",
    "annual_plan",
    "plan_findings",
    "plan_revisits",
    "visit_id",
    "visit_lead",
    "visit_status",
]

_DAY: Final = dt.timedelta(days=1)
_SATURDAY: Final = 5

#: Finding: merged or not, the project is owed fewer visits than ``Policy.min_visits``;
#: no visit is invented (VIS-MIN).
VIS_MIN_NOT_MET: Final = "VIS_MIN_NOT_MET"
#: Finding: a routine window that clipping left without a working day is not owed
#: (VIS-TARGET).
SKIPPED_NO_WORKING_DAY: Final = "SKIPPED_NO_WORKING_DAY"
#: Finding: a term too short for a visit a month before it ends; the visit falls between
#: the day after acceptance and the last day (VIS-IN-FORCE).
SHORT_TERM: Final = "SHORT_TERM"
#: Finding: a customer with many complaints or a serious problem gets the department
#: manager (SAT-CLASS, with ``Policy.lead_by_customer_class``; VIS-OWNER).
PRIORITY_CUSTOMER: Final = "PRIORITY_CUSTOMER"


class VisitKind(enum.Enum):
    """Why a visit is owed (DOMAIN.md § 5); each kind has its rule."""

    HANDOVER = "handover"
    PERIODIC = "periodic"
    RAINY_SEASON = "rainy_season"
    HEATING_SEASON = "heating_season"
    WINTER = "winter"
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
        VisitKind.WINTER: "冬季回访",
        VisitKind.COMMISSIONING: "机电设备、给排水系统运行后回访",
        VisitKind.TECHNICAL: "技术性回访",
        VisitKind.PRE_EXPIRY: "保修期满前回访",
    }
)
# A read-only view of a plain dict: looked up in the planner's hot path.
_KIND_RULE: Final[Mapping[VisitKind, str]] = MappingProxyType(
    {
        VisitKind.HANDOVER: "VIS-HANDOVER",
        VisitKind.PERIODIC: "VIS-PERIODIC",
        VisitKind.RAINY_SEASON: "VIS-RAINY",
        VisitKind.HEATING_SEASON: "VIS-HEATING",
        VisitKind.WINTER: "VIS-WINTER",
        VisitKind.COMMISSIONING: "VIS-COMMISSIONING",
        VisitKind.TECHNICAL: "VIS-TECHNICAL",
        VisitKind.PRE_EXPIRY: "VIS-PRE-EXPIRY",
    }
)
#: Visits every project gets: never dropped for want of a working day (VIS-IN-FORCE).
_ALWAYS_OWED: Final = frozenset({VisitKind.HANDOVER, VisitKind.PRE_EXPIRY})
#: The routine kinds, owed only in the first year under ``RevisitHorizon.ONE_YEAR``.
_ROUTINE: Final = frozenset(
    {
        VisitKind.PERIODIC,
        VisitKind.RAINY_SEASON,
        VisitKind.HEATING_SEASON,
        VisitKind.WINTER,
        VisitKind.COMMISSIONING,
        VisitKind.TECHNICAL,
    }
)
# Read-only views of plain dicts: looked up in the planner's hot path (C-level lookups).
_KIND_ORDER: Final[Mapping[VisitKind, int]] = MappingProxyType(
    {k: i for i, k in enumerate(VisitKind)}
)
_CAT_ORDER: Final[Mapping[Category, int]] = MappingProxyType({c: i for i, c in enumerate(Category)})


class VisitLead(enum.Enum):
    """Who leads a revisit (VIS-OWNER, DOMAIN.md § 5).

    The construction seeds' leads: the project manager (项目经理, S002 1.1, S000 竣工工程质量
    回访制度), and under the quarterly scheme the managing director or chief engineer
    (主管经理/总工程师, S003). The class leads (部门经理, 部门主管, 部门职员) come from a tax
    firm's plan inside S002 (3客户回访计划 三(1)) and are used only with
    ``Policy.lead_by_customer_class``.
    """

    PROJECT_MANAGER = "project_manager"
    MANAGING_DIRECTOR = "managing_director"
    DEPARTMENT_MANAGER = "department_manager"
    SUPERVISOR = "supervisor"
    STAFF = "staff"

    @property
    def zh(self) -> str:
        """The Chinese label, as the sources write it."""
        return {
            "project_manager": "项目经理",
            "managing_director": "主管经理/总工程师",
            "department_manager": "部门经理",
            "supervisor": "部门主管",
            "staff": "部门职员",
        }[self.value]


def visit_lead(
    customer_class: CustomerClass | CustomerTier,
    *,
    many_complaints: bool = False,
    serious_problem: bool = False,
) -> VisitLead:
    """The class lead of a visit to this customer (SAT-CLASS, VIS-OWNER).

    Borrowed from a tax firm's customer plan inside S002 (3客户回访计划 三(1)), these leads
    are used by the planner only with ``Policy.lead_by_customer_class``; by default the
    project manager leads (VIS-OWNER). Class A: the department manager; class B: the
    department supervisor; class C: department staff. A customer with many complaints
    about the service, or with a serious problem, is visited by the department manager
    whatever its class. A :class:`CustomerTier` is read as its class (SAT-CLASS).

    Raises:
        InvalidTypeError: a class that is not a :class:`CustomerClass` or
            :class:`CustomerTier`; a flag that is not a ``bool``.

    >>> visit_lead(CustomerClass.B), visit_lead(CustomerTier.C, serious_problem=True)
    (<VisitLead.SUPERVISOR: 'supervisor'>, <VisitLead.DEPARTMENT_MANAGER: 'department_manager'>)
    """
    if isinstance(customer_class, CustomerTier):
        customer_class = customer_class.customer_class
    if not isinstance(customer_class, CustomerClass):
        raise InvalidTypeError(
            "customer_class",
            customer_class,
            "a CustomerClass (A, B, C) or a CustomerTier (AAA … C)",
            rule="SAT-CLASS",
        )
    check_bool("many_complaints", many_complaints, rule="VIS-OWNER")
    check_bool("serious_problem", serious_problem, rule="VIS-OWNER")
    if many_complaints or serious_problem:
        return VisitLead.DEPARTMENT_MANAGER
    return {
        CustomerClass.A: VisitLead.DEPARTMENT_MANAGER,
        CustomerClass.B: VisitLead.SUPERVISOR,
        CustomerClass.C: VisitLead.STAFF,
    }[customer_class]


def _kinds(value: Iterable[VisitKind]) -> frozenset[VisitKind]:
    kinds = frozenset(value)
    if not kinds or not all(isinstance(k, VisitKind) for k in kinds):
        raise InvalidTypeError(
            "Visit.kinds", value, "a non-empty set of VisitKind", rule="VIS-MERGE"
        )
    return kinds


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            "Visit.visit_ids", value, "a tuple of visit ids (str)", rule="VIS-MERGE"
        )
    ids = tuple(value)
    if not all(isinstance(i, str) and i for i in ids) or len(set(ids)) != len(ids):
        raise InvalidInputError(
            "Visit.visit_ids", value, "distinct, non-empty visit ids (str)", rule="VIS-MERGE"
        )
    return ids


def visit_id(project_id: str, kind: VisitKind, key: int | str) -> str:
    """A planned visit's stable id, ``project:KIND:key`` (DOMAIN.md § 5 "Visit ids").

    ``key`` is 1 for HANDOVER, TECHNICAL and COMMISSIONING, the offset in months from
    acceptance for PERIODIC, the year its season starts for the seasonal kinds, and the
    category's name for PRE_EXPIRY. The project id comes first and may hold any text: the
    kind and the key, the last two parts, never hold a colon.

    >>> visit_id("P-1", VisitKind.PRE_EXPIRY, "WATERPROOFING")
    'P-1:PRE_EXPIRY:WATERPROOFING'
    """
    return f"{project_id}:{kind.name}:{key}"


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
        visit_ids: the stable ids of the planned visits the trip carries (:attr:`uid`).
        survey: whether the trip carries the project's end-of-warranty owner survey
            (SAT-SURVEY: the pre-expiry trip of its last-ending warranty other than
            FOUNDATION_STRUCTURE).
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
    visit_ids: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_ids)
    survey: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        """Every field of its type; the target lies in the window."""
        if not isinstance(self.project_id, str) or not self.project_id:
            raise InvalidTypeError(
                "Visit.project_id", self.project_id, "a non-empty string", rule="VIS-ANNUAL"
            )
        check_member("Visit.lead", self.lead, VisitLead, rule="VIS-OWNER")
        check_bool("Visit.provisional", self.provisional, rule="CAL-PROVISIONAL")
        if not isinstance(self.rules, tuple) or not all(isinstance(r, str) for r in self.rules):
            raise InvalidTypeError(
                "Visit.rules", self.rules, "a tuple of rule IDs (str)", rule="VIS-TARGET"
            )
        check_date("Visit.earliest", self.earliest, rule="VIS-TARGET")
        check_date("Visit.latest", self.latest, rule="VIS-TARGET")
        check_date("Visit.target", self.target, rule="VIS-TARGET")
        check_bool("Visit.survey", self.survey, rule="SAT-SURVEY")
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
        """The visit's stable id: that of the first planned visit it carries.

        A planned visit's id is (project, kind, key), :func:`visit_id`; never the window,
        so a re-plan that moves the window keeps it. A merged trip carries several planned
        visits (:attr:`visit_ids`); its id is that of the visit whose last working day
        comes first, the one the trip was made for (VIS-MERGE). A Visit built by hand without
        ``visit_ids`` has an id hashed from what tells it apart: project, window, kinds
        and categories.

        >>> import datetime as dt
        >>> import revisit_rules as rr
        >>> p = rr.Project("P-1", dt.date(2025, 10, 9), "beijing", {rr.Category.DECORATION})
        >>> [v.uid for v in rr.plan_revisits(p)][:3]
        ['P-1:HANDOVER:1', 'P-1:PERIODIC:6', 'P-1:PERIODIC:12']
        """
        if self.visit_ids:
            return self.visit_ids[0]
        key = json.dumps(
            [
                self.project_id,
                self.earliest.isoformat(),
                self.latest.isoformat(),
                self.kind_names,
                self.category_names,
            ],
            ensure_ascii=False,
        )
        return hashlib.sha256(key.encode()).hexdigest()[:24]

    @property
    def ics_uid(self) -> str:
        """The iCalendar UID (RFC 5545): derived from :attr:`uid` alone, so it is stable too."""
        return hashlib.sha256(self.uid.encode()).hexdigest()[:24] + "@revisit-rules"

    @property
    def summary_zh(self) -> str:
        """A one-line Chinese summary: the project and the kinds of the visit."""
        kinds = "、".join(VisitKind[n].zh for n in self.kind_names)
        return f"{self.project_id} {kinds}"


@attrs.frozen
class PlanFinding:
    """Something the planner decided not to do, or did otherwise, and says so (DOMAIN.md § 5).

    Attributes:
        project_id: the project it concerns.
        code: :data:`VIS_MIN_NOT_MET`, :data:`SKIPPED_NO_WORKING_DAY`, :data:`SHORT_TERM`
            or :data:`PRIORITY_CUSTOMER`.
        rule: the ID of the rule that decided.
        detail: what was decided, in words: the kind, window, category or counts.
        visit_id: the stable id of the visit concerned (:func:`visit_id`), where one is.
        category: the warranty category concerned (SHORT_TERM of a pre-expiry visit).
        window: the window concerned, (earliest, latest): the one left without a working
            day (SKIPPED_NO_WORKING_DAY), or the short-term window planned (SHORT_TERM).
    """

    project_id: str
    code: str
    rule: str
    detail: str
    visit_id: str = attrs.field(default="", kw_only=True)
    category: Category | None = attrs.field(default=None, kw_only=True)
    window: tuple[dt.date, dt.date] | None = attrs.field(default=None, kw_only=True)

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule that decided, as every result names its rules."""
        return (self.rule,)


# --- planning ------------------------------------------------------------------------------


class _Need:
    """One owed visit before merging: a window in days and working days, and its reasons."""

    __slots__ = (
        "categories",
        "earliest",
        "first",
        "key",
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
        key: int | str,
    ) -> None:
        self.kind = kind
        self.key = key
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
        #: Each category's cut-off D(c): a visit other than PRE_EXPIRY serves it only if
        #: its window begins by then, and ends by the latest cut-off it serves (VIS-IN-FORCE).
        #: Found by :meth:`owe_all` (a year that :meth:`quiet` skips never needs them).
        self.cutoff: dict[Category, dt.date] = {}
        #: Under RevisitHorizon.ONE_YEAR, A + 12 months: routine windows begin before it and
        #: end by it (VIS-HORIZON).
        self.year_end = (
            _shift(project.accepted_on, 12)
            if policy.revisit_horizon is RevisitHorizon.ONE_YEAR
            else None
        )
        self._class_lead: VisitLead | None = None  # found when a visit is made (VIS-OWNER)
        self._spans: dict[SeasonKind, SeasonSpan] = {}
        if policy.winter_visit and Category.HEATING in project.categories:
            self._check_winter()
        self.needs: list[_Need] = []
        #: What the planner decided and says, each with the day that dates it in a year.
        self.findings: list[tuple[dt.date, PlanFinding]] = []
        #: Windows opening after ``horizon`` are not planned; ``truncated`` if one was owed.
        self.horizon: dt.date | None = None
        self.truncated = False
        #: Windows ending before ``since`` are not planned; ``cut`` if one may have been
        #: owed (``since`` after the acceptance day), ``cut_handover`` if the handover was.
        self.since: dt.date | None = None
        self.cut = self.cut_handover = False

    # -- windows ---------------------------------------------------------------------------
    def _bounds(
        self, earliest: dt.date, latest: dt.date
    ) -> tuple[tuple[dt.date, dt.date] | None, bool]:
        """First and last working day of a window (None if none), and if they are provisional.

        Outside the calendar's data (before 2000, after 2100) weekdays stand in for working
        days, marked provisional; the days of the window inside the data keep the calendar.
        """
        if earliest > latest:
            return None, False
        cal = self.cal
        lo, hi = cal.first_day, cal.last_day
        if lo <= earliest and latest <= hi:
            return cal._bounds(earliest, latest), False  # noqa: SLF001 - dates checked here
        parts = []  # the window's part before the data, inside it, after it
        if earliest < lo:
            parts.append(_weekday_bounds(earliest, min(latest, lo - _DAY)))
        if earliest <= hi and latest >= lo:
            parts.append(cal._bounds(max(earliest, lo), min(latest, hi)))  # noqa: SLF001
        if latest > hi:
            parts.append(_weekday_bounds(max(earliest, hi + _DAY), latest))
        found = [p for p in parts if p is not None]
        return ((found[0][0], found[-1][1]) if found else None), True

    def _check_winter(self) -> None:
        """VIS-WINTER: the winter window of every season holds a day, or the policy is wrong.

        Checked before any window, so that every call planning the project refuses it
        alike, whatever part of the life it plans.
        """
        try:
            span = self.span(SeasonKind.HEATING)
        except NoSeasonError:
            return  # no heating season: no winter visit (VIS-HEATING's note)
        (sm, sd), (em, ed) = span.start, span.end
        opens = dt.date(2001, sm, sd)  # any year: a season's months are the same each year
        closes = dt.date(2002 if span.wraps else 2001, em, ed)
        months = self.policy.winter_start_months
        if add_months(opens, months) > closes:
            raise InvalidInputError(
                "Policy.winter_start_months",
                months,
                f"a number of months within the heating season of {self.project.region} "
                f"({span.start[0]:02d}-{span.start[1]:02d} → {span.end[0]:02d}-"
                f"{span.end[1]:02d}), so that its winter window holds a day",
                rule="VIS-WINTER",
            )

    @functools.cached_property
    def whole_life(self) -> list[_Need]:
        """Every visit of the project's whole life, planned once by a planner of its own.

        VIS-MIN is decided on the whole life (:func:`_too_few_trips`, :func:`_owed`) while
        this planner may plan a part of it.
        """
        return _Planner(self.project, self.policy, self.cal).owe_all()

    @functools.cached_property
    def survey(self) -> str | None:
        """The category whose pre-expiry trip carries the owner survey (SAT-SURVEY).

        The last-ending warranty other than the structure (the last in Category order
        among those ending that day); None for a structure-only project.
        """
        last = self.last
        others = [c for c in last if c is not Category.FOUNDATION_STRUCTURE]
        return max(others, key=lambda c: (last[c], _CAT_ORDER[c])).name if others else None

    def note(
        self,
        day: dt.date,
        code: str,
        rule: str,
        detail: str,
        *,
        visit: tuple[VisitKind, int | str] | None = None,
        category: Category | None = None,
        window: tuple[dt.date, dt.date] | None = None,
    ) -> None:
        """Record a finding, dated by ``day`` for the annual plan (Plan findings)."""
        pid = self.project.id
        found = PlanFinding(
            pid,
            code,
            rule,
            detail,
            visit_id=visit_id(pid, *visit) if visit else "",
            category=category,
            window=window,
        )
        self.findings.append((day, found))

    def _clip(
        self, kind: VisitKind, earliest: dt.date, latest: dt.date, categories: Iterable[Category]
    ) -> tuple[dt.date, list[Category], bool, bool] | None:
        """VIS-IN-FORCE and VIS-HORIZON: the window's end, what it serves, how it was cut.

        Returns ``(latest, served, clipped, from_last)``, or None if the visit is not owed:
        it serves no warranty in force (the handover is always owed: it may serve none
        here), or, under ``ONE_YEAR``, a routine window opens after the first year.
        ``from_last`` says that the end follows a warranty's last day.
        """
        served = list(categories)
        if kind is VisitKind.PRE_EXPIRY:  # serves its own category, ends by its cut-off
            return latest, served, False, True
        clipped = from_last = False
        cut = self.cutoff
        served = [c for c in served if cut[c] >= earliest]
        if served:
            until = max([cut[c] for c in served]) if len(served) > 1 else cut[served[0]]
            if latest >= until:
                clipped, from_last, latest = latest > until, True, until
        elif kind is not VisitKind.HANDOVER:
            return None
        year_end = self.year_end
        if year_end is not None and kind in _ROUTINE:
            if earliest >= year_end:
                return None
            if latest > year_end:
                clipped, from_last, latest = True, False, year_end
        return latest, served, clipped, from_last

    def _outside(self, earliest: dt.date, latest: dt.date, *, handover: bool) -> bool:
        """Whether a window lies outside the part of the life planned (``horizon``, ``since``).

        Clipping only narrows a window; the handover's short-term window is checked against
        ``since`` once it is known.
        """
        if self.horizon is not None and earliest > self.horizon:
            self.truncated = True
            return True
        return self.since is not None and latest < self.since and not handover

    def add(
        self,
        kind: VisitKind,
        earliest: dt.date,
        latest: dt.date,
        categories: Iterable[Category],
        extra_rules: tuple[str, ...] = (),
        *,
        key: int | str = 1,
    ) -> bool:
        """Owe a visit, subject to VIS-IN-FORCE and VIS-HORIZON; whether it was planned.

        ``key`` tells the visit apart from the project's other visits of its kind (its
        stable id, :func:`visit_id`): 1 for the one-off kinds, the offset in months from
        acceptance for PERIODIC, the year its season starts for the seasonal kinds, the
        category's name for PRE_EXPIRY.
        """
        handover = kind is VisitKind.HANDOVER
        if self._outside(earliest, latest, handover=handover):
            return False
        # No window opens before the acceptance day; the handover's opens the day after
        # (the acceptance day itself is the handover, VIS-HANDOVER). One that ended before
        # is not owed.
        a = self.project.accepted_on
        opens = a + _DAY if handover else a
        clipped = earliest < opens
        if clipped:
            earliest = opens
            if latest < earliest and not handover:
                return False
        # VIS-IN-FORCE: a visit serves the categories whose cut-off its window begins by,
        # and ends by the latest of their cut-offs; a pre-expiry visit serves its own.
        cut = self._clip(kind, earliest, latest, categories)
        if cut is None:
            return False
        latest, served, cut_off, from_last = cut
        clipped = clipped or cut_off
        bounds, beyond = self._bounds(earliest, latest)
        short = handover and (not served or bounds is None)
        if short:
            # The cut-offs leave the handover no working day: its window runs to the
            # latest last day instead (VIS-IN-FORCE, SHORT_TERM).
            served = list(categories)
            latest = max(self.last[c] for c in served)
            from_last = True
            bounds, beyond = self._bounds(earliest, latest)
        if bounds is None:
            self._unplannable(kind, key, (earliest, latest), served, clipped=clipped)
            return False
        if handover and self.since is not None and latest < self.since:
            # The handover, never dropped, witnesses a trip before ``since`` (VIS-MIN).
            self.cut_handover = True
            return False
        if short:
            self.note(
                earliest,
                SHORT_TERM,
                "VIS-IN-FORCE",
                f"HANDOVER: no working day from {earliest} to the cut-offs a month before "
                f"the warranties end; the window runs to the last day, {latest}",
                visit=(kind, key),
                window=(earliest, latest),
            )
        provisional = from_last and any(self.provisional[c] for c in served)
        rules = (_KIND_RULE[kind], *extra_rules, "VIS-IN-FORCE")
        self.needs.append(
            _Need(
                kind, earliest, latest, frozenset(served), rules, provisional or beyond, bounds, key
            )
        )
        return True

    def _unplannable(
        self,
        kind: VisitKind,
        key: int | str,
        window: tuple[dt.date, dt.date],
        served: Sequence[Category],
        *,
        clipped: bool,
    ) -> None:
        """A window without a working day: noted if clipping emptied it, else an error.

        Clipped to the acceptance day, a cut-off or the first year, a routine window that
        holds no working day is not owed: the visit cannot be made while it is owed
        (SKIPPED_NO_WORKING_DAY). The handover and pre-expiry visits, always owed, and a
        window the policy's lengths leave empty are errors (VIS-TARGET).
        """
        earliest, latest = window
        if clipped and kind not in _ALWAYS_OWED:
            self.note(
                earliest,
                SKIPPED_NO_WORKING_DAY,
                "VIS-TARGET",
                f"{visit_id(self.project.id, kind, key)}: the window "
                f"{earliest} – {latest} left by clipping holds no working day",
                visit=(kind, key),
                window=window,
            )
            return
        why = (
            f"the warranties it serves ({', '.join(sorted(c.name for c in served))}) end "
            f"before a working day after acceptance on {self.project.accepted_on}"
            if clipped or kind in _ALWAYS_OWED
            else "change the policy's window lengths"
        )
        raise InvalidInputError(
            "window",
            (earliest.isoformat(), latest.isoformat()),
            f"a {kind.name} window of project {self.project.id} that holds a working day; {why}",
            rule="VIS-TARGET",
        )

    def quiet(self, first: dt.date, last: dt.date) -> bool:
        """Whether no visit or finding can fall from ``first`` to ``last`` (cheap, exact).

        Every window ends by the handover/technical window's end, the commissioning
        window's end, or the last day of a non-structural warranty; the structure's own
        pre-expiry window stands apart, far in the future (unless the policy has rainy
        visits serve the structure).
        """
        a, pol, last_day = self.project.accepted_on, self.policy, self.last
        structure = last_day.get(Category.FOUNDATION_STRUCTURE)
        if structure is not None and Category.FOUNDATION_STRUCTURE in pol.rainy_season_categories:
            return False
        # The cheapest bound first: a warranty still running in the year.
        if any(d >= first for c, d in last_day.items() if c is not Category.FOUNDATION_STRUCTURE):
            return False
        months = max(pol.handover_months, pol.technical_months + pol.visit_window_months)
        if _shift(a, months) >= first:
            return False
        started = self.project.operation_started_on
        if started is not None and _shift(started, pol.commissioning_end_months) >= first:
            return False
        if structure is None:
            return True
        opens = _shift(structure, -pol.pre_expiry_start_months)
        closes = _shift(structure, -pol.pre_expiry_end_months)  # its cut-off
        return closes < first or opens > last

    def owe_all(self, horizon: dt.date | None = None, since: dt.date | None = None) -> list[_Need]:
        """Every visit owed; only windows opening by ``horizon`` and ending from ``since``."""
        a = self.project.accepted_on
        if not self.cutoff:
            back = self.policy.pre_expiry_end_months
            last = self.last
            self.cutoff = {c: add_months(day, -back) for c, day in last.items()} if back else last
        self.needs, self.findings, self.horizon, self.since = [], [], horizon, since
        self.truncated = self.cut_handover = False
        self.cut = since is not None and since > a
        self.add(VisitKind.HANDOVER, a, _shift(a, self.policy.handover_months), self.cats)
        self._periodic()
        self._seasons()
        self._commissioning()
        if self.project.new_techniques:  # VIS-TECHNICAL: 四新
            start = self.policy.technical_months
            self.add(
                VisitKind.TECHNICAL,
                _shift(a, start),
                _before(a, start + self.policy.visit_window_months),
                self.cats,
            )
        self._pre_expiry()
        return self.needs

    def horizon_after(self, day: dt.date) -> dt.date:
        """A day past which no window can open and still join a trip targeted by ``day``.

        A trip is targeted on the latest first working day of its visits, so a trip
        targeted by ``day`` holds only windows that open by ``day`` and, at most
        ``longest`` months long, close before the horizon (a month more: month ends clip).
        A window opening after the horizon comes after them all, greedy by deadline, and
        cannot join such a trip.
        """
        pol, cats = self.policy, self.cats
        longest = max(
            pol.handover_months,
            pol.visit_window_months,  # periodic, technical
            pol.commissioning_end_months,
            pol.pre_expiry_start_months,  # also bounds a short term's acceptance .. last day
        )
        if Category.HEATING in cats:
            longest = max(longest, pol.heating_visit_months)
            if pol.winter_visit:
                longest = max(longest, self._months(SeasonKind.HEATING))
        if not cats.isdisjoint(pol.rainy_season_categories):
            longest = max(longest, self._months(SeasonKind.RAINY))
        if day.year >= dt.MAXYEAR - (longest + 1) // 12 - 1:
            return dt.date.max  # no window opens later than the last day there is
        return add_months(day, longest + 1)

    def _months(self, season: SeasonKind) -> int:
        """How many calendar months the project's ``season`` touches (0 if it has none)."""
        try:
            span = self.span(season)
        except NoSeasonError:
            return 0
        months = (span.end[0] - span.start[0]) % 12 + 1
        return 12 if span.wraps and months == 1 else months

    def lead(self, group: Sequence[_Need]) -> VisitLead:
        """Who leads a trip (VIS-OWNER): its most senior lead, or the class lead if asked."""
        if self.policy.lead_by_customer_class:
            if self._class_lead is None:
                project = self.project
                self._class_lead = visit_lead(
                    project.customer_class,
                    many_complaints=project.many_complaints,
                    serious_problem=project.serious_problem,
                )
            return self._class_lead
        if self.policy.cadence is Cadence.QUARTERLY and any(
            n.kind is VisitKind.PERIODIC for n in group
        ):
            return VisitLead.MANAGING_DIRECTOR  # S003: 由公司主管经理或公司总工程师带队
        return VisitLead.PROJECT_MANAGER

    def span(self, season: SeasonKind) -> SeasonSpan:
        """The project's recurring ``season`` under the policy (SEA-*)."""
        span = self._spans.get(season)
        if span is None:
            span = self._spans[season] = span_of(season, self.project.region, policy=self.policy)
        return span

    @property
    def cats(self) -> frozenset[Category]:
        """The project's categories."""
        return self.project.categories

    def _periodic(self) -> None:
        """VIS-PERIODIC, VIS-CADENCE, VIS-HORIZON: up to the non-structural cut-offs."""
        served = [c for c in self.cats if c is not Category.FOUNDATION_STRUCTURE]
        if not served:
            return
        a, pol = self.project.accepted_on, self.policy
        horizon_day = max(self.cutoff[c] for c in served)
        if self.year_end is not None:
            horizon_day = min(horizon_day, self.year_end - _DAY)  # begins before A + 12 months
        # Windows that open at offset o end before A + (o + window) months: those of the
        # offsets below months(A -> since) - window end before ``since`` (not planned).
        since = self.since
        skip = (
            (since.year - a.year) * 12 + since.month - a.month - pol.visit_window_months
            if since is not None
            else 0
        )
        for offset in _offsets(pol.cadence, skip):
            start = _shift(a, offset)
            if start > horizon_day:
                return
            if self.horizon is not None and start > self.horizon:
                self.truncated = True
                return
            end = _before(a, offset + pol.visit_window_months)
            self.add(
                VisitKind.PERIODIC, start, end, served, ("VIS-CADENCE", "VIS-HORIZON"), key=offset
            )

    def _seasons(self) -> None:
        """VIS-RAINY, VIS-HEATING and VIS-WINTER, each serving its categories."""
        rainy = [c for c in Category if c in self.cats and c in self.policy.rainy_season_categories]
        if rainy:
            self._season(SeasonKind.RAINY, rainy)
        if Category.HEATING in self.cats:
            self._season(SeasonKind.HEATING, [Category.HEATING])

    def _season(self, season: SeasonKind, served: list[Category]) -> None:
        """The visits of each occurrence of ``season`` while a category served is in force.

        RAINY: the season itself. HEATING: the months before it starts and, with
        ``winter_visit``, its heart, from a month after it starts to its end (WINTER).
        """
        try:
            span = self.span(season)
        except NoSeasonError:
            # No heating season in the region: the HEATING warranty stands on its contract
            # term (NO_SEASON, SEA-NO-SEASON; without one last_days has refused already),
            # and there is no season to visit before or in (VIS-HEATING, VIS-WINTER).
            return
        (sm, sd), (em, ed) = span.start, span.end
        wraps, pol = span.wraps, self.policy
        until = max(self.cutoff[c] for c in served)
        # Every occurrence that can overlap acceptance .. the cut-off: a season that runs
        # into the next year may have begun the year before acceptance and still be
        # running (its window then opens on the acceptance day).
        first = self.project.accepted_on.year
        if wraps and first > dt.MINYEAR:
            first -= 1
        if self.since is not None:
            # Windows ending before ``since`` are not planned: those of the seasons that
            # start before ``since``'s year, but for a season running into the next.
            first = max(first, self.since.year - (1 if wraps else 0))
        rainy, winter = season is SeasonKind.RAINY, pol.winter_visit
        a = self.project.accepted_on
        # Each season's earliest window opens later than the one before: the loop ends when
        # one opens after the cut-off (a pre-season window may open years ahead).
        for year in range(first, dt.MAXYEAR + 1):
            opens = dt.date(year, sm, sd)
            if not wraps:
                closes = dt.date(year, em, ed)
            else:  # the last season there is runs past 9999-12-31, beyond every cut-off
                closes = dt.date(year + 1, em, ed) if year < dt.MAXYEAR else dt.date.max
            before = opens if rainy else _shift(opens, -pol.heating_visit_months)
            if before > until:
                return  # every later window opens later still
            if self.horizon is not None and before > self.horizon:
                self.truncated = True
                return
            if rainy:
                self.add(VisitKind.RAINY_SEASON, opens, closes, served, ("SEA-RAINY",), key=year)
                continue
            self.add(
                VisitKind.HEATING_SEASON, before, opens - _DAY, served, ("SEA-HEATING",), key=year
            )
            if winter:
                # The heart of the season; one already running at acceptance from A (its
                # start, cut at A like any window opening before it).
                heart = opens if opens <= a <= closes else _shift(opens, pol.winter_start_months)
                self.add(VisitKind.WINTER, heart, closes, served, ("SEA-HEATING",), key=year)

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
            _shift(started, self.policy.commissioning_start_months),
            _before(started, self.policy.commissioning_end_months),
            mep,
        )

    def _pre_expiry(self) -> None:
        """VIS-PRE-EXPIRY: done a month before each warranty's last day; never dropped."""
        a, since = self.project.accepted_on, self.since
        for c in sorted(self.cats, key=_CAT_ORDER.__getitem__):
            last = self.last[c]
            if since is not None and last < since:
                continue  # the window ends by the last day: before the part planned
            start = _shift(last, -self.policy.pre_expiry_start_months)
            if self.horizon is not None and start > self.horizon:
                # Opens after the part planned, and so would a short term's window (below).
                self.truncated = True
                continue
            end = self.cutoff[c]
            short = end < a or (start < a and self._bounds(a, end)[0] is None)
            if short:
                # A term too short to visit a month before it ends: the window closes
                # before acceptance or, cut at the acceptance day, holds no working day.
                # The visit falls between the day after acceptance and the last day.
                start, end = a + _DAY, last
            if self.add(VisitKind.PRE_EXPIRY, start, end, (c,), key=c.name) and short:
                self.note(
                    start,
                    SHORT_TERM,
                    "VIS-IN-FORCE",
                    f"PRE_EXPIRY {c.name}: no working day from acceptance to a month before "
                    f"the last day, {last}; the window is {start} – {last}",
                    visit=(VisitKind.PRE_EXPIRY, c.name),
                    category=c,
                    window=(start, last),
                )

    # -- trips -----------------------------------------------------------------------------
    def visit(self, group: Sequence[_Need], *, merged: bool, extra: tuple[str, ...] = ()) -> Visit:
        """One Visit carrying ``group`` (one need, or a merged trip)."""
        rules: dict[str, None]
        if len(group) == 1:  # the common case, kept short
            (need,) = group
            earliest, latest, target = need.earliest, need.latest, need.first
            kinds, categories = frozenset((need.kind,)), need.categories
            rules = dict.fromkeys(need.rules)
            provisional = need.provisional
        else:
            earliest = max(n.earliest for n in group)
            latest = min(n.latest for n in group)
            target = max(n.first for n in group)  # the first working day of the intersection
            kinds = frozenset(n.kind for n in group)
            categories = frozenset().union(*(n.categories for n in group))
            rules = {}
            for need in sorted(group, key=lambda n: _KIND_ORDER[n.kind]):
                rules.update(dict.fromkeys(need.rules))
            provisional = any(n.provisional for n in group)
        rules["VIS-TARGET"] = rules["CAL-CN"] = None
        if merged:
            rules["VIS-MERGE"] = None
        rules.update(dict.fromkeys(extra))
        rules["VIS-OWNER"] = None
        if self.policy.lead_by_customer_class:
            rules["SAT-CLASS"] = None  # the class leads, borrowed, replace the construction ones
        survey = self.survey is not None and any(
            n.kind is VisitKind.PRE_EXPIRY and n.key == self.survey for n in group
        )
        if survey:
            rules["SAT-SURVEY"] = None
        try:
            provisional = provisional or self.cal.is_provisional(target)
        except CalendarRangeError:  # past the calendar's data: weekdays stood in
            provisional = True
        if provisional:
            rules["CAL-PROVISIONAL"] = None
        pid = self.project.id
        return Visit(
            project_id=pid,
            kinds=kinds,
            categories=categories,
            earliest=earliest,
            latest=latest,
            target=target,
            lead=self.lead(group),
            provisional=provisional,
            rules=tuple(rules),
            # The trip's own visit first (merge_needs puts it first), then as they joined.
            visit_ids=tuple(visit_id(pid, n.kind, n.key) for n in group),
            survey=survey,
        )


def _shift(day: dt.date, months: int) -> dt.date:
    """``day`` + ``months`` (CC 202), held to the days there are (VIS windows).

    A window bound past 9999-12-31 lies after every cut-off, one before 0001-01-01 before
    every acceptance: the last or the first day there is stands for it, and the window
    rules then treat it as they treat any bound that far.
    """
    try:
        return add_months(day, months)
    except (OverflowError, ValueError):
        return dt.date.max if months > 0 else dt.date.min


def _before(day: dt.date, months: int) -> dt.date:
    """The day before ``day`` + ``months``: a window's last day, held to 9999-12-31."""
    end = _shift(day, months)
    return end if end == dt.date.max else end - _DAY


def _weekday_bounds(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and the last weekday from ``first`` to ``last`` (None if there is none)."""
    while first <= last and first.weekday() >= _SATURDAY:
        first += _DAY
    while last >= first and last.weekday() >= _SATURDAY:
        last -= _DAY
    return (first, last) if first <= last else None


def _offsets(cadence: Cadence, skip: int = 0) -> Iterator[int]:
    """Months after acceptance at which periodic windows open (VIS-CADENCE), from ``skip`` on.

    >>> from itertools import islice
    >>> (
    ...     list(islice(_offsets(Cadence.MILESTONES), 5)),
    ...     list(islice(_offsets(Cadence.QUARTERLY, 7), 2)),
    ... )
    ([3, 6, 12, 24, 36], [9, 12])
    """
    if cadence is Cadence.MILESTONES:
        yield from (m for m in (3, 6) if m >= skip)
        step, months = 12, 12
    else:
        step = 3 if cadence is Cadence.QUARTERLY else 6
        months = step
    if skip > months:
        months += (skip - months + step - 1) // step * step  # the first multiple >= skip
    while True:
        yield months
        months += step


def merge_needs(needs: Sequence[_Need]) -> list[list[_Need]]:
    """Group visits into the fewest trips (VIS-MERGE): interval stabbing, greedy by deadline.

    Take the visit whose window's last working day comes first; every visit whose window
    holds that day joins its trip; repeat. Each trip's working-day windows share that day.

    A visit whose window holds the days of several trips joins the *first* of them, as the
    rule reads. So a visit's trip depends only on the windows that end before it does,
    never on windows that open later: planning a part of a project's life (the annual
    plan's shortcut) cannot move a visit to another trip.
    """
    trips: list[list[_Need]] = []
    points: list[dt.date] = []  # each trip's day, ascending
    for need in sorted(needs, key=lambda n: (n.last, n.first, _KIND_ORDER[n.kind])):
        # Every day so far is on or before need.last: the first one on or after need.first
        # lies in its window.
        index = bisect.bisect_left(points, need.first)
        if index < len(points):
            trips[index].append(need)
        else:
            points.append(need.last)
            trips.append([need])
    return trips


def _visits(
    project: Project,
    policy: Policy,
    calendar: WorkCalendar,
    year: tuple[dt.date, dt.date] | None = None,
) -> tuple[list[Visit], list[PlanFinding]]:
    """The project's visits (trips) and findings; with ``year`` (first, last day), the year's.

    A year's visits are planned from a part of the project's life, with the same result
    as planning the whole life and keeping the year's targets (so that the cost of a
    year does not grow with the project's age):

    - windows opening after :meth:`_Planner.horizon_after` the year cannot join a trip
      targeted in it: they are left out;
    - windows ending before ``since``, two months before the year, are left out too when
      the windows planned leave a *gap* before the year, a day that no window's working
      days span. Greedy by deadline, the trips before a gap are made apart from those
      after it, and are targeted before the year. Without a gap, the plan starts at the
      acceptance day.
    - VIS-MIN is decided on the whole life's trips (:func:`_too_few_trips`) and visits
      (:func:`_owed`).

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
        first, last = year
        if planner.quiet(first, last):
            return [], []
        horizon = planner.horizon_after(last)
        since = add_months(first, -2) if first.year > dt.MINYEAR else None
        needs = planner.owe_all(horizon, since)
        if planner.cut:
            gap = _gap(needs, since or first, first)
            if gap is None:  # the windows run on into the year: plan from acceptance
                needs = planner.owe_all(horizon)
    extra: tuple[str, ...] = ()
    if not policy.merge_overlapping:
        trips = [[n] for n in needs]
    else:
        trips = merge_needs(needs)
        if len(trips) < policy.min_visits and _too_few_trips(planner, needs, trips, gap):
            # VIS-MIN: merging would leave fewer revisits than the least a project gets.
            trips, extra = [[n] for n in needs], ("VIS-MIN",)
    findings = planner.findings
    if year is None or year[0] <= project.accepted_on <= year[1]:
        owed = _owed(planner, needs)
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


def _owed(planner: _Planner, needs: Sequence[_Need]) -> int:
    """How many visits the project is owed over its whole life, unmerged (VIS-MIN).

    ``needs`` are planned from a part of the life; more of it only adds visits, so the
    whole life is planned only when the part leaves too few.
    """
    count = len(needs)
    if count < planner.policy.min_visits and (planner.truncated or planner.cut):
        count = len(planner.whole_life)
    return count


def _gap(needs: Sequence[_Need], since: dt.date, until: dt.date) -> dt.date | None:
    """The first day from ``since`` to before ``until`` that no need's working days span."""
    day = since
    for need in sorted(needs, key=lambda n: n.first):
        if need.first > day:
            break
        day = max(day, need.last + _DAY)
    return day if day < until else None


def _too_few_trips(
    planner: _Planner, needs: Sequence[_Need], trips: Sequence[Sequence[_Need]], gap: dt.date | None
) -> bool:
    """VIS-MIN: whether merging the project's whole life leaves too few trips to merge.

    ``needs`` merged into ``trips``, fewer than ``min_visits``. Planned between ``since``
    and a horizon, they are a part of the life: the decision is the whole life's, as
    :func:`plan_revisits` takes it. The fewest trips never shrink when visits are added
    (they equal the most windows pairwise apart), and a handover left out before the
    ``gap`` makes a trip of its own when no planned window lies before the gap; the whole
    life is planned only when these bounds leave too few trips.
    """
    count = len(trips)
    if planner.cut_handover and gap is not None and all(n.last > gap for n in needs):
        count += 1
    if count >= planner.policy.min_visits:
        return False
    if planner.truncated or planner.cut:
        needs = planner.whole_life
        count = len(merge_needs(needs))
    return count < planner.policy.min_visits and len(needs) > count


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
    pol = policy_or_default(policy, rule="VIS-ANNUAL")
    visits, _ = _visits(project, pol, _calendar(calendar))
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
    _, findings = _visits(project, pol, _calendar(calendar))
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
    cal = _calendar(calendar)
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

    year: int
    visits: tuple[Visit, ...]
    findings: tuple[PlanFinding, ...] = ()

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
            f"X-WR-CALNAME:{_ics_text(f'{name} {self.year}', 'name')}",
        ]
        for v in self.visits:
            project_id = _ics_text(v.project_id, "Visit.project_id")
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
                f"UID:{v.ics_uid}",
                f"DTSTAMP:{dtstamp}",
                f"DTSTART;VALUE=DATE:{v.target:%Y%m%d}",
                f"DTEND;VALUE=DATE:{v.target + _DAY:%Y%m%d}",
                f"SUMMARY:回访 {project_id}: {_ics_text(kinds, 'kinds')}",
                f"DESCRIPTION:{_ics_text(description, 'description')}",
                f"CATEGORIES:{','.join(_ics_text(n, 'kinds') for n in v.kind_names)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        return "".join(_fold(line) + "\r\n" for line in lines)

    _HEAD: ClassVar[tuple[str, ...]] = (
        "target",
        "project",
        "kinds",
        "categories",
        "window",
        "lead",
        "",
    )

    def _rows(self) -> list[tuple[str, ...]]:
        return [
            (
                v.target.isoformat(),
                v.project_id,
                "、".join(VisitKind[n].zh for n in v.kind_names),
                ", ".join(v.category_names),
                f"{v.earliest} – {v.latest}",
                v.lead.zh,
                "、".join(
                    (["满意度调查"] if v.survey else []) + (["暂定"] if v.provisional else [])
                ),
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
        notes = "".join(
            f"<li>{html.escape(f'{f.project_id} {f.code} ({f.rule}): {f.detail}')}</li>"
            for f in self.findings
        )
        return (
            f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>" + (f"<ul>{notes}</ul>" if notes else "")
        )


#: A line break in text: CRLF, or a bare LF or CR (each becomes one escaped newline).
_ICS_BREAK: Final = re.compile(r"\r\n|[\r\n]")
#: Control characters RFC 5545 TEXT cannot carry at all (CTL but HTAB; § 3.3.11, § 3.1).
_ICS_CONTROL: Final = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def _ics_text(text: str, field: str) -> str:
    r"""Escape TEXT per RFC 5545 § 3.3.11: backslash, ``;``, ``,`` and line breaks.

    Any line break (CRLF, LF or a bare CR) becomes ``\n``; a tab stays (it is allowed).
    Other control characters have no escape in iCalendar and would corrupt the content
    line: they are refused with an error naming ``field``, never dropped.

    >>> print(_ics_text("a,b;c\\d\r\ne\rf", "name"))
    a\,b\;c\\d\ne\nf
    >>> _ics_text("P\x00", "Visit.project_id")
    Traceback (most recent call last):
    ...
    revisit_rules.errors.InvalidInputError: Visit.project_id = 'P\x00': expected text ...
    """
    escaped = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    escaped = _ICS_BREAK.sub(lambda _: "\\n", escaped)
    if _ICS_CONTROL.search(escaped):
        raise InvalidInputError(
            field,
            text,
            "text without control characters other than tab and line breaks "
            "(RFC 5545 TEXT has no escape for them)",
            rule="VIS-ANNUAL",
        )
    return escaped


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
    visit: Visit
    done_on: dt.date = attrs.field(
        validator=lambda _i, _a, v: check_date("VisitRecord.done_on", v, rule="VIS-RECORD")
    )
    grade: Grade | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        """Every field of its type; the record belongs to the visit's project."""
        if not isinstance(self.visit, Visit):
            raise InvalidTypeError(
                "VisitRecord.visit", self.visit, "a revisit_rules.Visit", rule="VIS-RECORD"
            )
        if self.grade is not None and not isinstance(self.grade, Grade):
            raise InvalidTypeError(
                "VisitRecord.grade", self.grade, "a Grade (A, B, C) or None", rule="SAT-ABC"
            )
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
    pol = policy_or_default(policy, rule="VIS-RECORD")
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
