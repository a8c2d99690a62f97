"""Liability values: the parties, funds, charges and allocations of the LIA table.

The values :func:`~revisit_rules.allocate_liability` reads and returns, and that
:func:`~revisit_rules.settle` takes against the funds: who a party is (``Role``, ``Party``),
what caused a defect (``Cause``, ``Procurement``), where money comes from (``Fund``), a sum
one party pays (``Charge``) and the whole answer (``Allocation``, with the named findings
below). The table itself, and the :class:`~revisit_rules.Defect` it is read for, are in
``revisit_rules.liability``, which exports these names too; the type of its rows is here.

Sources: 房屋建筑工程质量保修办法 Art. 9, 12–14; seeds S001, S002 § 2.2 (decisions § 6).

>>> from decimal import Decimal
>>> charge = Charge(
...     Party(Role.SUBCONTRACTOR, "防水分包"), Decimal("800.00"), Fund.SUB_RETENTION, ("LIA-SUB",)
... )
>>> print(charge.payer, charge.amount, charge.fund.zh)
SUBCONTRACTOR 防水分包 800.00 分包商/供应商预留保修金
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, Protocol, runtime_checkable

import attrs

from revisit_rules._check import CODES, RULE_IDS, FrozenMap, check_member, flag, instance, tuple_of
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.money import Share, _fen, _money, _yuan, split_by_shares

if TYPE_CHECKING:
    from collections.abc import Mapping
    from decimal import Decimal

    from revisit_rules.liability import Defect

__all__ = [
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
    "Cause",
    "Charge",
    "Fund",
    "Party",
    "PmArrivals",
    "Procurement",
    "Role",
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

    Raises:
        InvalidTypeError: a key that is not a :class:`Party`, a float, a non-Decimal total.
        InvalidInputError: shares that do not sum to 1, a negative share or amount.

    >>> from decimal import Decimal
    >>> from fractions import Fraction
    >>> import revisit_rules as rr
    >>> a, b, c = (rr.Party(rr.Role.SUBCONTRACTOR, n) for n in "ABC")
    >>> third = Fraction(1, 3)
    >>> list(split_amount(Decimal("100.00"), {a: third, b: third, c: third}).values())
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    """
    return split_by_shares(total, shares, key=Party)


_GC: Final = Party(Role.GENERAL_CONTRACTOR)
_OWNER: Final = Party(Role.OWNER)


def _party(field: str, value: object) -> Party:
    if not isinstance(value, Party):
        raise InvalidTypeError(field, value, "a revisit_rules.Party", rule="LIA-TRACE")
    return value


