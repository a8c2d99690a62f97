"""Rules CAL-*: computing a period's last day and the working-day calendar (decisions § 2, § 4)."""

from __future__ import annotations

import datetime as dt

from revisit_rules.rulebook import Rule, Source
from revisit_rules.ruledata._checked import _CHECKED, _CHECKED_V2
from revisit_rules.ruledata._sources import MEAS_6, REG_40

RULES: tuple[Rule, ...] = (
    Rule(
        id="CAL-PERIOD",
        title_zh="期间的计算",
        title_en="Computing a period's last day",
        statement=(
            "CIVIL_CODE: the start day is not counted; a period of years or months ends on "
            "the corresponding day of the final month, or that month's last day where it has "
            "no such day; N days from D end on D + N; a last day that is a rest day moves to "
            "the first working day after it. INCLUSIVE_START (保修书 '自…起至…止'): the start "
            "day counts, so the last day is one day earlier, with no roll unless asked."
        ),
        value="CIVIL_CODE, roll to the next working day",
        sources=(
            Source(
                "CC", "Art. 201", "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。"
            ),
            Source(
                "CC",
                "Art. 202",
                "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。",
            ),
            Source(
                "CC",
                "Art. 203",
                "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。",
            ),
            Source(
                "CC",
                "Art. 204",
                "期间的计算方法依照本法的规定，但是法律另有规定或者当事人另有约定的除外。",
            ),
            Source(
                "CPL",
                "Art. 85",
                "期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。",
            ),
            Source("SPC", "2014-12-12 note"),
        ),
        effective_from=dt.date(2021, 1, 1),
        policy_fields=("convention", "roll_to_working_day", "roll_inclusive_start"),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="CAL-CONVENTION",
        title_zh="计算方法约定的适用范围",
        title_en="Which periods a counting convention governs",
        statement=(
            "CC 204 lets the parties agree how their own periods are counted; it cannot "
            "shorten a floor the State fixes (REG 40 最低保修期限, MEAS 6). The statutory "
            "last day of every category is computed under CIVIL_CODE with the CC 203 roll, "
            "whatever Policy.convention says; the convention governs contract terms only; a "
            "company deadline in days counts from the day after its trigger (CC 201) and "
            "rolls only under roll_to_working_day. A contract term of the statutory length "
            "that ends earlier only because it counts the start day is reported as "
            "ONE_DAY_SHORT_BY_CONVENTION, and the statutory day applies (WTY-MIN)."
        ),
        value="statutory last days: CIVIL_CODE with the roll; convention: contract terms only",
        sources=(
            Source(
                "CC",
                "Art. 204",
                "期间的计算方法依照本法的规定，但是法律另有规定或者当事人另有约定的除外。",
            ),
            REG_40,
            MEAS_6,
            Source("DECISIONS", "§ 2 CAL-CONVENTION"),
        ),
        effective_from=dt.date(2021, 1, 1),
        policy_fields=("convention", "roll_to_working_day"),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="CAL-CN",
        title_zh="中国大陆工作日历",
        title_en="Mainland China working-day calendar",
        statement=(
            "Saturdays and Sundays are rest days except the make-up working days (调休上班) the "
            "State Council announces each year; statutory holidays and the days off moved "
            "next to them are rest days. Data: holidays.China, with its substituted days "
            "and weekend_workdays. The calendar covers 2000-01-01 to the last year the "
            "holidays data can compute (the lunar holidays end in 2100)."
        ),
        value="holidays.China (substituted days, weekend_workdays)",
        sources=(
            Source("SC", "notices for 2001 onwards"),
            Source("CPL", "Art. 85"),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="CAL-PROVISIONAL",
        title_zh="未公布年度的暂定日历",
        title_en="Provisional calendar for unpublished years",
        statement=(
            "For a year whose arrangement the data does not carry, the calendar falls back "
            "to the statutory holidays alone (no substituted days, no make-up working days), "
            "and every date computed through such a year is marked provisional."
        ),
        value="years without State Council arrangement in the holidays data",
        sources=(
            Source("SC", "published in the late autumn of the year before"),
            Source("DECISIONS", "§ 4 CAL-PROVISIONAL"),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="CAL-FAST",
        title_zh="工作日索引计算",
        title_en="Index-based working-day arithmetic",
        statement=(
            "Working-day arithmetic never walks day by day: each calendar precomputes the "
            "ordinals of its working days and a running count, and answers by index."
        ),
        value="precomputed ordinals",
        sources=(Source("DECISIONS", "§ 4 CAL-FAST"),),
        documentary=True,  # how WorkCalendar computes, not a step a result applies
        checked_on=_CHECKED,
    ),
)
