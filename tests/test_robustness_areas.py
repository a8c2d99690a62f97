"""Robustness by area: junk fed to every public argument beyond calendar, periods, seasons.

The same junk and the same verdict as ``test_robustness`` (see ``tests/junk.py``): every
argument of every public function, every field of every public value class (results
too: a result built by hand is checked like any input) and every public method that takes
an argument answers junk with a :class:`~revisit_rules.RevisitRulesError` that names the
argument and a rule. One table per area; within it, a value class's fields are listed with
the junk valid for each.

The tables are run by ``test_robustness.py`` (one verdict for every table of the walk);
this file holds the cases and its own tests only.
"""

import datetime as dt
import inspect
from decimal import Decimal

import attrs

import revisit_rules as rr

from .junk import (
    NONE,
    NOTHING,
    STRINGS,
    TEXT,
    TRUE,
    ZERO,
    case,
    fields,
)

D = dt.date(2026, 3, 2)
CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 3, 2, 10, tzinfo=CST)
C = rr.Category
PROJECT = rr.Project("P", D, "beijing", {C.DECORATION})
GC = rr.Party(rr.Role.GENERAL_CONTRACTOR)
SUB = rr.Party(rr.Role.SUBCONTRACTOR, "X")
YUAN = Decimal("100.00")
CHARGE = rr.Charge(SUB, YUAN, rr.Fund.SUB_RETENTION, ("LIA-SUB",))
DEFECT = rr.Defect(C.DECORATION, D, rr.Cause.WORKMANSHIP, YUAN)
VISIT = rr.plan_revisits(PROJECT)[0]
PLAN = rr.annual_plan([PROJECT], 2026)
RATE = rr.handling_rate(19, 20)
BOTH = NONE | TRUE  # an optional flag (``meets_target``)

WARRANTY = [
    case("statutory_minimum.category", rr.statutory_minimum, "category"),
    case("warranty_expiry.project", lambda j: rr.warranty_expiry(j, C.DECORATION), "project"),
    case("warranty_expiry.category", lambda j: rr.warranty_expiry(PROJECT, j), "category"),
    case(
        "warranty_expiry.policy",
        lambda j: rr.warranty_expiry(PROJECT, C.DECORATION, policy=j),
        "policy",
        valid=NONE,
    ),
    case("in_warranty.project", lambda j: rr.in_warranty(j, C.DECORATION, D), "project"),
    case("in_warranty.category", lambda j: rr.in_warranty(PROJECT, j, D), "category"),
    case("in_warranty.on", lambda j: rr.in_warranty(PROJECT, C.DECORATION, j), "on"),
    case(
        "in_warranty.policy",
        lambda j: rr.in_warranty(PROJECT, C.DECORATION, D, policy=j),
        "policy",
        valid=NONE,
    ),
    case("warranty_schedule.project", rr.warranty_schedule, "project"),
    case(
        "warranty_schedule.policy",
        lambda j: rr.warranty_schedule(PROJECT, policy=j),
        "policy",
        valid=NONE,
    ),
    case("Category.from_text.text", C.from_text, "category"),
    case(
        "Category.from_text.field",
        lambda j: C.from_text("防水", field=j),
        "field",
        valid=STRINGS,
    ),
    *fields(
        rr.Project,
        {"id": "P", "accepted_on": D, "region": "beijing", "categories": {C.DECORATION}},
        {"id": TEXT, "accepted_on": NOTHING, "region": NOTHING, "categories": NOTHING},
    ),
    *fields(
        rr.Project,
        {
            "design_life_years": None,
            "contract_terms": {},
            "operation_started_on": None,
            "new_techniques": False,
            "customer_class": rr.CustomerClass.B,
            "many_complaints": False,
            "serious_problem": False,
            "name": "",
        },
        {
            "design_life_years": NONE,
            "contract_terms": NOTHING,
            "operation_started_on": NONE,
            "new_techniques": TRUE,
            "customer_class": NOTHING,
            "many_complaints": TRUE,
            "serious_problem": TRUE,
            "name": STRINGS,
        },
        build=lambda **kw: rr.Project("P", D, "beijing", {C.DECORATION}, **kw),
    ),
    *fields(
        rr.Expiry,
        {
            "category": C.DECORATION,
            "last_day": D,
            "statutory_last_day": D,
            "contract_last_day": None,
            "provisional": False,
            "findings": (),
            "rules": ("WTY-START",),
            "statutory_period": rr.Years(2),
            "contract_period": None,
        },
        {
            "category": NOTHING,
            "last_day": NOTHING,
            "statutory_last_day": NONE,
            "contract_last_day": NONE,
            "provisional": TRUE,
            "findings": NOTHING,
            "rules": NOTHING,
            "statutory_period": NONE,
            "contract_period": NONE,
        },
    ),
    *fields(
        rr.WarrantySchedule,
        {"project_id": "P", "accepted_on": D, "expiries": ()},
        {"project_id": TEXT, "accepted_on": NOTHING, "expiries": NOTHING},
    ),
]

