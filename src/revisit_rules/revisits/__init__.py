"""Revisits: every revisit a project is owed, merged into trips, and the annual plan (VIS).

A completed project is revisited after handover, periodically while its warranties are in
force, in each rainy season, before and in each heating season, after its MEP systems start
running, when new techniques were used, and before each warranty ends (decisions § 5);
every revisit of a warranty is finished a month before it ends (VIS-IN-FORCE). Each visit
has an inclusive window and a target, the first working day of the window (VIS-TARGET,
on the real calendar). One trip can serve several visits: with ``merge_overlapping`` a
project's visits are merged into the fewest trips by interval stabbing, greedy by
deadline (VIS-MERGE), which is optimal and never drops a visit. At the start of each year
the engineering department lists the projects still in warranty and makes the year's
plan: :func:`annual_plan` (VIS-ANNUAL).

Sources: seeds S000 (每半年回访一次; 3个月、6个月、1年及以后每年), S002 (年度回访计划),
S003 (每三个月; 不少于两次; 保修期满前一个月完毕), S004.

>>> import datetime as dt
>>> import revisit_rules as rr
>>> p = rr.Project("P-1", dt.date(2025, 10, 1), "beijing", {rr.Category.DECORATION})
>>> for v in rr.plan_revisits(p)[:3]:  # National Day breaks move the targets
...     print(v.kind_names, v.earliest, v.latest, v.target)
('HANDOVER',) 2025-10-02 2026-01-01 2025-10-09
('PERIODIC',) 2026-04-01 2026-04-30 2026-04-01
('PERIODIC',) 2026-10-01 2026-10-31 2026-10-08
"""

from __future__ import annotations

from revisit_rules.revisits.plan import Plan, annual_plan, plan_findings, plan_revisits
from revisit_rules.revisits.status import VisitRecord, VisitState, VisitStatus, visit_status
from revisit_rules.revisits.visits import (
    PRIORITY_CUSTOMER,
    SHORT_TERM,
    SKIPPED_NO_WORKING_DAY,
    VIS_MIN_NOT_MET,
    PlanFinding,
    Visit,
    VisitKind,
    VisitLead,
    visit_id,
    visit_lead,
)

__all__ = [
    "PRIORITY_CUSTOMER",
    "SHORT_TERM",
    "SKIPPED_NO_WORKING_DAY",
    "VIS_MIN_NOT_MET",
    "Plan",
    "PlanFinding",
    "Visit",
    "VisitKind",
    "VisitLead",
    "VisitRecord",
    "VisitState",
    "VisitStatus",
    "annual_plan",
    "plan_findings",
    "plan_revisits",
    "visit_id",
    "visit_lead",
    "visit_status",
]
