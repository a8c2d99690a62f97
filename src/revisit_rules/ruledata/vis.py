"""Rules VIS-*: the revisit schedule (decisions § 5). VIS-OWNER lives with SAT-CLASS in sat.py."""

from __future__ import annotations

from revisit_rules.rulebook import Rule, Source
from revisit_rules.ruledata._checked import _CHECKED_V2

_S002_PLAN = Source(
    "S002",
    "1.2",
    "公司工程部门于每年年初对保修期内的竣工工程进行统计,制定本年度 《工程回访计划》,并组织实施。",
)

#: S003: every revisit done a month before the warranty ends (VIS-IN-FORCE, VIS-PRE-EXPIRY).
_S003_ONE_MONTH = Source("S003", "", "工程回访必须在工程保修期满前一个月进行完毕。")
#: S000 3.2: no routine revisit a year after handover or once the warranty ended.
_S000_ONE_YEAR = Source(
    "S000", "3.2", "3.2工程验收交付一年后或合同规定的保修期已满的不再组织回访。"
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="VIS-HANDOVER",
        title_zh="交工回访",
        title_en="Handover revisit",
        statement=(
            "A revisit within three months after acceptance, from the day after it (the "
            "acceptance day itself is the handover, not a revisit): window A + 1 day → A + 3 "
            "months, clipped to the cut-offs like every visit (VIS-IN-FORCE) but always owed."
        ),
        value="A + 1 day → A + 3 months",
        sources=(
            Source(
                "S002",
                "1.1",
                "项目经理应于工程竣工交付三个月内组织原项目经理部相关人员对用户进行回访",
            ),
        ),
        policy_fields=("handover_months",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-PERIODIC",
        title_zh="定期(制度性)回访",
        title_en="Periodic revisit",
        statement=(
            "While a non-structural warranty is in force: for k = 1, 2, …, a window from "
            "A + k·(cadence) months lasting one month less a day, always computed from A."
        ),
        value="A + k·6 months → one month later, less a day",
        sources=(
            Source("S000", "", "在保修期内的工程项目一般每半年回访一次"),
            Source("S002", "四 2)", "每季度或每半年,对在保修期内的工程项目,统一进行制度性的回访"),
            Source("S003", "", "自本工程交付之日起每三个月组织回访小组对该工程进行回访"),
        ),
        policy_fields=("cadence", "visit_window_months"),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-RAINY",
        title_zh="雨季回访",
        title_en="Rainy-season revisit",
        statement=(
            "Each year's rainy season (SEA-RAINY), serving the project's categories among "
            "rainy_season_categories (by default waterproofing, electrical and plumbing, "
            "cooling, equipment installation: roofs and drainage, cooling and ventilation, "
            "installed equipment) while one of them is in force."
        ),
        value="each year 04-01 → 06-30",
        sources=(
            Source(
                "S002",
                "",
                "雨季回访在每年的雨季期间进行,主要了解屋面防水、地下室防水以及建筑安装设备使用功能和安全寿命方面存在的问题和隐患",
            ),
            Source("S002", "四 6)", "雨季回访屋面及排水工程、制冷工程、通风工程"),
            Source("S000", "", "屋面防水及设备安装工程进行季节性回访"),
        ),
        policy_fields=("rainy_season", "rainy_season_categories"),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-HEATING",
        title_zh="采暖期回访",
        title_en="Pre-heating-season revisit",
        statement=(
            "In the month before each heating season starts (SEA-HEATING), while the heating "
            "warranty is in force: window start − 1 month → the day before the start. In a "
            "region without a heating season, where a contract term carries the heating "
            "warranty (SEA-NO-SEASON), there is no season start and no such visit; the "
            "periodic and pre-expiry visits still serve HEATING."
        ),
        value="season start − 1 month → the day before it",
        sources=(Source("S002", "", "采暖期回访在每年供暖期前一个月进行"),),
        policy_fields=("heating_visit_months",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-WINTER",
        title_zh="冬季回访(锅炉房及采暖工程)",
        title_en="Winter revisit (boiler rooms and heating works)",
        statement=(
            "In the heart of each heating season, apart from the pre-season visit, while the "
            "heating warranty is in force: window season start + 1 month → the season's end "
            "(a season already running at acceptance: from the acceptance day). The source "
            "is the first of S002's two templates; the second has only the rainy and "
            "pre-heating visits."
        ),
        value="season start + 1 month → season end",
        sources=(Source("S002", "四 6)", "冬季回访锅炉房及采暖工程"),),
        policy_fields=("winter_visit", "winter_start_months"),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-COMMISSIONING",
        title_zh="机电设备、给排水系统运行后回访",
        title_en="Revisit after MEP systems start running",
        statement=(
            "Where the project has an operation start day and electrical/plumbing or "
            "equipment works: window operation start + 1 month → + 2 months, less a day, "
            "serving those categories. The end is the project's assumption: the source gives "
            "only the start (正式运行一个月后)."
        ),
        value="operation + 1 month → + 2 months − 1 day",
        sources=(Source("S002", "", "机电设备和给排水系统在正式运行一个月后进行;"),),
        policy_fields=("commissioning_start_months", "commissioning_end_months"),
        assumption=True,
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-TECHNICAL",
        title_zh="技术性回访(四新)",
        title_en="Technical revisit (new materials, techniques, processes, equipment)",
        statement=(
            "Where new materials, techniques, processes or equipment were used: window A + 6 "
            "months → one month later, less a day, serving every category. The time is the "
            "project's assumption: the source gives none."
        ),
        value="A + 6 months → A + 7 months − 1 day",
        sources=(
            Source(
                "S002",
                "四 7)",
                "主要了解在施工过程中采用了新材料、新技术、新工艺、新设备的工程,回访其使用效果和技术性能、状态",
            ),
        ),
        policy_fields=("technical_months", "visit_window_months"),
        assumption=True,
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-PRE-EXPIRY",
        title_zh="保修期满前回访",
        title_en="Revisit before a warranty ends",
        statement=(
            "For each category: window its last day − 2 months → its last day − 1 month, so "
            "that the revisit is done a month before the warranty ends; it is the category's "
            "last visit. A term too short for that (the window, cut at the acceptance day, "
            "holds no working day) puts the window from the day after acceptance to the last "
            "day, with the finding SHORT_TERM (decision). A pre-expiry visit is never dropped."
        ),
        value="last day − 2 months → last day − 1 month",
        sources=(
            Source("S002", "四 3)", "这种回访一般是在保修期即将届满之前进行"),
            _S003_ONE_MONTH,
        ),
        policy_fields=("pre_expiry_start_months", "pre_expiry_end_months"),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-IN-FORCE",
        title_zh="保修期内回访",
        title_en="Visits serve warranties in force",
        statement=(
            "The one-month rule: every revisit of a warranty is finished a month before it "
            "ends, so that what it finds can still be repaired inside it. Each category's "
            "cut-off is its last day − pre_expiry_end_months (CC 202, no roll). A visit other "
            "than PRE_EXPIRY serves a category only if its window begins on or before the "
            "cut-off, and ends no later than the latest cut-off it serves; a visit serving "
            "none is not planned. No window begins before the acceptance day. The handover is "
            "always owed: if the cut-offs leave it no working day, its window runs from the "
            "day after acceptance to the latest last day (finding SHORT_TERM)."
        ),
        value="window begins ≤ cut-off; ends ≤ latest cut-off; cut-off = last day − 1 month",
        sources=(
            _S003_ONE_MONTH,
            _S000_ONE_YEAR,
        ),
        policy_fields=("pre_expiry_end_months",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-CADENCE",
        title_zh="回访频次",
        title_en="Cadence of periodic revisits",
        statement="SEMIANNUAL (default), QUARTERLY, or MILESTONES (3, 6, 12 months, then yearly).",
        value="SEMIANNUAL",
        sources=(
            Source("S000", "", "在保修期内的工程项目一般每半年回访一次"),
            Source("S003", "", "每三个月组织回访小组对该工程进行回访"),
            Source("S000", "", "回访时间:工程竣工交付后3个月、6个月、1年及以后每年至少一次。"),
        ),
        policy_fields=("cadence",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-HORIZON",
        title_zh="回访期限",
        title_en="Revisit horizon",
        statement=(
            "Periodic revisits stop at the latest cut-off of the warranties other than the "
            "structure; the structure keeps its own pre-expiry revisit. After all warranties "
            "end, no revisit is planned (on request only). The seeds disagree on the horizon "
            "(S000 also stops routine visits a year after handover; S003 promises service "
            "for life): revisit_horizon WARRANTY (default) or ONE_YEAR, under which a "
            "periodic, seasonal, technical or commissioning window is owed only if it begins "
            "before A + 12 months and is clipped to end by then; the pre-expiry visits "
            "stay owed."
        ),
        value="the latest non-structural cut-off",
        sources=(
            Source("S000", "", "超过保修期的工程当业主要求时应适时进行回访。"),
            _S000_ONE_YEAR,
            Source("S003", "", "保修期结束后,我公司对本工程进行终身服务"),
        ),
        policy_fields=("revisit_horizon",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-MIN",
        title_zh="回访次数下限",
        title_en="Least number of revisits",
        statement=(
            "At least two revisits per project: where merging would leave a project fewer "
            "trips over its whole life, none of its visits are merged. Where even unmerged it "
            "is owed fewer visits, the plan says so (finding VIS_MIN_NOT_MET, in the plan of "
            "the acceptance year) and no visit is invented."
        ),
        value="2",
        sources=(Source("S003", "", "工程的回访不得少于两次"),),
        policy_fields=("min_visits",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-TARGET",
        title_zh="回访目标日",
        title_en="Target day of a visit",
        statement=(
            "Each visit has a window (earliest, latest) and a target: the first working day "
            "in the window (CAL-CN). A handover or pre-expiry window, or one the policy's "
            "lengths leave, with no working day is an error in the policy. A periodic, "
            "seasonal, commissioning or technical window that clipping leaves without a "
            "working day is not owed: finding SKIPPED_NO_WORKING_DAY. A visit is due from "
            "reminder_days before its window opens."
        ),
        value="first working day of the window",
        sources=(Source("DECISIONS", "§ 5 VIS-TARGET"),),
        policy_fields=("reminder_days",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-MERGE",
        title_zh="合并回访",
        title_en="Merging visits into trips",
        statement=(
            "One trip can serve several visits: a project's visits are merged into the fewest "
            "trips whose window is the intersection of its visits' windows and holds a working "
            "day (interval stabbing, greedy by deadline: take the visit whose window ends "
            "first, join every visit whose window holds its last working day, repeat; a visit "
            "that two trips could take joins the first). A trip carries the union of kinds, "
            "categories and rules; merging never drops a visit."
        ),
        value="merge_overlapping=True",
        sources=(Source("DECISIONS", "§ 5 VIS-MERGE"),),
        policy_fields=("merge_overlapping",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-ANNUAL",
        title_zh="年度回访计划",
        title_en="Annual revisit plan",
        statement=(
            "At the start of each year, list the completed projects still in warranty and "
            "plan the year's revisits: every visit whose target falls in the year, over the "
            "whole portfolio, sorted by target day then project."
        ),
        value="targets in the year, sorted by (target, project)",
        sources=(_S002_PLAN, Source("S004", "4.1", "销售部编制《年度回访计划》。")),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="VIS-RECORD",
        title_zh="回访记录",
        title_en="Revisit record",
        statement=(
            "A revisit record is filed within 24 hours of the visit; the year's summary at "
            "year end."
        ),
        value="24 hours",
        sources=(
            Source(
                "S002",
                "五 5)",
                "回访结束后,当事人应在24小时内填写回访记录单,并交与公司保存,建立工程回访档案。",
            ),
            Source(
                "S002",
                "1.4",
                "公司工程部门每年年底对本年度内业主意见、业主投诉、工程回访等情况进行汇总分析",
            ),
        ),
        policy_fields=("record_hours",),
        checked_on=_CHECKED_V2,
    ),
)
