"""The shape of a rule: Rule, Source and the documents rules cite.

Below the rule data (:mod:`revisit_rules.ruledata` builds its rules from these classes)
and above the policy, whose fields hold the values in force; the registry itself,
:data:`~revisit_rules.RULES`, and its tables are :mod:`revisit_rules.rules`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

import attrs

from revisit_rules._check import (
    FrozenMap,
    check_str,
    check_tuple,
    dated,
    flag,
    text,
    tuple_of,
)
from revisit_rules.errors import InvalidInputError
from revisit_rules.policy import Policy, policy_or_default

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["DOCUMENTS", "Rule", "Source"]


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


# The rule tag of errors about the rule book's own values (not a rule of the registry).
_REGISTRY: Final = "registry"


def _doc_key(_instance: object, _attribute: object, value: str) -> None:
    if check_str("Source.document", value, rule=_REGISTRY) not in DOCUMENTS:
        raise InvalidInputError(
            "Source.document", value, f"one of {', '.join(DOCUMENTS)}", rule=_REGISTRY
        )


@attrs.frozen
class Source:
    """Where a rule comes from: a document key of :data:`DOCUMENTS`, the place in it, a quote.

    Where an article number is uncertain, ``ref`` is empty and ``quote`` carries the
    sentence itself (decisions § 0).
    """

    document: str = attrs.field(validator=_doc_key)
    ref: str = attrs.field(default="", validator=text("Source.ref", rule=_REGISTRY))
    quote: str = attrs.field(default="", validator=text("Source.quote", rule=_REGISTRY))

    def __str__(self) -> str:
        """``REG Art. 40: "…"``, as shown in the rule tables."""
        text = self.document + (f" {self.ref}" if self.ref else "")
        return text + (f": “{self.quote}”" if self.quote else "")


def _policy_fields(_instance: object, _attribute: object, value: object) -> None:
    """A tuple of names of :class:`~revisit_rules.Policy` fields."""
    names = check_tuple("Rule.policy_fields", value, str, rule=_REGISTRY, what="Policy fields")
    known = attrs.fields_dict(Policy)
    unknown = [name for name in names if name not in known]
    if unknown:
        raise InvalidInputError(
            "Rule.policy_fields", value, f"names of Policy fields (not {unknown})", rule=_REGISTRY
        )


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

    id: str = attrs.field(validator=text("Rule.id", rule=_REGISTRY, nonempty=True))
    title_zh: str = attrs.field(validator=text("Rule.title_zh", rule=_REGISTRY, nonempty=True))
    title_en: str = attrs.field(validator=text("Rule.title_en", rule=_REGISTRY, nonempty=True))
    statement: str = attrs.field(validator=text("Rule.statement", rule=_REGISTRY))
    value: str = attrs.field(validator=text("Rule.value", rule=_REGISTRY))
    sources: tuple[Source, ...] = attrs.field(
        validator=tuple_of("Rule.sources", Source, rule=_REGISTRY)
    )
    effective_from: dt.date | None = attrs.field(
        default=None, validator=dated("Rule.effective_from", rule=_REGISTRY, optional=True)
    )
    checked_on: dt.date = attrs.field(
        kw_only=True, validator=dated("Rule.checked_on", rule=_REGISTRY)
    )
    policy_fields: tuple[str, ...] = attrs.field(default=(), validator=_policy_fields)
    documentary: bool = attrs.field(
        default=False, validator=flag("Rule.documentary", rule=_REGISTRY)
    )
    assumption: bool = attrs.field(default=False, validator=flag("Rule.assumption", rule=_REGISTRY))
    borrowed: bool = attrs.field(default=False, validator=flag("Rule.borrowed", rule=_REGISTRY))

    @sources.validator
    def _has_sources(self, _attribute: object, value: tuple[Source, ...]) -> None:
        if not value:
            raise InvalidInputError(
                f"Rule({self.id}).sources", value, "at least one Source", rule=_REGISTRY
            )

    def value_in_force(self, policy: Policy | None = None) -> str:
        """The value under ``policy`` (the default policy if ``None``), as text.

        Raises:
            InvalidTypeError: ``policy`` is neither a Policy nor None.
        """
        policy = policy_or_default(policy, rule=_REGISTRY)
        if not self.policy_fields:
            return self.value
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
