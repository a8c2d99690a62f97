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
from revisit_rules.rules import RULES, Rule, Source, rule_table
from revisit_rules.satisfaction import CustomerClass
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
    "DateResult",
    "Days",
    "DesignLife",
    "Expiry",
    "HeatingSeasons",
    "InvalidInputError",
    "InvalidTypeError",
    "MissingDesignLifeError",
    "Months",
    "NoSeasonError",
    "Period",
    "Policy",
    "Project",
    "Region",
    "RevisitRulesError",
    "Rule",
    "Season",
    "SeasonSpan",
    "Source",
    "UnknownRegionError",
    "WarrantySchedule",
    "WorkCalendar",
    "Years",
    "__version__",
    "china_calendar",
    "cooling_season",
    "heating_season",
    "in_warranty",
    "period_end",
    "rainy_season",
    "rule_table",
    "statutory_minimum",
    "warranty_expiry",
    "warranty_schedule",
]
