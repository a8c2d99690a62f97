"""Liability allocation, money splits and settlement (LIA, decisions § 6)."""

import contextlib
import datetime as dt
import decimal
import itertools
import math
import pickle
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import revisit_rules as rr
from revisit_rules import liability
from revisit_rules.liability import (
    APPROVAL_CHAIN,
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
    Defect,
    Fund,
    Party,
    Procurement,
    Role,
    allocate_liability,
    settle,
    split_amount,
)

from . import strategies as sts

C = rr.Category
D = dt.date
M = Decimal
GC = Party(Role.GENERAL_CONTRACTOR)
OWNER = Party(Role.OWNER)
PM = Party(Role.PROJECT_MANAGER)
SUB_A = Party(Role.SUBCONTRACTOR, "防水分包")
SUB_B = Party(Role.SUBCONTRACTOR, "机电分包")
#: 2024-06-28 + 2 years = 2026-06-28, a Sunday -> DECORATION and EQUIPMENT end 2026-06-29.
ACCEPTED = D(2024, 6, 28)
LAST_DAY = D(2026, 6, 29)
FOUND = D(2025, 5, 6)
COST = M("1000.00")
#: The rules of the DECORATION warranty that every covered allocation starts with.
DECORATION_RULES = ("WTY-START", "WTY-DECORATION", "CAL-PERIOD", "CAL-CN", "WTY-MIN")


def project(categories=(C.DECORATION, C.EQUIPMENT_INSTALLATION, C.WATERPROOFING)):
    """A Beijing project accepted on 2024-06-28."""
    return rr.Project("P-LIA", ACCEPTED, "beijing", set(categories))


def defect(cause=Cause.WORKMANSHIP, cost=COST, found_on=FOUND, category=C.DECORATION, **kw):
    """A defect with sensible defaults for the tests."""
    return Defect(category, found_on, cause, cost, **kw)


def allocate(**kw):
    """Allocate a default defect (keywords go to :func:`defect`) on the default project."""
    return allocate_liability(project(), defect(**kw))


def summary(allocation):
    """The charges (or recourse) as (payer, amount, fund) triples."""
    return [(c.payer, c.amount, c.fund) for c in allocation]


# --- enums and value classes ------------------------------------------------------------


@pytest.mark.parametrize("kind", [Role, Cause, Procurement, Fund])
def test_enums_have_chinese_labels(kind):
    """Every member of the LIA enums has a non-empty Chinese label."""
    assert [] == [m for m in kind if not m.zh]


def test_party_is_a_hashable_value():
    """Parties with the same role and name are equal and hash alike; str and zh read well."""
    assert Party(Role.SUBCONTRACTOR, "防水分包") == SUB_A
    assert 1 == len({SUB_A, Party(Role.SUBCONTRACTOR, "防水分包")})
    assert "SUBCONTRACTOR 防水分包" == str(SUB_A)
    assert "GENERAL_CONTRACTOR" == str(GC)
    assert "工程分包或专业分包「防水分包」" == SUB_A.zh
    assert "总包单位" == GC.zh


def test_excluded_causes():
    """Exactly the causes outside the contractor's warranty are marked excluded."""
    expected = {Cause.DESIGN, Cause.MISUSE, Cause.THIRD_PARTY, Cause.FORCE_MAJEURE}
    expected.add(Cause.OWNER_WORK)

    assert expected == {c for c in Cause if c.excluded}


def test_defect_converts_shares_to_fractions():
    """Shares given as Decimal or int are kept exactly as Fractions, in the order given."""
    d = defect(shares={SUB_A: M("0.25"), GC: Fraction(3, 4)})

    assert [SUB_A, GC] == list(d.shares)
    assert Fraction(1, 4) == d.shares[SUB_A]
    assert defect(shares={SUB_A: 1}) == defect(shares={SUB_A: Fraction(1)})


def test_values_pickle():
    """Defects, allocations and settlements survive pickling."""
    d = defect(shares={SUB_A: Fraction(1, 2), SUB_B: Fraction(1, 2)})
    allocation = allocate_liability(project(), d)
    settlement = settle(allocation, {SUB_A: M(1000), SUB_B: M(100)})

    assert d == pickle.loads(pickle.dumps(d))
    assert allocation == pickle.loads(pickle.dumps(allocation))
    assert settlement == pickle.loads(pickle.dumps(settlement))


# --- every row of the LIA table ----------------------------------------------------------


def test_the_table_has_a_row_for_every_defect_the_procedure_can_get():
    """The LIA table has a row for each (cause, procured_by) a Defect admits, and no other.

    Every row's rule, and each workmanship rule chosen by the shares, is in RULES. A row's
    default party is one of its liable roles; where the liable parties pay, it has one; a
    row whose payer recovers from liable parties names the payer as creditor.
    """
    reachable = set()
    for cause, procured_by in itertools.product(Cause, (None, *Procurement)):
        with contextlib.suppress(rr.InvalidInputError):
            reachable.add((defect(cause, procured_by=procured_by).cause, procured_by))
    rows = liability._TABLE.values()

    assert reachable == set(liability._TABLE)
    assert [] == [r.rule for r in rows if r.rule not in rr.RULES]
    assert [] == [r for r in liability._WORKMANSHIP_RULE.values() if r not in rr.RULES]
    assert [] == [r for r in rows if r.default is not None and r.default.role not in r.liable]
    assert [] == [r for r in rows if r.payer is None and r.default is None]
    assert [] == [
        r for r in rows if r.creditor != (r.payer[0] if r.payer is not None and r.liable else None)
    ]


def test_lia_sub():
    """LIA-SUB: one subcontractor repairs and pays from its retention."""
    a = allocate(shares={SUB_A: 1})

    assert a.covered is True
    assert SUB_A == a.repairer
    assert [(SUB_A, COST, Fund.SUB_RETENTION)] == summary(a.charges)
    assert () == a.recourse
    assert () == a.findings
    assert (*DECORATION_RULES, "LIA-SUB") == a.rules
    assert ("LIA-SUB",) == a.charges[0].rules


def test_lia_sub_default():
    """LIA-SUB-DEFAULT: the subcontractor does not repair; the GC arranges another team."""
    a = allocate(shares={SUB_A: 1}, repaired_by_responsible=False)

    assert GC == a.repairer
    assert [(SUB_A, COST, Fund.SUB_RETENTION)] == summary(a.charges)
    assert (SUBCONTRACTOR_DID_NOT_REPAIR,) == a.findings
    assert (*DECORATION_RULES, "LIA-SUB", "LIA-SUB-DEFAULT") == a.rules
    assert ("LIA-SUB", "LIA-SUB-DEFAULT") == a.charges[0].rules


def test_lia_sub_default_shortfall_needs_approval():
    """LIA-SUB-DEFAULT: retention first; the shortfall goes to project cost after approval."""
    a = allocate(shares={SUB_A: 1}, repaired_by_responsible=False)
    s = settle(a, {SUB_A: M("600.00")})

    assert M("600.00") == s.lines[0].deducted
    assert M("400.00") == s.lines[0].shortfall
    assert M("400.00") == s.project_cost
    assert APPROVAL_CHAIN == s.approval
    assert s.needs_approval is True
    assert {SUB_A: M("0.00")} == dict(s.balances)
    assert [(GC, M("400.00"), Fund.PROJECT_COST)] == summary(s.shortfall_charges)
    assert "LIA-SUB-DEFAULT" == s.rules[-1]


