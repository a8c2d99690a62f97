"""Rules SLA-*: service deadlines after a repair notice or a complaint (decisions § 7).

The company templates leave most numbers blank (``____``); each default below is a
:class:`~revisit_rules.Policy` field, with the source it comes from. Quotes from the seeds
are verbatim (their half-width punctuation kept); statutes are quoted from their text.
"""

from __future__ import annotations

import datetime as dt

from revisit_rules.rulebook import Rule, Source
from revisit_rules.ruledata._checked import _CHECKED, _CHECKED_V2
from revisit_rules.ruledata._sources import S001_NO_ACTION

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
            "(0 by default), counted in hours from the stated time (CC 201 para. 2): every "
            "arrival is late by its delay, which is what 立即 says. A company that promises a "
            "number (S000 leaves '在____小时内赶到现场' blank) sets emergency_arrival_hours."
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
        checked_on=_CHECKED_V2,
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
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-PLAN",
        title_zh="完成维修方案",
        title_en="Repair plan after the notice",
        statement=(
            "The repair plan is ready within repair_plan_hours of the repair notice; not for "
            "a structural-safety defect (FOUNDATION_STRUCTURE, or a notice marked "
            "structural), whose plan comes from a design unit (MEAS 10): there "
            "SLA-STRUCTURAL-REPORT applies instead, and deadline(REPAIR_PLAN, …, "
            "structural=True) refuses, naming it."
        ),
        value="24 hours; structural-safety notices: SLA-STRUCTURAL-REPORT",
        sources=(
            Source("S003", "", "对业主提出的修理通知,24小时内完成维修方案"),
            Source("MEAS", "Art. 10", "由原设计单位或者具有相应资质等级的设计单位提出保修方案"),
        ),
        policy_fields=("repair_plan_hours",),
        checked_on=_CHECKED_V2,
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
        checked_on=_CHECKED,
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
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-SIMPLE",
        title_zh="能自行处理的质量问题",
        title_en="Problems the team can solve itself",
        statement=(
            "A problem the repair team can solve itself is solved within simple_repair_days. "
            "The source reads '1~____天': a range a~b means within b, and b is blank, so the "
            "field is None until the company sets it; deadline() raises BlankInSourceError "
            "naming the blank and the field, and the ledger creates no such obligation."
        ),
        value="within ____ days (blank in the source: set by the company)",
        sources=(
            Source("S000", "", "能自行处理的质量问题,保证在1~____天内给予解决"),
            Source("DECISIONS", "§ 7 SLA-SIMPLE"),
        ),
        policy_fields=("simple_repair_days",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="SLA-MAJOR",
        title_zh="较大的质量问题",
        title_en="Larger problems",
        statement=(
            "A larger problem is repaired within major_repair_working_days working days "
            "(CAL-CN) after the notice. The source reads '3~____个工作日': the upper bound "
            "is blank, so the field is None until the company sets it (as SLA-SIMPLE)."
        ),
        value="within ____ working days (blank in the source: set by the company)",
        sources=(
            Source("S000", "", "较大的质量问题,保修工作将视情况在3~____个工作日内完成。"),
            Source("DECISIONS", "§ 7 SLA-MAJOR"),
        ),
        policy_fields=("major_repair_working_days",),
        checked_on=_CHECKED_V2,
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
        checked_on=_CHECKED,
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
        checked_on=_CHECKED,
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
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-SUB-NOACTION",
        title_zh="施工单位接到通知后未安排维修",
        title_en="Contractor silent after the property manager's notice",
        statement=(
            "The contractor (施工单位: the developer's contractor, not a subcontractor; the "
            "rule's ID is kept) that has arranged no repair sub_noaction_hours after the "
            "property manager's notice loses the repair: the property manager, after "
            "approval (经审批), has it repaired and the cost is deducted from the "
            "contractor's retention (质保金, the owner-held RET retention), within the limits "
            "of LED-CONSEQUENCE. The deadline is the instant from which this is allowed."
        ),
        value="24 hours",
        sources=(S001_NO_ACTION,),
        policy_fields=("sub_noaction_hours",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="SLA-PM-NOTIFY",
        title_zh="物业受理投诉后通知施工单位",
        title_en="Property manager notifies the contractor of a complaint",
        statement=(
            "A construction defect the owner reports to the property manager that lies "
            "outside the contractor's delegated repair scope (委托维修范围) is notified to the "
            "contractor within pm_notify_hours of the complaint, counted in elapsed hours."
        ),
        value="24 hours",
        sources=(
            Source(
                "S001",
                "房屋维修管理制度 第五条(一)4",
                "属于公司施工工程质量问题但不属于施工方委托维修范围内的,由物业公司客服人员通知施工单位维修,并记录施工单位通知情况。从受理业主投诉到通知施工单位,时间不得超过24小时。",
            ),
        ),
        policy_fields=("pm_notify_hours",),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-NOT-DEFECT-REPLY",
        title_zh="非质量缺陷投诉答复业主",
        title_en="Reply to a complaint that is no defect",
        statement=(
            "A complaint that is neither a design nor a construction defect is answered, "
            "with an explanation, within not_defect_reply_hours of the complaint."
        ),
        value="24 hours",
        sources=(
            Source(
                "S001",
                "房屋维修管理制度 第五条(一)5",
                "不属于设计缺陷及施工工程质量问题的,24小时内答复业主,并做好解释工作。",
            ),
        ),
        policy_fields=("not_defect_reply_hours",),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-REPAIR-START",
        title_zh="从收到投诉到维修开始",
        title_en="From the complaint to the start of the repair",
        statement=(
            "The repair starts within repair_start_days of the day the owner's complaint is "
            "received, except major or difficult problems (重大、疑难: still not right after two "
            "repairs for objective reasons) and repairs that must wait for dry weather, which "
            "the caller marks as excused."
        ),
        value="3 days, except major or difficult problems and dry-weather repairs",
        sources=(
            Source(
                "S001",
                "房屋维修管理制度 第五条(二)3",
                "从收到业主投诉到维修开始,除非是重大、疑难问题(因客观原因,经2次维修仍无法完全修复)或应待天晴后方可处理的维修项目,否则时间不超过3天。",
            ),
        ),
        policy_fields=("repair_start_days",),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-TWO-FAILURES",
        title_zh="经2次维修仍达不到业主要求",
        title_en="The same defect still not right after two repairs",
        statement=(
            "Where the same defect is still not right after two repairs, the property "
            "manager files a repair request and, after approval, repairs it; the cost is "
            "deducted from the contractor's retention, within the limits of LED-CONSEQUENCE. "
            "Not for problems the caller marks major or difficult (重大、疑难), which go to "
            "joint handling. A count of repairs, not a deadline."
        ),
        value="2 repairs",
        sources=(
            Source(
                "S001",
                "房屋维修管理制度 第五条(二)2",
                "同一维修情况经2次维修后仍然达不到业主要求的,物业公司填报《维修申请单》,经审批后进场维修,发生费用从原施工单位质保金中扣除。",
            ),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-REVISIT-FIX",
        title_zh="回访发现问题书面通知整改",
        title_en="Written notice to fix a problem found at a repair revisit",
        statement=(
            "A problem found at a repair revisit is notified in writing to the repairer "
            "within revisit_fix_hours of the revisit."
        ),
        value="24 hours",
        sources=(
            Source(
                "S001",
                "物业 回访工作制度 四",
                "对回访中发现的问题,24小时内书面通知维修人员进行整改。",
            ),
        ),
        policy_fields=("revisit_fix_hours",),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-CERTIFICATE",
        title_zh="出具质量保修书",
        title_en="Issue the warranty certificate",
        statement=(
            "The warranty certificate (质量保修书) is signed and issued with the completion "
            "report, at the latest on the acceptance day: certificate_days after acceptance "
            "(0 by default)."
        ),
        value="at the latest on the acceptance day (0 days)",
        sources=(
            Source(
                "REG",
                "Art. 39",
                "建设工程承包单位在向建设单位提交工程竣工验收报告时，应当向建设单位出具质量保修书。",
            ),
            Source(
                "S000",
                "3.质量保修责任(1)",
                "工程质量保修书由施工合同发包人和承包人双方在竣工验收前共同签署,其有效期限至保修期满。",
            ),
        ),
        effective_from=dt.date(2000, 1, 30),
        policy_fields=("certificate_days",),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-CERTIFICATE-DELIVERY",
        title_zh="发送房屋保修卡",
        title_en="Deliver the signed certificate to the owner",
        statement=(
            "The signed certificate (房屋保修卡) is delivered to the owner at acceptance or "
            "within certificate_delivery_days after it; the source's range 3~7 d is read as "
            "within its upper bound."
        ),
        value="7 days",
        sources=(
            Source(
                "S000",
                "3.质量保修责任(1)",
                "一般是在工程竣工验收的同时(或之后的3~7d内),施工单位向建设单位发送《房屋建筑工程质量保修书》。",
            ),
        ),
        policy_fields=("certificate_delivery_days",),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-SITE-CLEAR",
        title_zh="竣工验收后现场撤场",
        title_en="Clear the site after acceptance",
        statement="The site is cleared within site_clear_days of the acceptance day.",
        value="10 days",
        sources=(Source("S003", "1、工程交付", "竣工验收后十日内完成现场撤场"),),
        policy_fields=("site_clear_days",),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-REVISIT-PLAN",
        title_zh="制定工程回访计划",
        title_en="Make the project's revisit plan",
        statement=(
            "The project's revisit plan is made at handover ('立即'): revisit_plan_days "
            "after acceptance (0 by default)."
        ),
        value="at handover (0 days)",
        sources=(
            Source(
                "S003",
                "(2)工作程序 2)",
                "回访工程竣工交付后,派出机构应立即制定《工程回访计划》",
            ),
        ),
        policy_fields=("revisit_plan_days",),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SLA-STRUCTURAL-REPORT",
        title_zh="涉及结构安全的质量缺陷报告",
        title_en="Report a structural-safety defect",
        statement=(
            "A defect touching structural safety is reported by the owner to the local "
            "construction authority on the notice day (structural_report_days, 0 by "
            "default); a design unit proposes the repair (MEAS 10) and the repair is filed "
            "after acceptance (MEAS 11). For such a notice this replaces SLA-PLAN."
        ),
        value="on the notice day (0 days)",
        sources=(
            Source(
                "MEAS",
                "Art. 10",
                "发生涉及结构安全的质量缺陷，建设单位或者房屋建筑所有人应当立即向当地建设行政主管部门报告，采取安全防范措施；由原设计单位或者具有相应资质等级的设计单位提出保修方案，施工单位实施保修，原工程质量监督机构负责监督。",
            ),
            Source(
                "MEAS",
                "Art. 11",
                "保修完成后，由建设单位或者房屋建筑所有人组织验收。涉及结构安全的，应当报当地建设行政主管部门备案。",
            ),
        ),
        effective_from=_MEAS,
        policy_fields=("structural_report_days",),
        checked_on=_CHECKED,
    ),
)
