"""Rules SAT-*: grading revisits, surveys, indicators and customer classes (decisions § 8).

VIS-OWNER (decisions § 5, who leads a visit) lives here too, beside SAT-CLASS, the
customer classes it reads.

Quotes are verbatim from the seeds (``../shared/seeds/``), punctuation as printed there,
and from 《中华人民共和国民法典》 Art. 1259 for how 以上/以下/低于/高于 are read.
"""

from __future__ import annotations

from revisit_rules.rulebook import Rule, Source
from revisit_rules.ruledata._checked import _CHECKED, _CHECKED_V2
from revisit_rules.ruledata._sources import S004_RATES

#: CC Art. 1259: how the thresholds of the company templates are read (decisions § 8).
_CC_1259 = Source(
    "CC",
    "Art. 1259",
    "民法所称的“以上”、“以下”、“以内”、“届满”，包括本数；所称的“不满”、“超过”、“以外”，不包括本数。",
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="SAT-ABC",
        title_zh="回访评级(A、B、C)",
        title_en="Grading a revisit A, B or C",
        statement=(
            "Each axis is graded, and the visit's grade is the worse of the two. Quality "
            "score (0–100): at least quality_a_min (85分以上, which includes 85) is A; at "
            "least quality_b_min and below quality_a_min is B; below quality_b_min (低于75分, "
            "which excludes 75) is C. Service: 优秀 excellent is A, 良好 good is B, 一般 "
            "average and 较差 poor are C. This agrees with every case the source states and "
            "also grades the cases it leaves open (quality A with service good: B; quality B "
            "with service excellent: B; quality B with service average or poor: C; quality "
            "exactly 85 with service average or poor: C). Scores are exact numbers (int, "
            "Decimal, Fraction); floats are refused."
        ),
        value="A: quality >= 85 and excellent; B: the worse axis is B; otherwise C",
        sources=(
            Source(
                "S000",
                "施工质量回访制度 五",
                "根据客户满意度评价,回访需按照A、B、C三个等级进行评定:",
            ),
            Source(
                "S000",
                "施工质量回访制度 五",
                "A级:客户对工程质量评价满意度85分以上,和对公司的服务水平及关注度的满意度评价为优秀。",
            ),
            Source(
                "S000",
                "施工质量回访制度 五",
                "B级:客户对工程质量评价满意度75-85分,和对公司的服务水平及关注度的满意度评价为良好。",
            ),
            Source(
                "S000",
                "施工质量回访制度 五",
                "C级:客户对工程质量评价满意度低于75分或高于85分但对公司的服务水平及关注度的满意度评价为一般或较差。",
            ),
            _CC_1259,
            Source("DECISIONS", "§ 8 SAT-ABC", "the worse of the two axes"),
        ),
        policy_fields=("quality_a_min", "quality_b_min"),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SAT-SCALE",
        title_zh="满意度等级与加权得分",
        title_en="Satisfaction scale and weighted survey score",
        statement=(
            "Each answer is one of five levels: 很满意 100, 满意 80, 较满意 60, 不满意 40, "
            "很不满意 0 (Policy.satisfaction_scale; whole scores falling from best to worst). "
            "A survey's score is the weighted mean of its answers over its factors "
            "(weights set per project by the owner's concern; equal weights when none are "
            "given), computed exactly and rounded once to 0.01 half-to-even, so it always "
            "lies between the lowest and the highest answer."
        ),
        value="100/80/60/40/0; weighted mean to 0.01 (ROUND_HALF_EVEN)",
        policy_fields=("satisfaction_scale",),
        sources=(
            Source(
                "S003",
                "5(2)",
                "业主满意程度满分100分,划分为很满意(100)、满意(80)、较满意(60)、不满意(40)、很不满意(0)五个等级。",
            ),
            Source(
                "S003",
                "5(2)",
                "我们将根据业主的关注度的不同,对满意度的考察内容的权重进行分配。",
            ),
            Source("S003", "5(2)", "在企业自评中测量方法采用要素权重的简便方法"),
            Source("DECISIONS", "§ 8 SAT-SCALE", "rounding to 0.01, half to even"),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SAT-RESPONSE",
        title_zh="调查表回收率",
        title_en="Survey response rate",
        statement=(
            "The owner survey's return target: at least survey_response_min of the forms "
            "sent come back (达到50%以上: 50 % itself counts). A survey below it is still "
            "scored and reported, with the finding BELOW_RETURN_TARGET (survey_result); "
            "survey_counts answers whether the target is met. A survey with no forms sent, "
            "or more forms returned than sent, is an input error."
        ),
        value="returned / sent >= 50 %",
        sources=(
            Source(
                "S004", "业主满意程度测量程序 4.2.1", "调查表的回收率应达到50%以上,以便于统计分析。"
            ),
            _CC_1259,
        ),
        policy_fields=("survey_response_min",),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="SAT-RATES",
        title_zh="回访处理率与投诉率",
        title_en="Revisit handling rate and complaint rate",
        statement=(
            "The revisit handling rate must reach handling_rate_target (达100%): issues raised "
            "at revisits that have a handling event (a fix notice, a repair notice or a "
            "complaint answered) by the period's end ÷ issues raised. The complaint rate "
            "(complaints ÷ households or services, the caller's denominator) must stay at "
            "most complaint_rate_max: 1%以下 includes 1 % (CC 1259; complaint_rate_inclusive, "
            "default True). Both are targets ('力争'): reported as met or not, never errors. "
            "The satisfaction rate is the share of graded visits not graded C (C is the "
            "grade that has not reached the owner's satisfaction, SAT-ACTION); the sources "
            "set no target for it. Unrated visits are left out of the denominator; an empty "
            "denominator gives no value and no verdict (None)."
        ),
        value="handling rate >= 100 %; complaint rate <= 1 %",
        sources=(
            Source(
                "S001", "住宅区管理处回访制度 一.4", "回访处理率达100%,投诉率力争控制在1%以下。"
            ),
            _CC_1259,
            Source("DECISIONS", "§ 8 SAT-RATES"),
        ),
        policy_fields=("handling_rate_target", "complaint_rate_max", "complaint_rate_inclusive"),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="SAT-SAMPLING",
        title_zh="维修回访抽样率",
        title_en="Repair-revisit sampling rates",
        statement=(
            "Repair revisits are shared out: the manager revisits at least 10 % of repairs, "
            "the supervisor at least 30 %, the repair lead at least 60 %; complaints are "
            "revisited 100 %, resident repair requests and repair works at least 30 %. For "
            "each role: repairs done in the period with at least one repair revisit by that "
            "role ÷ repairs done (a repair counts for every role that revisited it). Rates "
            "against targets, not deadlines."
        ),
        value="manager ≥ 10 %, supervisor ≥ 30 %, repair lead ≥ 60 %; complaints 100 %",
        sources=(
            Source(
                "S001",
                "物业 回访工作制度 一",
                "维修回访由经理、主管、维修负责人担任。其中:经理回访率不低于10%;主管回访率不低于30%;维修负责人回访率不低于60%。",
            ),
            Source("S001", "物业 投诉事件的回访", "回访率应该达到100%"),
            Source("S001", "物业 维修工程的回访", "回访率应该达到30%"),
            _CC_1259,
        ),
        policy_fields=(
            "manager_revisit_min",
            "supervisor_revisit_min",
            "repair_lead_revisit_min",
            "complaint_revisit_min",
            "works_revisit_min",
        ),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="SAT-SURVEY",
        title_zh="业主满意度调查的时间",
        title_en="When the owner satisfaction survey is sent",
        statement=(
            "The owner satisfaction survey is sent every fourth quarter and at least once a "
            "year: each project with a non-structural warranty in force on 1 October owes a "
            "survey sent between 1 October and 31 December. Each completed project is "
            "surveyed once at the end of its warranty, on the pre-expiry trip of its "
            "last-ending warranty other than the structure. S000's quarterly survey is a "
            "company preset."
        ),
        value="every fourth quarter, due 31 December; once at the end of the warranty",
        sources=(
            Source(
                "S004",
                "QP/HX821-01 4.2.1",
                "每年第四季度,管理部向业主发送《业主满意程度调查表》",
            ),
            Source(
                "S004",
                "QP/HX750-03 4.7.3",
                "销售部定期(每年至少一次)向顾客发放《顾客满意度调查表》",
            ),
            Source("S003", "", "竣工项目在保修末期调查一次"),
            Source("S000", "", "每季度进行顾客满意度调查"),
        ),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="SAT-REWORK",
        title_zh="返修率",
        title_en="Rework rate",
        statement=(
            "The share of delivered units that needed a warranty repair: repairs (or units "
            "repaired) in the period ÷ units delivered, the denominator the caller's. Beside "
            "it, the repeat-repair rate: defects not accepted the first time ÷ defects "
            "repaired. A defect still not right after two repairs triggers SLA-TWO-FAILURES. "
            "The sources set no target for either: rework_rate and repeat_repair_rate report "
            "the figures."
        ),
        value="repairs ÷ units delivered; repeat repairs ÷ defects repaired",
        sources=(S004_RATES,),
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="SAT-CLASS",
        title_zh="客户分类",
        title_en="Customer classes",
        statement=(
            "Customers are classed A, B or C on operating condition, payment timeliness and "
            "cooperation; classes A and B may be split into AAA/AA/A and BBB/BB/B, each "
            "sub-class belonging to its class. Borrowed from a tax firm's customer plan "
            "inside S002: by default the class is carried and changes nothing. With "
            "lead_by_customer_class the class decides who leads every visit (A: department "
            "manager, B: supervisor, C: staff), and a customer with many complaints or a "
            "serious problem gets the department manager (finding PRIORITY_CUSTOMER)."
        ),
        value="A (AAA, AA, A), B (BBB, BB, B), C; class leads only if asked",
        sources=(
            Source(
                "S002",
                "3客户回访计划 二",
                "根据公司客户的经营状况、付款及时性、配合工作的程度等方面进行评价,可以把公司客户分为以下三类:A类、B类、C类;对A、B两大类也可以细分为AAA类、AA类、A类;BBB类、BB类、B类。",
            ),
            Source(
                "S002",
                "3客户回访计划 三(1)①",
                "对于A类客户由部门经理进行跟踪回访;对B类客户由部门主管进行跟踪回访;对C类客户由部门职员进行跟踪回访。",
            ),
            Source(
                "S002",
                "3客户回访计划 三(1)②",
                "对公司服务质量投诉比较多客户、问题比较大的客户由部门经理进行回访;",
            ),
        ),
        borrowed=True,
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="SAT-ACTION",
        title_zh="评级后的跟进与纠正措施",
        title_en="Follow-up after grading; corrective action for grade C",
        statement=(
            "After grading, the commercial department follows up each grade and reports to "
            "the quality director (S000). Our reading, recorded as a decision: a C grade "
            "opens a corrective-action item (cause analysis, corrective measures carried "
            "out), by analogy with S000 顾客调查反馈制度 and S002 1.4 (a year-end duty per "
            "project): computed as Grading.requires_corrective_action and SAT-ACTION in the "
            "rules of every C grading. The per-grade follow-up (合理的赠品或打折优惠, the report "
            "to the quality director) is documentary: the source fixes no content per grade "
            "that could be computed, only who acts."
        ),
        value="grade C requires a corrective-action record",
        sources=(
            Source(
                "S000",
                "施工质量回访制度 五",
                "针对不同等级的回访,商务部门需要及时对客户进行合理的赠品或打折优惠,并向公司质量管理总监汇报。",
            ),
            Source(
                "S002",
                "1.4 回访总结",
                "对于未能达到业主满意的工程,应由责任部门进行原因分析,制定并实施纠正措施,以使其最终达到业主满意。",
            ),
            Source(
                "S003",
                "5(3)",
                "(3)纠正措施对于未能达到顾客满意的工程,我司将进行原因分析,制定并实施纠正措施,以使最终达到顾客满意。",
            ),
        ),
        checked_on=_CHECKED_V2,
    ),
    # VIS-OWNER belongs to decisions § 5 but sits beside SAT-CLASS, whose class leads
    # replace its own when asked; ruledata/vis.py must not register it again.
    Rule(
        id="VIS-OWNER",
        title_zh="回访负责人",
        title_en="Who leads a visit",
        statement=(
            "Every visit is led by the project manager (项目经理; for the handover with the "
            "original project team), with technical staff taking part; under the QUARTERLY "
            "cadence (S003's scheme) the managing director or chief engineer leads the "
            "periodic visits. A merged trip is led by the most senior lead among its visits "
            "(managing director > project manager). With lead_by_customer_class the class "
            "leads of SAT-CLASS are used instead."
        ),
        value="项目经理; QUARTERLY periodic: 主管经理/总工程师",
        sources=(
            Source("S002", "三 1)", "1)该项目负责人或工程负责人负责工程回访。"),
            Source("S002", "三 3)", "3)技术人员参加工程回访。"),
            Source(
                "S002",
                "1.1",
                "项目经理应于工程竣工交付三个月内组织原项目经理部相关人员对用户进行回访",
            ),
            Source("S000", "竣工工程质量回访制度 二", "1. 项目经理负责组织和实施质量回访工作。"),
            Source("S003", "", "小组由公司主管经理或公司总工程师带队"),
        ),
        policy_fields=("cadence", "lead_by_customer_class"),
        checked_on=_CHECKED_V2,
    ),
)