LIABILITY = [
    *fields(rr.Party, {"role": rr.Role.OWNER, "name": ""}, {"role": NOTHING, "name": STRINGS}),
    *fields(
        rr.Charge,
        {"payer": SUB, "amount": YUAN, "fund": rr.Fund.SUB_RETENTION, "rules": ("LIA-SUB",)},
        {"payer": NOTHING, "amount": NOTHING, "fund": NOTHING, "rules": NOTHING},
    ),
    case(
        "Charge.creditor", lambda j: attrs.evolve(CHARGE, creditor=j), "Charge.creditor", valid=NONE
    ),
    *fields(
        rr.Defect,
        {"category": C.DECORATION, "found_on": D, "cause": rr.Cause.WORKMANSHIP, "cost": YUAN},
        dict.fromkeys(("category", "found_on", "cause", "cost"), NOTHING),
    ),
    *fields(
        rr.Defect,
        {
            "shares": None,
            "procured_by": None,
            "emergency": False,
            "repaired_by_responsible": True,
            "pm_arrived_in_time": True,
            "reassignment_cost": Decimal("0.00"),
            "notice_id": None,
        },
        {
            "shares": NONE,
            "procured_by": NONE,
            "emergency": TRUE,
            "repaired_by_responsible": TRUE,
            "pm_arrived_in_time": TRUE,
            "reassignment_cost": NOTHING,
            "notice_id": NONE | TEXT,
        },
        build=lambda **kw: rr.Defect(C.DECORATION, D, rr.Cause.WORKMANSHIP, YUAN, **kw),
    ),
    *fields(
        rr.Allocation,
        {
            "covered": True,
            "repairer": GC,
            "charges": (CHARGE,),
            "recourse": (),
            "findings": (),
            "rules": ("LIA-SUB",),
        },
        {
            "covered": TRUE,
            "repairer": NONE,
            "charges": NOTHING,
            "recourse": NOTHING,
            "findings": NOTHING,
            "rules": NOTHING,
        },
    ),
    case("allocate_liability.project", lambda j: rr.allocate_liability(j, DEFECT), "project"),
    case("allocate_liability.defect", lambda j: rr.allocate_liability(PROJECT, j), "defect"),
    case(
        "allocate_liability.policy",
        lambda j: rr.allocate_liability(PROJECT, DEFECT, policy=j),
        "policy",
        valid=NONE,
    ),
    case(
        "allocate_liability.ledger",
        lambda j: rr.allocate_liability(PROJECT, DEFECT, ledger=j),
        "ledger",
        valid=NONE,
    ),
    case("split_amount.total", lambda j: rr.split_amount(j, {GC: 1}), "total"),
    case("split_amount.shares", lambda j: rr.split_amount(YUAN, j), "shares"),
    case(
        "split_amount.shares[]",
        lambda j: rr.split_amount(YUAN, {GC: j, SUB: 1}),
        "shares[GENERAL_CONTRACTOR]",
        valid=ZERO,
    ),
    case("settle.charges", lambda j: rr.settle(j, {}), "charges"),
    case("settle.charges[]", lambda j: rr.settle([j], {}), "charges"),
    case("settle.balances", lambda j: rr.settle([CHARGE], j), "balances"),
    case("settle.balances[]", lambda j: rr.settle([CHARGE], {SUB: j}), "balances[SUBCONTRACTOR X]"),
    *fields(
        rr.Approval,
        {"step": 1, "office_zh": "工程部门", "office_en": "engineering", "action": "review"},
        {"step": NOTHING, "office_zh": TEXT, "office_en": TEXT, "action": NOTHING},
    ),
    *fields(
        rr.SettlementLine,
        {"charge": CHARGE, "deducted": YUAN, "shortfall": Decimal("0.00")},
        dict.fromkeys(("charge", "deducted", "shortfall"), NOTHING),
    ),
    *fields(
        rr.Settlement,
        {
            "lines": (),
            "external": (),
            "project_cost": Decimal("0.00"),
            "approval": (),
            "balances": {},
            "rules": (),
        },
        dict.fromkeys(
            ("lines", "external", "project_cost", "approval", "balances", "rules"), NOTHING
        ),
    ),
]

