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

from typing import TYPE_CHECKING, Final

import attrs

from revisit_rules._check import FrozenMap, text, tuple_of
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.policy import policy_or_default
from revisit_rules.render.tables import FORMATS, write_table
from revisit_rules.rulebook import DOCUMENTS, Rule, Source
from revisit_rules.ruledata import ALL

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

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


def _collect(groups: Iterable[Iterable[Rule]]) -> Mapping[str, Rule]:
    out: dict[str, Rule] = {}
    for group in groups:
        for rule in group:
            if rule.id in out:
                raise InvalidInputError("Rule.id", rule.id, "an ID not yet in RULES")
            out[rule.id] = rule
    return FrozenMap(out)


#: Every rule, by ID, in the order of the decisions page (docs/decisions.md).
RULES: Final[Mapping[str, Rule]] = _collect(ALL)

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

    id: str = attrs.field(validator=text("RuleRow.id", rule="registry", nonempty=True))
    title_zh: str = attrs.field(validator=text("RuleRow.title_zh", rule="registry"))
    title_en: str = attrs.field(validator=text("RuleRow.title_en", rule="registry"))
    value: str = attrs.field(validator=text("RuleRow.value", rule="registry"))
    sources: tuple[Source, ...] = attrs.field(
        validator=tuple_of("RuleRow.sources", Source, rule="registry")
    )
    effective_from: str = attrs.field(validator=text("RuleRow.effective_from", rule="registry"))
    checked_on: str = attrs.field(validator=text("RuleRow.checked_on", rule="registry"))

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
    if not isinstance(fmt, str) or fmt not in FORMATS:
        error = InvalidInputError if isinstance(fmt, str) else InvalidTypeError
        raise error("fmt", fmt, "'markdown', 'csv' or 'html'", rule="registry")
    rows = [row.cells() for row in rule_rows(policy=policy, area=area)]
    return write_table(fmt, RULE_COLUMNS, rows, css_class="revisit-rules-rules")
