"""The one text grammar: periods, categories and enum members as people write them.

The readers of the package read periods, categories and enum members through here (the
portfolio CSV, the golden cases' periods, ``ServiceRating.from_text`` on the command
line), so that a spelling one accepts, all accept, and ``str()`` of a value reads back
as the value (``Period.from_text(str(p)) == p``). The golden cases alone write enum
members by their exact names, strictly, so that a typo in an auditor's case is caught.

Periods (CAL-PERIOD): a whole number and a unit, with or without a space, any case:

========================  =====================================================
unit                      spellings
========================  =====================================================
years                     ``y``, ``year``, ``years``, ``年``
months                    ``m``, ``month``, ``months``, ``个月``, ``月``
days                      ``d``, ``day``, ``days``, ``日``, ``天``
heating seasons           ``hs``, ``heating season(s)``, ``个采暖期``, ``采暖期``
cooling seasons           ``cs``, ``cooling season(s)``, ``个供冷期``, ``供冷期``
========================  =====================================================

or the design working life, with no number: ``design life``, ``design-life``,
``design_life``, ``the design working life``, ``设计使用年限``, ``合理使用年限``,
``设计文件规定的合理使用年限``.

Enum members: the member's name in any case (also as ``str()`` writes it,
``Category.DECORATION``), its value, its Chinese label (``.zh``), or a label of the
caller's table (the short labels spreadsheets use for categories).

>>> period_parts("2 heating seasons", field="term", rule="CAL-PERIOD")
('heating_seasons', 2)
>>> period_parts("5年", field="t", rule=""), period_parts("design-life", field="t", rule="")
(('years', 5), ('design_life', None))
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, Final, TypeVar

from revisit_rules.errors import InvalidInputError, InvalidTypeError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["PERIOD_UNITS", "member_from_text", "period_parts"]

E = TypeVar("E", bound=enum.Enum)

#: Each spelling of a period's unit (lower case, single spaces) -> the unit's key.
PERIOD_UNITS: Final[Mapping[str, str]] = {
    **dict.fromkeys(("y", "year", "years", "年"), "years"),
    **dict.fromkeys(("m", "month", "months", "个月", "月"), "months"),
    **dict.fromkeys(("d", "day", "days", "日", "天"), "days"),
    **dict.fromkeys(
        ("hs", "heating season", "heating seasons", "个采暖期", "采暖期"), "heating_seasons"
    ),
    **dict.fromkeys(
        ("cs", "cooling season", "cooling seasons", "个供冷期", "供冷期"), "cooling_seasons"
    ),
}
#: The spellings of the design working life (no number).
DESIGN_LIFE_WORDS: Final = frozenset(
    {
        "design life",
        "design-life",
        "design_life",
        "the design working life",
        "设计使用年限",
        "合理使用年限",
        "设计文件规定的合理使用年限",
    }
)
_PERIOD: Final = re.compile(r"(\d+)\s*(\D.*)")
_SPACES: Final = re.compile(r"\s+")
_EXPECTED: Final = (
    "a whole number and a unit: y, m, d, hs, cs, the words (1 year, 2 months, 3 days, "
    "2 heating seasons, 2 cooling seasons) or 年, 个月, 日, 个采暖期, 个供冷期; "
    "or design life (设计使用年限)"
)


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text.strip()).lower()


def period_parts(text: object, *, field: str, rule: str) -> tuple[str, int | None]:
    """The unit's key and the number of a period written as ``text``.

    The key is one of the values of :data:`PERIOD_UNITS`, or ``"design_life"`` (number
    ``None``). The number may be 0; whether 0 is allowed is the caller's rule.

    Raises:
        InvalidTypeError: ``text`` is not a ``str``.
        InvalidInputError: ``text`` is not a period in this grammar.
    """
    if not isinstance(text, str):
        raise InvalidTypeError(field, text, "a period as text (e.g. '2 years')", rule=rule)
    key = _normal(text)
    if key in DESIGN_LIFE_WORDS:
        return "design_life", None
    found = _PERIOD.fullmatch(key)
    if found is None or found.group(2).strip() not in PERIOD_UNITS:
        raise InvalidInputError(field, text, _EXPECTED, rule=rule)
    return PERIOD_UNITS[found.group(2).strip()], int(found.group(1))


def _shown(member: enum.Enum) -> str:
    zh = getattr(member, "zh", None)
    return f"{member.name} ({zh})" if isinstance(zh, str) else member.name


def member_from_text(
    kind: type[E],
    text: object,
    *,
    field: str,
    rule: str,
    labels: Mapping[str, E] | None = None,
) -> E:
    """The member of ``kind`` that ``text`` names: its name (any case), ``str()``, value or label.

    The labels are the members' ``zh`` (where they have one) and ``labels``.

    Raises:
        InvalidTypeError: ``text`` is not a ``str``.
        InvalidInputError: no member is written so; the message lists them all.

    >>> import revisit_rules as rr
    >>> member_from_text(rr.Grade, "b", field="grade", rule="SAT-ABC")
    <Grade.B: 'B'>
    """
    if not isinstance(text, str):
        raise InvalidTypeError(field, text, f"a {kind.__name__} as text", rule=rule)
    key = text.strip().removeprefix(f"{kind.__name__}.")  # str() of a member
    if key.upper() in kind.__members__:
        return kind.__members__[key.upper()]
    for member in kind:
        if key in {member.value, getattr(member, "zh", None)}:
            return member
    if labels and key in labels:
        return labels[key]
    names = ", ".join(_shown(m) for m in kind)
    more = f"; or a label: {', '.join(labels)}" if labels else ""
    raise InvalidInputError(field, text, f"one of {names}{more}", rule=rule)
