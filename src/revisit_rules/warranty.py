"""Warranty: categories of work, statutory minimum periods, contract terms and expiry (WTY).

The warranty period starts on the day the completion acceptance is passed (REG Art. 40,
MEAS Art. 8). The law sets a minimum per category of work (REG Art. 40; MEAS Art. 7):
the structure for its design working life, waterproofing 5 years, heating and cooling 2
seasons, electrical lines, plumbing, equipment installation and decoration 2 years. A
contract may agree a longer period, never a shorter one (WTY-MIN): the effective last day
of a category is the later of the statutory and the contract's last day, and a contract
term that ends earlier is reported as ``BELOW_STATUTORY_MINIMUM``. Comparison is by the
resulting dates, since "2 heating seasons" and "3 years" are not comparable as quantities.

Sources: 建设工程质量管理条例 Art. 40; 房屋建筑工程质量保修办法 Art. 6–8; seeds S000,
S001, S003.

>>> import datetime as dt
>>> import revisit_rules as rr
>>> project = rr.Project(
...     "P-1",
...     dt.date(2024, 6, 28),
...     "beijing",
...     {rr.Category.WATERPROOFING, rr.Category.HEATING},
...     contract_terms={rr.Category.WATERPROOFING: rr.Years(1)},  # S000's one-year template
... )
>>> expiry = rr.warranty_expiry(project, rr.Category.WATERPROOFING)
>>> expiry.last_day, expiry.findings
(datetime.date(2029, 6, 28), ('BELOW_STATUTORY_MINIMUM',))
>>> rr.warranty_expiry(project, rr.Category.HEATING).last_day  # 2 Beijing heating seasons
datetime.date(2026, 3, 16)
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from revisit_rules._check import FrozenMap, check_bool, check_date, check_int
from revisit_rules.errors import (
    CalendarRangeError,
    InvalidInputError,
    InvalidTypeError,
)
from revisit_rules.periods import (
    CoolingSeasons,
    DateResult,
    DesignLife,
    HeatingSeasons,
    Period,
    Years,
    _period_end,
)
from revisit_rules.policy import policy_or_default
from revisit_rules.satisfaction import CustomerClass
from revisit_rules.seasons import Region, region_of

if TYPE_CHECKING:
    import datetime as dt

    from revisit_rules.policy import Policy

__all__ = [
    "BELOW_STATUTORY_MINIMUM",
    "BEYOND_CALENDAR",
    "CONTRACT_EXTENDS",
    "NO_STATUTORY_MINIMUM",
    "Category",
    "Expiry",
    "Project",
    "WarrantySchedule",
    "in_warranty",
    "statutory_minimum",
    "warranty_expiry",
    "warranty_schedule",
]

#: Finding: the contract term ends before the statutory minimum; the statutory day applies.
BELOW_STATUTORY_MINIMUM: Final = "BELOW_STATUTORY_MINIMUM"
#: Finding: the contract term ends after the statutory minimum and applies.
CONTRACT_EXTENDS: Final = "CONTRACT_EXTENDS"
#: Finding: the category has no statutory minimum (OTHER); the agreed period stands as given.
NO_STATUTORY_MINIMUM: Final = "NO_STATUTORY_MINIMUM"
#: Finding: the last day lies past the working-day calendar's data (after 2100), so it
#: could not be rolled off a rest day; the unrolled day is given and marked provisional.
BEYOND_CALENDAR: Final = "BEYOND_CALENDAR"


class Category(enum.Enum):
    """A category of work with its own warranty period (REG Art. 40, MEAS Art. 7)."""

    FOUNDATION_STRUCTURE = "foundation_structure"
    WATERPROOFING = "waterproofing"
    HEATING = "heating"
    COOLING = "cooling"
    ELECTRICAL_PLUMBING = "electrical_plumbing"
    EQUIPMENT_INSTALLATION = "equipment_installation"
    DECORATION = "decoration"
    OTHER = "other"

    # Members are singletons: identity hashing is exact and much faster than Enum's
    # name hashing on the planner's hot path (dicts and sets keyed by category).
    __hash__ = object.__hash__

    @property
    def zh(self) -> str:
        """The Chinese label, as the law words the category."""
        return _ZH[self]

    @property
    def rule(self) -> str:
        """The ID of the rule that sets this category's minimum."""
        return _RULE[self]