def test_approval_chain_order():
    """S002: engineering, contracts & procurement, deputy GM review; the GM approves."""
    assert ["工程部门", "合约与采购部", "主管副总", "公司总经理"] == [
        step.office_zh for step in APPROVAL_CHAIN
    ]
    assert ["review", "review", "review", "approve"] == [step.action for step in APPROVAL_CHAIN]
    assert [1, 2, 3, 4] == [step.step for step in APPROVAL_CHAIN]


def test_lia_joint():
    """LIA-JOINT: the GC organises; split by shares, each from its own fund."""
    a = allocate(shares={GC: Fraction(1, 3), SUB_A: Fraction(2, 3)})

    assert GC == a.repairer
    assert [
        (GC, M("333.33"), Fund.CONTRACTOR_PROVISION),
        (SUB_A, M("666.67"), Fund.SUB_RETENTION),
    ] == summary(a.charges)
    assert (*DECORATION_RULES, "LIA-JOINT", "LIA-MONEY") == a.rules
    assert ("LIA-JOINT", "LIA-MONEY") == a.charges[0].rules


def test_lia_joint_named_general_contractor_repairs():
    """LIA-JOINT: a general contractor named in the shares is the one that organises."""
    named = Party(Role.GENERAL_CONTRACTOR, "中建某局")
    a = allocate(shares={named: Fraction(1, 2), SUB_A: Fraction(1, 2)})

    assert named == a.repairer


def test_lia_multi_sub():
    """LIA-MULTI-SUB: several subcontractors; the GC organises; each from its retention."""
    a = allocate(shares={SUB_A: M("0.6"), SUB_B: M("0.4")})

    assert GC == a.repairer
    assert [
        (SUB_A, M("600.00"), Fund.SUB_RETENTION),
        (SUB_B, M("400.00"), Fund.SUB_RETENTION),
    ] == summary(a.charges)
    assert (*DECORATION_RULES, "LIA-MULTI-SUB", "LIA-MONEY") == a.rules


def test_lia_gc_named():
    """LIA-GC: the general contractor's own work, from the project's provision."""
    a = allocate(shares={GC: 1})

    assert GC == a.repairer
    assert [(GC, COST, Fund.CONTRACTOR_PROVISION)] == summary(a.charges)
    assert () == a.findings
    assert (*DECORATION_RULES, "LIA-GC") == a.rules


def test_lia_gc_is_the_default():
    """Without shares a workmanship defect is the general contractor's (decision)."""
    a = allocate()

    assert GC == a.repairer
    assert [(GC, COST, Fund.CONTRACTOR_PROVISION)] == summary(a.charges)
    assert (DEFAULT_GENERAL_CONTRACTOR,) == a.findings
    assert (*DECORATION_RULES, "LIA-GC") == a.rules


def test_lia_gc_does_not_repair():
    """MEAS 12: the GC does not repair; the owner has another unit repair; the GC still pays."""
    a = allocate(shares={GC: 1}, repaired_by_responsible=False)

    assert OWNER == a.repairer
    assert [(GC, COST, Fund.CONTRACTOR_PROVISION)] == summary(a.charges)
    assert (CONTRACTOR_DID_NOT_REPAIR,) == a.findings
    assert (*DECORATION_RULES, "LIA-GC", "LIA-SUB-DEFAULT") == a.rules


def test_gc_provision_shortfall():
    """LIA-GC: a shortfall of the provision needs the approval chain too."""
    s = settle(allocate(), {GC: M("250.50")})

    assert M("749.50") == s.project_cost
    assert APPROVAL_CHAIN == s.approval


@pytest.mark.parametrize(
    ("procured_by", "payer", "fund"),
    [
        (Procurement.CONTRACTOR, GC, Fund.CONTRACTOR_PROVISION),
        (Procurement.OWNER, OWNER, Fund.OWNER),
        (Procurement.OWNER_DESIGNATED, OWNER, Fund.OWNER),
        (Procurement.DESIGNER, Party(Role.DESIGNER), Fund.DESIGNER),
    ],
)
def test_lia_material(procured_by, payer, fund):
    """LIA-MATERIAL: the GC repairs within the warranty; who procured pays."""
    a = allocate(cause=Cause.MATERIAL, procured_by=procured_by)

    assert a.covered is True
    assert GC == a.repairer
    assert [(payer, COST, fund)] == summary(a.charges)
    assert (*DECORATION_RULES, "LIA-MATERIAL") == a.rules


def test_lia_material_recourse_against_supplier():
    """Contractor-procured material: recourse against the supplier, apart from the charges."""
    a = allocate(cause=Cause.MATERIAL, procured_by=Procurement.CONTRACTOR)

    assert [(Party(Role.SUPPLIER), COST, Fund.SUB_RETENTION)] == summary(a.recourse)


def test_lia_material_named_suppliers_split():
    """Named suppliers share the recourse by their shares (LIA-MONEY)."""
    s1, s2 = Party(Role.SUPPLIER, "钢材"), Party(Role.SUPPLIER, "防水卷材")
    a = allocate(
        cause=Cause.MATERIAL,
        procured_by=Procurement.CONTRACTOR,
        shares={s1: Fraction(1, 3), s2: Fraction(2, 3)},
    )

    assert [(GC, COST, Fund.CONTRACTOR_PROVISION)] == summary(a.charges)
    assert [(s1, M("333.33"), Fund.SUB_RETENTION), (s2, M("666.67"), Fund.SUB_RETENTION)] == (
        summary(a.recourse)
    )
    assert "LIA-MONEY" in a.rules


def test_lia_design():
    """LIA-DESIGN: not the contractor's; the owner organises and pays, recourse to designer."""
    designer = Party(Role.DESIGNER, "设计院")
    a = allocate(cause=Cause.DESIGN, shares={designer: 1})

    assert a.covered is False
    assert OWNER == a.repairer
    assert [(OWNER, COST, Fund.OWNER)] == summary(a.charges)
    assert [(designer, COST, Fund.DESIGNER)] == summary(a.recourse)
    assert (EXCLUDED_FROM_WARRANTY,) == a.findings
    assert ("LIA-DESIGN",) == a.rules


def test_lia_design_default_designer():
    """Without shares the owner's recourse is against an unnamed designer."""
    a = allocate(cause=Cause.DESIGN)

    assert [(Party(Role.DESIGNER), COST, Fund.DESIGNER)] == summary(a.recourse)


def test_lia_misuse():
    """LIA-MISUSE: the user pays; the contractor may help."""
    a = allocate(cause=Cause.MISUSE)

    assert a.covered is False
    assert a.repairer is None
    assert [(Party(Role.USER), COST, Fund.USER)] == summary(a.charges)
    assert (EXCLUDED_FROM_WARRANTY, CONTRACTOR_MAY_ASSIST) == a.findings
    assert ("LIA-MISUSE",) == a.rules


