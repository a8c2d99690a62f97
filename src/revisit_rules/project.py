"""The project: what was built, where, when it was accepted, what the contract says.

:class:`Project` is the entity every area reads: the warranty (its categories, acceptance
day, region, design working life and contract terms), the revisits (commissioning, new
techniques, its customer's class) and liability (the defect's category must be one of the
project's). :class:`CustomerClass` and :class:`CustomerTier` are its customer's class
(SAT-CLASS), which may decide who leads a visit (VIS-OWNER).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from revisit_rules._check import FrozenMap, check_date, check_int, flag
from revisit_rules.categories import Category, _category
from revisit_rules.durations import Period
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.regions import Region, region_of

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["CustomerClass", "CustomerTier", "Project"]


# --- SAT-CLASS ---------------------------------------------------------------------------


class CustomerClass(enum.Enum):
    """A customer's class (SAT-CLASS, S002 § 3); it decides who leads a visit (VIS-OWNER)."""

    A = "A"
    B = "B"
    C = "C"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {"A": "A类客户", "B": "B类客户", "C": "C类客户"}[self.value]


class CustomerTier(enum.Enum):
    """A finer customer class: A split into AAA/AA/A, B into BBB/BB/B (SAT-CLASS, S002 § 3).

    >>> CustomerTier.AA.customer_class, CustomerTier.BBB.zh
    (<CustomerClass.A: 'A'>, 'BBB类客户')
    """

    AAA = "AAA"
    AA = "AA"
    A = "A"
    BBB = "BBB"
    BB = "BB"
    B = "B"
    C = "C"

    @property
    def zh(self) -> str:
        """The Chinese label (``AAA类客户``)."""
        return f"{self.value}类客户"

    @property
    def customer_class(self) -> CustomerClass:
        """The class this tier belongs to (AAA, AA, A → A; BBB, BB, B → B; C → C)."""
        return CustomerClass(self.value[0])


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
    if not isinstance(value, str | Region):
        raise InvalidTypeError(
            "Project.region",
            value,
            "a region key (e.g. 'beijing'), a Chinese region name (e.g. '北京') or a Region",
            rule="SEA-HEATING",
        )
    region = region_of(value, field="Project.region")
    return region.key if isinstance(value, str) else region


def _opt_date(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:  # noqa: ANN401
    if value is not None:
        check_date(f"Project.{attribute.name}", value, rule="VIS-COMMISSIONING")


def _id(_instance: object, _attribute: attrs.Attribute[Any], value: Any) -> None:  # noqa: ANN401
    if not isinstance(value, str):
        raise InvalidTypeError("Project.id", value, "a non-empty string", rule="VIS-ANNUAL")
    if not value.strip():
        raise InvalidInputError("Project.id", value, "a non-empty string", rule="VIS-ANNUAL")


def _name(_instance: object, _attribute: attrs.Attribute[Any], value: Any) -> None:  # noqa: ANN401
    if not isinstance(value, str):
        raise InvalidTypeError("Project.name", value, "a string", rule="VIS-ANNUAL")


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
        design_life_years: the design working life from the design documents, in whole
            years, needed for FOUNDATION_STRUCTURE (WTY-DESIGN-LIFE). GB 50068's categories
            are 5, 25, 50 and 100; another value is accepted and reported as the finding
            ``DESIGN_LIFE_NOT_GB50068`` on the structure's expiry.
        contract_terms: the warranty agreed in the contract (保修书) per category; checked
            against the statutory minimum (WTY-MIN). Only for the project's categories.
        operation_started_on: the day MEP systems started running (VIS-COMMISSIONING);
            not before ``accepted_on``.
        new_techniques: whether new materials, techniques, processes or equipment were used
            (四新; VIS-TECHNICAL).
        customer_class: the customer's class (SAT-CLASS; decides who leads a visit).
        many_complaints: the customer has complained about the service many times; its
            visits are led by the department manager whatever its class (VIS-OWNER).
        serious_problem: the project has a serious problem; likewise (VIS-OWNER).
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
        default=False, kw_only=True, validator=flag("Project.new_techniques", rule="VIS-TECHNICAL")
    )
    customer_class: CustomerClass = attrs.field(default=CustomerClass.B, kw_only=True)
    many_complaints: bool = attrs.field(
        default=False, kw_only=True, validator=flag("Project.many_complaints", rule="VIS-OWNER")
    )
    serious_problem: bool = attrs.field(
        default=False, kw_only=True, validator=flag("Project.serious_problem", rule="VIS-OWNER")
    )
    name: str = attrs.field(default="", kw_only=True, validator=_name)

    def __attrs_post_init__(self) -> None:
        """Cross-field checks: terms only for its categories; operation after acceptance."""
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
