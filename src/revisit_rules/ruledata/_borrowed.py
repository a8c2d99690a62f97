"""The seed sections that are not about construction: no rule may cite them but a borrowed one.

The seeds are collections of web templates, and several sections come from other trades
(decisions § 0). Each row names the seed, the line the section begins with, the line it
ends with (both the first words of the line, as the seed writes them; the section is every
line from the first to the last, both included) and the trade. A rule whose source lies in
one of these sections is marked ``borrowed=True`` in the registry, and the rule table says
so; the registry's tests check that no other rule cites them.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Section(NamedTuple):
    """A seed section from another trade: seed, first and last line's opening, trade."""

    seed: str
    first: str
    last: str
    trade: str


NON_CONSTRUCTION: Final = (
    # S000 质量回访制度范文: a pressure-vessel maker's product revisits (压力容器产品).
    Section("S000", "质量回访制度范文", "质量回访记录和处理结果报质管办", "pressure vessels"),
    # S001 客户回访管理规定方法[1]: a commercial bank's branch (我行产品, 永城支行).
    Section("S001", "客户回访管理规定方法[1]", "客户回访管理规定 1 目的", "banking"),
    # S001 客户拜访管理制度: a chemical trading company (鸿枫化工有限公司).
    Section("S001", "06-25客户拜访管理制度(新)", "2.对超过一周未合作客户的回访", "chemical sales"),
    # S001 客户回访管理制度: a software and equipment vendor (软件开发, 设备验收单).
    Section(
        "S001",
        "客户回访管理制度",
        "客户回访管理制度 为了及时、真实掌握客户使用公司产品",
        "software",
    ),
    # S001 客户回访制度以流程: a sales office selling flats (推销与之匹配的户型).
    Section(
        "S001", "客户回访制度以流程", "1、销售经理负责对客户回访工作进行检查", "property sales"
    ),
    # S001 客户回访管理规定方法: the bank's template again (我行产品).
    Section("S001", "客户回访管理规定方法", "4.1 调取客户资料", "banking"),
    # S001 私募基金客户回访管理规定: a private fund manager (私募投资基金).
    Section(
        "S001", "私募基金客户回访管理规定", "(1)回访的方法 采用电话通讯方式回访", "private funds"
    ),
    # S001 客户回访管理制度 第1章总则: a chain of gas stations (加油站).
    Section("S001", "客户回访管理制度", "及时上报至客户服务部经理处", "gas stations"),
    # S002 3客户回访计划: a tax and accounting firm (税务问题或者会计问题).
    Section("S002", "3客户回访计划", "④向上一级汇报回访情况", "tax and accounting"),
)
