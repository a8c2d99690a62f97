"""Rules SLA-*: service deadlines after a repair notice or a complaint (DOMAIN.md § 7).

The company templates leave most numbers blank (``____``); each default below is a
:class:`~revisit_rules.Policy` field, with the source it comes from. Quotes from the seeds
are verbatim (their half-width punctuation kept); statutes are quoted from their text.
"""

from __future__ import annotations

import datetime as dt

from revisit_rules.rules import Rule, Source

_MEAS = dt.date(2000, 6, 30)  # 房屋建筑工程质量保修办法 in force
_MEAS_9 = Source(
    "MEAS",
    "Art. 9",
    "发生涉及结构安全或者严重影响使用功能的紧急抢修事故，施工单位接到保修通知后，应当立即到达现场抢修。",
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="SLA-EMERGENCY",
        title_zh="紧急抢修到达现场",
        title_en="Emergency repair: reach the site",
        statement=(
            "An emergency (a defect touching structural safety or seriously impairing use) "
            "is answered at once: the contractor reaches the site immediately after the "
            "notice. The deadline is the notice's own instant plus emergency_arrival_hours "
            "(0 by default), counted in hours from the stated time (CC 201 para. 2)."
        ),
        value="immediately (0 hours)",
        sources=(
            _MEAS_9,
            Source(
                "S000",
                "回访保修程序 2)",
                "发生紧急抢修事故的,在接到事故通知后,应立即到达现场抢修。",
            ),
        ),
        effective_from=_MEAS,
        policy_fields=("emergency_arrival_hours",),
    ),
    Rule(
        id="SLA-ARRIVE",
        title_zh="接到保修通知后赶到现场",
        title_en="Ordinary repair notice: reach the site",
        statement=(
            "After an ordinary repair notice the contractor reaches the site within "
            "arrival_hours, counted from the notice's instant (CC 201 para. 2) as elapsed "
            "hours; the deadline is shown in the policy's time zone (Asia/Shanghai by "
            "default). Hours never roll over rest days."
        ),
        value="48 hours",
        sources=(
            Source("S003", "保修责任", "立即组织保修,并且在48小时内赶到现场进行维修"),
            Source(
                "MEAS",
                "Art. 9",
                "施工单位接到保修通知后，应当到现场核查情况，在保修书约定的时间内予以保修。",
            ),
            Source(
                "CC",
                "Art. 201",
                "按照小时计算期间的，自法律规定或者当事人约定的时间开始计算。",
            ),
        ),
        effective_from=_MEAS,
        policy_fields=("arrival_hours", "timezone"),
    ),
    Rule(
        id="SLA-PLAN",
        title_zh="完成维修方案",
        title_en="Repair plan after the notice",
        statement="The repair plan is ready within repair_plan_hours of the repair notice.",
        value="24 hours",
        sources=(Source("S003", "", "对业主提出的修理通知,24小时内完成维修方案"),),
        policy_fields=("repair_plan_hours",),
    ),
    Rule(
        id="SLA-DISPATCH",
        title_zh="派人保修",
        title_en="Dispatch the repair",
        statement=(
            "The repair team is dispatched within dispatch_days of the day the notice is "
            "received; days are counted by CAL-PERIOD (the notice day not counted, a last "
            "day that is a rest day rolls to the next working day)."
        ),
        value="7 days",
        sources=(Source("S000", "回访保修程序 1)", "应在接到保修通知之日起7 天内派人保修。"),),
        policy_fields=("dispatch_days",),
    ),
    Rule(
        id="SLA-PM-ARRIVE",
        title_zh="项目经理到达现场明确责任方",
        title_en="Project manager on site to fix liability",
        statement=(
            "The project manager reaches the site within pm_arrival_days of the repair "
            "notice, to fix the responsible party with the owner; otherwise LIA-PM applies."
        ),
        value="10 days",
        sources=(
            Source(
                "S001",
                "建筑公司工程回访及保修制度 (二)",
                "各项目经理接到需保修工程的通知书后10天内,到达现场与建设单位共同明确责任方",
            ),
        ),
        policy_fields=("pm_arrival_days",),
    ),
    Rule(
        id="SLA-SIMPLE",
        title_zh="能自行处理的质量问题",
        title_en="Problems the team can solve itself",
        statement=(
            "A problem the repair team can solve itself is solved within simple_repair_days. "
            "The source reads '1~____天' and leaves the upper bound blank; the library "
            "assumes its lower bound, 1 day."
        ),
        value="1 day",
        sources=(
            Source("S000", "", "能自行处理的质量问题,保证在1~____天内给予解决"),
            Source("DOMAIN", "§ 7 SLA-SIMPLE"),
        ),
        policy_fields=("simple_repair_days",),
        assumption=True,
    ),
    Rule(
        id="SLA-MAJOR",
        title_zh="较大的质量问题",
        title_en="Larger problems",
        statement=(
            "A larger problem is repaired within major_repair_working_days working days "
            "(CAL-CN) after the notice. The source reads '3~____个工作日' and leaves the "
            "upper bound blank; the library assumes the least, 3 working days."
        ),
        value="3 working days",
        sources=(
            Source("S000", "", "较大的质量问题,保修工作将视情况在3~____个工作日内完成。"),
            Source("DOMAIN", "§ 7 SLA-MAJOR"),
        ),
        policy_fields=("major_repair_working_days",),
        assumption=True,
    ),
    Rule(
        id="SLA-COMPLAINT",
        title_zh="投诉后与业主取得联系",
        title_en="Contact the complainant",
        statement="The person in charge contacts the complainant within complaint_contact_hours.",
        value="24 hours",
        sources=(
            Source(
                "S003",
                "顾客投诉管理程序",
                "问题负责人在24小时内和业主取得联系,确认己经了解要解决的问题。",
            ),
        ),
        policy_fields=("complaint_contact_hours",),
    ),
    Rule(
        id="SLA-COMPLAINT-REVISIT",
        title_zh="投诉处理完毕后回访",
        title_en="Revisit after a complaint is closed",
        statement=(
            "Every closed complaint (100 %) is revisited within complaint_revisit_days of "
            "the day it was closed."
        ),
        value="3 days, 100 % of complaints",
        sources=(
            Source("S001", "物业 投诉事件的回访", "应在投诉处理完毕后的三日内进行。"),
            Source("S001", "物业 投诉事件的回访", "回访率应该达到100%;"),
        ),
        policy_fields=("complaint_revisit_days",),
    ),
    Rule(
        id="SLA-REPAIR-REVISIT",
        title_zh="维修后回访",
        title_en="Revisit after a repair",
        statement=(
            "A repair is revisited within repair_revisit_days of the repair; a repair of "
            "safety installations within safety_repair_revisit_days, a leak repair within "
            "leak_repair_revisit_days."
        ),
        value="7 days; safety repairs 2 days; leaks 3 days",
        sources=(
            Source(
                "S001",
                "物业 回访工作制度 二",
                "回访时间安排在维修后一星期之内。其中:安全设施维修两天内回访;漏水项目维修三天内回访。",
            ),
        ),
        policy_fields=(
            "repair_revisit_days",
            "safety_repair_revisit_days",
            "leak_repair_revisit_days",
        ),
    ),
    Rule(
        id="SLA-SUB-NOACTION",
        title_zh="施工单位接到通知后未安排维修",
        title_en="Subcontractor silent after the notice",
        statement=(
            "A subcontractor (原施工单位) that has arranged no repair sub_noaction_hours after "
            "the notice loses the repair: the owner's side has it repaired and deducts the "
            "cost from that subcontractor's retention (LIA-SUB-DEFAULT). The deadline is the "
            "instant from which this is allowed."
        ),
        value="24 hours",
        sources=(
            Source(
                "S001",
                "房屋维修管理制度 第五条(二)1",
                "施工单位接到通知后24小时内未安排维修处理,物业公司填报《维修申请单》,经审批后进场维修处理,发生费用从原施工单位质保金中扣除。",
            ),
        ),
        policy_fields=("sub_noaction_hours",),
    ),
)
