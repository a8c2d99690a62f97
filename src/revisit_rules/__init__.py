"""revisit_rules: construction warranty (保修) and post-handover revisits (回访), as rules.

The public names of API.md are importable from here (``import revisit_rules as rr``).
Every rule has an ID in :data:`RULES`; every result names the rules that produced it.

>>> import datetime as dt
>>> import revisit_rules as rr
>>> rr.period_end(dt.date(2020, 6, 30), rr.Years(5)).day
datetime.date(2025, 6, 30)
"""

from __future__ import annotations

from revisit_rules.__about__ import __version__
from revisit_rules.calendar import WorkCalendar, china_calendar
from revisit_rules.deadlines import Deadline, DeadlineUnit, deadline
from revisit_rules.errors import (
    BlankInSourceError,
    CalendarRangeError,
    DateRangeError,
    InvalidInputError,
    InvalidTypeError,
    MissingDesignLifeError,
    NoSeasonError,
    PortfolioRowError,
    RevisitRulesError,
    UnknownRegionError,
)
from revisit_rules.liability import Defect, allocate_liability
from revisit_rules.liability_values import (
    Allocation,
    Cause,
    Charge,
    Fund,
    Party,
    Procurement,
    Role,
)
from revisit_rules.money import split_amount
from revisit_rules.periods import (
    CoolingSeasons,
    DateResult,
    Days,
    DesignLife,
    HeatingSeasons,
    Months,
    Period,
    Years,
    period_end,
)
from revisit_rules.policy import Cadence, Convention, PmLateScope, Policy, RevisitHorizon
from revisit_rules.project import CustomerClass, CustomerTier, Project
from revisit_rules.rates import (
    RateResult,
    SamplingTarget,
    SurveyResult,
    complaint_rate,
    handling_rate,
    repeat_repair_rate,
    response_rate,
    rework_rate,
    sampling_rate,
    satisfaction_rate,
    survey_counts,
    survey_result,
)
from revisit_rules.regions import REGIONS, Region, Season, SeasonSpan
from revisit_rules.revisits import (
    Plan,
    PlanFinding,
    Visit,
    VisitKind,
    VisitLead,
    VisitRecord,
    VisitState,
    VisitStatus,
    annual_plan,
    plan_findings,
    plan_revisits,
    visit_lead,
    visit_status,
)
from revisit_rules.rules import AREAS, RULES, Rule, RuleRow, Source, rule_rows, rule_table
from revisit_rules.satisfaction import (
    Grade,
    Grading,
    Satisfaction,
    ServiceRating,
    grade_visit,
    survey_score,
)
from revisit_rules.seasons import cooling_season, heating_season, rainy_season
from revisit_rules.settlement import APPROVAL_CHAIN, Approval, Settlement, SettlementLine, settle
from revisit_rules.tracing import Trace, to_plain, trace
from revisit_rules.warranty import (
    Category,
    Expiry,
    WarrantySchedule,
    in_warranty,
    statutory_minimum,
    warranty_expiry,
    warranty_schedule,
)

__all__ = [
    "APPROVAL_CHAIN",
    "AREAS",
    "REGIONS",
    "RULES",
    "Allocation",
    "Approval",
    "BlankInSourceError",
    "Cadence",
    "CalendarRangeError",
    "Category",
    "Cause",
    "Charge",
    "Convention",
    "CoolingSeasons",
    "CustomerClass",
    "CustomerTier",
    "DateRangeError",
    "DateResult",
    "Days",
    "Deadline",
    "DeadlineUnit",
    "Defect",
    "DesignLife",
    "Expiry",
    "Fund",
    "Grade",
    "Grading",
    "HeatingSeasons",
    "InvalidInputError",
    "InvalidTypeError",
    "MissingDesignLifeError",
    "Months",
    "NoSeasonError",
    "Party",
    "Period",
    "Plan",
    "PlanFinding",
    "PmLateScope",
    "Policy",
    "PortfolioRowError",
    "Procurement",
    "Project",
    "RateResult",
    "Region",
    "RevisitHorizon",
    "RevisitRulesError",
    "Role",
    "Rule",
    "RuleRow",
    "SamplingTarget",
    "Satisfaction",
    "Season",
    "SeasonSpan",
    "ServiceRating",
    "Settlement",
    "SettlementLine",
    "Source",
    "SurveyResult",
    "Trace",
    "UnknownRegionError",
    "Visit",
    "VisitKind",
    "VisitLead",
    "VisitRecord",
    "VisitState",
    "VisitStatus",
    "WarrantySchedule",
    "WorkCalendar",
    "Years",
    "__version__",
    "allocate_liability",
    "annual_plan",
    "china_calendar",
    "complaint_rate",
    "cooling_season",
    "deadline",
    "grade_visit",
    "handling_rate",
    "heating_season",
    "in_warranty",
    "period_end",
    "plan_findings",
    "plan_revisits",
    "rainy_season",
    "repeat_repair_rate",
    "response_rate",
    "rework_rate",
    "rule_rows",
    "rule_table",
    "sampling_rate",
    "satisfaction_rate",
    "settle",
    "split_amount",
    "statutory_minimum",
    "survey_counts",
    "survey_result",
    "survey_score",
    "to_plain",
    "trace",
    "visit_lead",
    "visit_status",
    "warranty_expiry",
    "warranty_schedule",
]
