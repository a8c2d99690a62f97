"""Warranty: categories of work, statutory minimum periods, contract terms and expiry (WTY).

The warranty period starts on the day the completion acceptance is passed (REG Art. 40,
MEAS Art. 8). The law sets a minimum per category of work (REG Art. 40; MEAS Art. 7):
the structure for its design working life, waterproofing 5 years, heating and cooling 2
seasons, electrical lines, plumbing, equipment installation and decoration 2 years. A
contract may agree a longer period, never a shorter one (WTY-MIN): the effective last day
of a category is the later of the statutory and the contract's last day, and a contract
term that ends earlier is reported as ``BELOW_STATUTORY_MINIMUM``. Comparison is by the
resulting dates, since "2 heating seasons" and "3 years" are not comparable as quantities.

Decisions (decisions § 1):

* The structure's period is the design working life the project states
  (``design_life_years``); there is no default, and asking for it without one raises
  :class:`~revisit_rules.MissingDesignLifeError` naming the GB 50068 categories (5, 25, 50,
  100 years). Any whole number of years is accepted, because REG Art. 40(1) defers to the
  design documents and infrastructure works (included in the category) are designed to
  other standards; a value that is not a GB 50068 category is reported as the finding
  ``DESIGN_LIFE_NOT_GB50068``, never silently taken.
* Company templates (S000: 一年; 新建1年/改建半年/维修3个月) are contract terms: against a
  statutory category they are checked like any term (a one-year waterproofing term is
  flagged and the 5 years apply); for ``OTHER`` they stand as given. ``OTHER`` without a
  contract term is an error (WTY-OTHER), not S000's "无合同约定的按5年计".
* Work the owner contracted separately (甲方分包工程) and equipment the owner supplied
  (甲供设备; S003 "甲方分包工程及甲供设备除外", MEAS's exclusions) do not shorten or end any
  category's period: they are excluded per defect, by its cause, in
  :func:`~revisit_rules.allocate_liability` (``Cause.OWNER_WORK``, LIA-OWNER-WORK), which
  finds them not covered even on a day :func:`in_warranty` is true.
* A last day outside the working-day calendar's data (before 2000 or after 2100) cannot be
  rolled off a rest day: the unrolled day is given, marked provisional (CAL-PROVISIONAL)
  and reported as ``BEYOND_CALENDAR``.

Sources: 建设工程质量管理条例 Art. 40; 房屋建筑工程质量保修办法 Art. 6–8; GB 50068; seeds
S000, S001, S003.

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

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from revisit_rules._check import (
    CODES,
    RULE_IDS,
    FrozenMap,
    check_bool,
    check_date,
    check_instance,
    check_member,
    check_tuple,
    dated,
    text,
    tuple_of,
)
from revisit_rules.categories import Category, _category
from revisit_rules.durations import DESIGN_LIFE_CATEGORIES
from revisit_rules.errors import (
    CalendarRangeError,
    InvalidInputError,
    InvalidTypeError,
    NoSeasonError,
)
from revisit_rules.periods import (
    CoolingSeasons,
    DateResult,
    DesignLife,
    HeatingSeasons,
    Period,
    Years,
    _period_end,
    missing_design_life,
)
from revisit_rules.policy import Convention, policy_or_default
from revisit_rules.project import Project, _names
from revisit_rules.render.views import schedule_html, schedule_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from revisit_rules.policy import Policy

__all__ = [
    "BELOW_STATUTORY_MINIMUM",
    "BEYOND_CALENDAR",
    "CONTRACT_EXTENDS",
    "DESIGN_LIFE_NOT_GB50068",
    "NO_CONTRACT_DEFAULT",
    "NO_SEASON",
    "NO_STATUTORY_MINIMUM",
    "ONE_DAY_SHORT_BY_CONVENTION",
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
#: Finding: the contract term is as long as the statutory minimum but ends earlier only
#: because its convention counts the start day and does not roll (CAL-CONVENTION); the
#: statutory day applies.
ONE_DAY_SHORT_BY_CONVENTION: Final = "ONE_DAY_SHORT_BY_CONVENTION"
#: Finding: an OTHER work without a contract term takes the policy's no-contract default
#: (S000 "无合同约定的…按5年计", WTY-OTHER).
NO_CONTRACT_DEFAULT: Final = "NO_CONTRACT_DEFAULT"
#: Finding: the contract term ends after the statutory minimum and applies.
CONTRACT_EXTENDS: Final = "CONTRACT_EXTENDS"
#: Finding: the category has no statutory minimum (OTHER); the agreed period stands as given.
NO_STATUTORY_MINIMUM: Final = "NO_STATUTORY_MINIMUM"
#: Finding: the statutory minimum counts seasons the project's region does not have
#: (SEA-NO-SEASON), so it cannot be measured; the contract term stands as given.
NO_SEASON: Final = "NO_SEASON"
#: Finding: the last day lies outside the working-day calendar's data (before 2000 or
#: after 2100), so it could not be rolled off a rest day; the unrolled day is given and
#: marked provisional.
BEYOND_CALENDAR: Final = "BEYOND_CALENDAR"
#: Finding: the design working life is not one of the GB 50068 categories (5, 25, 50, 100
#: years); it is used as the design documents state it (WTY-DESIGN-LIFE).
DESIGN_LIFE_NOT_GB50068: Final = "DESIGN_LIFE_NOT_GB50068"


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


def statutory_minimum(category: Category) -> Period | None:
    """The statutory minimum period of ``category``; ``None`` for OTHER (agreed by the parties).

    >>> statutory_minimum(Category.WATERPROOFING)
    Years(n=5)
    >>> statutory_minimum(Category.OTHER) is None
    True
    """
    return _MINIMUM[_category("category", category)]


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

    def __attrs_post_init__(self) -> None:
        """Every field of its type, one look each: ``warranty_expiry`` builds one a call.

        The findings and rule IDs are not looked at one by one where they are tuples.
        """
        statutory, contract = self.statutory_last_day, self.contract_last_day
        if (
            type(self.category) is Category
            and type(self.last_day) is dt.date
            and (statutory is None or type(statutory) is dt.date)
            and (contract is None or type(contract) is dt.date)
            and type(self.provisional) is bool
            and type(self.findings) is tuple
            and type(self.rules) is tuple
            and (self.statutory_period is None or isinstance(self.statutory_period, Period))
            and (self.contract_period is None or isinstance(self.contract_period, Period))
        ):
            return
        _check_expiry(self)


def _check_expiry(expiry: Expiry) -> None:
    """The typed error for the first field of ``expiry`` of the wrong type, if any."""
    check_member("Expiry.category", expiry.category, Category, rule="WTY-MIN")
    check_date("Expiry.last_day", expiry.last_day, rule="WTY-MIN")
    for name in ("statutory_last_day", "contract_last_day"):
        if getattr(expiry, name) is not None:
            check_date(f"Expiry.{name}", getattr(expiry, name), rule="WTY-MIN")
    check_bool("Expiry.provisional", expiry.provisional, rule="CAL-PROVISIONAL")
    check_tuple("Expiry.findings", expiry.findings, str, rule="WTY-MIN", what=CODES)
    check_tuple("Expiry.rules", expiry.rules, str, rule="WTY-MIN", what=RULE_IDS)
    for name in ("statutory_period", "contract_period"):
        check_instance(
            f"Expiry.{name}", getattr(expiry, name), Period, rule="WTY-MIN", optional=True
        )


def _end(
    project: Project, period: Period, policy: Policy, *, statutory: bool
) -> tuple[DateResult, bool]:
    """``period_end`` from the acceptance day; past the calendar's data, the unrolled day.

    A statutory last day is counted under CIVIL_CODE and always rolls (CAL-CONVENTION: an
    agreed way of counting cannot shorten the State's floor); a contract term follows the
    policy's convention and roll.
    """
    convention = Convention.CIVIL_CODE if statutory else None

    def end(*, roll: bool | None) -> DateResult:
        return _period_end(
            project.accepted_on,
            period,
            pol=policy,
            region=project.region,
            design_life_years=project.design_life_years,
            calendar=None,
            convention=convention,
            roll=roll,
        )

    try:
        result = end(roll=True if statutory else None)
    except CalendarRangeError:
        unrolled = end(roll=False)
        rules = (*unrolled.rules, "CAL-CN", "CAL-PROVISIONAL")
        return DateResult(unrolled.day, provisional=True, rules=rules), True
    if statutory and (
        policy.convention is not Convention.CIVIL_CODE or not policy.roll_to_working_day
    ):
        result = DateResult(result.day, result.provisional, (*result.rules, "CAL-CONVENTION"))
    return result, False


def _merge(*groups: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for rule in group:
            seen.setdefault(rule, None)
    return tuple(seen)


def _term(project: Project, category: Category, policy: Policy) -> tuple[Period | None, bool]:
    """The contract term of ``category``, and whether it is the policy's no-contract default.

    S000's "无合同约定的…按5年计" is a company default for works without a term: it stands in
    for OTHER works only (the statutory categories keep their floor, REG 40).
    """
    term = project.contract_terms.get(category)
    if term is None and category is Category.OTHER and policy.no_contract_default is not None:
        return policy.no_contract_default, True
    return term, False


def _ends(
    project: Project, category: Category, policy: Policy
) -> tuple[DateResult | None, DateResult | None, bool, bool]:
    """The statutory and contract last days of a category, and two flags.

    The flags: whether a day lies outside the calendar's data (BEYOND_CALENDAR), and whether
    the statutory minimum counts seasons the region lacks, so that only the contract term
    applies (SEA-NO-SEASON: a contract term is one of its two remedies).
    """
    minimum = _MINIMUM[category]
    term, _ = _term(project, category, policy)
    if minimum is None and term is None:
        raise InvalidInputError(
            f"Project.contract_terms[{category.name}]",
            None,
            "a contract term: OTHER works have no statutory minimum and need an agreed period",
            rule="WTY-OTHER",
        )
    if project.design_life_years is None and _needs_design_life(minimum, term):
        raise missing_design_life("Project.design_life_years", category.name)
    statutory = contract = None
    beyond = no_season = False
    if minimum is not None:
        try:
            statutory, beyond = _end(project, minimum, policy, statutory=True)
        except NoSeasonError:
            if term is None:
                raise
            no_season = True  # a term counted in the missing seasons raises just below
    if term is not None:
        contract, beyond_term = _end(project, term, policy, statutory=False)
        beyond = beyond or beyond_term
    return statutory, contract, beyond, no_season


def _needs_design_life(*periods: Period | None) -> bool:
    return any(isinstance(p, DesignLife) for p in periods)


def last_days(project: Project, policy: Policy) -> dict[Category, tuple[dt.date, bool]]:
    """Each category's effective last day and whether it is provisional (for the planner).

    The same days as :func:`warranty_expiry`, without building its trace.
    """
    out: dict[Category, tuple[dt.date, bool]] = {}
    for category in project.categories:
        statutory, contract, _, _ = _ends(project, category, policy)
        used = [r for r in (statutory, contract) if r is not None]
        best = max(used, key=lambda r: r.day)
        out[category] = (best.day, any(r.provisional for r in used))
    return out


def _comparison(
    project: Project,
    term: Period | None,
    policy: Policy,
    statutory: DateResult | None,
    contract: DateResult | None,
) -> list[str]:
    """WTY-MIN's findings: the contract term ends before or after the statutory day.

    A term that ends earlier only because of the counting convention (the start day
    counted, no roll: the same term under CIVIL_CODE with the roll ends on or after the
    statutory day) is ONE_DAY_SHORT_BY_CONVENTION rather than BELOW_STATUTORY_MINIMUM
    (CAL-CONVENTION); either way the statutory day applies.
    """
    if statutory is None or contract is None or term is None or contract.day == statutory.day:
        return []
    if contract.day > statutory.day:
        return [CONTRACT_EXTENDS]
    if policy.convention is not Convention.CIVIL_CODE or not policy.roll_to_working_day:
        civil, _ = _end(project, term, policy, statutory=True)  # CIVIL_CODE, with the roll
        if civil.day >= statutory.day:
            return [ONE_DAY_SHORT_BY_CONVENTION]
    return [BELOW_STATUTORY_MINIMUM]


def warranty_expiry(
    project: Project, category: Category, *, policy: Policy | None = None
) -> Expiry:
    """The warranty of ``category`` in ``project``: statutory, contract and effective last day.

    Raises:
        InvalidInputError: ``category`` is not one of the project's; OTHER without a
            contract term (WTY-OTHER).
        MissingDesignLifeError: FOUNDATION_STRUCTURE (or a DesignLife term) without
            ``design_life_years``.
        NoSeasonError: HEATING in a region without a heating season, with neither a season
            range in ``policy`` nor a contract term in years, months or days (SEA-NO-SEASON).
            With such a term, it stands as given and the finding is ``NO_SEASON``.
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
    pol = policy_or_default(policy, rule="WTY-MIN")
    statutory, contract, beyond, no_season = _ends(project, cat, pol)
    term, defaulted = _term(project, cat, pol)
    findings: list[str] = [BEYOND_CALENDAR] if beyond else []
    if defaulted:
        findings.append(NO_CONTRACT_DEFAULT)
    if (
        _needs_design_life(_MINIMUM[cat], term)
        and project.design_life_years not in DESIGN_LIFE_CATEGORIES.values()
    ):
        findings.append(DESIGN_LIFE_NOT_GB50068)
    rules: list[Iterable[str]] = [("WTY-START", cat.rule)]
    if no_season:
        findings.append(NO_SEASON)
        rules.append(("SEA-NO-SEASON",))
    elif statutory is None:
        findings.append(NO_STATUTORY_MINIMUM)
    else:
        rules.append(statutory.rules)
    if contract is not None:
        rules.append(contract.rules)
    if statutory is not None or no_season:
        rules.append(("WTY-MIN",))  # the floor applies, or is found unmeasurable
    findings += _comparison(project, term, pol, statutory, contract)
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
        contract_period=term,
    )


