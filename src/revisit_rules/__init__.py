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
from revisit_rules.errors import (
    CalendarRangeError,
    InvalidInputError,
    InvalidTypeError,
    MissingDesignLifeError,
    NoSeasonError,
    RevisitRulesError,
    UnknownRegionError,
)
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
from revisit_rules.policy import Cadence, Convention, Policy
from revisit_rules.revisits import (
    Plan,
    Visit,
    VisitKind,
    VisitRecord,
    VisitState,
    VisitStatus,
    annual_plan,
    plan_revisits,
    visit_status,
)
from revisit_rules.rules import RULES, Rule, Source, rule_table
from revisit_rules.satisfaction import (
    CustomerClass,
    CustomerTier,
    Grade,
    Grading,
    RateResult,
    Satisfaction,
    ServiceRating,
    VisitLead,
    complaint_rate,
    grade_visit,
    handling_rate,
    response_rate,
    satisfaction_rate,
    survey_counts,
    survey_score,
    visit_lead,
)
from revisit_rules.seasons import (
    REGIONS,
    Region,
    Season,
    SeasonSpan,
    cooling_season,
    heating_season,
    rainy_season,
)
from revisit_rules.warranty import (
    Category,
    Expiry,
    Project,
    WarrantySchedule,
    in_warranty,
    statutory_minimum,
    warranty_expiry,
    warranty_schedule,
)

__all__ = [
    "REGIONS",
    "RULES",
    "Cadence",
    "CalendarRangeError",
    "Category",
    "Convention",
    "CoolingSeasons",
    "CustomerClass",
    "CustomerTier",
    "DateResult",
    "Days",
    "DesignLife",
    "Expiry",
    "Grade",
    "Grading",
    "HeatingSeasons",
    "InvalidInputError",
    "InvalidTypeError",
    "MissingDesignLifeError",
    "Months",
    "NoSeasonError",
    "Period",
    "Plan",
    "Policy",
    "Project",
    "RateResult",
    "Region",
    "RevisitRulesError",
    "Rule",
    "Satisfaction",
    "Season",
    "SeasonSpan",
    "ServiceRating",
    "Source",
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
    "annual_plan",
    "china_calendar",
    "complaint_rate",
    "cooling_season",
    "grade_visit",
    "handling_rate",
    "heating_season",
    "in_warranty",
    "period_end",
    "plan_revisits",
    "rainy_season",
    "response_rate",
    "rule_table",
    "satisfaction_rate",
    "statutory_minimum",
    "survey_counts",
    "survey_score",
    "visit_lead",
    "visit_status",
    "warranty_expiry",
    "warranty_schedule",
]
