"""Liability: who repairs a defect, who pays, from which fund, and who recovers from whom (LIA).

A defect found under a project's warranty is allocated by its cause (the LIA table of
DOMAIN.md § 6, taken from the company rule S002 § 2.2 工程维修责任划分原则):

* workmanship of one subcontractor → that subcontractor repairs and pays from its retention
  (LIA-SUB); if it does not repair, the general contractor has another team do it and the
  cost is still deducted from that retention (LIA-SUB-DEFAULT);
* the general contractor's own work → from the project's warranty provision (LIA-GC);
  general contractor and subcontractors together, or several subcontractors → split by the
  agreed shares (LIA-JOINT, LIA-MULTI-SUB), to the fen (LIA-MONEY);
* defective materials → by who procured them (LIA-MATERIAL), with the contractor's
  recourse against its supplier;
* design, improper use, a third party, force majeure and the owner's own separate works
  are outside the contractor's warranty (LIA-DESIGN, LIA-MISUSE, LIA-THIRD, LIA-FORCE,
  LIA-OWNER-WORK); a defect found after the category's last day is the owner's
  (LIA-EXPIRED); a project manager who does not reach the site in time bears the
  costs (LIA-PM).

Charges (who pays) are kept apart from recourse (who may then recover from whom: the
contractor from its supplier, the owner from the designer). Every allocation names the
rules that produced it (LIA-TRACE) and reports what it noticed as named findings.
:func:`settle` then takes the charges against the retentions and provisions still held:
what the fund cannot cover goes to project cost after the approval chain of S002.

Sources: 房屋建筑工程质量保修办法 Art. 9, 12–14 and its exclusions; 建设工程质量管理条例
Art. 41; 建设工程质量保证金管理办法 Art. 9; seeds S000, S001, S002 § 2.2, S003.

>>> import datetime as dt
>>> from decimal import Decimal
>>> from fractions import Fraction
>>> import revisit_rules as rr
>>> from revisit_rules.liability import Cause, Defect, Party, Role, allocate_liability
>>> project = rr.Project("P-7", dt.date(2024, 6, 28), "beijing", {rr.Category.WATERPROOFING})
>>> roofer = Party(Role.SUBCONTRACTOR, "防水分包")
>>> leak = Defect(
...     rr.Category.WATERPROOFING,
...     dt.date(2026, 5, 6),
...     Cause.WORKMANSHIP,
...     Decimal("1000.00"),
...     shares={Party(Role.GENERAL_CONTRACTOR): Fraction(1, 3), roofer: Fraction(2, 3)},
... )
>>> allocation = allocate_liability(project, leak)
>>> for charge in allocation.charges:
...     print(charge.payer, charge.amount, charge.fund.name)
GENERAL_CONTRACTOR 333.33 CONTRACTOR_PROVISION
SUBCONTRACTOR 防水分包 666.67 SUB_RETENTION
>>> allocation.rules[-2:]
('LIA-JOINT', 'LIA-MONEY')
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from revisit_rules._check import (
    FrozenMap,
    check_date,
    check_decimal_size,
    check_member,
    flag,
    member_names,
)
from revisit_rules.errors import InvalidInputError, InvalidTypeError, shown
from revisit_rules.policy import PmLateScope, policy_or_default
from revisit_rules.warranty import Category, Project, warranty_expiry

if TYPE_CHECKING:
    import datetime as dt

    from revisit_rules.policy import Policy

__all__ = [
    "APPROVAL_CHAIN",
    "CONTRACTOR_DID_NOT_REPAIR",
    "CONTRACTOR_MAY_ASSIST",
    "DEFAULT_GENERAL_CONTRACTOR",
    "EMERGENCY",
    "EXCLUDED_FROM_WARRANTY",
    "PM_LATE",
    "PROVISIONAL_LAST_DAY",
    "SUBCONTRACTOR_DID_NOT_REPAIR",
    "WARRANTY_EXPIRED",
    "Allocation",
    "Approval",
    "Cause",
    "Charge",
    "Defect",
    "Fund",
    "Party",
    "Procurement",
    "Role",
    "Settlement",
    "SettlementLine",
    "allocate_liability",
    "settle",
    "split_amount",
]

# --- findings ---------------------------------------------------------------------------

#: No shares were given for a workmanship defect: the general contractor bears it (LIA-GC).
DEFAULT_GENERAL_CONTRACTOR: Final = "DEFAULT_GENERAL_CONTRACTOR"
#: The subcontractor did not repair, or repaired below standard (LIA-SUB-DEFAULT).
SUBCONTRACTOR_DID_NOT_REPAIR: Final = "SUBCONTRACTOR_DID_NOT_REPAIR"
#: The general contractor, whose repair it was, did not repair: the owner has another unit
#: repair and the contractor's side still pays (MEAS 12; LIA-SUB-DEFAULT one level up).
CONTRACTOR_DID_NOT_REPAIR: Final = "CONTRACTOR_DID_NOT_REPAIR"
#: The cause is outside the contractor's warranty (design, misuse, third party, force
#: majeure, the owner's separate works).
EXCLUDED_FROM_WARRANTY: Final = "EXCLUDED_FROM_WARRANTY"
#: The contractor may help with the repair, at the payer's cost (LIA-MISUSE, LIA-EXPIRED).
CONTRACTOR_MAY_ASSIST: Final = "CONTRACTOR_MAY_ASSIST"
#: The defect was found after the category's last day (LIA-EXPIRED).
WARRANTY_EXPIRED: Final = "WARRANTY_EXPIRED"
#: The category's last day rests on a year whose holiday arrangement is unpublished.
PROVISIONAL_LAST_DAY: Final = "PROVISIONAL_LAST_DAY"
#: The project manager did not reach the site in time (LIA-PM, SLA-PM-ARRIVE).
PM_LATE: Final = "PM_LATE"
#: An emergency (structural safety, serious loss of use): on site at once (SLA-EMERGENCY).
EMERGENCY: Final = "EMERGENCY"

# --- enums ------------------------------------------------------------------------------


class Role(enum.Enum):
    """The part a party plays in a defect."""

    GENERAL_CONTRACTOR = "general_contractor"
    SUBCONTRACTOR = "subcontractor"
    SUPPLIER = "supplier"
    OWNER = "owner"
    DESIGNER = "designer"
    USER = "user"
    THIRD_PARTY = "third_party"
    PROJECT_MANAGER = "project_manager"
    #: The property manager (物业公司), acting for the owner (SLA-SUB-NOACTION).
    PROPERTY_MANAGER = "property_manager"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {
            "property_manager": "物业公司",
            "general_contractor": "总包单位",
            "subcontractor": "工程分包或专业分包",
            "supplier": "供应商",
            "owner": "建设单位(业主)",
            "designer": "设计单位",
            "user": "使用者",
            "third_party": "第三方",
            "project_manager": "项目经理",
        }[self.value]


class Cause(enum.Enum):
    """What caused a defect; it decides the row of the LIA table."""

    #: The builders' workmanship (general contractor and/or subcontractors).
    WORKMANSHIP = "workmanship"
    #: Defective materials, components or equipment; see :class:`Procurement`.
    MATERIAL = "material"
    #: A design defect.
    DESIGN = "design"
    #: Improper use.
    MISUSE = "misuse"
    #: A third party.
    THIRD_PARTY = "third_party"
    #: Force majeure (war, earthquake, flood, typhoon …).
    FORCE_MAJEURE = "force_majeure"
    #: The owner's separately contracted work (甲方分包工程) or owner-supplied equipment (甲供设备)
    #: itself. The contractor's installation of owner-supplied equipment stays under its
    #: warranty (REG 40(4) 设备安装): a defect of the installation is WORKMANSHIP.
    OWNER_WORK = "owner_work"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {
            "workmanship": "施工原因",
            "material": "建筑材料、构配件和设备质量不合格",
            "design": "设计原因",
            "misuse": "使用不当",
            "third_party": "第三方造成",
            "force_majeure": "不可抗力",
            "owner_work": "甲方分包工程及甲供设备",
        }[self.value]

    @property
    def excluded(self) -> bool:
        """Whether this cause lies outside the contractor's warranty whatever the date."""
        return self in _EXCLUDED