_ZH: Final[Mapping[Category, str]] = FrozenMap(
    {
        Category.FOUNDATION_STRUCTURE: "地基基础工程和主体结构工程(含基础设施工程)",
        Category.WATERPROOFING: "屋面防水工程、有防水要求的卫生间、房间和外墙面的防渗漏",
        Category.HEATING: "供热系统",
        Category.COOLING: "供冷系统",
        Category.ELECTRICAL_PLUMBING: "电气管线、给排水管道",
        Category.EQUIPMENT_INSTALLATION: "设备安装工程",
        Category.DECORATION: "装修工程",
        Category.OTHER: "其他项目",
    }
)
_RULE: Final[Mapping[Category, str]] = FrozenMap(
    {
        Category.FOUNDATION_STRUCTURE: "WTY-STRUCTURE",
        Category.WATERPROOFING: "WTY-WATERPROOF",
        Category.HEATING: "WTY-HEATING",
        Category.COOLING: "WTY-COOLING",
        Category.ELECTRICAL_PLUMBING: "WTY-ELEC-PLUMB",
        Category.EQUIPMENT_INSTALLATION: "WTY-EQUIPMENT",
        Category.DECORATION: "WTY-DECORATION",
        Category.OTHER: "WTY-OTHER",
    }
)
_MINIMUM: Final[Mapping[Category, Period | None]] = FrozenMap(
    {
        Category.FOUNDATION_STRUCTURE: DesignLife(),
        Category.WATERPROOFING: Years(5),
        Category.HEATING: HeatingSeasons(2),
        Category.COOLING: CoolingSeasons(2),
        Category.ELECTRICAL_PLUMBING: Years(2),
        Category.EQUIPMENT_INSTALLATION: Years(2),
        Category.DECORATION: Years(2),
        Category.OTHER: None,
    }
)


def _category(field: str, value: object) -> Category:
    if not isinstance(value, Category):
        names = ", ".join(f"Category.{c.name}" for c in Category)
        raise InvalidTypeError(field, value, f"one of {names}", rule="WTY-MIN")
    return value


def statutory_minimum(category: Category) -> Period | None:
    """The statutory minimum period of ``category``; ``None`` for OTHER (agreed by the parties).

    >>> statutory_minimum(Category.WATERPROOFING)
    Years(n=5)
    >>> statutory_minimum(Category.OTHER) is None
    True
    """
    return _MINIMUM[_category("category", category)]


# --- Project ----------------------------------------------------------------------------


def _categories(value: object) -> frozenset[Category]:
    if isinstance(value, Category) or not isinstance(value, Iterable) or isinstance(value, str):
        raise InvalidTypeError(
            "Project.categories", value, "a non-empty set of Category", rule="WTY-MIN"
        )
    cats = frozenset(_category("Project.categories", c) for c in value)
    if not cats:
        raise InvalidInputError(
            "Project.categories", value, "a non-empty set of Category", rule="WTY-MIN"
        )
    return cats


def _terms(value: object) -> FrozenMap[Category, Period]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "Project.contract_terms", value, "a mapping Category -> Period", rule="WTY-MIN"
        )
    out: dict[Category, Period] = {}
    for key, term in value.items():
        cat = _category("Project.contract_terms", key)
        if not isinstance(term, Period) or type(term) is Period:
            raise InvalidTypeError(
                f"Project.contract_terms[{cat.name}]",
                term,
                "Years, Months, Days, HeatingSeasons, CoolingSeasons or DesignLife",
                rule="WTY-MIN",
            )
        if getattr(term, "n", 1) <= 0:
            raise InvalidInputError(
                f"Project.contract_terms[{cat.name}]",
                term,
                "a period longer than 0",
                rule="WTY-MIN",
            )
        out[cat] = term
    return FrozenMap(out)


def _region(value: object) -> str | Region:
    if value is None:
        return value  # type: ignore[return-value]  # refused by the validator below
    region = region_of(value, field="Project.region")
    return region.key if isinstance(value, str) else region