def _rules(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError("Charge.rules", value, "a tuple of rule IDs", rule="LIA-TRACE")
    out = tuple(value)
    if not out or not all(isinstance(r, str) for r in out):
        raise InvalidInputError(
            "Charge.rules", value, "a non-empty tuple of rule IDs", rule="LIA-TRACE"
        )
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

    covered: bool = attrs.field(validator=flag("Allocation.covered", rule="LIA-TRACE"))
    repairer: Party | None = attrs.field(
        validator=instance("Allocation.repairer", Party, rule="LIA-TRACE", optional=True)
    )
    charges: tuple[Charge, ...] = attrs.field(
        validator=tuple_of("Allocation.charges", Charge, rule="LIA-TRACE")
    )
    recourse: tuple[Charge, ...] = attrs.field(
        validator=tuple_of("Allocation.recourse", Charge, rule="LIA-TRACE")
    )
    findings: tuple[str, ...] = attrs.field(
        validator=tuple_of("Allocation.findings", str, rule="LIA-TRACE", what=CODES)
    )
    rules: tuple[str, ...] = attrs.field(
        validator=tuple_of("Allocation.rules", str, rule="LIA-TRACE", what=RULE_IDS)
    )

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


@attrs.define
class _Draft:
    """An allocation being built: mutable inside :func:`~revisit_rules.allocate_liability` only."""

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


def _funds(value: Mapping[Role, Fund]) -> FrozenMap[Role, Fund]:
    return FrozenMap(value)


@attrs.frozen
class _Row:
    """A row of the LIA table (``liability._TABLE``): who repairs, pays, recovers from whom.

    Attributes:
        rule: the row's rule; errors about the defect's shares name it.
        repairer: who repairs or organises the repair; None where nobody on the
            contractor's side must.
        liable: the parties ``Defect.shares`` may name, by role, each with the fund its part
            comes from (empty: the shares must be None).
        default: who stands for the liable parties when the shares are None (None: nobody).
        payer: who pays the whole cost and from which fund, then recovers it from the
            liable parties (recourse); None: the liable parties pay it themselves.
        creditor: who recovers from the liable parties (the payer, MEAS 14).
        findings: what an allocation by this row reports.
    """

    rule: str
    repairer: Party | None
    liable: Mapping[Role, Fund] = attrs.field(default=FrozenMap(), converter=_funds)
    default: Party | None = None
    payer: tuple[Party, Fund] | None = None
    creditor: Party | None = None
    findings: tuple[str, ...] = ()

    def parties(self, shares: Mapping[Party, Fraction] | None) -> Mapping[Party, Fraction]:
        """The liable parties: ``shares``, else the row's default, else nobody."""
        if shares is not None:
            return shares
        return FrozenMap({self.default: Fraction(1)} if self.default else {})

    def check_shares(
        self, shares: Mapping[Party, Fraction], cause: Cause, procured_by: Procurement | None
    ) -> None:
        """Refuse shares naming a party this row does not admit (see ``Defect.shares``)."""
        if not self.liable:
            why = f"procured_by {procured_by.name}" if procured_by else "this cause"
            raise InvalidInputError(
                "Defect.shares",
                dict(shares),
                f"None: for cause {cause.name} ({why}) the payer is fixed by the rule",
                rule=self.rule,
            )
        for party in shares:
            if party.role not in self.liable:
                roles = ", ".join(sorted(f"Role.{r.name}" for r in self.liable))
                raise InvalidInputError(
                    "Defect.shares",
                    party,
                    f"parties of role {roles} for cause {cause.name}",
                    rule=self.rule,
                )
        gcs = [p for p in shares if p.role is Role.GENERAL_CONTRACTOR]
        if len(gcs) > 1:
            raise InvalidInputError(
                "Defect.shares", gcs, "at most one general contractor", rule="LIA-JOINT"
            )


# --- what the liability rules read of a ledger --------------------------------------------


@runtime_checkable
class PmArrivals(Protocol):
    """What :func:`allocate_liability` reads from a ledger: the project manager's arrival.

    :class:`~revisit_rules.Ledger` is one: ``pm_arrived_in_time(notice_id)`` says whether
    the manager reached the site in time for that notice (SLA-PM-ARRIVE), ``None`` where
    the ledger has no such notice. The liability rules know the ledger only so.
    """

    def pm_arrived_in_time(self, notice_id: str) -> bool | None:
        """Whether the project manager was on site in time for ``notice_id``; None: unknown."""
        ...


def _with_ledger(defect: Defect, ledger: object) -> Defect:
    """``defect`` with the project manager's timeliness the ledger records (LED-CONSEQUENCE)."""
    if not isinstance(ledger, PmArrivals):
        raise InvalidTypeError(
            "ledger", ledger, "a revisit_rules.Ledger (or None)", rule="LED-CONSEQUENCE"
        )
    if defect.notice_id is None:
        raise InvalidInputError(
            "defect.notice_id",
            None,
            "the id of the notice's event, to read the project manager's arrival from the ledger",
            rule="LED-CONSEQUENCE",
        )
    in_time = ledger.pm_arrived_in_time(defect.notice_id)
    if in_time is None:
        raise InvalidInputError(
            "defect.notice_id",
            defect.notice_id,
            "the id of a notice of the ledger (one with an SLA-PM-ARRIVE obligation)",
            rule="LED-CONSEQUENCE",
        )
    if in_time and not defect.pm_arrived_in_time:
        raise InvalidInputError(
            "defect.pm_arrived_in_time",
            defect.pm_arrived_in_time,
            f"True, as the ledger records for notice {defect.notice_id}: the manager was on "
            "site in time (with a ledger, leave the flag at its default)",
            rule="LED-CONSEQUENCE",
        )
    return defect if in_time else attrs.evolve(defect, pm_arrived_in_time=False)
