"""Rules WTY-*: warranty categories and their minimum periods (decisions § 1).

Sources (decisions § 0): REG = 建设工程质量管理条例 Art. 40 (its closing sentence
"建设工程的保修期，自竣工验收合格之日起计算" verified); MEAS = 房屋建筑工程质量保修办法
(建设部令第80号) Art. 6 (agreed periods must meet national rules), Art. 7 (minimums; item
(四) reads 电气系统 in some copies, decoration is its own item (五)), Art. 8 (start); GB 50068
design working life categories; seeds S000, S001, S003 quoted as in ``shared/seeds/``.
"""

from __future__ import annotations

import datetime as dt

from revisit_rules.rulebook import Rule, Source
from revisit_rules.ruledata._checked import _CHECKED, _CHECKED_V2
from revisit_rules.ruledata._sources import MEAS_6, REG_40

_REG = dt.date(2000, 1, 30)  # 建设工程质量管理条例 in force
_MEAS = dt.date(2000, 6, 30)  # 房屋建筑工程质量保修办法 in force
_S003 = Source(
    "S003",
    "",
    "⑴基础设施工程、房屋建筑的地基基础工程和主体结构工程,为设计文件规定的该工程的合理使用年限;"
    "⑵屋面防水工程、有防水要求的卫生间和外墙面的防渗漏,为5年;⑶供热与供冷系统,为2个采暖期、供冷期;"
    "⑷电气管线、给排水管道、设备安装和装修工程,为2年。",
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="WTY-START",
        title_zh="保修期的起算",
        title_en="Start of the warranty period",
        statement=(
            "Every warranty period starts on the day the completion acceptance is passed "
            "(竣工验收合格之日), the project's accepted_on."
        ),
        value="accepted_on",
        sources=(
            Source("REG", "Art. 40", "建设工程的保修期，自竣工验收合格之日起计算。"),
            Source("MEAS", "Art. 8", "房屋建筑工程保修期从工程竣工验收合格之日起计算。"),
            Source("S001", "", "保修期限自竣工验收合格之日起计算"),
            Source("S003", "", "建设工程的保修期,自竣工验收合格之日起计算。"),
        ),
        effective_from=_REG,
        checked_on=_CHECKED,
    ),
    Rule(
        id="WTY-STRUCTURE",
        title_zh="地基基础工程和主体结构工程",
        title_en="Foundations and main structure",
        statement=(
            "Foundations and the main structure (infrastructure included) are under warranty "
            "for the design working life stated in the design documents."
        ),
        value="the design working life (DesignLife())",
        sources=(
            Source(
                "REG",
                "Art. 40(1)",
                "基础设施工程、房屋建筑的地基基础工程和主体结构工程，为设计文件规定的该工程的合理使用年限",
            ),
            Source("MEAS", "Art. 7(1)"),
            _S003,
        ),
        effective_from=_REG,
        checked_on=_CHECKED,
    ),
    Rule(
        id="WTY-WATERPROOF",
        title_zh="屋面防水工程、有防水要求的卫生间、房间和外墙面的防渗漏",
        title_en="Roof waterproofing; leak-proofing of wet rooms and external walls",
        statement="At least 5 years.",
        value="Years(5)",
        sources=(
            Source(
                "REG", "Art. 40(2)", "屋面防水工程、有防水要求的卫生间、房间和外墙面的防渗漏，为5年"
            ),
            Source("MEAS", "Art. 7(2)"),
            _S003,
        ),
        effective_from=_REG,
        checked_on=_CHECKED,
    ),
    Rule(
        id="WTY-HEATING",
        title_zh="供热系统",
        title_en="Heating system",
        statement=(
            "At least 2 heating seasons of the project's region (SEA-HEATING, SEA-COUNT). "
            "Where the region has no heating season, a contract term in years, months or "
            "days stands as given (finding NO_SEASON); without one it is an error "
            "(SEA-NO-SEASON)."
        ),
        value="HeatingSeasons(2)",
        sources=(
            Source("REG", "Art. 40(3)", "供热与供冷系统，为2个采暖期、供冷期"),
            Source("MEAS", "Art. 7(3)", "供热与供冷系统，为2个采暖期、供冷期"),
            _S003,
        ),
        effective_from=_REG,
        checked_on=_CHECKED,
    ),
    Rule(
        id="WTY-COOLING",
        title_zh="供冷系统",
        title_en="Cooling system",
        statement="At least 2 cooling seasons of the project's region (SEA-COOLING, SEA-COUNT).",
        value="CoolingSeasons(2)",
        sources=(
            Source("REG", "Art. 40(3)", "供热与供冷系统，为2个采暖期、供冷期"),
            Source("MEAS", "Art. 7(3)", "供热与供冷系统，为2个采暖期、供冷期"),
            _S003,
        ),
        effective_from=_REG,
        checked_on=_CHECKED,
    ),
    Rule(
        id="WTY-ELEC-PLUMB",
        title_zh="电气管线、给排水管道",
        title_en="Electrical lines, water supply and drainage pipes",
        statement="At least 2 years (some copies of MEAS Art. 7 read 电气系统 for 电气管线).",
        value="Years(2)",
        sources=(
            Source("REG", "Art. 40(4)", "电气管线、给排水管道、设备安装和装修工程，为2年"),
            Source("MEAS", "Art. 7(4)"),
            _S003,
        ),
        effective_from=_REG,
        checked_on=_CHECKED,
    ),
    Rule(
        id="WTY-EQUIPMENT",
        title_zh="设备安装工程",
        title_en="Equipment installation",
        statement="At least 2 years.",
        value="Years(2)",
        sources=(
            Source("REG", "Art. 40(4)", "电气管线、给排水管道、设备安装和装修工程，为2年"),
            Source("MEAS", "Art. 7(4)"),
            _S003,
        ),
        effective_from=_REG,
        checked_on=_CHECKED,
    ),
    Rule(
        id="WTY-DECORATION",
        title_zh="装修工程",
        title_en="Decoration",
        statement="At least 2 years (MEAS lists decoration as its own item (五)).",
        value="Years(2)",
        sources=(
            Source("REG", "Art. 40(4)", "电气管线、给排水管道、设备安装和装修工程，为2年"),
            Source("MEAS", "Art. 7(5)", "装修工程为2年"),
            _S003,
        ),
        effective_from=_REG,
        checked_on=_CHECKED,
    ),
    Rule(
        id="WTY-OTHER",
        title_zh="其他项目",
        title_en="Other works",
        statement=(
            "Other works (e.g. estate roads, water supply and drainage facilities) have no "
            "statutory minimum: the parties agree the period, so a contract term is required "
            "and stands as given."
        ),
        value="agreed by the parties; a contract term is required",
        sources=(
            Source("REG", "Art. 40", "其他项目的保修期限由发包方与承包方约定。"),
            Source("MEAS", "Art. 7", "其他项目的保修期限由建设单位和施工单位约定。"),
            Source(
                "S000",
                "",
                "住宅小区内的给排水设施、道路等配套工程及其他项目的保修期由建设单位和施工单位约定。",
            ),
        ),
        effective_from=_REG,
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="WTY-MIN",
        title_zh="最低保修期限",
        title_en="Statutory periods are minimums",
        statement=(
            "A contract may agree a longer period, never a shorter one. The effective last "
            "day is the later of the statutory and the contract's last day, compared as "
            "dates for the project; a contract term ending earlier is reported as "
            "BELOW_STATUTORY_MINIMUM and the statutory day applies. Company templates "
            "(S000: one year; 新建1年/改建半年/维修3个月) are contract terms checked the same way; "
            "for OTHER they stand as given."
        ),
        value="the later of the statutory and contract days",
        sources=(
            REG_40,
            MEAS_6,
            Source("S000", "第十三条", "保修期限为工程竣工后一年"),
            Source(
                "S000",
                "",
                "新建工程:自竣工之日起保修1年;- 改建工程:自竣工之日起保修半年;- 维修工程:自完工之日起保修3个月。",
            ),
        ),
        effective_from=_MEAS,
        checked_on=_CHECKED_V2,
    ),
    Rule(
        id="WTY-DESIGN-LIFE",
        title_zh="设计文件规定的合理使用年限",
        title_en="Design working life from the design documents",
        statement=(
            "The structure's warranty is the design working life stated in the project's "
            "design documents. There is no silent default: a structure period without a "
            "design life is an error naming the GB 50068 categories (5, 25, 50, 100 years). "
            "Decision: another whole number of years is used as stated (REG Art. 40(1) "
            "defers to the design documents; infrastructure follows other standards) and "
            "reported as the finding DESIGN_LIFE_NOT_GB50068."
        ),
        value="from the project (design_life_years); no default",
        sources=(
            Source("REG", "Art. 40(1)", "为设计文件规定的该工程的合理使用年限"),
            Source("GB50068", "categories 1–4: 5, 25, 50, 100 years"),
        ),
        checked_on=_CHECKED,
    ),
)