def _opt_date(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:  # noqa: ANN401
    if value is not None:
        check_date(f"Project.{attribute.name}", value, rule="VIS-COMMISSIONING")


def _id(_instance: object, _attribute: attrs.Attribute[Any], value: Any) -> None:  # noqa: ANN401
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError("Project.id", value, "a non-empty string", rule="VIS-ANNUAL")


def _design_life(_instance: object, _attribute: attrs.Attribute[Any], value: Any) -> None:  # noqa: ANN401
    if value is not None:
        check_int("Project.design_life_years", value, minimum=1, rule="WTY-DESIGN-LIFE")


@attrs.frozen
class Project:
    """A completed project: what it is made of, when it was accepted, what the contract says.

    Attributes:
        id: the project's identifier (unique in a portfolio).
        accepted_on: the day the completion acceptance was passed (竣工验收合格之日).
        region: a key or Chinese name of :data:`~revisit_rules.REGIONS` (stored as the key)
            or a custom :class:`~revisit_rules.Region`.
        categories: the categories of work the project has (a non-empty set).
        design_life_years: the design working life from the design documents, needed for
            FOUNDATION_STRUCTURE (WTY-DESIGN-LIFE).
        contract_terms: the warranty agreed in the contract (保修书) per category; checked
            against the statutory minimum (WTY-MIN). Only for the project's categories.
        operation_started_on: the day MEP systems started running (VIS-COMMISSIONING);
            not before ``accepted_on``.
        new_techniques: whether new materials, techniques, processes or equipment were used
            (四新; VIS-TECHNICAL).
        customer_class: the customer's class (SAT-CLASS; decides who leads a visit).
        name: a readable name.
    """

    id: str = attrs.field(validator=_id)
    accepted_on: dt.date = attrs.field(
        validator=lambda _i, _a, v: check_date("Project.accepted_on", v, rule="WTY-START")
    )
    region: str | Region = attrs.field(converter=_region)
    categories: frozenset[Category] = attrs.field(converter=_categories)
    design_life_years: int | None = attrs.field(default=None, kw_only=True, validator=_design_life)
    contract_terms: Mapping[Category, Period] = attrs.field(
        factory=FrozenMap, converter=_terms, kw_only=True
    )
    operation_started_on: dt.date | None = attrs.field(
        default=None, kw_only=True, validator=_opt_date
    )
    new_techniques: bool = attrs.field(
        default=False,
        kw_only=True,
        validator=lambda _i, _a, v: check_bool("Project.new_techniques", v, rule="VIS-TECHNICAL"),
    )
    customer_class: CustomerClass = attrs.field(default=CustomerClass.B, kw_only=True)
    name: str = attrs.field(default="", kw_only=True, validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        """Cross-field checks: terms only for its categories; operation after acceptance."""
        if self.region is None:
            raise InvalidTypeError("Project.region", None, "a region key, Chinese name or Region")
        for cat in self.contract_terms:
            if cat not in self.categories:
                raise InvalidInputError(
                    "Project.contract_terms",
                    cat.name,
                    f"a category of the project ({_names(self.categories)})",
                    rule="WTY-MIN",
                )
        if self.operation_started_on is not None and self.operation_started_on < self.accepted_on:
            raise InvalidInputError(
                "Project.operation_started_on",
                self.operation_started_on,
                f"a day on or after accepted_on ({self.accepted_on})",
                rule="VIS-COMMISSIONING",
            )
        if not isinstance(self.customer_class, CustomerClass):
            raise InvalidTypeError(
                "Project.customer_class",
                self.customer_class,
                "CustomerClass.A, .B or .C",
                rule="SAT-CLASS",
            )


def _names(categories: Iterable[Category]) -> str:
    return ", ".join(sorted(c.name for c in categories))


# --- Expiry -----------------------------------------------------------------------------


@attrs.frozen
class Expiry:
    """A category's warranty: its effective last day and how it was reached.

    Attributes:
        category: the category of work.
        last_day: the effective last day (the later of the statutory and contract days).
        statutory_last_day: the last day of the statutory minimum; ``None`` for OTHER.
        contract_last_day: the last day of the contract term; ``None`` without one.
        provisional: whether a day rests on a year whose holiday arrangement is unpublished.
        findings: named codes, e.g. ``BELOW_STATUTORY_MINIMUM``.
        rules: the IDs of the rules applied, in order.
        statutory_period: the statutory minimum period.
        contract_period: the contract term, if any.
    """

    category: Category
    last_day: dt.date
    statutory_last_day: dt.date | None
    contract_last_day: dt.date | None
    provisional: bool
    findings: tuple[str, ...]
    rules: tuple[str, ...]
    statutory_period: Period | None = attrs.field(default=None, kw_only=True)
    contract_period: Period | None = attrs.field(default=None, kw_only=True)


def _end(project: Project, period: Period, policy: Policy) -> tuple[DateResult, bool]:
    """``period_end`` from the acceptance day; past the calendar's data, the unrolled day."""

    def end(pol: Policy) -> DateResult:
        return _period_end(
            project.accepted_on,
            period,
            pol=pol,
            region=project.region,
            design_life_years=project.design_life_years,
            calendar=None,
        )

    try:
        return end(policy), False
    except CalendarRangeError:
        unrolled = end(attrs.evolve(policy, roll_to_working_day=False))
        return DateResult(unrolled.day, provisional=True, rules=(*unrolled.rules, "CAL-CN")), True


def _merge(*groups: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for rule in group:
            seen.setdefault(rule, None)
    return tuple(seen)


def _ends(
    project: Project, category: Category, policy: Policy
) -> tuple[DateResult | None, DateResult | None, bool]:
    """The statutory and contract last days of a category, and whether one is past the data."""
    minimum = _MINIMUM[category]
    term = project.contract_terms.get(category)
    if minimum is None and term is None:
        raise InvalidInputError(
            f"contract_terms[{category.name}]",
            None,
            "a contract term: OTHER works have no statutory minimum and need an agreed period",
            rule="WTY-OTHER",
        )
    statutory = contract = None
    beyond = False
    if minimum is not None:
        statutory, beyond = _end(project, minimum, policy)
    if term is not None:
        contract, beyond_term = _end(project, term, policy)
        beyond = beyond or beyond_term
    return statutory, contract, beyond


def last_days(project: Project, policy: Policy) -> dict[Category, tuple[dt.date, bool]]:
    """Each category's effective last day and whether it is provisional (for the planner).

    The same days as :func:`warranty_expiry`, without building its trace.
    """
    out: dict[Category, tuple[dt.date, bool]] = {}
    for category in project.categories:
        statutory, contract, _ = _ends(project, category, policy)
        used = [r for r in (statutory, contract) if r is not None]
        best = max(used, key=lambda r: r.day)
        out[category] = (best.day, any(r.provisional for r in used))
    return out


def warranty_expiry(
    project: Project, category: Category, *, policy: Policy | None = None
) -> Expiry:
    """The warranty of ``category`` in ``project``: statutory, contract and effective last day.

    Raises:
        InvalidInputError: ``category`` is not one of the project's; OTHER without a
            contract term (WTY-OTHER).
        MissingDesignLifeError: FOUNDATION_STRUCTURE without ``design_life_years``.
        NoSeasonError: HEATING/COOLING seasons in a region without them, and no override.
    """
    if not isinstance(project, Project):
        raise InvalidTypeError("project", project, "a revisit_rules.Project", rule="WTY-MIN")
    cat = _category("category", category)
    if cat not in project.categories:
        raise InvalidInputError(
            "category",
            cat.name,
            f"a category of project {project.id} ({_names(project.categories)})",
            rule="WTY-MIN",
        )
    pol = policy_or_default(policy)
    statutory, contract, beyond = _ends(project, cat, pol)
    findings: list[str] = [BEYOND_CALENDAR] if beyond else []
    rules: list[Iterable[str]] = [("WTY-START", cat.rule)]
    if statutory is None:
        findings.append(NO_STATUTORY_MINIMUM)
    else:
        rules.append(statutory.rules)
    if contract is not None:
        rules.append(contract.rules)
    if statutory is not None:
        rules.append(("WTY-MIN",))
        if contract is not None and contract.day < statutory.day:
            findings.append(BELOW_STATUTORY_MINIMUM)
        elif contract is not None and contract.day > statutory.day:
            findings.append(CONTRACT_EXTENDS)
    used = [r for r in (statutory, contract) if r is not None]
    effective = max(used, key=lambda r: r.day)
    return Expiry(
        category=cat,
        last_day=effective.day,
        statutory_last_day=statutory.day if statutory else None,
        contract_last_day=contract.day if contract else None,
        provisional=any(r.provisional for r in used),
        findings=tuple(findings),
        rules=_merge(*rules),
        statutory_period=_MINIMUM[cat],
        contract_period=project.contract_terms.get(cat),
    )


def in_warranty(
    project: Project, category: Category, on: dt.date, *, policy: Policy | None = None
) -> bool:
    """Whether ``category`` of ``project`` is under warranty on day ``on``.

    True from the acceptance day through the last day, both included (CC 1259: 届满
    includes the day).
    """
    day = check_date("on", on, rule="WTY-MIN")
    expiry = warranty_expiry(project, category, policy=policy)
    return project.accepted_on <= day <= expiry.last_day


# --- Schedule -----------------------------------------------------------------------------


@attrs.frozen
class WarrantySchedule:
    """All of a project's expiries, in the order of :class:`Category`.

    Iterating yields :class:`Expiry`; ``schedule[Category.X]`` looks one up. ``str()`` gives
    an aligned text table, and notebooks show an HTML table.
    """

    project_id: str
    accepted_on: dt.date
    expiries: tuple[Expiry, ...]

    def __iter__(self) -> Iterator[Expiry]:
        """The expiries, in category order."""
        return iter(self.expiries)

    def __len__(self) -> int:
        """The number of categories."""
        return len(self.expiries)

    def __getitem__(self, category: Category) -> Expiry:
        """The expiry of ``category``."""
        for expiry in self.expiries:
            if expiry.category is category:
                return expiry
        raise InvalidInputError(
            "category", category, f"a category of project {self.project_id}", rule="WTY-MIN"
        )

    @property
    def last_day(self) -> dt.date:
        """The last day of the longest warranty."""
        return max(e.last_day for e in self.expiries)

    def _rows(self) -> list[tuple[str, ...]]:
        def day(d: dt.date | None) -> str:
            return d.isoformat() if d else "—"

        return [
            (
                e.category.name,
                e.category.zh,
                day(e.statutory_last_day),
                day(e.contract_last_day),
                day(e.last_day) + (" *" if e.provisional else ""),
                ", ".join(e.findings),
            )
            for e in self.expiries
        ]

    _HEAD: Final = ("category", "类别", "statutory", "contract", "last day", "findings")

    def __str__(self) -> str:
        """An aligned text table; ``*`` marks provisional days."""
        rows = [self._HEAD, *self._rows()]
        widths = [max(_width(r[i]) for r in rows) for i in range(len(self._HEAD))]
        lines = [f"project {self.project_id}, accepted {self.accepted_on}"]
        lines += [
            "  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
        ]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """An HTML table for notebooks."""
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self._HEAD)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
            for row in self._rows()
        )
        caption = html.escape(f"project {self.project_id}, accepted {self.accepted_on}")
        return (
            f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # noqa: PLR2004


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def warranty_schedule(project: Project, *, policy: Policy | None = None) -> WarrantySchedule:
    """Every category's :class:`Expiry` for ``project``, in category order.

    >>> import datetime as dt
    >>> import revisit_rules as rr
    >>> p = rr.Project("P-2", dt.date(2025, 3, 1), "shanghai", {rr.Category.DECORATION})
    >>> print(rr.warranty_schedule(p))
    project P-2, accepted 2025-03-01
    category    类别      statutory   contract  last day    findings
    DECORATION  装修工程  2027-03-01  —         2027-03-01 *
    """
    if not isinstance(project, Project):
        raise InvalidTypeError("project", project, "a revisit_rules.Project", rule="WTY-MIN")
    cats = [c for c in Category if c in project.categories]
    return WarrantySchedule(
        project_id=project.id,
        accepted_on=project.accepted_on,
        expiries=tuple(warranty_expiry(project, c, policy=policy) for c in cats),
    )
