"""Periods: how long a warranty or deadline runs, and the day it ends (CAL-PERIOD).

Default convention ``CIVIL_CODE`` (民法典 Art. 201–203): the start day is not counted; a
period of years or months ends on the corresponding day of its final month, or that
month's last day where there is none (CC 202); N days from D end on D + N; a last day
that is a rest day moves to the first working day after it (CC 203, on the real Chinese
calendar with its make-up working days). Convention ``INCLUSIVE_START`` (保修书 "自…起至…
止") counts the start day, so the last day is one day earlier, and rolls only if asked.
Month arithmetic is always from the base day (A + 12 months, never A + 6 + 6).

Sources: 民法典 Art. 201–204; 民事诉讼法 Art. 85.

>>> import datetime as dt
>>> from revisit_rules import period_end, Years
>>> period_end(dt.date(2020, 2, 29), Years(5)).day  # no 29 February in 2025
datetime.date(2025, 2, 28)
>>> period_end(dt.date(2021, 10, 1), Years(5)).day  # 2026-10-01 is National Day
datetime.date(2026, 10, 8)
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from typing import TYPE_CHECKING

from revisit_rules._check import check_date, check_int
from revisit_rules.calendar import DateResult, WorkCalendar, calendar_or_default, china_calendar
from revisit_rules.durations import (
    DESIGN_LIFE_CATEGORIES,
    CoolingSeasons,
    Days,
    DesignLife,
    HeatingSeasons,
    Months,
    Period,
    Years,
)
from revisit_rules.errors import (
    CalendarRangeError,
    DateRangeError,
    InvalidInputError,
    InvalidTypeError,
    MissingDesignLifeError,
)
from revisit_rules.policy import Convention, policy_or_default
from revisit_rules.regions import SeasonKind, region_of
from revisit_rules.seasons import nth_season_end

if TYPE_CHECKING:
    from revisit_rules.policy import Policy

__all__ = [
    "CoolingSeasons",
    "DateResult",
    "Days",
    "DesignLife",
    "HeatingSeasons",
    "Months",
    "Period",
    "Years",
    "add_months",
    "period_end",
]

#: The rule a region is read under, by kind of period (CAL-PERIOD for the others).
_REGION_RULE: dict[type[Period], str] = {
    HeatingSeasons: "SEA-HEATING",
    CoolingSeasons: "SEA-COOLING",
}


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months; the month's last day where there is no such day.

    This is CC 202's corresponding day, the same as ``dateutil.relativedelta`` clipping
    (checked against it by a property test), computed without building an object.

    >>> add_months(dt.date(2026, 1, 31), 1)
    datetime.date(2026, 2, 28)
    >>> add_months(dt.date(2024, 2, 29), -12)
    datetime.date(2023, 2, 28)
    """
    check_date("day", day, rule="CAL-PERIOD")
    check_int("months", months, rule="CAL-PERIOD")
    try:
        return _add_months(day, months)
    except (OverflowError, ValueError):
        raise DateRangeError(
            "months",
            months,
            f"a number of months that keeps {day} within year 1–9999",
            rule="CAL-PERIOD",
        ) from None