def test_lia_third():
    """LIA-THIRD: the third party pays; excluded from the warranty."""
    other = Party(Role.THIRD_PARTY, "燃气公司")
    a = allocate(cause=Cause.THIRD_PARTY, shares={other: 1})

    assert a.covered is False
    assert a.repairer is None
    assert [(other, COST, Fund.THIRD_PARTY)] == summary(a.charges)
    assert (EXCLUDED_FROM_WARRANTY,) == a.findings
    assert ("LIA-THIRD",) == a.rules


def test_lia_force():
    """LIA-FORCE: the contractor is not liable; the owner bears its own loss."""
    a = allocate(cause=Cause.FORCE_MAJEURE)

    assert a.covered is False
    assert a.repairer is None
    assert [(OWNER, COST, Fund.OWNER)] == summary(a.charges)
    assert () == a.recourse
    assert ("LIA-FORCE",) == a.rules


def test_lia_owner_work():
    """LIA-OWNER-WORK: 甲方分包工程/甲供设备 are outside the warranty; the owner pays."""
    a = allocate(cause=Cause.OWNER_WORK)

    assert a.covered is False
    assert [(OWNER, COST, Fund.OWNER)] == summary(a.charges)
    assert () == a.recourse
    assert ("LIA-OWNER-WORK",) == a.rules


def test_lia_owner_work_recourse():
    """The owner's own contractor, when named, is in the recourse, not in the charges."""
    own = Party(Role.SUBCONTRACTOR, "甲方分包电梯")
    a = allocate(cause=Cause.OWNER_WORK, shares={own: 1})

    assert [(OWNER, COST, Fund.OWNER)] == summary(a.charges)
    assert [(own, COST, Fund.THIRD_PARTY)] == summary(a.recourse)


def test_lia_pm():
    """LIA-PM: the PM was late; another team; the contractor's costs go to the PM."""
    a = allocate(pm_arrived_in_time=False)

    assert GC == a.repairer
    assert [(PM, COST, Fund.PROJECT_MANAGER)] == summary(a.charges)
    assert (DEFAULT_GENERAL_CONTRACTOR, PM_LATE) == a.findings
    assert (*DECORATION_RULES, "LIA-GC", "LIA-PM", "SLA-PM-ARRIVE") == a.rules
    assert ("LIA-GC", "LIA-PM") == a.charges[0].rules


ALL_COSTS = rr.Policy(pm_late_scope=rr.PmLateScope.ALL_COSTS)


def test_lia_pm_charges_the_company_part_by_default():
    """LIA-PM, COMPANY_PART: the PM pays the company's own half; the sub's half stands.

    MEAS 13 "保修费用由质量缺陷的责任方承担": S001's "一切费用" is a rule towards the company's
    own manager and cannot move the subcontractor's part. Changed by rule book v2: the PM
    used to be charged the whole cost, the sub's part then recourse.
    """
    a = allocate(shares={GC: Fraction(1, 2), SUB_A: Fraction(1, 2)}, pm_arrived_in_time=False)

    assert [
        (SUB_A, M("500.00"), Fund.SUB_RETENTION),
        (PM, M("500.00"), Fund.PROJECT_MANAGER),
    ] == summary(a.charges)
    assert ("LIA-JOINT", "LIA-MONEY", "LIA-PM") == a.charges[1].rules
    assert () == a.recourse


def test_lia_pm_all_costs_when_asked():
    """LIA-PM, ALL_COSTS (S001 "所发生的一切费用", opt-in): one charge; the sub's part recourse."""
    p = project()
    a = allocate_liability(
        p,
        defect(shares={GC: Fraction(1, 2), SUB_A: Fraction(1, 2)}, pm_arrived_in_time=False),
        policy=ALL_COSTS,
    )

    assert [(PM, COST, Fund.PROJECT_MANAGER)] == summary(a.charges)
    assert ("LIA-JOINT", "LIA-MONEY", "LIA-PM") == a.charges[0].rules
    assert [(SUB_A, M("500.00"), Fund.SUB_RETENTION)] == summary(a.recourse)
    assert PM == a.recourse[0].creditor  # the manager recovers what it paid for the sub
    assert ("LIA-JOINT", "LIA-MONEY", "LIA-PM") == a.recourse[0].rules


def test_lia_pm_after_the_contractor_did_not_repair():
    """LIA-PM with LIA-SUB-DEFAULT one level up: the owner's unit repaired; the PM pays."""
    a = allocate(
        shares={GC: Fraction(1, 2), SUB_A: Fraction(1, 2)},
        repaired_by_responsible=False,
        pm_arrived_in_time=False,
    )

    assert OWNER == a.repairer
    assert (CONTRACTOR_DID_NOT_REPAIR, PM_LATE) == a.findings
    assert [
        (SUB_A, M("500.00"), Fund.SUB_RETENTION),
        (PM, M("500.00"), Fund.PROJECT_MANAGER),
    ] == summary(a.charges)


def test_lia_pm_reassigns_a_subcontractors_repair():
    """LIA-PM on a subcontractor's defect: the company's other team repairs; the sub pays.

    Under COMPANY_PART the manager owes nothing of the sub's part; only the other team's
    extra outlay (reassignment_cost) is the manager's.
    """
    a = allocate(shares={SUB_A: 1}, pm_arrived_in_time=False)

    assert GC == a.repairer
    assert [(SUB_A, COST, Fund.SUB_RETENTION)] == summary(a.charges)
    assert () == a.recourse
    extra = allocate(shares={SUB_A: 1}, pm_arrived_in_time=False, reassignment_cost=M("80.00"))
    assert [
        (SUB_A, COST, Fund.SUB_RETENTION),
        (PM, M("80.00"), Fund.PROJECT_MANAGER),
    ] == summary(extra.charges)
    assert M("1080.00") == extra.total


def test_lia_pm_keeps_the_recourse_against_a_supplier():
    """LIA-PM on contractor-procured material: the PM pays and recovers from the supplier."""
    a = allocate(cause=Cause.MATERIAL, procured_by=Procurement.CONTRACTOR, pm_arrived_in_time=False)

    assert [(PM, COST, Fund.PROJECT_MANAGER)] == summary(a.charges)
    assert [(Role.SUPPLIER, PM)] == [(c.payer.role, c.creditor) for c in a.recourse]
    on_time = allocate(cause=Cause.MATERIAL, procured_by=Procurement.CONTRACTOR)
    assert [GC] == [c.creditor for c in on_time.recourse]


def test_reassignment_cost_only_when_the_manager_was_late():
    """Defect.reassignment_cost: the other team's outlay exists only if the PM was late."""
    with pytest.raises(rr.InvalidInputError) as info:
        defect(reassignment_cost=M("10.00"))
    assert ("Defect.reassignment_cost", "LIA-PM") == (info.value.field, info.value.rule)
    with pytest.raises(rr.InvalidInputError):
        defect(reassignment_cost=M("-1.00"), pm_arrived_in_time=False)
    # On an excluded defect nothing of it is charged: no warranty repair was owed.
    misuse = allocate(cause=Cause.MISUSE, pm_arrived_in_time=False, reassignment_cost=M("10.00"))
    assert COST == misuse.total


def test_pm_account_is_not_settled_against_funds():
    """The PM's account is outside the funds the company holds: passed through."""
    s = settle(allocate(pm_arrived_in_time=False), {})

    assert () == s.lines
    assert [(PM, COST, Fund.PROJECT_MANAGER)] == summary(s.external)
    assert M(0) == s.project_cost
    assert () == s.approval


