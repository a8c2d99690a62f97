"""Sources that rules of several areas cite: one quote each, kept in one place.

A quote stands here once, so that two rules citing the same sentence cannot drift apart;
each module of ``ruledata`` imports the ones it cites.
"""

from __future__ import annotations

from revisit_rules.rulebook import Source

#: 《建设工程质量管理条例》 Art. 40: the statutory periods are minimums.
REG_40 = Source("REG", "Art. 40", "在正常使用条件下，建设工程的最低保修期限为")
#: 《房屋建筑工程质量保修办法》 Art. 6: agreed periods must meet the national rules.
MEAS_6 = Source(
    "MEAS",
    "Art. 6",
    "建设单位和施工单位应当在工程质量保修书中约定保修范围、保修期限和保修责任等，"
    "双方约定的保修范围、保修期限必须符合国家有关规定。",
)
#: 《房屋建筑工程质量保修办法》 Art. 12: the owner may have another unit repair.
MEAS_12 = Source(
    "MEAS",
    "Art. 12",
    "施工单位不按工程质量保修书约定保修的，建设单位可以另行委托其他单位保修，由原施工单位承担相应责任。",
)
#: 《建设工程质量保证金管理办法》 Art. 9: no deduction for defects others caused.
RET_9 = Source(
    "RET",
    "Art. 9",
    "由他人原因造成的缺陷，发包人负责组织维修，承包人不承担费用，且发包人不得从保证金中扣除费用。",
)
#: S001 房屋维修管理制度: the contractor silent 24 hours after the property manager's notice.
S001_NO_ACTION = Source(
    "S001",
    "房屋维修管理制度 第五条(二)1",
    "施工单位接到通知后24小时内未安排维修处理,物业公司填报《维修申请单》,经审批后进场维修处理,发生费用从原施工单位质保金中扣除。",
)
#: S004 QP/HX750-03 4.7.3: the complaint and rework rates analysed.
S004_RATES = Source("S004", "QP/HX750-03 4.7.3", "包括定性和定量(如,投诉率、返修率)分析")