class Procurement(enum.Enum):
    """Who procured the defective material (LIA-MATERIAL)."""

    CONTRACTOR = "contractor"
    OWNER = "owner"
    OWNER_DESIGNATED = "owner_designated"
    DESIGNER = "designer"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {
            "contractor": "公司自行采购",
            "owner": "建设单位采购",
            "owner_designated": "业主指定采购",
            "designer": "设计单位采购",
        }[self.value]


class Fund(enum.Enum):
    """Where the money for a charge comes from."""

    #: A subcontractor's (or the contractor's supplier's) warranty retention (预留保修金).
    SUB_RETENTION = "sub_retention"
    #: The project's warranty provision (项目预提保修金).
    CONTRACTOR_PROVISION = "contractor_provision"
    OWNER = "owner"
    USER = "user"
    DESIGNER = "designer"
    THIRD_PARTY = "third_party"
    #: The project's cost, for a shortfall after the approval chain (LIA-SUB-DEFAULT).
    PROJECT_COST = "project_cost"
    #: The project manager's own account (LIA-PM).
    PROJECT_MANAGER = "project_manager"
    #: The contractor's retention the owner holds (质保金, RET Art. 7, 9): what the property
    #: manager deducts from (SLA-SUB-NOACTION, SLA-TWO-FAILURES).
    CONTRACTOR_RETENTION = "contractor_retention"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {
            "sub_retention": "分包商/供应商预留保修金",
            "contractor_provision": "项目预提保修金",
            "owner": "业主承担",
            "user": "使用者承担",
            "designer": "设计单位承担",
            "third_party": "第三方承担",
            "project_cost": "计入项目成本",
            "project_manager": "项目经理承担",
            "contractor_retention": "施工单位质保金",
        }[self.value]


_EXCLUDED: Final = frozenset(
    {Cause.DESIGN, Cause.MISUSE, Cause.THIRD_PARTY, Cause.FORCE_MAJEURE, Cause.OWNER_WORK}
)

# --- checks -----------------------------------------------------------------------------

_FEN: Final = 100  # fen per yuan
Share = Fraction | Decimal | int


def _money(field: str, value: object, *, rule: str = "LIA-MONEY") -> Decimal:
    """``value`` if it is a finite, non-negative ``Decimal`` of whole fen; else a typed error."""
    if not isinstance(value, Decimal):
        raise InvalidTypeError(
            field,
            value,
            "a decimal.Decimal in yuan, e.g. Decimal('1200.00') (never a float)",
            rule=rule,
        )
    if not value.is_finite():
        raise InvalidInputError(field, value, "a finite Decimal (not NaN or infinity)", rule=rule)
    if value < 0:
        raise InvalidInputError(field, value, "an amount >= 0", rule=rule)
    check_decimal_size(field, value, rule=rule, why=" (an amount in yuan)")
    if (Fraction(value) * _FEN).denominator != 1:
        raise InvalidInputError(field, value, "whole fen (at most 2 decimal places)", rule=rule)
    return value


def _yuan(fen: int) -> Decimal:
    """``fen`` fen as yuan with exactly 2 decimal places, built without rounding."""
    return Decimal((0, tuple(int(c) for c in str(fen)), -2))


def _fen(amount: Decimal) -> int:
    """A checked amount of whole fen as an int of fen, exactly (no Decimal context)."""
    return int(Fraction(amount) * _FEN)


def _cents(amount: Decimal) -> Decimal:
    """A checked amount of whole fen, written with exactly 2 decimal places."""
    return _yuan(_fen(_money("amount", amount)))


def _share(field: str, value: object, rule: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, Fraction | Decimal | int):
        raise InvalidTypeError(
            field, value, "a Fraction, Decimal or int (never a float)", rule=rule
        )
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidInputError(field, value, "a finite share (not NaN or infinity)", rule=rule)
        check_decimal_size(field, value, rule=rule, why=" (a share of the cost)")
    share = Fraction(value)
    if share < 0:
        raise InvalidInputError(field, value, "a share >= 0", rule=rule)
    return share