def _add_months(day: dt.date, months: int) -> dt.date:
    """:func:`add_months` for checked arguments (the planner's hot path)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    if day.day <= 28:  # noqa: PLR2004 - every month has a 28th: the common, fast case
        return dt.date(year, month, day.day)  # the constructor: faster than replace()
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


def missing_design_life(field: str, needed_for: str = "") -> MissingDesignLifeError:
    """The error for a design working life that is needed but not given (WTY-DESIGN-LIFE).

    It names the four GB 50068 categories, so the user knows what the documents state.
    """
    cats = ", ".join(f"{k}: {v} years" for k, v in DESIGN_LIFE_CATEGORIES.items())
    return MissingDesignLifeError(
        field,
        None,
        f"the design working life from the project's design documents"
        f"{f', needed for {needed_for}' if needed_for else ''} (GB 50068 categories {cats})",
        rule="WTY-DESIGN-LIFE",
    )


def _design_life(value: object) -> int:
    if value is None:
        raise missing_design_life("design_life_years")
    return check_int("design_life_years", value, minimum=1, rule="WTY-DESIGN-LIFE")


def _unrolled(
    start: dt.date,
    period: Period,
    policy: Policy,
    region: object,
    rules: list[str],
    *,
    inclusive: bool,
) -> dt.date:
    """The period's last day before any roll (CC 201-202, or INCLUSIVE_START); adds rules.

    INCLUSIVE_START counts the start day: N days from D end on D + N - 1; years and months
    end the day before the start's corresponding day in the month the period reaches, or
    on that month's last day where it has no corresponding day (31 March + 1 month: 30
    April; 1 March 2023 + 1 year: 29 February 2024).
    """
    if isinstance(period, HeatingSeasons | CoolingSeasons):
        kind = SeasonKind.HEATING if isinstance(period, HeatingSeasons) else SeasonKind.COOLING
        rules += ["SEA-HEATING" if kind is SeasonKind.HEATING else "SEA-COOLING", "SEA-COUNT"]
        return nth_season_end(kind, region, start, period.n, policy=policy)
    n = getattr(period, "n", 0)
    if isinstance(period, Days):
        return start + dt.timedelta(days=n - 1 if inclusive else n)
    last = _add_months(start, n * 12 if isinstance(period, Years) else n)
    if inclusive and last.day == start.day:  # the corresponding day exists: the day before
        last -= dt.timedelta(days=1)
    return last


def period_end(
    start: dt.date,
    period: Period,
    *,
    policy: Policy | None = None,
    region: object = None,
    design_life_years: int | None = None,
    calendar: WorkCalendar | None = None,
) -> DateResult:
    """The last day of ``period`` counted from ``start`` (CAL-PERIOD).

    Args:
        start: the day the period starts from (e.g. the acceptance day).
        period: a :class:`Years`, :class:`Months`, :class:`Days`, :class:`HeatingSeasons`,
            :class:`CoolingSeasons` or :class:`DesignLife`.
        policy: the convention, the roll switch and season overrides (default ``Policy()``).
        region: the region whose seasons count, for season periods.
        design_life_years: the design working life, for :class:`DesignLife`.
        calendar: the working-day calendar for the roll (default :func:`china_calendar`).

    Returns:
        The last day, whether it rests on a provisional calendar year, and the rules.
    """
    start = check_date("start", start, rule="CAL-PERIOD")
    pol = policy_or_default(policy, rule="CAL-PERIOD")
    if not isinstance(period, Period) or type(period) is Period:
        raise InvalidTypeError(
            "period",
            period,
            "Years, Months, Days, HeatingSeasons, CoolingSeasons or DesignLife",
            rule="CAL-PERIOD",
        )
    calendar = calendar_or_default(calendar)
    # Arguments the period does not use are checked too, so a wrong one is never passed
    # over unnoticed (a right one that the period does not need changes nothing).
    if region is not None:
        region_of(region, rule=_REGION_RULE.get(type(period), "CAL-PERIOD"))
    if isinstance(period, DesignLife) or design_life_years is not None:
        _design_life(design_life_years)
    return _period_end(
        start,
        period,
        pol=pol,
        region=region,
        design_life_years=design_life_years,
        calendar=calendar,
    )


def _period_end(
    start: dt.date,
    period: Period,
    *,
    pol: Policy,
    region: object,
    design_life_years: int | None,
    calendar: WorkCalendar | None,
    convention: Convention | None = None,
    roll: bool | None = None,
) -> DateResult:
    """:func:`period_end` for checked arguments (the warranty and planner hot path).

    ``convention`` and ``roll`` override the policy's (CAL-CONVENTION): a statutory last
    day is counted under CIVIL_CODE and always rolls; ``roll=False`` gives the day before
    any roll (the warranty's day past the calendar's data, BEYOND_CALENDAR). ``None``
    leaves each to the policy.
    """
    rules = ["CAL-PERIOD"]
    inclusive = (convention or pol.convention) is Convention.INCLUSIVE_START
    if isinstance(period, DesignLife):
        rules.append("WTY-DESIGN-LIFE")
        period = Years(_design_life(design_life_years))  # checked again: cheap, and exact
    try:
        last = _unrolled(start, period, pol, region, rules, inclusive=inclusive)
    except (OverflowError, ValueError) as err:
        if isinstance(err, InvalidInputError):
            raise
        raise DateRangeError(
            "period", period, f"a period from {start} that ends by 9999-12-31", rule="CAL-PERIOD"
        ) from None
    if roll is None:
        roll = pol.roll_to_working_day and (not inclusive or pol.roll_inclusive_start)
    if not roll:
        return DateResult(last, provisional=False, rules=tuple(rules))
    cal = calendar if calendar is not None else china_calendar()
    try:
        day, provisional, roll_rules = cal._offset_parts(last, 0)  # noqa: SLF001 - checked
    except CalendarRangeError:
        # Name the caller's argument, not the calendar's internal one (CAL-CN).
        raise CalendarRangeError(
            "start",
            start,
            f"a start whose last day ({period} on: {last}) and the working day it rolls to "
            f"lie from {cal.first_day} to {cal.last_day}, the calendar's years ({cal.name}); "
            "or Policy(roll_to_working_day=False)",
            rule="CAL-CN",
        ) from None
    return DateResult(day, provisional, (*rules, *roll_rules))