def test_emergency():
    """An emergency adds its finding and SLA-EMERGENCY (MEAS 9: on site at once)."""
    a = allocate(emergency=True)

    assert EMERGENCY in a.findings
    assert "SLA-EMERGENCY" == a.rules[-1]


def test_flags_on_excluded_causes_move_no_money():
    """An excluded cause: the repair flag changes nothing; PM_LATE and EMERGENCY are recorded.

    MEAS 9: the cause is known only after the site check ("到现场核查情况"), so the manager
    was late all the same, and the emergency came first whatever the cause. No money moves.
    Changed by rule book v2: both flags used to be ignored on excluded causes.
    """
    plain = allocate(cause=Cause.MISUSE)
    flagged = allocate(
        cause=Cause.MISUSE, repaired_by_responsible=False, pm_arrived_in_time=False, emergency=True
    )

    assert (plain.charges, plain.recourse, plain.repairer) == (
        flagged.charges,
        flagged.recourse,
        flagged.repairer,
    )
    assert (*plain.findings, PM_LATE, EMERGENCY) == flagged.findings
    assert (*plain.rules, "LIA-PM", "SLA-PM-ARRIVE", "SLA-EMERGENCY") == flagged.rules
    assert allocate(cause=Cause.MISUSE, repaired_by_responsible=False) == plain


@pytest.mark.parametrize("cause", [Cause.WORKMANSHIP, Cause.MISUSE, Cause.DESIGN])
def test_no_pm_late_after_the_last_day(cause):
    """A notice after the category's last day creates no SLA obligation: no PM_LATE.

    Nor an EMERGENCY, whatever the cause (a review found both on excluded causes).
    """
    after = LAST_DAY + dt.timedelta(days=1)
    late = allocate(found_on=after, cause=cause, pm_arrived_in_time=False, emergency=True)

    assert PM_LATE not in late.findings
    assert EMERGENCY not in late.findings
    assert "LIA-PM" not in late.rules
    on_day = allocate(found_on=LAST_DAY, cause=cause, pm_arrived_in_time=False, emergency=True)
    assert {PM_LATE, EMERGENCY} <= set(on_day.findings)


def test_no_reassignment_cost_where_the_owner_repaired():
    """MEAS 12: the owner's unit repaired, no company team was assigned: no outlay charged."""
    a = allocate(
        repaired_by_responsible=False, pm_arrived_in_time=False, reassignment_cost=M("50.00")
    )

    assert OWNER == a.repairer
    assert COST == a.total


def test_installation_of_owner_supplied_equipment_is_warranted():
    """S003 "甲供设备除外" excludes the equipment, not the contractor's installation of it.

    REG 40(4) 设备安装: a defect of the installation is the contractor's workmanship.
    """
    a = allocate(category=C.EQUIPMENT_INSTALLATION)
    assert a.covered
    assert [(GC, COST, Fund.CONTRACTOR_PROVISION)] == summary(a.charges)
    equipment = allocate(category=C.EQUIPMENT_INSTALLATION, cause=Cause.OWNER_WORK)
    assert not equipment.covered


# --- LIA-EXPIRED, with the boundary day -------------------------------------------------


@pytest.mark.parametrize(
    ("found_on", "covered"),
    [
        (LAST_DAY - dt.timedelta(days=1), True),  # the day before the last day
        (LAST_DAY, True),  # the last day itself (届满 includes it)
        (LAST_DAY + dt.timedelta(days=1), False),  # the day after
    ],
)
def test_expiry_boundary(found_on, covered):
    """Found on the last day -> covered; the day after -> LIA-EXPIRED."""
    a = allocate(found_on=found_on, shares={SUB_A: 1})

    assert covered == a.covered
    assert covered == ("LIA-EXPIRED" not in a.rules)


@pytest.mark.parametrize(
    ("found_on", "covered"),
    [
        (D(2027, 6, 26), True),  # the day before the term's last day
        (D(2027, 6, 27), True),  # the last day itself, a Sunday kept as it is
        (D(2027, 6, 28), False),  # the Civil Code's last day: expired under INCLUSIVE_START
    ],
)
def test_expiry_boundary_follows_the_policy(found_on, covered):
    """allocate_liability passes its policy on: a three-year term counted from its start day.

    Changed by rule book v2: the roll switch no longer moves the statutory day
    (CAL-CONVENTION), so the convention of a contract term shows the policy is passed on.
    """
    p = rr.Project(
        "P-LIA", ACCEPTED, "beijing", {C.DECORATION}, contract_terms={C.DECORATION: rr.Years(3)}
    )
    policy = rr.Policy(convention=rr.Convention.INCLUSIVE_START)
    a = allocate_liability(p, defect(found_on=found_on), policy=policy)

    assert covered == a.covered
    assert covered == ("LIA-EXPIRED" not in a.rules)
    assert allocate_liability(p, defect(found_on=found_on)).covered  # 2027-06-28 by default


def test_lia_expired():
    """LIA-EXPIRED: found after the last day; the owner pays; the contractor may help."""
    a = allocate(found_on=LAST_DAY + dt.timedelta(days=1), shares={SUB_A: 1})

    assert a.covered is False
    assert a.repairer is None
    assert [(OWNER, COST, Fund.OWNER)] == summary(a.charges)
    assert (WARRANTY_EXPIRED, CONTRACTOR_MAY_ASSIST) == a.findings
    assert (*DECORATION_RULES, "LIA-EXPIRED") == a.rules


def test_expired_material():
    """Contractor-procured material found after the last day is the owner's too (S002)."""
    a = allocate(
        cause=Cause.MATERIAL,
        procured_by=Procurement.CONTRACTOR,
        found_on=LAST_DAY + dt.timedelta(days=1),
    )

    assert [(OWNER, COST, Fund.OWNER)] == summary(a.charges)
    assert () == a.recourse


def test_expiry_follows_the_contract_term():
    """A longer contract term moves the last day (via warranty_expiry)."""
    p = rr.Project(
        "P-C", ACCEPTED, "beijing", {C.DECORATION}, contract_terms={C.DECORATION: rr.Years(3)}
    )
    a = allocate_liability(p, defect(found_on=LAST_DAY + dt.timedelta(days=1)))

    assert a.covered is True


def test_provisional_last_day_is_reported():
    """A last day in an unpublished year is reported (waterproofing: 2029)."""
    a = allocate(category=C.WATERPROOFING)

    assert PROVISIONAL_LAST_DAY in a.findings
    assert "CAL-PROVISIONAL" in a.rules


# --- settlement -------------------------------------------------------------------------


def test_settle_joint_both_funds():
    """Each part is deducted from its own fund; enough balance means no approval."""
    a = allocate(shares={GC: Fraction(1, 4), SUB_A: Fraction(3, 4)})
    s = settle(a, {GC: M("5000.00"), SUB_A: M("750.00"), SUB_B: M("10.00")})

    assert [M("250.00"), M("750.00")] == [line.deducted for line in s.lines]
    assert M(0) == s.project_cost
    assert s.needs_approval is False
    assert () == s.shortfall_charges
    assert {GC: M("4750.00"), SUB_A: M("0.00"), SUB_B: M("10.00")} == dict(s.balances)
    assert ("LIA-JOINT", "LIA-MONEY") == s.rules