def _shares(field: str, value: object, rule: str = "LIA-MONEY") -> FrozenMap[Party, Fraction]:
    """Shares as exact fractions, in the order given; typed errors for anything else."""
    if not isinstance(value, Mapping):
        raise InvalidTypeError(field, value, "a mapping Party -> share", rule=rule)
    if not value:
        raise InvalidInputError(field, value, "at least one party", rule=rule)
    out: dict[Party, Fraction] = {}
    for party, share in value.items():
        if not isinstance(party, Party):
            raise InvalidTypeError(f"{field} key", party, "a revisit_rules.Party", rule=rule)
        out[party] = _share(f"{field}[{party}]", share, rule)
    total = sum(out.values(), Fraction(0))
    if total != 1:
        raise InvalidInputError(
            field,
            dict(value),
            f"shares summing to exactly 1 (these sum to {shown(total)})",
            rule=rule,
        )
    return FrozenMap(out)


def _enum_check(kind: type[enum.Enum], rule: str) -> Any:  # noqa: ANN401 - an attrs validator
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_member(f"{type(instance).__name__}.{attribute.name}", value, kind, rule=rule)

    return check


def _str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{type(instance).__name__}.{attribute.name}", value, "a string", rule="LIA-TRACE"
        )


# --- value classes ----------------------------------------------------------------------


@attrs.frozen
class Party:
    """A party to a defect: its role and, where several share a role, its name.

    Parties are values: ``Party(Role.SUBCONTRACTOR, "防水分包")`` names the same party
    wherever it is written. The default parties the rules charge are unnamed, e.g.
    ``Party(Role.GENERAL_CONTRACTOR)``.

    >>> str(Party(Role.SUBCONTRACTOR, "防水分包"))
    'SUBCONTRACTOR 防水分包'
    """

    role: Role = attrs.field(validator=_enum_check(Role, "LIA-TRACE"))
    name: str = attrs.field(default="", validator=_str)

    @property
    def zh(self) -> str:
        """The Chinese label: the role, then the name."""
        return f"{self.role.zh}「{self.name}」" if self.name else self.role.zh

    def __str__(self) -> str:
        """The role's name, then the party's name."""
        return f"{self.role.name} {self.name}" if self.name else self.role.name


_GC: Final = Party(Role.GENERAL_CONTRACTOR)
_OWNER: Final = Party(Role.OWNER)


def _party(field: str, value: object) -> Party:
    if not isinstance(value, Party):
        raise InvalidTypeError(field, value, "a revisit_rules.Party", rule="LIA-TRACE")
    return value


