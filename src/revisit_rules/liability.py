"""Liability: who repairs a defect, who pays, from which fund, and who recovers from whom (LIA).

A defect found under a project's warranty is allocated by its cause (the LIA table of
decisions § 6, taken from the company rule S002 § 2.2 工程维修责任划分原则):

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
:func:`~revisit_rules.settle` then takes the charges against the retentions and provisions
still held: what the fund cannot cover goes to project cost after the approval chain of S002.
The values this module reads and returns are defined in ``liability_values``, the money
arithmetic in ``money``, the settlement in ``settlement``; all are importable from here.

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

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from revisit_rules._check import FrozenMap, check_date, flag, member_names
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.liability_values import (
    _GC,
    _OWNER,
    CONTRACTOR_DID_NOT_REPAIR,
    CONTRACTOR_MAY_ASSIST,
    DEFAULT_GENERAL_CONTRACTOR,
    EMERGENCY,
    EXCLUDED_FROM_WARRANTY,
    PM_LATE,
    PROVISIONAL_LAST_DAY,
    SUBCONTRACTOR_DID_NOT_REPAIR,
    WARRANTY_EXPIRED,
    Allocation,
    Cause,
    Charge,
    Fund,
    Party,
    PmArrivals,
    Procurement,
    Role,
    _Draft,
    _enum_check,
    _Row,
    _with_ledger,
    split_amount,
)
from revisit_rules.money import _cents, _fen, _money, _shares, _yuan
from revisit_rules.policy import PmLateScope, policy_or_default
from revisit_rules.settlement import APPROVAL_CHAIN, Approval, Settlement, SettlementLine, settle
from revisit_rules.warranty import Category, Project, warranty_expiry

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from revisit_rules.policy import Policy

# The values, the money and the settlement were defined here until issue 13: they are
# still exported from here, as before.
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


# --- the LIA table ----------------------------------------------------------------------


#: The LIA table (decisions § 6): (cause, who procured the material) -> row: its rule, who
#: repairs, who is liable (the roles ``Defect.shares`` may name, each with its fund) and who
#: stands for them when no shares are given, who pays instead of them and recovers from
#: them. The sources named per row are quoted in ``ruledata/lia.py``.
_TABLE: Final[Mapping[tuple[Cause, Procurement | None], _Row]] = FrozenMap(
    {
        # S002 § 2.2, MEAS 13, REG 41: the builders at fault repair and pay, each from its
        # own fund; the general contractor when the shares name nobody (LIA-GC).
        # Which of LIA-SUB, LIA-GC, LIA-JOINT, LIA-MULTI-SUB applies: _WORKMANSHIP_RULE.
        (Cause.WORKMANSHIP, None): _Row(
            "LIA-JOINT",
            _GC,
            liable={
                Role.GENERAL_CONTRACTOR: Fund.CONTRACTOR_PROVISION,
                Role.SUBCONTRACTOR: Fund.SUB_RETENTION,
            },
            default=_GC,
        ),
        # S002 § 2.2 属于公司自行采购的,由公司承担经济责任: from the project's provision; the
        # contractor recovers from its supplier's retention (S002 § 2.3 供应商保修结算单).
        (Cause.MATERIAL, Procurement.CONTRACTOR): _Row(
            "LIA-MATERIAL",
            _GC,
            liable={Role.SUPPLIER: Fund.SUB_RETENTION},
            default=Party(Role.SUPPLIER),
            payer=(_GC, Fund.CONTRACTOR_PROVISION),
            creditor=_GC,
        ),
        # S002 § 2.2 属于设计单位和建设单位采购的由设计单位和建设单位承担经济责任: the
        # designer pays; the contractor repairs, as for all materials.
        (Cause.MATERIAL, Procurement.DESIGNER): _Row(
            "LIA-MATERIAL", _GC, liable={Role.DESIGNER: Fund.DESIGNER}, default=Party(Role.DESIGNER)
        ),
        # The same sentence, 建设单位采购: the owner pays; the contractor still repairs.
        (Cause.MATERIAL, Procurement.OWNER): _Row("LIA-MATERIAL", _GC, payer=(_OWNER, Fund.OWNER)),
        # S002 § 2.2 属于业主指定采购的由业主承担经济责任.
        (Cause.MATERIAL, Procurement.OWNER_DESIGNATED): _Row(
            "LIA-MATERIAL", _GC, payer=(_OWNER, Fund.OWNER)
        ),
        # MEAS 13, 14, RET 9, S001 第五条(一)2: the owner organises the repair and bears it
        # towards the contractor; it recovers from the designer.
        (Cause.DESIGN, None): _Row(
            "LIA-DESIGN",
            _OWNER,
            liable={Role.DESIGNER: Fund.DESIGNER},
            default=Party(Role.DESIGNER),
            payer=(_OWNER, Fund.OWNER),
            creditor=_OWNER,
        ),
        # S002 § 2.2 因使用不当造成的质量缺陷由使用者负责…公司应尽力协助解决; MEAS, S000 exclusions.
        (Cause.MISUSE, None): _Row(
            "LIA-MISUSE",
            None,
            liable={Role.USER: Fund.USER},
            default=Party(Role.USER),
            findings=(CONTRACTOR_MAY_ASSIST,),
        ),
        # MEAS, S000 exclusions; RET 9: the third party pays.
        (Cause.THIRD_PARTY, None): _Row(
            "LIA-THIRD",
            None,
            liable={Role.THIRD_PARTY: Fund.THIRD_PARTY},
            default=Party(Role.THIRD_PARTY),
        ),
        # S002 § 2.2 不可抗拒力造成的质量问题,公司不承担经济责任; MEAS, S000 exclusions: the
        # owner bears its own loss.
        (Cause.FORCE_MAJEURE, None): _Row("LIA-FORCE", None, payer=(_OWNER, Fund.OWNER)),
        # S003 质量保修措施 2 (甲方分包工程及甲供设备除外), MEAS 13: the owner bears it and recovers
        # from its own contractors and suppliers, where it names them (no default).
        (Cause.OWNER_WORK, None): _Row(
            "LIA-OWNER-WORK",
            None,
            liable=dict.fromkeys(
                (Role.SUBCONTRACTOR, Role.SUPPLIER, Role.THIRD_PARTY), Fund.THIRD_PARTY
            ),
            payer=(_OWNER, Fund.OWNER),
            creditor=_OWNER,
        ),
    }
)

#: S002 § 2.2: the workmanship row by (several builders?, the general contractor among them?).
_WORKMANSHIP_RULE: Final[Mapping[tuple[bool, bool], str]] = FrozenMap(
    {
        (False, False): "LIA-SUB",  # one subcontractor
        (False, True): "LIA-GC",  # the general contractor alone
        (True, True): "LIA-JOINT",  # the general contractor and subcontractors
        (True, False): "LIA-MULTI-SUB",  # several subcontractors
    }
)


def _defect_shares(value: object) -> FrozenMap[Party, Fraction] | None:
    return None if value is None else _shares("Defect.shares", value, key=Party)


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
        notice_id: the id of the ledger's NOTICE event for this defect, so that
            ``allocate_liability(..., ledger=)`` reads the project manager's arrival from
            the ledger (LED-CONSEQUENCE) instead of ``pm_arrived_in_time``.

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
    notice_id: str | None = attrs.field(default=None, kw_only=True)

    @notice_id.validator
    def _check_notice_id(self, _attribute: object, value: object) -> None:
        if value is None:
            return
        if not isinstance(value, str) or not value.strip():
            error = InvalidInputError if isinstance(value, str) else InvalidTypeError
            raise error(
                "Defect.notice_id", value, "the id of the notice's event, or None", rule="LIA-PM"
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
        if self.shares is not None:
            row = _TABLE[self.cause, self.procured_by]
            row.check_shares(self.shares, self.cause, self.procured_by)
        if self.reassignment_cost and self.pm_arrived_in_time:
            raise InvalidInputError(
                "Defect.reassignment_cost",
                self.reassignment_cost,
                "0 when the project manager arrived in time: another team is assigned only "
                "when the manager was late (pm_arrived_in_time=False)",
                rule="LIA-PM",
            )


# --- allocation -------------------------------------------------------------------------


def _split(
    cost: Decimal,
    shares: Mapping[Party, Fraction],
    funds: Mapping[Role, Fund],
    rule: str,
    trace: list[str],
    *,
    creditor: Party | None = None,
) -> tuple[Charge, ...]:
    """Charges by shares, each from the fund of its party's role; LIA-MONEY if split.

    With ``creditor``, recourse entries that ``creditor`` recovers.
    """
    if len(shares) == 1:
        (party,) = shares
        return (Charge(party, _cents(cost), funds[party.role], (rule,), creditor),)
    trace.append("LIA-MONEY")
    parts = split_amount(cost, shares)
    return tuple(
        Charge(p, amount, funds[p.role], (rule, "LIA-MONEY"), creditor)
        for p, amount in parts.items()
    )


def _charge(row: _Row, defect: Defect, draft: _Draft, rule: str) -> None:
    """The charges and the recourse of ``row`` for ``defect``, traced to ``rule``."""
    liable, trace = row.parties(defect.shares), list[str]()
    if row.payer is None:
        draft.charges = _split(defect.cost, liable, row.liable, rule, trace)
    else:
        payer, fund = row.payer
        draft.charges = _split(defect.cost, {payer: Fraction(1)}, {payer.role: fund}, rule, trace)
        if liable:
            draft.recourse = _split(
                defect.cost, liable, row.liable, rule, trace, creditor=row.creditor
            )
    draft.rule(*trace)


def _by_row(defect: Defect, draft: _Draft) -> str:
    """The defect's row of the table as it stands (every cause but WORKMANSHIP); its rule."""
    row = _TABLE[defect.cause, defect.procured_by]
    draft.rule(row.rule)
    draft.findings += row.findings
    draft.repairer = row.repairer
    _charge(row, defect, draft, row.rule)
    return row.rule