def test_settle_one_balance_drawn_in_turn():
    """Two charges on one payer draw on its one balance in turn."""
    charges = [
        Charge(SUB_A, M("300.00"), Fund.SUB_RETENTION, ("LIA-SUB",)),
        Charge(SUB_A, M("300.00"), Fund.SUB_RETENTION, ("LIA-SUB",)),
    ]
    s = settle(charges, {SUB_A: M("500.00")})

    assert [(M("300.00"), M("0.00")), (M("200.00"), M("100.00"))] == [
        (line.deducted, line.shortfall) for line in s.lines
    ]
    assert M("100.00") == s.project_cost


def test_settle_amounts_have_two_places():
    """LIA-MONEY: every amount of a settlement has 2 decimal places, whatever the balances."""
    s = settle(allocate(shares={SUB_A: 1}), {SUB_A: M(500), SUB_B: M(7)})

    assert ("500.00", "500.00") == (str(s.lines[0].deducted), str(s.lines[0].shortfall))
    assert "500.00" == str(s.project_cost)
    assert {SUB_A: "0.00", SUB_B: "7.00"} == {p: str(v) for p, v in s.balances.items()}


def test_settle_exact_beyond_the_decimal_context():
    """Huge amounts, and a caller's low Decimal precision, never round a settlement."""
    big = M("12345678901234567890123456789.01")
    charges = [Charge(SUB_A, big, Fund.SUB_RETENTION, ("LIA-SUB",))]
    with decimal.localcontext(prec=6):
        s = settle(charges, {SUB_A: M("1.00")})
        small = settle(allocate(shares={SUB_A: 1}, cost=M("123456.78")), {SUB_A: M("0.01")})

    assert M("12345678901234567890123456788.01") == s.lines[0].shortfall
    assert M("12345678901234567890123456788.01") == s.project_cost
    assert M("123456.77") == small.project_cost
    assert {SUB_A: M("0.00")} == dict(small.balances)


def test_settle_needs_a_balance_for_each_payer():
    """A payer on a held fund without a balance is an error naming balances."""
    with pytest.raises(rr.InvalidInputError, match="balances") as info:
        settle(allocate(shares={SUB_A: 1}), {})

    assert "LIA-SUB-DEFAULT" == info.value.rule


@pytest.mark.parametrize(
    "balances",
    [{SUB_A: 100.0}, {SUB_A: M("NaN")}, {SUB_A: M(-1)}, {"防水分包": M(1)}, [(SUB_A, M(1))]],
)
def test_settle_bad_balances(balances):
    """Float, NaN or negative balances, keys that are not parties: typed errors."""
    with pytest.raises(rr.InvalidInputError, match="balances"):
        settle(allocate(shares={SUB_A: 1}), balances)


@pytest.mark.parametrize("junk", [None, 3, "charges", [1, 2]])
def test_settle_bad_charges(junk):
    """Charges that are not an Allocation or Charge items: InvalidTypeError naming charges."""
    with pytest.raises(rr.InvalidTypeError, match="charges"):
        settle(junk, {})


# --- split_amount (LIA-MONEY) -----------------------------------------------------------


def test_split_thirds():
    """100.00 in thirds: 33.34, 33.33, 33.33; the leftover fen to the first given."""
    a, b, c = (Party(Role.SUBCONTRACTOR, n) for n in "ABC")
    third = Fraction(1, 3)

    assert {a: M("33.34"), b: M("33.33"), c: M("33.33")} == split_amount(
        M("100.00"), {a: third, b: third, c: third}
    )
    assert {c: M("33.34"), b: M("33.33"), a: M("33.33")} == split_amount(
        M("100.00"), {c: third, b: third, a: third}
    )


def test_split_largest_remainder_beats_order():
    """The leftover fen goes to the largest remainder, not to the first party."""
    # 0.10 at 1/6 and 5/6: exact 1.67 and 8.33 fen -> 2 and 8.
    small, big = Party(Role.SUBCONTRACTOR, "s"), Party(Role.SUBCONTRACTOR, "b")

    assert {big: M("0.08"), small: M("0.02")} == split_amount(
        M("0.10"), {big: Fraction(5, 6), small: Fraction(1, 6)}
    )


def test_split_keeps_order_and_two_places():
    """The result is in the order given, every amount with exactly 2 decimal places."""
    result = split_amount(M(7), {SUB_B: Fraction(1, 2), SUB_A: Fraction(1, 2)})

    assert [SUB_B, SUB_A] == list(result)
    assert ["3.50", "3.50"] == [str(v) for v in result.values()]


def test_split_zero_total_and_zero_share():
    """A zero total gives zeros; a zero share gets nothing."""
    assert {SUB_A: M("0.00"), SUB_B: M("0.00")} == split_amount(
        M(0), {SUB_A: Fraction(1, 2), SUB_B: Fraction(1, 2)}
    )
    assert {SUB_A: M("9.99"), SUB_B: M("0.00")} == split_amount(M("9.99"), {SUB_A: 1, SUB_B: 0})


def test_split_exact_for_huge_amounts():
    """Amounts beyond the Decimal context's 28 digits split exactly, without rounding."""
    total = M("12345678901234567890123456789.01")
    result = split_amount(total, {SUB_A: Fraction(1, 2), SUB_B: Fraction(1, 2)})

    assert Fraction(total) == sum(Fraction(v) for v in result.values())
    assert M("6172839450617283945061728394.51") == result[SUB_A]


def test_allocation_total_exact():
    """Allocation.total is the exact sum of the charges, beyond the Decimal context's digits."""
    big = M("12345678901234567890123456789.01")
    with decimal.localcontext(prec=6):
        a = allocate(cost=big, shares={GC: Fraction(1, 3), SUB_A: Fraction(2, 3)})
        total = a.total

    assert big == total
    assert "12345678901234567890123456789.01" == str(total)


def _fen(amount):
    return int(amount * 100)


@given(sts.money, sts.share_maps())
@example(M("100.00"), {Party(Role.SUBCONTRACTOR, n): Fraction(1, 3) for n in "ABC"})
@example(M("0.01"), {Party(Role.SUBCONTRACTOR, n): Fraction(1, 7) for n in "ABCDEFG"})
def test_split_properties(total, shares):
    """Parts are >= 0, add up to the total exactly, each within one fen of its exact share."""
    result = split_amount(total, shares)

    assert list(shares) == list(result)
    assert total == sum(result.values(), M(0))
    assert [] == [p for p, v in result.items() if v < 0]
    for party, amount in result.items():
        exact = Fraction(_fen(total)) * Fraction(shares[party])
        assert abs(Fraction(_fen(amount)) - exact) < 1
        assert amount == amount.quantize(M("0.01"))