_VISIT = {
    "project_id": "P",
    "kinds": {rr.VisitKind.HANDOVER},
    "categories": {C.DECORATION},
    "earliest": D,
    "latest": D,
    "target": D,
    "lead": rr.VisitLead.PROJECT_MANAGER,
    "provisional": False,
    "rules": ("VIS-HANDOVER",),
    "visit_ids": (),
    "survey": False,
}
_FINDING = {
    "project_id": "P",
    "code": "SHORT_TERM",
    "rule": "VIS-IN-FORCE",
    "detail": "",
    "visit_id": "",
    "category": None,
    "window": None,
}

REVISITS = [
    *fields(
        rr.Visit,
        _VISIT,
        {
            **dict.fromkeys(_VISIT, NOTHING),
            "project_id": TEXT,
            "provisional": TRUE,
            "survey": TRUE,
        },
    ),
    *fields(
        rr.PlanFinding,
        _FINDING,
        {
            **dict.fromkeys(_FINDING, NOTHING),
            "project_id": TEXT,
            "detail": STRINGS,
            "visit_id": STRINGS,
            "category": NONE,
            "window": NONE,
        },
    ),
    *fields(
        rr.Plan,
        {"year": 2026, "visits": (), "findings": ()},
        dict.fromkeys(("year", "visits", "findings"), NOTHING),
    ),
    case("Plan.to_ics.stamp", lambda j: PLAN.to_ics(stamp=j), "stamp", valid=NONE),
    case("Plan.to_ics.name", lambda j: PLAN.to_ics(name=j), "name", valid=STRINGS),
    *fields(
        rr.VisitRecord,
        {"project_id": "P", "visit": VISIT, "done_on": D, "grade": None},
        {"project_id": NOTHING, "visit": NOTHING, "done_on": NOTHING, "grade": NONE},
    ),
    *fields(
        rr.VisitState,
        {"visit": VISIT, "status": rr.VisitStatus.DUE, "record": None, "rules": ("VIS-TARGET",)},
        {"visit": NOTHING, "status": NOTHING, "record": NONE, "rules": NOTHING},
    ),
    case("visit_status.visits", lambda j: rr.visit_status(j, [], D), "visits"),
    case("visit_status.visits[]", lambda j: rr.visit_status([j], [], D), "visits[]"),
    case("visit_status.records", lambda j: rr.visit_status([VISIT], j, D), "records"),
    case("visit_status.records[]", lambda j: rr.visit_status([VISIT], [j], D), "records[]"),
    case("visit_status.on", lambda j: rr.visit_status([VISIT], [], j), "on"),
    case(
        "visit_status.policy",
        lambda j: rr.visit_status([VISIT], [], D, policy=j),
        "policy",
        valid=NONE,
    ),
    case("visit_lead.customer_class", rr.visit_lead, "customer_class"),
    case(
        "visit_lead.many_complaints",
        lambda j: rr.visit_lead(rr.CustomerClass.A, many_complaints=j),
        "many_complaints",
        valid=TRUE,
    ),
    case(
        "visit_lead.serious_problem",
        lambda j: rr.visit_lead(rr.CustomerClass.A, serious_problem=j),
        "serious_problem",
        valid=TRUE,
    ),
    case("annual_plan.projects", lambda j: rr.annual_plan(j, 2026), "projects"),
    case("annual_plan.projects[]", lambda j: rr.annual_plan([j], 2026), "projects[]"),
    case("annual_plan.year", lambda j: rr.annual_plan([], j), "year"),
    case("annual_plan.policy", lambda j: rr.annual_plan([], 2026, policy=j), "policy", valid=NONE),
    case(
        "annual_plan.calendar",
        lambda j: rr.annual_plan([], 2026, calendar=j),
        "calendar",
        valid=NONE,
    ),
    *[case(f"{f.__name__}.project", f, "project") for f in (rr.plan_revisits, rr.plan_findings)],
    *[
        case(f"{f.__name__}.{kw}", lambda j, f=f, kw=kw: f(PROJECT, **{kw: j}), kw, valid=NONE)
        for f in (rr.plan_revisits, rr.plan_findings)
        for kw in ("policy", "calendar")
    ],
]

