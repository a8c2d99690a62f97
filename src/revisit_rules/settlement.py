"""Settlement: charges taken against the retentions and provisions still held (LIA-SUB-DEFAULT).

An allocation says who pays from which fund; :func:`~revisit_rules.settle` takes those
charges against what is left of each subcontractor's retention and of the project's warranty
provision. What a fund cannot cover is a shortfall: the engineering department, contracts
and procurement and the deputy general manager review it, the general manager approves it,
and it is charged to project cost (:data:`~revisit_rules.APPROVAL_CHAIN`).

Sources: seed S002 § 2.2 ("不足部分由工程部门、合约与采购部、主管副总审核,公司总经理审批,
并计入项目成本"); 建设工程质量保证金管理办法 Art. 9; decisions § 6 LIA-SUB-DEFAULT.

>>> from decimal import Decimal
>>> import revisit_rules as rr
>>> sub = rr.Party(rr.Role.SUBCONTRACTOR, "防水分包")
>>> leak = rr.Charge(sub, Decimal("1200.00"), rr.Fund.SUB_RETENTION, ("LIA-SUB",))
>>> s = rr.settle([leak], {sub: Decimal("1000.00")})
>>> s.project_cost, s.needs_approval, s.balances[sub]
(Decimal('200.00'), True, Decimal('0.00'))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from revisit_rules._check import (
    RULE_IDS,
    FrozenMap,
    check_int,
    check_str,
    instance,
    text,
    tuple_of,
)
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.liability_values import _GC, Allocation, Charge, Fund, Party
from revisit_rules.money import _fen, _money, _yuan

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["APPROVAL_CHAIN", "Approval", "Settlement", "SettlementLine", "settle"]

#: The rule of the settlement's values: the shortfall and its approval (S002 § 2.2).
_RULE: Final = "LIA-SUB-DEFAULT"
_ACTIONS: Final = frozenset({"review", "approve"})


@attrs.frozen
class Approval:
    """One step of the approval a shortfall needs before it is charged to project cost.

    Attributes:
        step: its place in the chain, from 1.
        office_zh: the office that takes it, in Chinese.
        office_en: the office, in English.
        action: ``"review"`` or ``"approve"``.
    """

    step: int = attrs.field(
        validator=lambda _i, _a, v: check_int("Approval.step", v, minimum=1, rule=_RULE)
    )
    office_zh: str = attrs.field(validator=text("Approval.office_zh", rule=_RULE, nonempty=True))
    office_en: str = attrs.field(validator=text("Approval.office_en", rule=_RULE, nonempty=True))
    action: str = attrs.field(validator=lambda _i, _a, v: _action(v))


def _action(value: object) -> None:
    if check_str("Approval.action", value, rule=_RULE) not in _ACTIONS:
        raise InvalidInputError("Approval.action", value, "'review' or 'approve'", rule=_RULE)


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

    charge: Charge = attrs.field(validator=instance("SettlementLine.charge", Charge, rule=_RULE))
    deducted: Decimal = attrs.field(
        validator=lambda _i, _a, v: _money("SettlementLine.deducted", v)
    )
    shortfall: Decimal = attrs.field(
        validator=lambda _i, _a, v: _money("SettlementLine.shortfall", v)
    )


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

    lines: tuple[SettlementLine, ...] = attrs.field(
        validator=tuple_of("Settlement.lines", SettlementLine, rule=_RULE)
    )
    external: tuple[Charge, ...] = attrs.field(
        validator=tuple_of("Settlement.external", Charge, rule=_RULE)
    )
    project_cost: Decimal = attrs.field(
        validator=lambda _i, _a, v: _money("Settlement.project_cost", v, rule=_RULE)
    )
    approval: tuple[Approval, ...] = attrs.field(
        validator=tuple_of("Settlement.approval", Approval, rule=_RULE)
    )
    balances: Mapping[Party, Decimal] = attrs.field(
        validator=lambda _i, _a, v: _balances_of(v, field="Settlement.balances")
    )
    rules: tuple[str, ...] = attrs.field(
        validator=tuple_of("Settlement.rules", str, rule=_RULE, what=RULE_IDS)
    )

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


def _balances_of(balances: object, *, field: str = "balances") -> dict[Party, int]:
    """The balances in fen, checked (LIA-MONEY's checks, naming LIA-SUB-DEFAULT)."""
    if not isinstance(balances, Mapping):
        raise InvalidTypeError(field, balances, "a mapping Party -> Decimal", rule=_RULE)
    left: dict[Party, int] = {}
    for party, balance in balances.items():
        if not isinstance(party, Party):
            raise InvalidTypeError(f"{field} key", party, "a revisit_rules.Party", rule=_RULE)
        left[party] = _fen(_money(f"{field}[{party}]", balance, rule=_RULE))
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
    >>> import revisit_rules as rr
    >>> sub = rr.Party(rr.Role.SUBCONTRACTOR, "X")
    >>> s = settle(
    ...     [rr.Charge(sub, Decimal("800.00"), rr.Fund.SUB_RETENTION, ("LIA-SUB",))],
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