@given(sts.money, sts.share_maps(), st.randoms(use_true_random=False))
def test_split_order_only_moves_tied_fen(total, shares, rnd):
    """Reordering the parties changes a party's amount only where remainders tie (the tie rule).

    Among parties whose remainders tie, the leftover fen go to those given first.
    """
    items = list(shares.items())
    rnd.shuffle(items)
    first, second = split_amount(total, shares), split_amount(total, dict(items))
    fen = _fen(total)
    rem = {p: (fen * Fraction(s)) % 1 for p, s in shares.items()}
    tied = {p for p in rem if sum(1 for q in rem if rem[q] == rem[p]) > 1}

    assert {p: v for p, v in first.items() if p not in tied} == {
        p: v for p, v in second.items() if p not in tied
    }
    for order, result in ((list(shares), first), ([p for p, _ in items], second)):
        for group in {rem[p] for p in tied}:
            extra = [_fen(result[p]) > math.floor(fen * Fraction(shares[p])) for p in order]
            extra = [e for p, e in zip(order, extra, strict=True) if p in tied and rem[p] == group]
            assert sorted(extra, reverse=True) == extra  # extras first, in the order given


@given(sts.money, st.integers(min_value=1, max_value=9), st.permutations(range(9)))
def test_split_equal_shares_differ_by_at_most_a_fen(total, n, perm):
    """Equal shares: amounts differ by at most one fen, the larger ones first in order."""
    parties = [Party(Role.SUBCONTRACTOR, str(i)) for i in perm if i < n]
    result = list(split_amount(total, dict.fromkeys(parties, Fraction(1, n))).values())

    assert max(result) - min(result) <= M("0.01")
    assert sorted(result, reverse=True) == result


# --- properties of allocations ----------------------------------------------------------


def _net(allocation, party):
    """What ``party`` is asked, charges and recourse together: paid + owed - recovered."""
    paid = sum((c.amount for c in allocation.charges if c.payer == party), M(0))
    owed = sum((c.amount for c in allocation.recourse if c.payer == party), M(0))
    recovered = sum((c.amount for c in allocation.recourse if c.creditor == party), M(0))
    return paid, owed, recovered


@given(sts.defects(accepted=ACCEPTED), st.sampled_from(rr.PmLateScope))
@example(
    Defect(
        C.DECORATION,
        FOUND,
        Cause.MATERIAL,
        COST,
        procured_by=Procurement.CONTRACTOR,
        pm_arrived_in_time=False,
        reassignment_cost=M("50.00"),
    ),
    rr.PmLateScope.COMPANY_PART,
)
@example(
    Defect(
        C.DECORATION,
        FOUND,
        Cause.WORKMANSHIP,
        COST,
        shares={GC: Fraction(1, 3), SUB_A: Fraction(2, 3)},
        pm_arrived_in_time=False,
    ),
    rr.PmLateScope.ALL_COSTS,
)
def test_charges_sum_to_cost(d, scope):
    """The charges add up to the cost plus (on a covered defect) the reassignment cost.

    Under either LIA-PM scope: the recourse credited to a party never exceeds what it was
    charged, and no party is asked, in charges and recourse together, more than its liable
    part (what it is asked had the manager been in time), the manager no more than the
    company's part plus the reassignment cost.
    """
    policy = rr.Policy(pm_late_scope=scope)
    a = allocate_liability(project(), d, policy=policy)
    # The other team's outlay, on a covered defect the company's other team repaired.
    extra = d.reassignment_cost if a.covered and a.repairer != OWNER else M(0)

    assert d.cost + extra == sum((c.amount for c in a.charges), M(0))
    assert d.cost + extra == a.total
    recovered = sum((c.amount for c in a.recourse), M(0))
    assert recovered <= d.cost
    assert all(c.creditor is not None for c in a.recourse)
    on_time = allocate_liability(
        project(),
        attrs.evolve(d, pm_arrived_in_time=True, reassignment_cost=M("0.00")),
        policy=policy,
    )
    parties = {c.payer for c in (*a.charges, *a.recourse, *on_time.charges, *on_time.recourse)}
    parties |= {c.creditor for c in (*a.recourse, *on_time.recourse) if c.creditor}
    for party in parties:
        paid, owed, got = _net(a, party)
        assert got <= paid, party  # a creditor recovers only what it paid
        if party.role in {Role.PROJECT_MANAGER, Role.GENERAL_CONTRACTOR}:
            continue
        assert paid + owed - got <= sum(_net(on_time, party)[:2], M(0)) - _net(on_time, party)[2]
    company = [p for p in parties if p.role in {Role.PROJECT_MANAGER, Role.GENERAL_CONTRACTOR}]
    asked = sum((sum(_net(a, p)[:2], M(0)) - _net(a, p)[2] for p in company), M(0))
    liable = sum((sum(_net(on_time, p)[:2], M(0)) - _net(on_time, p)[2] for p in company), M(0))
    assert asked <= liable + extra
    assert [] == [r for c in (*a.charges, *a.recourse) for r in c.rules if r not in a.rules]
    assert set(a.rules) <= set(rr.RULES)


@given(sts.defects(accepted=ACCEPTED, causes=sts.excluded_causes))
def test_excluded_cause_never_charges_the_contractor(d):
    """An excluded cause never charges the general contractor, its provision or its PM."""
    a = allocate_liability(project(), d)

    assert a.covered is False
    assert [] == [
        c for c in a.charges if c.payer.role in {Role.GENERAL_CONTRACTOR, Role.PROJECT_MANAGER}
    ]
    assert [] == [c for c in a.charges if c.fund is Fund.CONTRACTOR_PROVISION]


@given(sts.defects(accepted=ACCEPTED))
def test_expired_never_charges_builders(d):
    """LIA-EXPIRED fires exactly when found after the last day; then only the owner pays."""
    p = project()
    a = allocate_liability(p, d)
    expired = not d.cause.excluded and d.found_on > rr.warranty_expiry(p, d.category).last_day

    assert expired == ("LIA-EXPIRED" in a.rules)
    if expired:
        assert [OWNER] == [c.payer for c in a.charges]
        assert a.covered is False


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shares", "match"),
    [
        ({SUB_A: Fraction(1, 2), SUB_B: Fraction(1, 3)}, "exactly 1"),
        ({SUB_A: M("0.333"), SUB_B: M("0.667")}, None),  # sums to 1: accepted
        ({SUB_A: M("0.3"), SUB_B: M("0.3"), GC: M("0.3")}, "exactly 1"),
        ({SUB_A: Fraction(3, 2), SUB_B: Fraction(-1, 2)}, ">= 0"),
        ({}, "at least one party"),
    ],
)
def test_shares_must_sum_to_one(shares, match):
    """Shares not summing to exactly 1, or negative: InvalidInputError naming the shares."""
    if match is None:
        assert len(shares) == len(defect(shares=shares).shares)
        return
    with pytest.raises(rr.InvalidInputError, match=match) as info:
        defect(shares=shares)

    assert info.value.field.startswith("Defect.shares")
    assert "LIA-MONEY" == info.value.rule


@pytest.mark.parametrize("share", [0.5, float("nan"), M("NaN"), M("Infinity"), True, "1/2"])
def test_shares_refuse_floats_nan_and_text(share):
    """A float, NaN, infinite, bool or text share is a typed error naming that share."""
    with pytest.raises(rr.InvalidInputError, match=r"Defect\.shares\[SUBCONTRACTOR"):
        defect(shares={SUB_A: share, SUB_B: share})


def test_shares_keys_must_be_parties():
    """A key that is not a Party is an InvalidTypeError."""
    with pytest.raises(rr.InvalidTypeError, match="Party"):
        defect(shares={"防水分包": 1})