def _rules(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError("rules", value, "a tuple of rule IDs", rule="LIA-TRACE")
    out = tuple(value)
    if not out or not all(isinstance(r, str) for r in out):
        raise InvalidInputError("rules", value, "a non-empty tuple of rule IDs", rule="LIA-TRACE")
    return out


@attrs.frozen
class Charge:
    """A sum one party pays, from one fund, and the rules that put it there.

    Attributes:
        payer: who pays.
        amount: how much, in yuan, a ``Decimal`` of whole fen (LIA-MONEY).
        fund: from which fund.
        rules: the rules that produced the charge (LIA-TRACE).
        creditor: on a recourse entry, who recovers the amount (so that no amount can be
            collected twice); None on a charge.
    """

    payer: Party = attrs.field(validator=lambda _i, _a, v: _party("Charge.payer", v))
    amount: Decimal = attrs.field(validator=lambda _i, _a, v: _money("Charge.amount", v))
    fund: Fund = attrs.field(validator=_enum_check(Fund, "LIA-TRACE"))
    rules: tuple[str, ...] = attrs.field(converter=_rules)
    creditor: Party | None = attrs.field(default=None)

    @creditor.validator
    def _creditor(self, _attribute: object, value: object) -> None:
        if value is not None:
            _party("Charge.creditor", value)


def _check_defect_shares(defect: Defect) -> None:
    """The parties a cause admits in ``shares`` (see :class:`Defect`)."""
    rule = _CAUSE_RULE[defect.cause]
    if defect.cause is Cause.MATERIAL:
        allowed = _MATERIAL_ROLES[defect.procured_by] if defect.procured_by else frozenset()
    else:
        allowed = _SHARE_ROLES[defect.cause]
    if defect.shares is None:
        return
    if not allowed:
        why = f"procured_by {defect.procured_by.name}" if defect.procured_by else "this cause"
        raise InvalidInputError(
            "Defect.shares",
            dict(defect.shares),
            f"None: for cause {defect.cause.name} ({why}) the payer is fixed by the rule",
            rule=rule,
        )
    for party in defect.shares:
        if party.role not in allowed:
            roles = ", ".join(sorted(f"Role.{r.name}" for r in allowed))
            raise InvalidInputError(
                "Defect.shares",
                party,
                f"parties of role {roles} for cause {defect.cause.name}",
                rule=rule,
            )
    gcs = [p for p in defect.shares if p.role is Role.GENERAL_CONTRACTOR]
    if len(gcs) > 1:
        raise InvalidInputError(
            "Defect.shares", gcs, "at most one general contractor", rule="LIA-JOINT"
        )


def _defect_shares(value: object) -> FrozenMap[Party, Fraction] | None:
    return None if value is None else _shares("Defect.shares", value)


@attrs.frozen
class Defect:
    """A quality defect reported under a project's warranty.

    Attributes:
        category: the category of work it is in (one of the project's).
        found_on: the day it was found (reported); compared with the category's last day.
        cause: what caused it; decides the row of the LIA table.
        cost: the repair cost in yuan, a ``Decimal`` of whole fen, >= 0 (LIA-MONEY).
        shares: who is responsible, and for what part: a mapping ``Party -> share``
            (``Fraction``, ``Decimal`` or ``int``, never a float) summing to exactly 1.
            Order matters only for the fen left over by a split (LIA-MONEY). Which parties
            a cause admits:

            * WORKMANSHIP: the general contractor and/or subcontractors. ``None`` means the
              general contractor alone (LIA-GC, finding ``DEFAULT_GENERAL_CONTRACTOR``): it
              signed the warranty and answers for its work unless a subcontractor's part is
              established. One subcontractor is ``{Party(Role.SUBCONTRACTOR, "X"): 1}``.
            * MATERIAL procured by the CONTRACTOR: the contractor's suppliers, against whom
              it has recourse (default: an unnamed supplier). Procured by the DESIGNER: the
              designers (default: an unnamed designer). OWNER / OWNER_DESIGNATED: none.
            * DESIGN: the designers, against whom the owner has recourse (default: an
              unnamed designer). MISUSE: the users. THIRD_PARTY: the third parties.
            * OWNER_WORK: the owner's own contractors and suppliers (roles SUBCONTRACTOR,
              SUPPLIER, THIRD_PARTY), against whom the owner has recourse (default: none).
            * FORCE_MAJEURE: none; the owner bears its own loss.
        procured_by: who procured the material; required for MATERIAL, refused otherwise.
        emergency: structural safety or serious loss of use (MEAS 9, SLA-EMERGENCY).
        repaired_by_responsible: ``False`` when the party that was to repair did not, or
            repaired below standard (LIA-SUB-DEFAULT).
        pm_arrived_in_time: ``False`` when the project manager did not reach the site
            within ``Policy.pm_arrival_days`` of the notice (LIA-PM).
        reassignment_cost: the extra outlay of the team the company assigns when the
            project manager was late (LIA-PM), in yuan; charged whole to the manager on a
            covered defect. Only with ``pm_arrived_in_time=False``.

    ``emergency``, ``repaired_by_responsible`` and ``pm_arrived_in_time`` concern the
    contractor's duty to repair, so they are read only where that duty exists (a defect
    covered by the warranty); elsewhere they change nothing.
    """

    category: Category = attrs.field(validator=_enum_check(Category, "LIA-TRACE"))
    found_on: dt.date = attrs.field(
        validator=lambda _i, _a, v: check_date("Defect.found_on", v, rule="LIA-EXPIRED")
    )
    cause: Cause = attrs.field(validator=_enum_check(Cause, "LIA-TRACE"))
    cost: Decimal = attrs.field(validator=lambda _i, _a, v: _money("Defect.cost", v))
    shares: Mapping[Party, Fraction] | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_defect_shares,
    )
    procured_by: Procurement | None = attrs.field(default=None, kw_only=True)
    emergency: bool = attrs.field(
        default=False, kw_only=True, validator=flag("Defect.emergency", rule="SLA-EMERGENCY")
    )
    repaired_by_responsible: bool = attrs.field(
        default=True,
        kw_only=True,
        validator=flag("Defect.repaired_by_responsible", rule="LIA-SUB-DEFAULT"),
    )
    pm_arrived_in_time: bool = attrs.field(
        default=True, kw_only=True, validator=flag("Defect.pm_arrived_in_time", rule="LIA-PM")
    )
    reassignment_cost: Decimal = attrs.field(
        default=Decimal("0.00"),
        kw_only=True,
        validator=lambda _i, _a, v: _money("Defect.reassignment_cost", v, rule="LIA-PM"),
    )

    def __attrs_post_init__(self) -> None:
        """Cross-field checks: procurement for MATERIAL only; the parties a cause admits."""
        if self.cause is Cause.MATERIAL:
            if not isinstance(self.procured_by, Procurement):
                raise InvalidInputError(
                    "Defect.procured_by",
                    self.procured_by,
                    f"who procured the material ({member_names(Procurement)})",
                    rule="LIA-MATERIAL",
                )
        elif self.procured_by is not None:
            raise InvalidInputError(
                "Defect.procured_by",
                self.procured_by,
                f"None: procurement matters for Cause.MATERIAL only, not {self.cause.name}",
                rule="LIA-MATERIAL",
            )
        _check_defect_shares(self)
        if self.reassignment_cost and self.pm_arrived_in_time:
            raise InvalidInputError(
                "Defect.reassignment_cost",
                self.reassignment_cost,
                "0 when the project manager arrived in time: another team is assigned only "
                "when the manager was late (pm_arrived_in_time=False)",
                rule="LIA-PM",
            )


@attrs.frozen
class Allocation:
    """Who repairs a defect, who pays what from which fund, and who may recover from whom.

    Attributes:
        covered: whether the contractor's warranty applies (the contractor's side must
            repair): within the category's period and not an excluded cause. A covered
            defect may still be paid by another party (owner-procured material).
        repairer: who repairs or organises the repair; ``None`` where nobody on the
            contractor's side must (the contractor may still help at the payer's cost).
        charges: who pays, from which fund; they always add up to the defect's cost.
        recourse: what a payer may then recover, and from whom (the contractor from its
            supplier, the owner from the designer or its own contractors); kept apart from
            the charges. Each entry's ``payer`` owes it and its ``creditor`` recovers it.
        findings: named codes (see the module's constants).
        rules: every rule that produced the allocation, in the order applied (LIA-TRACE).
    """

    covered: bool
    repairer: Party | None
    charges: tuple[Charge, ...]
    recourse: tuple[Charge, ...]
    findings: tuple[str, ...]
    rules: tuple[str, ...] = attrs.field()

    @rules.validator
    def _traced(self, _attribute: object, value: tuple[str, ...]) -> None:
        if any(c.creditor is None for c in self.recourse):
            raise InvalidInputError(
                "Allocation.recourse",
                self.recourse,
                "recourse entries that each name their creditor",
                rule="LIA-TRACE",
            )
        missing = [r for c in (*self.charges, *self.recourse) for r in c.rules if r not in value]
        if not value or missing:
            raise InvalidInputError(
                "Allocation.rules",
                value,
                f"every rule behind the charges (missing {missing})",
                rule="LIA-TRACE",
            )

    @property
    def total(self) -> Decimal:
        """The sum of the charges (the defect's cost), exact and with 2 decimal places."""
        return _yuan(sum(_fen(c.amount) for c in self.charges))


# --- allocation -------------------------------------------------------------------------

