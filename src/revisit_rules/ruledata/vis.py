"""Rules VIS-*: the revisit schedule (DOMAIN.md § 5). VIS-OWNER lives with SAT-CLASS in sat.py."""

from __future__ import annotations

from revisit_rules.rules import Rule, Source

_S002_PLAN = Source(
    "S002",
    "1.2",
    "公司工程部门于每年年初对保修期内的竣工工程进行统计,制定本年度 《工程回访计划》,并组织实施。",
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="VIS-HANDOVER",
        title_zh="交工回访",
        title_en="Handover revisit",
        statement="A revisit within the first months after acceptance: window A → A + 3 months.",
        value="A → A + 3 months",
        sources=(
            Source(
                "S002",
                "1.1",
                "项目经理应于工程竣工交付三个月内组织原项目经理部相关人员对用户进行回访",
            ),
        ),
        policy_fields=("handover_months",),
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
    ),
    Rule(
        id="VIS-RAINY",
        title_zh="雨季回访",
        title_en="Rainy-season revisit",
        statement="Each year's rainy season (SEA-RAINY) while the waterproofing warranty is in force.",
        value="each year 04-01 → 06-30",
        sources=(
            Source(
                "S002",
                "",
                "雨季回访在每年的雨季期间进行,主要了解屋面防水、地下室防水以及建筑安装设备使用功能和安全寿命方面存在的问题和隐患",
            ),
        ),
        policy_fields=("rainy_season",),
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
    ),
    Rule(
        id="VIS-COMMISSIONING",
        title_zh="机电设备、给排水系统运行后回访",
        title_en="Revisit after MEP systems start running",
        statement=(
            "Where the project has an operation start day and electrical/plumbing or "
            "equipment works: window operation start + 1 month → + 2 months, less a day."
        ),
        value="operation + 1 month → + 2 months − 1 day",
        sources=(Source("S002", "", "机电设备和给排水系统在正式运行一个月后进行;"),),
        policy_fields=("commissioning_start_months", "commissioning_end_months"),
    ),
    Rule(
        id="VIS-TECHNICAL",
        title_zh="技术性回访(四新)",
        title_en="Technical revisit (new materials, techniques, processes, equipment)",
        statement="Where new techniques were used: window A + 6 months → one month later, less a day.",
        value="A + 6 months → A + 7 months − 1 day",
        sources=(
            Source(
                "S002",
                "四 7)",
                "主要了解在施工过程中采用了新材料、新技术、新工艺、新设备的工程,回访其使用效果和技术性能、状态",
            ),
        ),
        policy_fields=("technical_months", "visit_window_months"),
    ),
    Rule(
        id="VIS-PRE-EXPIRY",
        title_zh="保修期满前回访",
        title_en="Revisit before a warranty ends",
        statement=(
            "For each category: window its last day − 2 months → its last day − 1 month, so "
            "that the revisit is done a month before the warranty ends. A term too short for "
            "that (the window closes before acceptance, or, cut at the acceptance day, holds "
            "no working day) puts the window between acceptance and the last day (decision). "
            "A pre-expiry visit is never dropped."
        ),
        value="last day − 2 months → last day − 1 month",
        sources=(
            Source("S002", "四 3)", "这种回访一般是在保修期即将届满之前进行"),
            Source("S003", "", "工程回访必须在工程保修期满前一个月进行完毕。"),
        ),
        policy_fields=("pre_expiry_start_months", "pre_expiry_end_months"),
    ),
    Rule(
        id="VIS-IN-FORCE",
        title_zh="保修期内回访",
        title_en="Visits serve warranties in force",
        statement=(
            "A visit that serves a warranty is planned when its window begins on or before "
            "that warranty's last day; its window then ends no later than that day. Windows "
            "begin no earlier than the acceptance day. A periodic, seasonal, commissioning or "
            "technical window that, so clipped, holds no working day is not owed: the visit "
            "cannot be made while it is due (decision). The handover and pre-expiry visits "
            "are always owed: if their window holds no working day (the warranties end "
            "before a working day after acceptance), that is an error (VIS-TARGET)."
        ),
        value="window begins ≤ last day; ends ≤ last day",
        sources=(Source("DOMAIN", "§ 5 VIS-IN-FORCE"),),
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
    ),
    Rule(
        id="VIS-HORIZON",
        title_zh="回访期限",
        title_en="Revisit horizon",
        statement=(
            "Periodic revisits stop when the last warranty other than the structure ends; the "
            "structure keeps its own pre-expiry revisit. After all warranties end, no revisit "
            "is scheduled (on request only)."
        ),
        value="the last non-structural warranty's last day",
        sources=(Source("S000", "", "超过保修期的工程当业主要求时应适时进行回访。"),),
    ),
    Rule(
        id="VIS-MIN",
        title_zh="回访次数下限",
        title_en="Least number of revisits",
        statement=(
            "At least two revisits per project: where merging would leave fewer trips, the "
            "visits are kept apart."
        ),
        value="2",
        sources=(Source("S003", "", "工程的回访不得少于两次"),),
        policy_fields=("min_visits",),
    ),
    Rule(
        id="VIS-TARGET",
        title_zh="回访目标日",
        title_en="Target day of a visit",
        statement=(
            "Each visit has a window (earliest, latest) and a target: the first working day "
            "in the window (CAL-CN). A window with no working day is an error in the policy. "
            "A visit is due from reminder_days before its window opens."
        ),
        value="first working day of the window",
        sources=(Source("DOMAIN", "§ 5 VIS-TARGET"),),
        policy_fields=("reminder_days",),
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
        sources=(Source("DOMAIN", "§ 5 VIS-MERGE"),),
        policy_fields=("merge_overlapping",),
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
    ),
)