@pytest.mark.parametrize(
    "cost",
    [1000.0, float("nan"), M("NaN"), M("sNaN"), M("-Infinity"), 1000, "1000.00", None],
)
def test_cost_must_be_decimal(cost):
    """Money is Decimal only: float, NaN, infinity, int or text -> typed error naming cost."""
    with pytest.raises(rr.InvalidInputError) as info:
        defect(cost=cost)

    assert "Defect.cost" == info.value.field
    assert "LIA-MONEY" == info.value.rule


@pytest.mark.parametrize("cost", [M("-0.01"), M(-1000), M("0.001"), M("12.345")])
def test_cost_negative_or_below_a_fen(cost):
    """A negative cost or one below a fen is an InvalidInputError naming the value."""
    with pytest.raises(rr.InvalidInputError, match=r"Defect\.cost") as info:
        defect(cost=cost)

    assert cost == info.value.value


def test_float_money_is_a_type_error():
    """A float amount is also a TypeError (InvalidTypeError)."""
    with pytest.raises(TypeError):
        split_amount(100.0, {SUB_A: 1})


@pytest.mark.parametrize(
    ("total", "shares", "field"),
    [
        (M(-1), {SUB_A: 1}, "total"),
        (100.0, {SUB_A: 1}, "total"),
        (M("NaN"), {SUB_A: 1}, "total"),
        (M(1), {SUB_A: 0.5, SUB_B: 0.5}, "shares["),
        (M(1), {SUB_A: Fraction(1, 2)}, "shares"),
        (M(1), {SUB_A: -1, SUB_B: 2}, "shares["),
        (M(1), None, "shares"),
    ],
)
def test_split_amount_bad_input(total, shares, field):
    """split_amount refuses bad totals and shares with errors naming the field."""
    with pytest.raises(rr.InvalidInputError) as info:
        split_amount(total, shares)

    assert info.value.field.startswith(field)


def test_category_the_project_lacks():
    """A defect in a category the project lacks: InvalidInputError naming the category."""
    with pytest.raises(rr.InvalidInputError, match="HEATING") as info:
        allocate_liability(project(), defect(category=C.HEATING))

    assert "defect.category" == info.value.field
    assert "WTY-HEATING" == info.value.rule


def test_category_check_comes_first_for_excluded_causes():
    """The category check applies to excluded causes too."""
    with pytest.raises(rr.InvalidInputError, match=r"defect\.category"):
        allocate_liability(project(), defect(cause=Cause.MISUSE, category=C.HEATING))


def test_found_before_acceptance():
    """A defect found before the acceptance day is refused (WTY-START)."""
    with pytest.raises(rr.InvalidInputError, match="acceptance") as info:
        allocate_liability(project(), defect(found_on=ACCEPTED - dt.timedelta(days=1)))

    assert "defect.found_on" == info.value.field
    assert "WTY-START" == info.value.rule


def test_found_on_must_be_a_date():
    """A datetime for found_on is an InvalidTypeError naming it."""
    with pytest.raises(rr.InvalidTypeError, match=r"Defect\.found_on"):
        defect(found_on=dt.datetime(2025, 5, 6, 10, 0))


def test_material_needs_procurement():
    """MATERIAL without procured_by, or procured_by for another cause: refused."""
    with pytest.raises(rr.InvalidInputError, match="procured_by"):
        defect(cause=Cause.MATERIAL)
    with pytest.raises(rr.InvalidInputError, match="procured_by"):
        defect(cause=Cause.MATERIAL, procured_by="owner")
    with pytest.raises(rr.InvalidInputError, match="MATERIAL only"):
        defect(procured_by=Procurement.OWNER)


@pytest.mark.parametrize(
    ("kw", "rule"),
    [
        ({"shares": {OWNER: 1}}, "LIA-JOINT"),
        (
            {"shares": {GC: Fraction(1, 2), Party(Role.GENERAL_CONTRACTOR, "B"): Fraction(1, 2)}},
            "LIA-JOINT",
        ),
        ({"cause": Cause.MISUSE, "shares": {SUB_A: 1}}, "LIA-MISUSE"),
        ({"cause": Cause.FORCE_MAJEURE, "shares": {OWNER: 1}}, "LIA-FORCE"),
        ({"cause": Cause.DESIGN, "shares": {GC: 1}}, "LIA-DESIGN"),
        (
            {"cause": Cause.MATERIAL, "procured_by": Procurement.OWNER, "shares": {OWNER: 1}},
            "LIA-MATERIAL",
        ),
        (
            {"cause": Cause.MATERIAL, "procured_by": Procurement.CONTRACTOR, "shares": {GC: 1}},
            "LIA-MATERIAL",
        ),
    ],
)
def test_shares_parties_the_cause_admits(kw, rule):
    """A share for a party the cause does not admit is refused, naming the rule."""
    with pytest.raises(rr.InvalidInputError, match=r"Defect\.shares") as info:
        defect(**kw)

    assert rule == info.value.rule


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("category", "decoration"),
        ("cause", "workmanship"),
        ("emergency", 1),
        ("repaired_by_responsible", None),
        ("pm_arrived_in_time", "yes"),
    ],
)
def test_defect_fields_typed(field, value):
    """Wrong types for a defect's fields are InvalidTypeError naming the field."""
    with pytest.raises(rr.InvalidTypeError, match=field):
        defect(**{field: value})


def test_party_fields_typed():
    """A Party needs a Role and a string name."""
    with pytest.raises(rr.InvalidTypeError, match=r"Party\.role"):
        Party("owner")
    with pytest.raises(rr.InvalidTypeError, match=r"Party\.name"):
        Party(Role.OWNER, None)


def test_charge_fields_checked():
    """A Charge refuses a non-party payer, float money, an unknown fund, empty rules."""
    with pytest.raises(rr.InvalidTypeError, match=r"Charge\.payer"):
        Charge("GC", M(1), Fund.OWNER, ("LIA-GC",))
    with pytest.raises(rr.InvalidTypeError, match=r"Charge\.amount"):
        Charge(GC, 1.0, Fund.OWNER, ("LIA-GC",))
    with pytest.raises(rr.InvalidTypeError, match=r"Charge\.fund"):
        Charge(GC, M(1), "owner", ("LIA-GC",))
    with pytest.raises(rr.InvalidInputError, match="rules"):
        Charge(GC, M(1), Fund.OWNER, ())
    with pytest.raises(rr.InvalidTypeError, match="rules"):
        Charge(GC, M(1), Fund.OWNER, "LIA-GC")


def test_allocation_must_trace_its_charges():
    """An Allocation whose rules miss a charge's rule is refused (LIA-TRACE)."""
    charge = Charge(GC, M(1), Fund.CONTRACTOR_PROVISION, ("LIA-GC",))
    with pytest.raises(rr.InvalidInputError, match="LIA-TRACE"):
        Allocation(True, GC, (charge,), (), (), ("LIA-SUB",))  # noqa: FBT003


@pytest.mark.parametrize("junk", [None, "P", 0, dt.date(2025, 1, 1)])
def test_allocate_bad_arguments(junk):
    """allocate_liability refuses a project or defect of the wrong type, naming it."""
    with pytest.raises(rr.InvalidTypeError, match="project"):
        allocate_liability(junk, defect())
    with pytest.raises(rr.InvalidTypeError, match="defect"):
        allocate_liability(project(), junk)
    with pytest.raises(rr.InvalidTypeError, match="policy"):
        allocate_liability(project(), defect(), policy=junk or "junk")