#: The rule of each cause (for errors about its shares).
_CAUSE_RULE: Final[Mapping[Cause, str]] = FrozenMap(
    {
        Cause.WORKMANSHIP: "LIA-JOINT",
        Cause.MATERIAL: "LIA-MATERIAL",
        Cause.DESIGN: "LIA-DESIGN",
        Cause.MISUSE: "LIA-MISUSE",
        Cause.THIRD_PARTY: "LIA-THIRD",
        Cause.FORCE_MAJEURE: "LIA-FORCE",
        Cause.OWNER_WORK: "LIA-OWNER-WORK",
    }
)
#: The roles a cause admits in ``Defect.shares`` (MATERIAL: by procurement, below).
_SHARE_ROLES: Final[Mapping[Cause, frozenset[Role]]] = FrozenMap(
    {
        Cause.WORKMANSHIP: frozenset({Role.GENERAL_CONTRACTOR, Role.SUBCONTRACTOR}),
        Cause.DESIGN: frozenset({Role.DESIGNER}),
        Cause.MISUSE: frozenset({Role.USER}),
        Cause.THIRD_PARTY: frozenset({Role.THIRD_PARTY}),
        Cause.FORCE_MAJEURE: frozenset(),
        Cause.OWNER_WORK: frozenset({Role.SUBCONTRACTOR, Role.SUPPLIER, Role.THIRD_PARTY}),
    }
)
_MATERIAL_ROLES: Final[Mapping[Procurement, frozenset[Role]]] = FrozenMap(
    {
        Procurement.CONTRACTOR: frozenset({Role.SUPPLIER}),
        Procurement.DESIGNER: frozenset({Role.DESIGNER}),
        Procurement.OWNER: frozenset(),
        Procurement.OWNER_DESIGNATED: frozenset(),
    }
)


def _fund_of(party: Party) -> Fund:
    """The fund a builder pays from: a subcontractor's retention, else the provision."""
    return Fund.SUB_RETENTION if party.role is Role.SUBCONTRACTOR else Fund.CONTRACTOR_PROVISION


def _split(
    cost: Decimal,
    shares: Mapping[Party, Fraction],
    fund: Fund | None,
    rule: str,
    trace: list[str],
    *,
    creditor: Party | None = None,
) -> tuple[Charge, ...]:
    """Charges by shares (``fund`` None: each builder's own fund); LIA-MONEY if split.

    With ``creditor``, recourse entries that ``creditor`` recovers.
    """
    if len(shares) == 1:
        (party,) = shares
        return (Charge(party, _cents(cost), fund or _fund_of(party), (rule,), creditor),)
    trace.append("LIA-MONEY")
    parts = split_amount(cost, shares)
    return tuple(
        Charge(p, amount, fund or _fund_of(p), (rule, "LIA-MONEY"), creditor)
        for p, amount in parts.items()
    )


@attrs.define
class _Draft:
    """An allocation being built: mutable inside :func:`allocate_liability` only."""

    covered: bool = False
    repairer: Party | None = None
    charges: tuple[Charge, ...] = ()
    recourse: tuple[Charge, ...] = ()
    findings: list[str] = attrs.field(factory=list)
    rules: list[str] = attrs.field(factory=list)

    def rule(self, *ids: str) -> None:
        for rule in ids:
            if rule not in self.rules:
                self.rules.append(rule)

    def freeze(self) -> Allocation:
        return Allocation(
            covered=self.covered,
            repairer=self.repairer,
            charges=self.charges,
            recourse=self.recourse,
            findings=tuple(dict.fromkeys(self.findings)),
            rules=tuple(self.rules),
        )


def _one(default: Party, shares: Mapping[Party, Fraction] | None) -> Mapping[Party, Fraction]:
    return shares if shares is not None else FrozenMap({default: Fraction(1)})


def _excluded(defect: Defect, draft: _Draft) -> None:
    """LIA-DESIGN, LIA-MISUSE, LIA-THIRD, LIA-FORCE, LIA-OWNER-WORK: not the contractor's."""
    cost, cause = defect.cost, defect.cause
    rule = _CAUSE_RULE[cause]
    draft.rule(rule)
    draft.findings.append(EXCLUDED_FROM_WARRANTY)
    trace: list[str] = []
    if cause is Cause.DESIGN:
        # The owner organises the repair and bears it towards the contractor; it recovers
        # from the designer (MEAS 14).
        draft.repairer = _OWNER
        draft.charges = _split(cost, _one(_OWNER, None), Fund.OWNER, rule, trace)
        draft.recourse = _split(
            cost,
            _one(Party(Role.DESIGNER), defect.shares),
            Fund.DESIGNER,
            rule,
            trace,
            creditor=_OWNER,
        )
    elif cause is Cause.MISUSE:
        draft.findings.append(CONTRACTOR_MAY_ASSIST)
        users = _one(Party(Role.USER), defect.shares)
        draft.charges = _split(cost, users, Fund.USER, rule, trace)
    elif cause is Cause.THIRD_PARTY:
        others = _one(Party(Role.THIRD_PARTY), defect.shares)
        draft.charges = _split(cost, others, Fund.THIRD_PARTY, rule, trace)
    else:  # FORCE_MAJEURE, OWNER_WORK: the owner bears its own loss
        draft.charges = _split(cost, _one(_OWNER, None), Fund.OWNER, rule, trace)
        if cause is Cause.OWNER_WORK and defect.shares is not None:
            draft.recourse = _split(
                cost, defect.shares, Fund.THIRD_PARTY, rule, trace, creditor=_OWNER
            )
    draft.rule(*trace)


def _workmanship(defect: Defect, draft: _Draft) -> str:
    """LIA-SUB, LIA-GC, LIA-JOINT, LIA-MULTI-SUB; returns the row applied."""
    if defect.shares is None:
        draft.findings.append(DEFAULT_GENERAL_CONTRACTOR)
    shares = _one(_GC, defect.shares)
    builders = list(shares)
    gc = next((p for p in builders if p.role is Role.GENERAL_CONTRACTOR), None)
    has_gc = gc is not None
    if len(builders) == 1:
        row = "LIA-GC" if has_gc else "LIA-SUB"
    else:
        row = "LIA-JOINT" if has_gc else "LIA-MULTI-SUB"
    draft.rule(row)
    trace: list[str] = []
    draft.charges = _split(defect.cost, shares, None, row, trace)
    draft.rule(*trace)
    # The named general contractor of the shares repairs (or organises) where there is one.
    draft.repairer = builders[0] if row == "LIA-SUB" else (gc or _GC)
    return row