def _workmanship(defect: Defect, draft: _Draft) -> str:
    """LIA-SUB, LIA-GC, LIA-JOINT, LIA-MULTI-SUB by the shares; returns the rule applied."""
    row = _TABLE[Cause.WORKMANSHIP, None]
    if defect.shares is None:
        draft.findings.append(DEFAULT_GENERAL_CONTRACTOR)
    builders = list(row.parties(defect.shares))
    gc = next((p for p in builders if p.role is Role.GENERAL_CONTRACTOR), None)
    rule = _WORKMANSHIP_RULE[len(builders) > 1, gc is not None]
    draft.rule(rule)
    _charge(row, defect, draft, rule)
    # The named general contractor of the shares repairs (or organises) where there is one.
    draft.repairer = builders[0] if rule == "LIA-SUB" else (gc or row.repairer)
    return rule


def _did_not_repair(rule: str, draft: _Draft) -> None:
    """LIA-SUB-DEFAULT: the party that was to repair did not (or below standard)."""
    draft.rule("LIA-SUB-DEFAULT")
    if rule == "LIA-SUB":
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
    rule = (
        _workmanship(defect, draft) if defect.cause is Cause.WORKMANSHIP else _by_row(defect, draft)
    )
    if not defect.repaired_by_responsible:
        _did_not_repair(rule, draft)
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
    project: Project,
    defect: Defect,
    *,
    policy: Policy | None = None,
    ledger: PmArrivals | None = None,
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
        ledger: a :class:`~revisit_rules.Ledger`: the project manager's timeliness is
            read from it, through ``defect.notice_id`` (LED-CONSEQUENCE).

    Raises:
        InvalidInputError: a category the project lacks; a defect found before acceptance;
            with a ledger, a defect without ``notice_id``, a notice the ledger lacks, or
            ``pm_arrived_in_time=False`` where the ledger says the manager was in time;
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
    if ledger is not None:
        defect = _with_ledger(defect, ledger)
    draft = _Draft()
    if defect.cause.excluded:
        draft.findings.append(EXCLUDED_FROM_WARRANTY)
        _by_row(defect, draft)
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