# --- the bad inputs: field, value and rule named ---------------------------------

_NAN = M("NaN")


@pytest.mark.parametrize(
    ("build", "error", "field", "value", "rule"),
    [
        pytest.param(
            lambda: defect(shares={SUB_A: Fraction(1, 2), SUB_B: Fraction(1, 3)}),
            rr.InvalidInputError,
            "Defect.shares",
            {SUB_A: Fraction(1, 2), SUB_B: Fraction(1, 3)},
            "LIA-MONEY",
            id="shares-sum-5/6",
        ),
        pytest.param(
            lambda: split_amount(M(1), {SUB_A: M("0.5"), SUB_B: M("0.4")}),
            rr.InvalidInputError,
            "shares",
            {SUB_A: M("0.5"), SUB_B: M("0.4")},
            "LIA-MONEY",
            id="split-shares-sum-0.9",
        ),
        pytest.param(
            lambda: defect(shares={SUB_A: Fraction(3, 2), SUB_B: Fraction(-1, 2)}),
            rr.InvalidInputError,
            f"Defect.shares[{SUB_B}]",
            Fraction(-1, 2),
            "LIA-MONEY",
            id="negative-share",
        ),
        pytest.param(
            lambda: split_amount(M(1), {SUB_A: 2, SUB_B: -1}),
            rr.InvalidInputError,
            f"shares[{SUB_B}]",
            -1,
            "LIA-MONEY",
            id="split-negative-share",
        ),
        pytest.param(
            lambda: defect(cost=1000.0),
            rr.InvalidTypeError,
            "Defect.cost",
            1000.0,
            "LIA-MONEY",
            id="float-cost",
        ),
        pytest.param(
            lambda: split_amount(0.1, {SUB_A: 1}),
            rr.InvalidTypeError,
            "total",
            0.1,
            "LIA-MONEY",
            id="float-total",
        ),
        pytest.param(
            lambda: defect(shares={SUB_A: 0.5, SUB_B: 0.5}),
            rr.InvalidTypeError,
            f"Defect.shares[{SUB_A}]",
            0.5,
            "LIA-MONEY",
            id="float-share",
        ),
        pytest.param(
            lambda: defect(cost=M("-0.01")),
            rr.InvalidInputError,
            "Defect.cost",
            M("-0.01"),
            "LIA-MONEY",
            id="negative-cost",
        ),
        pytest.param(
            lambda: allocate_liability(project(), defect(category=C.COOLING)),
            rr.InvalidInputError,
            "defect.category",
            "COOLING",
            "WTY-COOLING",
            id="category-the-project-lacks",
        ),
    ],
)
def test_bad_input_names_field_value_and_rule(build, error, field, value, rule):
    """Each bad input of the issue: a typed error whose field, value and rule are named."""
    with pytest.raises(error) as info:
        build()

    assert (field, value, rule) == (info.value.field, info.value.value, info.value.rule)
    assert f"{field} = {value!r}" in str(info.value)
    assert f"[rule {rule}]" in str(info.value)


@pytest.mark.parametrize("build", [lambda: defect(cost=_NAN), lambda: split_amount(_NAN, {GC: 1})])
def test_nan_money_names_field_value_and_rule(build):
    """Decimal('NaN') money (NaN != NaN, so compared by its text): typed error, LIA-MONEY."""
    with pytest.raises(rr.InvalidInputError) as info:
        build()

    assert info.value.value.is_nan()
    assert "LIA-MONEY" == info.value.rule
    assert "Decimal('NaN')" in str(info.value)


# --- the LIA rules in the registry -------------------------------------------------------

#: Every LIA rule of decisions § 6 (the table's rows, LIA-MONEY and LIA-TRACE).
LIA_RULES = {
    "LIA-SUB",
    "LIA-SUB-DEFAULT",
    "LIA-JOINT",
    "LIA-MULTI-SUB",
    "LIA-GC",
    "LIA-MATERIAL",
    "LIA-DESIGN",
    "LIA-MISUSE",
    "LIA-THIRD",
    "LIA-FORCE",
    "LIA-OWNER-WORK",
    "LIA-EXPIRED",
    "LIA-PM",
    "LIA-MONEY",
    "LIA-TRACE",
}
#: The exclusions of 房屋建筑工程质量保修办法, quoted as a sentence (its number varies).
MEAS_EXCLUSIONS = "因使用不当或者第三方造成的质量缺陷"


def test_lia_rules_in_registry():
    """The registry holds exactly the LIA rules of decisions § 6."""
    assert LIA_RULES == {r for r in rr.RULES if r.startswith("LIA-")}


@pytest.mark.parametrize(
    ("rule_id", "document", "ref"),
    [
        ("LIA-SUB", "S002", "§ 2.2"),
        ("LIA-SUB", "MEAS", "Art. 13"),
        ("LIA-SUB-DEFAULT", "S002", "§ 2.2"),
        ("LIA-SUB-DEFAULT", "MEAS", "Art. 12"),
        ("LIA-SUB-DEFAULT", "RET", "Art. 9"),
        ("LIA-SUB-DEFAULT", "S001", "房屋维修管理制度 第五条(二)1"),
        ("LIA-JOINT", "S002", "§ 2.2"),
        ("LIA-GC", "REG", "Art. 41"),
        ("LIA-MATERIAL", "S002", "§ 2.2"),
        ("LIA-DESIGN", "MEAS", "Art. 14"),
        ("LIA-DESIGN", "RET", "Art. 9"),
        ("LIA-MISUSE", "S000", "保修范围"),
        ("LIA-OWNER-WORK", "S003", "质量保修措施 2"),
        ("LIA-EXPIRED", "S002", "§ 2.2"),
        ("LIA-PM", "S001", "建筑公司工程回访及保修制度 (二)"),
    ],
)
def test_lia_sources(rule_id, document, ref):
    """Each LIA rule cites the documents decisions § 0 and § 6 give it, with a quote."""
    quotes = [s.quote for s in rr.RULES[rule_id].sources if (s.document, s.ref) == (document, ref)]

    assert 1 <= len(quotes)
    assert all(quotes)


@pytest.mark.parametrize("rule_id", ["LIA-MISUSE", "LIA-THIRD", "LIA-FORCE"])
def test_meas_exclusions_quoted_without_a_number(rule_id):
    """The MEAS exclusions are cited by their sentence, not an article number (§ 0)."""
    meas = [s for s in rr.RULES[rule_id].sources if s.document == "MEAS"]

    assert [("", True)] == [(s.ref, MEAS_EXCLUSIONS in s.quote) for s in meas]


@pytest.mark.parametrize("key", ["a", rr.Role.OWNER, 1])
def test_split_amount_refuses_a_key_that_is_not_a_party(key):
    """LIA-MONEY: split_amount splits between parties; any other key is a typed error."""
    with pytest.raises(rr.InvalidTypeError, match=r"shares key = .*revisit_rules\.Party"):
        rr.split_amount(Decimal("1.00"), {key: 1})
