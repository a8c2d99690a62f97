"""Rules as data: the registry of every rule the library applies.

Each rule has one ID (``CAL-PERIOD``, ``WTY-MIN``, …) used alike in this registry, in the
code, in the tests, in the documentation and in every result's ``rules``; the decisions
the rules rest on are the documentation's Decisions page (``docs/decisions.md``).
A :class:`Rule` carries its bilingual titles, its statement, the value it has by default,
the :class:`Policy` fields that hold the value in force, and its sources. The rule tables
of the documentation and of ``revisit-rules rules`` are generated from here: both read the
rows of :func:`rule_rows` (one implementation), :func:`rule_table` formats them.

>>> from revisit_rules import RULES
>>> RULES["CAL-PERIOD"].title_en
"Computing a period's last day"
>>> RULES["CAL-PERIOD"].sources[0].document
'CC'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from revisit_rules._check import FrozenMap
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.render.tables import write_table

if TYPE_CHECKING:
    import datetime as dt

    from revisit_rules.policy import Policy

__all__ = [
    "AREAS",
    "DOCUMENTS",
    "RULES",
    "RULE_COLUMNS",
    "Rule",
    "RuleRow",
    "Source",
    "area_of",
    "rule_rows",
    "rule_table",
]

#: The documents rules cite, by key (decisions § 0).
DOCUMENTS: Final[Mapping[str, str]] = FrozenMap(
    {
        "REG": "《建设工程质量管理条例》(国务院令第279号, 2000; 2017、2019年修订)",
        "MEAS": "《房屋建筑工程质量保修办法》(建设部令第80号, 2000)",
        "CC": "《中华人民共和国民法典》(2020)",
        "CPL": "《中华人民共和国民事诉讼法》(2023年修正)",
        "SPC": "最高人民法院 2014-12-12 关于期间计算的答复",
        "RET": "《建设工程质量保证金管理办法》(建质〔2017〕138号)",
        "SPC2020": (
            "《最高人民法院关于审理建设工程施工合同纠纷案件适用法律问题的解释（一）》"
            "(法释〔2020〕25号)"
        ),
        "GB50068": "GB 50068《建筑结构可靠性设计统一标准》设计使用年限分类",
        "SC": "国务院办公厅 每年的部分节假日安排的通知 (as carried by the holidays package)",
        "LOCAL": "各地供热采暖管理办法 (local heating regulations)",
        "S000": "seeds/000 质量回访制度 / 工程质量回访、保修制度 (company templates)",
        "S001": "seeds/001 项目部/物业 保修与回访管理制度 (company templates)",
        "S002": "seeds/002 年度回访计划 (company template)",
        "S003": "seeds/003 工程交验后服务措施 (a contractor's after-handover service plan)",
        "S004": (
            "seeds/004 服务(回访)控制程序 QP/HX750-03 与 业主满意程度测量程序 QP/HX821-01 "
            "(a property company's ISO 9001 procedures)"
        ),
        "DECISIONS": (
            "revisit_rules documentation, Decisions page (docs/decisions.md): the project's "
            "decisions where the sources are silent or disagree"
        ),
    }
)


def _doc_key(_instance: object, _attribute: object, value: str) -> None:
    if value not in DOCUMENTS:
        raise InvalidInputError(
            "Source.document", value, f"one of {', '.join(DOCUMENTS)}", rule="registry"
        )


@attrs.frozen
class Source:
    """Where a rule comes from: a document key of :data:`DOCUMENTS`, the place in it, a quote.

    Where an article number is uncertain, ``ref`` is empty and ``quote`` carries the
    sentence itself (decisions § 0).
    """

    document: str = attrs.field(validator=_doc_key)
    ref: str = ""
    quote: str = ""

    def __str__(self) -> str:
        """``REG Art. 40: "…"``, as shown in the rule tables."""
        text = self.document + (f" {self.ref}" if self.ref else "")
        return text + (f": “{self.quote}”" if self.quote else "")


@attrs.frozen
class Rule:
    """One rule, as data.

    Attributes:
        id: the rule's ID, e.g. ``"CAL-PERIOD"``.
        title_zh: the Chinese title.
        title_en: the English title.
        statement: what the rule says, in a sentence or two.
        value: the rule's default value, in words (shown where no policy field holds it).
        sources: where it comes from; at least one.
        effective_from: the day the rule's source took effect, where known.
        checked_on: the day this entry was last checked against its sources; each rule
            names its own (keyword-only, no default).
        policy_fields: names of the :class:`~revisit_rules.Policy` fields holding the value
            in force; the rule table shows their values under the policy it is given.
        documentary: ``True`` for a rule the library states but no computation applies
            (e.g. who approves a shortfall); such rules need not be cited by code.
        assumption: ``True`` where the value is the project's assumption, not a source's.
        borrowed: ``True`` where the rule comes from a seed section of another trade
            (a tax firm's customer plan, …; decisions § 0): kept only as a company option,
            and the rule table says so.
    """

    id: str
    title_zh: str
    title_en: str
    statement: str
    value: str
    sources: tuple[Source, ...] = attrs.field()
    effective_from: dt.date | None = None
    checked_on: dt.date = attrs.field(kw_only=True)
    policy_fields: tuple[str, ...] = ()
    documentary: bool = False
    assumption: bool = False
    borrowed: bool = False

    @sources.validator
    def _has_sources(self, _attribute: object, value: tuple[Source, ...]) -> None:
        if not value:
            raise InvalidInputError(f"Rule({self.id}).sources", value, "at least one Source")

    def value_in_force(self, policy: Policy | None = None) -> str:
        """The value under ``policy`` (the default policy if ``None``), as text."""
        if not self.policy_fields:
            return self.value
        from revisit_rules.policy import Policy  # noqa: PLC0415 - policy imports this module

        policy = policy if policy is not None else Policy()
        return "; ".join(f"{f}={_show(getattr(policy, f))}" for f in self.policy_fields)


def _enum_order(member: object) -> int:
    return list(type(member)).index(member) if isinstance(member, enum.Enum) else 0


def _show(value: object) -> str:
    name = getattr(value, "name", None)
    if isinstance(name, str) and hasattr(value, "zh"):
        return name
    if isinstance(value, frozenset):  # of enum members: their names, in the enum's order
        return "{" + ", ".join(_show(m) for m in sorted(value, key=_enum_order)) + "}"
    if isinstance(value, Mapping):
        if not value:
            return "{} (the table's values)"
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    return str(value)


def _collect(groups: Iterable[Iterable[Rule]]) -> Mapping[str, Rule]:
    out: dict[str, Rule] = {}
    for group in groups:
        for rule in group:
            if rule.id in out:
                raise InvalidInputError("Rule.id", rule.id, "an ID not yet in RULES")
            out[rule.id] = rule
    return FrozenMap(out)


def _load() -> Mapping[str, Rule]:
    from revisit_rules.ruledata import ALL  # noqa: PLC0415 - the data imports Rule from here

    return _collect(ALL)


#: Every rule, by ID, in the order of the decisions page (docs/decisions.md).
RULES: Final[Mapping[str, Rule]] = _load()

#: The areas of the rule book, by rule-ID prefix, in the order of :data:`RULES`.
AREAS: Final[Mapping[str, str]] = FrozenMap(
    {
        "WTY": "Warranty categories and minimum periods (保修范围和最低保修期限)",
        "CAL": "Working-day calendar and periods (工作日与期间计算)",
        "SEA": "Seasons (采暖期、供冷期、雨季)",
        "VIS": "Revisit schedule (回访计划)",
        "LIA": "Liability allocation (保修责任划分)",
        "SLA": "Service deadlines (服务时限)",
        "SAT": "Satisfaction (满意度)",
        "LED": "Service ledger (服务台账)",
    }
)

#: The columns of the rule table, in order; the first is the rule ID.
RULE_COLUMNS: Final = (
    "ID",
    "中文",
    "English",
    "value in force",
    "sources",
    "effective from",
    "checked on",
)


def area_of(rule_id: str) -> str:
    """The area of a rule: its ID's prefix, a key of :data:`AREAS` (``"WTY-MIN"`` → ``"WTY"``).

    >>> area_of("WTY-MIN")
    'WTY'
    """
    return rule_id.split("-", 1)[0]


@attrs.frozen
class RuleRow:
    """One row of the rule table: a rule with the value in force under a policy.

    The documentation's rule tables and :func:`rule_table` read the same rows.

    Attributes:
        id: the rule's ID.
        title_zh: the Chinese title.
        title_en: the English title.
        value: the value in force, as text; ``" (assumption)"`` is appended where the
            value is the project's assumption rather than a source's, and a note where
            the rule is borrowed from another trade's template.
        sources: the rule's sources (document key, article, verbatim quote).
        effective_from: the ISO day the rule's source took effect, ``""`` where unknown.
        checked_on: the ISO day the entry was last checked against its sources.
    """

    id: str
    title_zh: str
    title_en: str
    value: str
    sources: tuple[Source, ...]
    effective_from: str
    checked_on: str

    def cells(self) -> tuple[str, ...]:
        """The cells as text, in the order of :data:`RULE_COLUMNS`; sources joined by semicolons."""
        return (
            self.id,
            self.title_zh,
            self.title_en,
            self.value,
            "; ".join(str(s) for s in self.sources),
            self.effective_from,
            self.checked_on,
        )


def rule_rows(*, policy: Policy | None = None, area: str | None = None) -> tuple[RuleRow, ...]:
    """The rows of the rule table, one per rule in the order of :data:`RULES`.

    Args:
        policy: the policy whose values are shown (default: ``Policy()``).
        area: a key of :data:`AREAS` (``"WTY"``, ``"CAL"``, …) to keep that area's rules
            only; ``None`` for every rule.

    Raises:
        InvalidInputError: ``area`` is not a key of :data:`AREAS`.
        InvalidTypeError: ``area`` is not a string, ``policy`` not a Policy or None.

    >>> rows = rule_rows(area="SAT")
    >>> rows[0].id, rows[0].title_en == RULES["SAT-ABC"].title_en
    ('SAT-ABC', True)
    >>> {area_of(row.id) for row in rows}
    {'SAT'}
    """
    from revisit_rules.policy import policy_or_default  # noqa: PLC0415 - policy imports us

    policy = policy_or_default(policy, rule="registry")
    if area is not None and (not isinstance(area, str) or area not in AREAS):
        error = InvalidInputError if isinstance(area, str) else InvalidTypeError
        raise error("area", area, f"one of {', '.join(AREAS)} or None", rule="registry")
    rows: list[RuleRow] = []
    for rule in RULES.values():
        if area is not None and area_of(rule.id) != area:
            continue
        value = rule.value_in_force(policy)
        if rule.assumption:
            value += " (assumption)"
        if rule.borrowed:
            value += " (borrowed from another trade's template: a company option)"
        rows.append(
            RuleRow(
                id=rule.id,
                title_zh=rule.title_zh,
                title_en=rule.title_en,
                value=value,
                sources=rule.sources,
                effective_from=rule.effective_from.isoformat() if rule.effective_from else "",
                checked_on=rule.checked_on.isoformat(),
            )
        )
    return tuple(rows)


def rule_table(
    fmt: str = "markdown", *, policy: Policy | None = None, area: str | None = None
) -> str:
    """Every rule as a table: ID first, then titles, the value in force, sources, dates.

    Args:
        fmt: ``"markdown"``, ``"csv"`` or ``"html"``.
        policy: the policy whose values are shown (default: ``Policy()``).
        area: a key of :data:`AREAS` to show that area's rules only (default: all).

    Raises:
        InvalidInputError: an unknown ``fmt`` or ``area``.

    >>> print(rule_table("csv").splitlines()[0])
    ID,中文,English,value in force,sources,effective from,checked on
    >>> [line.split(",")[0] for line in rule_table("csv", area="SLA").splitlines()][:2]
    ['ID', 'SLA-EMERGENCY']
    """
    if not isinstance(fmt, str) or fmt not in {"markdown", "csv", "html"}:
        error = InvalidInputError if isinstance(fmt, str) else InvalidTypeError
        raise error("fmt", fmt, "'markdown', 'csv' or 'html'", rule="registry")
    rows = [row.cells() for row in rule_rows(policy=policy, area=area)]
    return write_table(fmt, RULE_COLUMNS, rows, css_class="revisit-rules-rules")