def _material(defect: Defect, draft: _Draft) -> None:
    """LIA-MATERIAL: the general contractor repairs; who pays depends on who procured."""
    rule = "LIA-MATERIAL"
    draft.rule(rule)
    draft.repairer = _GC
    cost, trace = defect.cost, list[str]()
    if defect.procured_by is Procurement.CONTRACTOR:
        draft.charges = _split(cost, _one(_GC, None), Fund.CONTRACTOR_PROVISION, rule, trace)
        suppliers = _one(Party(Role.SUPPLIER), defect.shares)
        # The contractor recovers from its supplier's retention (S002 2.3 供应商保修结算单).
        draft.recourse = _split(cost, suppliers, Fund.SUB_RETENTION, rule, trace, creditor=_GC)
    elif defect.procured_by is Procurement.DESIGNER:
        designers = _one(Party(Role.DESIGNER), defect.shares)
        draft.charges = _split(cost, designers, Fund.DESIGNER, rule, trace)
    else:  # OWNER, OWNER_DESIGNATED
        draft.charges = _split(cost, _one(_OWNER, None), Fund.OWNER, rule, trace)
    draft.rule(*trace)


def _did_not_repair(row: str, draft: _Draft) -> None:
    """LIA-SUB-DEFAULT: the party that was to repair did not (or below standard)."""
    draft.rule("LIA-SUB-DEFAULT")
    if row == "LIA-SUB":
        # The general contractor has another team repair; the cost is still deducted from
        # the subcontractor's retention.
        draft.findings.append(SUBCONTRACTOR_DID_NOT_REPAIR)
        draft.repairer = _GC
        draft.charges = tuple(
            attrs.evolve(c, rules=(*c.rules, "LIA-SUB-DEFAULT")) for c in draft.charges
        )
    else:
        # One level up (MEAS 12): the owner has another unit repair; the contractor's side
        # bears the cost as allocated.
        draft.findings.append(CONTRACTOR_DID_NOT_REPAIR)
        draft.repairer = _OWNER


_PM: Final = Party(Role.PROJECT_MANAGER)


def _pm_late(defect: Defect, draft: _Draft, scope: PmLateScope) -> None:
    """LIA-PM: the company assigns another team; the project manager answers for it.

    S001: "否则公司有权另调人员组织返修,所发生的一切费用,由原施工的项目经理负责" is the
    company's rule towards its own manager (项目经理责任制); it cannot move what the law
    puts on others (MEAS 13 "保修费用由质量缺陷的责任方承担"). Under COMPANY_PART (the
    default) the manager is charged the part the company itself would have paid (from the
    project's warranty provision) plus the other team's extra outlay; every other charge
    stands. Under ALL_COSTS the subcontractors' parts join the manager's charge and become
    recourse credited to the manager. Either way the recourse against a contractor's
    supplier is the manager's to recover, since the manager paid that part. The company's
    other team repairs, unless the owner already had another unit repair (MEAS 12,
    LIA-SUB-DEFAULT): that stands.
    """
    draft.rule("LIA-PM", "SLA-PM-ARRIVE")
    draft.findings.append(PM_LATE)
    # The other team's extra outlay exists only where the company's other team repairs;
    # where the owner's unit already did (MEAS 12), there is none to charge.
    reassigned = draft.repairer != _OWNER
    if reassigned:
        draft.repairer = _GC  # the company's other team
    funds = {Fund.CONTRACTOR_PROVISION}
    if scope is PmLateScope.ALL_COSTS:
        funds.add(Fund.SUB_RETENTION)
    moved = [c for c in draft.charges if c.fund in funds]
    kept = tuple(c for c in draft.charges if c.fund not in funds)
    rules: dict[str, None] = {}
    for charge in moved:
        rules.update(dict.fromkeys(charge.rules))
    rules["LIA-PM"] = None
    fen = sum(_fen(c.amount) for c in moved)
    if reassigned:
        fen += _fen(defect.reassignment_cost)
    charged = (Charge(_PM, _yuan(fen), Fund.PROJECT_MANAGER, tuple(rules)),) if moved or fen else ()
    draft.charges = (*kept, *charged)
    # What the manager paid for others, the manager recovers (MEAS 13).
    from_subs = tuple(
        attrs.evolve(c, rules=(*c.rules, "LIA-PM"), creditor=_PM)
        for c in moved
        if c.fund is Fund.SUB_RETENTION
    )
    suppliers = tuple(
        attrs.evolve(c, rules=(*c.rules, "LIA-PM"), creditor=_PM) if c.creditor == _GC else c
        for c in draft.recourse
    )
    draft.recourse = (*suppliers, *from_subs)


def _covered(defect: Defect, draft: _Draft, scope: PmLateScope) -> None:
    """A covered defect: the row of its cause, then the repair, the PM and the emergency."""
    draft.covered = True
    if defect.cause is Cause.WORKMANSHIP:
        row = _workmanship(defect, draft)
    else:
        row = "LIA-MATERIAL"
        _material(defect, draft)
    if not defect.repaired_by_responsible:
        _did_not_repair(row, draft)
    if not defect.pm_arrived_in_time:
        _pm_late(defect, draft, scope)
    _emergency(defect, draft)


def _emergency(defect: Defect, draft: _Draft) -> None:
    """MEAS 9: an emergency is recorded whatever the cause (SLA-EMERGENCY, EMERGENCY)."""
    if defect.emergency:
        draft.rule("SLA-EMERGENCY")
        draft.findings.append(EMERGENCY)


