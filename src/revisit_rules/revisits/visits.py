"""What a project is owed: kinds of visit, visits, leads and plan findings (VIS)."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Iterable
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from revisit_rules._check import (
    FrozenMap,
    check_bool,
    check_date,
    check_member,
    check_str,
    member,
    text,
)
from revisit_rules.errors import (
    InvalidInputError,
    InvalidTypeError,
)
from revisit_rules.project import CustomerClass, CustomerTier
from revisit_rules.rules import RULES
from revisit_rules.warranty import Category

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "PRIORITY_CUSTOMER",
    "SHORT_TERM",
    "SKIPPED_NO_WORKING_DAY",
    "VIS_MIN_NOT_MET",
    "PlanFinding",
    "Visit",
    "VisitKind",
    "VisitLead",
    "visit_id",
    "visit_lead",
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
    """Why a visit is owed (decisions § 5); each kind has its rule."""

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
    """Who leads a revisit (VIS-OWNER, decisions § 5).

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


def _items(field: str, value: object, kind: type[enum.Enum], rule: str) -> frozenset[Any]:
    """``value`` as a frozenset of ``kind``; a typed error for anything else (a str too)."""
    members = _MEMBERS[kind]
    if type(value) is frozenset and value <= members:  # the planner's: one subset test
        return value
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(field, value, f"a set of {kind.__name__}", rule=rule)
    items = tuple(value)
    if not all(isinstance(k, kind) for k in items):
        raise InvalidTypeError(field, value, f"a set of {kind.__name__}", rule=rule)
    return frozenset(items)


#: Every member of the enums a visit holds sets of (a subset test checks a frozenset).
_MEMBERS: Final[Mapping[type[enum.Enum], frozenset[Any]]] = {
    VisitKind: frozenset(VisitKind),
    Category: frozenset(Category),
}


def _kinds(value: Iterable[VisitKind]) -> frozenset[VisitKind]:
    kinds = _items("Visit.kinds", value, VisitKind, "VIS-MERGE")
    if not kinds:
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
    """A planned visit's stable id, ``project:KIND:key`` (decisions § 5 "Visit ids").

    ``key`` is 1 for HANDOVER, TECHNICAL and COMMISSIONING, the offset in months from
    acceptance for PERIODIC, the year its season starts for the seasonal kinds, and the
    category's name for PRE_EXPIRY. The project id comes first and may hold any text: the
    kind and the key, the last two parts, never hold a colon.

    >>> visit_id("P-1", VisitKind.PRE_EXPIRY, "WATERPROOFING")
    'P-1:PRE_EXPIRY:WATERPROOFING'
    """
    return f"{project_id}:{kind.name}:{key}"


def _categories(value: Iterable[Category]) -> frozenset[Category]:
    return _items("Visit.categories", value, Category, "VIS-MERGE")


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


#: The codes a :class:`PlanFinding` may have.
_CODES: Final = frozenset({VIS_MIN_NOT_MET, SKIPPED_NO_WORKING_DAY, SHORT_TERM, PRIORITY_CUSTOMER})


def _code(value: object) -> None:
    if check_str("PlanFinding.code", value, rule="VIS-ANNUAL") not in _CODES:
        codes = ", ".join(sorted(_CODES))
        raise InvalidInputError("PlanFinding.code", value, f"one of {codes}", rule="VIS-ANNUAL")


def _rule_id(value: object) -> None:
    if check_str("PlanFinding.rule", value, rule="VIS-ANNUAL") not in RULES:
        raise InvalidInputError(
            "PlanFinding.rule", value, "a rule ID of revisit_rules.RULES", rule="VIS-ANNUAL"
        )


def _window(value: object) -> None:
    """None, or a window ``(earliest, latest)`` of two dates in order."""
    if value is None:
        return
    if not isinstance(value, tuple) or len(value) != 2:  # noqa: PLR2004 - a pair
        raise InvalidTypeError(
            "PlanFinding.window", value, "None or a pair (earliest, latest)", rule="VIS-TARGET"
        )
    first = check_date("PlanFinding.window", value[0], rule="VIS-TARGET")
    last = check_date("PlanFinding.window", value[1], rule="VIS-TARGET")
    if last < first:
        raise InvalidInputError(
            "PlanFinding.window",
            value,
            "a window whose latest is not before its earliest",
            rule="VIS-TARGET",
        )


@attrs.frozen
class PlanFinding:
    """Something the planner decided not to do, or did otherwise, and says so (decisions § 5).

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

    project_id: str = attrs.field(
        validator=text("PlanFinding.project_id", rule="VIS-ANNUAL", nonempty=True)
    )
    code: str = attrs.field(validator=lambda _i, _a, v: _code(v))
    rule: str = attrs.field(validator=lambda _i, _a, v: _rule_id(v))
    detail: str = attrs.field(validator=text("PlanFinding.detail", rule="VIS-ANNUAL"))
    visit_id: str = attrs.field(
        default="", kw_only=True, validator=text("PlanFinding.visit_id", rule="VIS-ANNUAL")
    )
    category: Category | None = attrs.field(
        default=None,
        kw_only=True,
        validator=member("PlanFinding.category", Category, rule="VIS-IN-FORCE", optional=True),
    )
    window: tuple[dt.date, dt.date] | None = attrs.field(
        default=None, kw_only=True, validator=lambda _i, _a, v: _window(v)
    )

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule that decided, as every result names its rules."""
        return (self.rule,)