def in_warranty(
    project: Project, category: Category, on: dt.date, *, policy: Policy | None = None
) -> bool:
    """Whether ``category`` of ``project`` is under warranty on day ``on``.

    True from the acceptance day through the last day, both included (CC 1259: 届满
    includes the day); false before the acceptance day, when no warranty has started.
    Whether a given defect is covered also depends on its cause (excluded works, misuse…):
    see :func:`~revisit_rules.allocate_liability`.

    Raises:
        InvalidTypeError: ``on`` is not a ``datetime.date`` (a ``datetime`` is refused).
        InvalidInputError: as :func:`warranty_expiry`.
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

    project_id: str = attrs.field(
        validator=text("WarrantySchedule.project_id", rule="WTY-MIN", nonempty=True)
    )
    accepted_on: dt.date = attrs.field(
        validator=dated("WarrantySchedule.accepted_on", rule="WTY-START")
    )
    expiries: tuple[Expiry, ...] = attrs.field(
        validator=tuple_of("WarrantySchedule.expiries", Expiry, rule="WTY-MIN")
    )

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

    #: A collection of results (:class:`~revisit_rules.tracing.ResultCollection`).
    holds_results: ClassVar[bool] = True

    def __str__(self) -> str:
        """An aligned text table; ``*`` marks provisional days."""
        return schedule_text(self)

    def _repr_html_(self) -> str:
        """An HTML table for notebooks."""
        return schedule_html(self)


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