#: The rates of two counts: function -> each count's (name, valid value, junk valid for it).
_RATES = {
    rr.response_rate: (("sent", 40, NOTHING), ("returned", 20, ZERO)),
    rr.survey_counts: (("sent", 40, NOTHING), ("returned", 20, ZERO)),
    rr.complaint_rate: (("complaints", 0, ZERO), ("served", 100, ZERO)),
    rr.handling_rate: (("handled", 0, ZERO), ("due", 20, ZERO)),
    rr.rework_rate: (("repairs", 0, ZERO), ("delivered", 10, ZERO)),
    rr.repeat_repair_rate: (("not_accepted", 0, ZERO), ("repaired", 8, ZERO)),
}


def _rate(function, counts, **junk):
    """``function`` called with the valid counts, but for ``junk``."""
    return function(**{**{name: value for name, value, _ in counts}, **junk})


SATISFACTION = [
    case(
        "grade_visit.quality_score",
        lambda j: rr.grade_visit(j, rr.ServiceRating.GOOD),
        "quality_score",
        valid=ZERO,
    ),
    case("grade_visit.service", lambda j: rr.grade_visit(90, j), "service"),
    case(
        "grade_visit.policy",
        lambda j: rr.grade_visit(90, rr.ServiceRating.GOOD, policy=j),
        "policy",
        valid=NONE,
    ),
    case(
        "ServiceRating.from_text.text", rr.ServiceRating.from_text, "ServiceRating.from_text(text)"
    ),
    case("Satisfaction.from_text.text", rr.Satisfaction.from_text, "Satisfaction.from_text(text)"),
    case("survey_score.answers", rr.survey_score, "answers"),
    case("survey_score.answers[]", lambda j: rr.survey_score([j]), "answers[0]"),
    case(
        "survey_score.weights",
        lambda j: rr.survey_score([rr.Satisfaction.SATISFIED], j),
        "weights",
        valid=NONE,
    ),
    case(
        "survey_score.weights[]",
        lambda j: rr.survey_score([rr.Satisfaction.SATISFIED] * 2, {0: j, 1: 1}),
        "weights[0]",
        valid=ZERO,
    ),
    case(
        "survey_score.policy",
        lambda j: rr.survey_score([rr.Satisfaction.SATISFIED], policy=j),
        "policy",
        valid=NONE,
    ),
    case("survey_result.answers", lambda j: rr.survey_result(j, sent=2, returned=1), "answers"),
    case(
        "survey_result.sent",
        lambda j: rr.survey_result([rr.Satisfaction.SATISFIED], sent=j, returned=0),
        "sent",
    ),
    case(
        "survey_result.returned",
        lambda j: rr.survey_result([rr.Satisfaction.SATISFIED], sent=2, returned=j),
        "returned",
        valid=ZERO,
    ),
    case(
        "survey_result.weights",
        lambda j: rr.survey_result([rr.Satisfaction.SATISFIED], sent=2, returned=1, weights=j),
        "weights",
        valid=NONE,
    ),
    case(
        "survey_result.policy",
        lambda j: rr.survey_result([rr.Satisfaction.SATISFIED], sent=2, returned=1, policy=j),
        "policy",
        valid=NONE,
    ),
    *[
        case(
            f"{f.__name__}.{name}",
            lambda j, f=f, c=counts, name=name: _rate(f, c, **{name: j}),
            name,
            valid=ok,
        )
        for f, counts in _RATES.items()
        for name, _, ok in counts
    ],
    *[
        case(
            f"{f.__name__}.policy",
            lambda j, f=f, c=counts: _rate(f, c, policy=j),
            "policy",
            valid=NONE,
        )
        for f, counts in _RATES.items()
        if "policy" in inspect.signature(f).parameters
    ],
    case("satisfaction_rate.gradings", rr.satisfaction_rate, "gradings"),
    case(
        "satisfaction_rate.gradings[]",
        lambda j: rr.satisfaction_rate([j]),
        "gradings[0]",
        valid=NONE,
    ),
    case(
        "sampling_rate.revisited",
        lambda j: rr.sampling_rate(j, 10, of=rr.SamplingTarget.MANAGER),
        "revisited",
        valid=ZERO,
    ),
    case(
        "sampling_rate.done",
        lambda j: rr.sampling_rate(0, j, of=rr.SamplingTarget.MANAGER),
        "done",
        valid=ZERO,
    ),
    case("sampling_rate.of", lambda j: rr.sampling_rate(0, 10, of=j), "of"),
    case(
        "sampling_rate.policy",
        lambda j: rr.sampling_rate(0, 10, of=rr.SamplingTarget.MANAGER, policy=j),
        "policy",
        valid=NONE,
    ),
    *fields(
        rr.Grading,
        {
            "grade": rr.Grade.A,
            "quality_grade": rr.Grade.A,
            "service_grade": rr.Grade.A,
            "rules": ("SAT-ABC",),
        },
        dict.fromkeys(("grade", "quality_grade", "service_grade", "rules"), NOTHING),
    ),
    *fields(
        rr.RateResult,
        {
            "numerator": 1,
            "denominator": 2,
            "target": None,
            "meets_target": None,
            "rules": ("SAT-RATES",),
        },
        {
            "numerator": ZERO,
            "denominator": ZERO,
            "target": NONE,
            "meets_target": BOTH,
            "rules": NOTHING,
        },
    ),
    *fields(
        rr.SurveyResult,
        {"score": Decimal("80.00"), "response": RATE, "findings": (), "rules": ("SAT-SCALE",)},
        dict.fromkeys(("score", "response", "findings", "rules"), NOTHING),
    ),
]