def _check_defect_of(project: object, defect: object) -> None:
    """Types; the defect's category is one of the project's; found on or after acceptance."""
    if not isinstance(project, Project):
        raise InvalidTypeError("project", project, "a revisit_rules.Project", rule="LIA-TRACE")
    if not isinstance(defect, Defect):
        raise InvalidTypeError("defect", defect, "a revisit_rules.Defect", rule="LIA-TRACE")
    if defect.category not in project.categories:
        names = ", ".join(sorted(c.name for c in project.categories))
        raise InvalidInputError(
            "defect.category",
            defect.category.name,
            f"a category of project {project.id} ({names})",
            rule=defect.category.rule,
        )
    if defect.found_on < project.accepted_on:
        raise InvalidInputError(
            "defect.found_on",
            defect.found_on,
            f"a day on or after project {project.id}'s acceptance day ({project.accepted_on})",
            rule="WTY-START",
        )


def allocate_liability(
    project: Project, defect: Defect, *, policy: Policy | None = None
) -> Allocation:
    """Allocate a defect: covered or not, who repairs, the charges, the recourse (LIA).

    The order of the rules: an excluded cause (design, misuse, third party, force majeure,
    the owner's works) decides alone, whatever the date. Otherwise the category's warranty
    is computed (:func:`~revisit_rules.warranty_expiry`, its rules join the trace): found
    after the last day, the owner pays (LIA-EXPIRED); found on or before it, the row of the
    cause applies (LIA-SUB, LIA-GC, LIA-JOINT, LIA-MULTI-SUB, LIA-MATERIAL), then
    LIA-SUB-DEFAULT if the repair was not done, LIA-PM if the project manager was late,
    and SLA-EMERGENCY for an emergency.

    Args:
        project: the project; the defect's category must be one of its categories.
        defect: the defect; found on or after the project's acceptance day.
        policy: the policy for the warranty periods (default ``Policy()``).

    Raises:
        InvalidInputError: a category the project lacks; a defect found before acceptance;
            and what :func:`~revisit_rules.warranty_expiry` raises for the category.
        InvalidTypeError: ``project`` or ``defect`` of the wrong type.

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> import revisit_rules as rr
    >>> p = rr.Project("P-8", dt.date(2024, 6, 28), "beijing", {rr.Category.DECORATION})
    >>> late = Defect(rr.Category.DECORATION, dt.date(2026, 6, 30), Cause.WORKMANSHIP, Decimal(500))
    >>> a = allocate_liability(p, late)  # the 2 years ended on Monday 2026-06-29
    >>> a.covered, a.charges[0].payer.role.name, a.findings
    (False, 'OWNER', ('WARRANTY_EXPIRED', 'CONTRACTOR_MAY_ASSIST'))
    """
    _check_defect_of(project, defect)
    pol = policy_or_default(policy, rule="LIA-TRACE")
    draft = _Draft()
    if defect.cause.excluded:
        _excluded(defect, draft)
        if defect.pm_arrived_in_time and not defect.emergency:
            return draft.freeze()
        # A notice after the category's last day creates no duty to come (LIA-EXPIRED):
        # nothing to be late for, no emergency to record.
        if defect.found_on > warranty_expiry(project, defect.category, policy=pol).last_day:
            return draft.freeze()
        if not defect.pm_arrived_in_time:
            # The cause was known only after the site check (MEAS 9 "到现场核查情况"): the
            # manager was late all the same; no money moves (LIA-PM).
            draft.rule("LIA-PM", "SLA-PM-ARRIVE")
            draft.findings.append(PM_LATE)
        _emergency(defect, draft)
        return draft.freeze()
    expiry = warranty_expiry(project, defect.category, policy=pol)
    draft.rule(*expiry.rules)
    if expiry.provisional:
        draft.findings.append(PROVISIONAL_LAST_DAY)
    if defect.found_on > expiry.last_day:
        # S002: 已超出保修期限而出现质量问题的,公司可协助维修,但费用由业主承担。
        draft.rule("LIA-EXPIRED")
        draft.findings += [WARRANTY_EXPIRED, CONTRACTOR_MAY_ASSIST]
        draft.charges = (Charge(_OWNER, _cents(defect.cost), Fund.OWNER, ("LIA-EXPIRED",)),)
        return draft.freeze()
    _covered(defect, draft, pol.pm_late_scope)
    return draft.freeze()


# --- money ------------------------------------------------------------------------------


def split_amount(total: Decimal, shares: Mapping[Party, Share]) -> dict[Party, Decimal]:
    """Split ``total`` by ``shares`` to the fen, the parts adding up to ``total`` exactly.

    The largest-remainder method (LIA-MONEY): each party first gets its exact share rounded
    down to the fen; the fen left over go one each to the parties with the largest
    remainders, ties to the party given first. Each part is within one fen of the exact
    share.

    Args:
        total: a ``Decimal`` of whole fen, >= 0 (never a float).
        shares: ``Party -> share`` (``Fraction``, ``Decimal`` or ``int``), each >= 0,
            summing to exactly 1. Use ``Fraction(1, 3)`` for thirds.

    Returns:
        ``Party -> amount`` in the order of ``shares``, each with 2 decimal places.

    >>> from decimal import Decimal
    >>> a, b, c = (Party(Role.SUBCONTRACTOR, n) for n in "ABC")
    >>> third = Fraction(1, 3)
    >>> list(split_amount(Decimal("100.00"), {a: third, b: third, c: third}).values())
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    """
    amount = _money("total", total)
    fracs = _shares("shares", shares)
    fen = _fen(amount)
    exact = [(party, fen * share) for party, share in fracs.items()]
    parts = {party: math.floor(x) for party, x in exact}
    left = fen - sum(parts.values())
    # Stable sort: equal remainders keep the order given.
    ranked = sorted(exact, key=lambda item: item[1] - parts[item[0]], reverse=True)
    for party, _ in ranked[:left]:
        parts[party] += 1
    return {party: _yuan(parts[party]) for party, _ in exact}


# --- settlement -------------------------------------------------------------------------


@attrs.frozen
class Approval:
    """One step of the approval a shortfall needs before it is charged to project cost."""

    step: int
    office_zh: str
    office_en: str
    action: str


