"""Rules LIA-*: who repairs a defect and who pays, from which fund (decisions § 6).

The table comes from the company rule S002 § 2.2 (工程维修责任划分原则), read with the
statutes: 房屋建筑工程质量保修办法 (MEAS) Art. 9, 12, 13, 14 and its exclusions,
建设工程质量管理条例 (REG) Art. 41, 建设工程质量保证金管理办法 (RET) Art. 9. Quotes from
the seeds are verbatim (their half-width punctuation kept). The MEAS exclusions are quoted
as a sentence, without an article number, because copies number them differently.
"""

from __future__ import annotations

import datetime as dt

from revisit_rules.rulebook import Rule, Source
from revisit_rules.ruledata._checked import _CHECKED, _CHECKED_V2
from revisit_rules.ruledata._sources import MEAS_12, RET_9, S001_NO_ACTION

_MEAS = dt.date(2000, 6, 30)  # 房屋建筑工程质量保修办法 in force
_MEAS_13 = Source("MEAS", "Art. 13", "保修费用由质量缺陷的责任方承担。")
_MEAS_14 = Source("MEAS", "Art. 14", "建设单位向造成房屋建筑工程质量缺陷的责任方追偿。")
_MEAS_EXCLUDED = Source(
    "MEAS",
    "",
    "下列情况不属于本办法规定的保修范围：（一）因使用不当或者第三方造成的质量缺陷；"
    "（二）不可抗力造成的质量缺陷。",
)
_REG_41 = Source(
    "REG",
    "Art. 41",
    "建设工程在保修范围和保修期限内发生质量问题的，施工单位应当履行保修义务，并对造成的损失承担赔偿责任。",
)
_S000_EXCLUDED = Source(
    "S000",
    "保修范围",
    "凡是由于用户使用不当或第三方造成建筑功能不良或损坏者;或是工业产品项目发生问题;或不可抗力造成的质量缺陷等,均不属保修范围",
)
_S002_SHORTFALL = Source(
    "S002",
    "§ 2.2",
    "另行安排人员进行维修,维修费用从相应的工程分包或专业公司预留保修金中扣除,不足部分由工程部门、合约与采购中心、主管副总审核,公司总经理审批,并计入项目成本。",
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="LIA-SUB",
        title_zh="工程分包或专业分包原因",
        title_en="One subcontractor's workmanship",
        statement=(
            "A defect caused by one subcontractor's work, found within the warranty, is "
            "repaired by that subcontractor and paid by it from its warranty retention "
            "(分包保修金). Name it with shares={Party(Role.SUBCONTRACTOR, 'X'): 1}."
        ),
        value="the subcontractor repairs; SUB_RETENTION pays",
        sources=(
            Source(
                "S002",
                "§ 2.2",
                "项目在保修期内发生由工程分包或专业分包的原因造成的工程维修,维修责任和维修费用由相应的工程分包或专业分包承担。",
            ),
            _MEAS_13,
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-SUB-DEFAULT",
        title_zh="分包不履行维修责任",
        title_en="The responsible party does not repair",
        statement=(
            "A subcontractor that does not repair, or repairs below the national standard: "
            "the general contractor has another team repair, and the cost is deducted from "
            "the subcontractor's retention. A shortfall of a retention or of the project's "
            "provision is reviewed by the engineering department, contracts & procurement "
            "and the deputy GM in charge, approved by the GM, and charged to project cost. "
            "One level up (MEAS 12): where the general contractor is the one to repair and "
            "does not, the owner has another unit repair and the contractor's side still "
            "bears the cost as allocated."
        ),
        value="another team repairs; retention first, shortfall to project cost after approval",
        sources=(
            Source(
                "S002",
                "§ 2.2",
                "不履行维修责任或维修质量达不到国家相应规范的质量标准,由工程部门协调项目维修责任人员",
            ),
            _S002_SHORTFALL,
            MEAS_12,
            Source(
                "RET",
                "Art. 9",
                "如承包人不维修也不承担费用，发包人可按合同约定从保证金或银行保函中扣除",
            ),
            S001_NO_ACTION,
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-JOINT",
        title_zh="总包和分包共同原因",
        title_en="General contractor and subcontractors together",
        statement=(
            "The general contractor organises the repair. The cost is split by the shares "
            "the engineering department rules with the first person responsible for the "
            "warranty (共同裁定: the caller passes them; LIA-MONEY); each part comes from that "
            "party's fund: a subcontractor's retention, the general contractor's project "
            "warranty provision (项目预提保修金)."
        ),
        value="split by shares; SUB_RETENTION / CONTRACTOR_PROVISION",
        sources=(
            Source(
                "S002",
                "§ 2.2",
                "由总包和工程分包或专业分包共同原因造成的工程维修,已移交工程部门的项目由工程部门负责组织维修,费用分担由工程部门协同工程保修第一责任人共同裁定,分别从相应的工程分包或专业分包预留保修抵押金和项目预提保修抵押金中扣除",
            ),
            _MEAS_13,
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-MULTI-SUB",
        title_zh="多家分包共同原因",
        title_en="Several subcontractors",
        statement=(
            "The general contractor organises the repair; the cost is split by the agreed "
            "shares (LIA-MONEY), each part from that subcontractor's retention."
        ),
        value="split by shares; SUB_RETENTION",
        sources=(
            Source(
                "S002",
                "§ 2.2",
                "由多家工程分包或专业公司共同原因造成的工程维修,已移交工程部门的项目由工程部门组织维修,费用分担由工程部门协同工程保修第一责任人共同裁定,分别从相应的工程分包或专业分包预留保修抵押金扣除",
            ),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-GC",
        title_zh="总包单位原因",
        title_en="General contractor's own work",
        statement=(
            "A defect of the general contractor's own work is repaired by it and paid from "
            "the project's warranty provision; a shortfall as in LIA-SUB-DEFAULT. Decision: "
            "a workmanship defect given without shares is the general contractor's (it "
            "signed the warranty and answers for the work unless a subcontractor's part is "
            "established); the allocation reports DEFAULT_GENERAL_CONTRACTOR."
        ),
        value="the general contractor repairs; CONTRACTOR_PROVISION pays",
        sources=(
            Source(
                "S002",
                "§ 2.2",
                "项目在保修期内发生由总包单位原因造成的工程维修,已移交工程部门的项目维修责任由工程部门组织维修,维修费用从项目预提保修金中扣除",
            ),
            _REG_41,
            Source("DECISIONS", "§ 6 LIA-GC; default party when no shares are given"),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-MATERIAL",
        title_zh="材料、构配件和设备质量不合格",
        title_en="Defective materials, components, equipment",
        statement=(
            "The general contractor repairs within the warranty. Who pays depends on who "
            "procured: the contractor (with recourse against its supplier, whose retention "
            "it holds until the warranty ends), the designer or the owner (that party), the "
            "owner's designated source (the owner)."
        ),
        value="by procurement: CONTRACTOR / DESIGNER / OWNER / OWNER_DESIGNATED",
        sources=(
            Source(
                "S002",
                "§ 2.2",
                "因建筑材料、构配件和设备质量不合格引起的质量缺陷,属于公司自行采购的,由公司承担经济责任;属于设计单位和建设单位采购的由设计单位和建设单位承担经济责任。属于业主指定采购的由业主承担经济责任。",
            ),
            Source(
                "S002",
                "§ 2.3",
                "工程保修期结束后,由工程部门扣除其应承担的保修费用后,开具《分包商/ 供应商保修结算单》",
            ),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-DESIGN",
        title_zh="设计原因",
        title_en="Design defect",
        statement=(
            "A design defect is not the contractor's warranty. The owner organises the "
            "repair and bears it towards the contractor, with recourse against the designer."
        ),
        value="the owner pays; recourse against the designer",
        sources=(
            _MEAS_13,
            _MEAS_14,
            RET_9,
            Source("S001", "房屋维修管理制度 第五条(一)2", "属于设计缺陷引起的质量问题"),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-MISUSE",
        title_zh="使用不当",
        title_en="Improper use",
        statement=(
            "A defect caused by improper use is outside the warranty and the user's; the "
            "contractor may help with the repair at the user's cost."
        ),
        value="the user pays",
        sources=(
            Source(
                "S002",
                "§ 2.2",
                "因使用不当造成的质量缺陷由使用者负责。如需公司维修时,公司应尽力协助解决,费用由使用者承担。",
            ),
            _MEAS_EXCLUDED,
            _S000_EXCLUDED,
        ),
        effective_from=_MEAS,
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-THIRD",
        title_zh="第三方造成",
        title_en="A third party",
        statement="A defect caused by a third party is outside the warranty; the third party pays.",
        value="the third party pays",
        sources=(_MEAS_EXCLUDED, _S000_EXCLUDED, RET_9),
        effective_from=_MEAS,
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-FORCE",
        title_zh="不可抗力",
        title_en="Force majeure",
        statement=(
            "War, earthquake, flood, typhoon and other force majeure: the contractor is not "
            "liable; the owner bears its own loss."
        ),
        value="the owner bears its own loss",
        sources=(
            Source(
                "S002",
                "§ 2.2",
                "因战争、地震、洪水、台风等不可抗拒力造成的质量问题,公司不承担经济责任。",
            ),
            _MEAS_EXCLUDED,
            _S000_EXCLUDED,
        ),
        effective_from=_MEAS,
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-OWNER-WORK",
        title_zh="甲方分包工程及甲供设备",
        title_en="Owner's separate works and owner-supplied equipment",
        statement=(
            "Work the owner contracted separately (甲方分包工程) and equipment the owner "
            "supplied (甲供设备) are outside the contractor's warranty: the owner bears them, "
            "with recourse against its own contractors and suppliers where it names them. "
            "The contractor's installation of owner-supplied equipment stays under its "
            "warranty (REG 40(4) 设备安装): only the equipment itself is outside."
        ),
        value="the owner pays",
        sources=(
            Source("S003", "质量保修措施 2", "均属本公司保修责任范围(甲方分包工程及甲供设备除外)"),
            _MEAS_13,
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-EXPIRED",
        title_zh="超出保修期限",
        title_en="Found after the warranty",
        statement=(
            "A defect found after its category's last day (warranty_expiry; found_on > "
            "last_day) is the owner's; the contractor may help with the repair. A defect "
            "found on the last day is still covered (CC 1259: 届满 includes the day)."
        ),
        value="the owner pays",
        sources=(
            Source(
                "S002",
                "§ 2.2",
                "已超出保修期限而出现质量问题的,公司可协助维修,但费用由业主承担。",
            ),
            Source(
                "S000",
                "第十四条",
                "超出保修期的问题,客户可以选择收费维修,具体费用和时间由公司和客户协商确定。",
            ),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-PM",
        title_zh="项目经理未按时到达现场",
        title_en="Project manager late on site",
        statement=(
            "A project manager who does not reach the site within pm_arrival_days of the "
            "notice (SLA-PM-ARRIVE): the company assigns another team. S001's rule is the "
            "company's towards its own manager (项目经理责任制); it cannot move what MEAS 13 "
            "puts on others. COMPANY_PART (default): the manager's responsibility account is "
            "charged the part the company itself would have paid (LIA-GC, the GC's share of "
            "LIA-JOINT, contractor-procured material) plus the other team's extra outlay "
            "(Defect.reassignment_cost); every other charge stands. ALL_COSTS (the literal "
            "reading, opt-in): the subcontractors' and contractor-procured suppliers' parts "
            "join the manager's charge and become recourse credited to the manager; the "
            "owner's, designer's and user's parts stay theirs. PM_LATE is recorded on "
            "excluded defects too (no money moves), not on a notice after the last day."
        ),
        value="the company's part and the reassignment cost to the project manager",
        sources=(
            Source(
                "S001",
                "建筑公司工程回访及保修制度 (二)",
                "各项目经理接到需保修工程的通知书后10天内,到达现场与建设单位共同明确责任方,商议返修内容、返修日期,否则公司有权另调人员组织返修,所发生的一切费用,由原施工的项目经理负责。",
            ),
            _MEAS_13,
            Source("DECISIONS", "§ 6 LIA-PM (read)"),
        ),
        policy_fields=("pm_arrival_days", "pm_late_scope"),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="LIA-MONEY",
        title_zh="金额计算",
        title_en="Money to the fen",
        statement=(
            "Money is decimal.Decimal in yuan with 2 decimal places (fen); floats and NaN are "
            "refused. A split by shares (which must sum to exactly 1) uses the largest-"
            "remainder method, so the parts add up to the total exactly; ties go to the "
            "parties in the order given."
        ),
        value="Decimal, fen; largest remainder, ties in the order given",
        sources=(Source("DECISIONS", "§ 6 LIA-MONEY"),),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LIA-TRACE",
        title_zh="责任划分留痕",
        title_en="Allocation trace",
        statement=(
            "An allocation names every rule that produced it, the warranty's own rules "
            "included, and every charge names the rules behind it."
        ),
        value="rules on every allocation and charge",
        sources=(Source("DECISIONS", "§ 6 LIA-TRACE"),),
        checked_on=_CHECKED,
    ),
)