DEADLINES = [
    case("deadline.kind", lambda j: rr.deadline(j, D), "kind"),
    case("deadline.start(hours)", lambda j: rr.deadline(rr.Deadline.ARRIVAL, j), "start"),
    case("deadline.start(days)", lambda j: rr.deadline(rr.Deadline.DISPATCH, j), "start"),
    case(
        "deadline.policy",
        lambda j: rr.deadline(rr.Deadline.DISPATCH, D, policy=j),
        "policy",
        valid=NONE,
    ),
    case(
        "deadline.calendar",
        lambda j: rr.deadline(rr.Deadline.DISPATCH, D, calendar=j),
        "calendar",
        valid=NONE,
    ),
    case(
        "deadline.structural",
        lambda j: rr.deadline(rr.Deadline.ARRIVAL, NOW, structural=j),
        "structural",
        valid=TRUE,
    ),
    case("Deadline.length.policy", rr.Deadline.ARRIVAL.length, "policy", valid=NONE),
]


#: What periods read and return (their constructors and period_end: test_robustness).
PERIODS = [
    case("Period.from_text.text", rr.Period.from_text, "period"),
    case(
        "Period.from_text.field",
        lambda j: rr.Period.from_text("2 years", field=j),
        "field",
        valid=STRINGS,
    ),
    case("Years.from_text.text", rr.Years.from_text, "period"),
    *fields(
        rr.DateResult,
        {"day": D, "provisional": False, "rules": ("CAL-CN",)},
        {"day": NOTHING, "provisional": TRUE, "rules": NOTHING},
    ),
]

#: Every case of this file, by area.
AREA_CASES = [*WARRANTY, *LIABILITY, *REVISITS, *SATISFACTION, *DEADLINES, *PERIODS]