#: S002 § 2.2: "不足部分由工程部门、合约与采购部、主管副总审核,公司总经理审批,并计入项目成本".
APPROVAL_CHAIN: Final[tuple[Approval, ...]] = (
    Approval(1, "工程部门", "engineering department", "review"),
    Approval(2, "合约与采购部", "contracts and procurement department", "review"),
    Approval(3, "主管副总", "deputy general manager in charge", "review"),
    Approval(4, "公司总经理", "general manager", "approve"),
)

#: Funds the company itself holds, against which a balance is kept.
_HELD: Final = frozenset({Fund.SUB_RETENTION, Fund.CONTRACTOR_PROVISION})


@attrs.frozen
class SettlementLine:
    """One charge on a retention or the provision: what the fund covers, what it cannot.

    Attributes:
        charge: the charge as allocated.
        deducted: taken from the payer's retention or provision.
        shortfall: the rest, charged to project cost after the approval chain.
    """

    charge: Charge
    deducted: Decimal
    shortfall: Decimal


@attrs.frozen
class Settlement:
    """Charges taken against the retentions and provisions still held (LIA-SUB-DEFAULT).

    Attributes:
        lines: one per charge on a subcontractor's retention or the project's provision,
            in the order of the charges.
        external: the other charges (owner, user, designer, third party, the project
            manager's account): not paid from a fund the company holds, passed through.
        project_cost: the sum of the shortfalls, charged to project cost.
        approval: the approval chain the shortfall needs (empty when there is none).
        balances: every balance after the deductions.
        rules: the rules applied.
    """

    lines: tuple[SettlementLine, ...]
    external: tuple[Charge, ...]
    project_cost: Decimal
    approval: tuple[Approval, ...]
    balances: Mapping[Party, Decimal]
    rules: tuple[str, ...]

    @property
    def needs_approval(self) -> bool:
        """Whether a shortfall must go through the approval chain."""
        return bool(self.approval)

    @property
    def shortfall_charges(self) -> tuple[Charge, ...]:
        """The shortfalls as charges of the general contractor on project cost."""
        return tuple(
            Charge(_GC, line.shortfall, Fund.PROJECT_COST, (*line.charge.rules, "LIA-SUB-DEFAULT"))
            for line in self.lines
            if line.shortfall
        )


def _charges_of(charges: object) -> tuple[Charge, ...]:
    if isinstance(charges, Allocation):
        return charges.charges
    if not isinstance(charges, Iterable) or isinstance(charges, str | Mapping):
        raise InvalidTypeError(
            "charges", charges, "an Allocation or an iterable of Charge", rule="LIA-TRACE"
        )
    items = tuple(charges)
    for charge in items:
        if not isinstance(charge, Charge):
            raise InvalidTypeError(
                "charges", charge, "revisit_rules.Charge items", rule="LIA-TRACE"
            )
    return items


def _balances_of(balances: object) -> dict[Party, int]:
    """The balances in fen, checked (LIA-MONEY's checks, naming LIA-SUB-DEFAULT)."""
    if not isinstance(balances, Mapping):
        raise InvalidTypeError(
            "balances", balances, "a mapping Party -> Decimal", rule="LIA-SUB-DEFAULT"
        )
    left: dict[Party, int] = {}
    for party, balance in balances.items():
        if not isinstance(party, Party):
            raise InvalidTypeError(
                "balances key", party, "a revisit_rules.Party", rule="LIA-SUB-DEFAULT"
            )
        left[party] = _fen(_money(f"balances[{party}]", balance, rule="LIA-SUB-DEFAULT"))
    return left


def settle(charges: Allocation | Iterable[Charge], balances: Mapping[Party, Decimal]) -> Settlement:
    """Take charges against what is left of each party's retention or provision.

    A charge on a subcontractor's retention (SUB_RETENTION) or on the project's warranty
    provision (CONTRACTOR_PROVISION) is deducted from the payer's balance; what the balance
    cannot cover is a shortfall that the engineering department, contracts and procurement
    and the deputy GM review and the GM approves, and that is then charged to project cost
    (S002 § 2.2, LIA-SUB-DEFAULT). Several charges on one payer draw on one balance in turn.

    Args:
        charges: an :class:`Allocation` (its charges are settled) or the charges themselves.
        balances: ``Party -> Decimal`` left in that party's retention or provision; every
            payer of a charge on such a fund needs one.

    >>> from decimal import Decimal
    >>> sub = Party(Role.SUBCONTRACTOR, "X")
    >>> s = settle(
    ...     [Charge(sub, Decimal("800.00"), Fund.SUB_RETENTION, ("LIA-SUB",))],
    ...     {sub: Decimal("500.00")},
    ... )
    >>> s.lines[0].deducted, s.project_cost, s.approval[-1].office_zh
    (Decimal('500.00'), Decimal('300.00'), '公司总经理')
    """
    items = _charges_of(charges)
    left = _balances_of(balances)
    lines: list[SettlementLine] = []
    external: list[Charge] = []
    rules: dict[str, None] = {}
    shortfall = 0
    for charge in items:
        if charge.fund not in _HELD:
            external.append(charge)
            continue
        if charge.payer not in left:
            raise InvalidInputError(
                "balances",
                str(charge.payer),
                f"a balance for every payer charged to {charge.fund.name} (missing {charge.payer})",
                rule="LIA-SUB-DEFAULT",
            )
        # In whole fen (ints): exact whatever the amounts and the caller's Decimal context.
        amount = _fen(charge.amount)
        deducted = min(amount, left[charge.payer])
        left[charge.payer] -= deducted
        lines.append(SettlementLine(charge, _yuan(deducted), _yuan(amount - deducted)))
        shortfall += amount - deducted
        rules.update(dict.fromkeys(charge.rules))
    if shortfall:
        rules["LIA-SUB-DEFAULT"] = None
    return Settlement(
        lines=tuple(lines),
        external=tuple(external),
        project_cost=_yuan(shortfall),
        approval=APPROVAL_CHAIN if shortfall else (),
        balances=FrozenMap({party: _yuan(fen) for party, fen in left.items()}),
        rules=tuple(rules),
    )
