"""Periods as values: years, months, days, heating and cooling seasons, the design life.

A period knows its length but not where it starts; :func:`revisit_rules.period_end` counts
it from a start day (CAL-PERIOD). The classes stand below the policy, whose company
defaults are periods too (``Policy.no_contract_default``); :mod:`revisit_rules.periods`
re-exports them.

>>> Years(5), str(Years(5)), Years(5).zh
(Years(n=5), '5 years', '5年')
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from revisit_rules._check import check_int

__all__ = [
    "DESIGN_LIFE_CATEGORIES",
    "CoolingSeasons",
    "Days",
    "DesignLife",
    "HeatingSeasons",
    "Months",
    "Period",
    "Years",
]

#: GB 50068 design working life categories, in years.
DESIGN_LIFE_CATEGORIES = {1: 5, 2: 25, 3: 50, 4: 100}


def _count(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    check_int(f"{attribute.name}", value, minimum=0, rule="CAL-PERIOD")


@attrs.frozen
class Period:
    """Base of every period; a period knows its length but not where it starts."""

    unit_en: ClassVar[str] = ""
    unit_zh: ClassVar[str] = ""

    @property
    def zh(self) -> str:
        """The period in Chinese (``5年``)."""
        return f"{getattr(self, 'n', '')}{self.unit_zh}"

    def __str__(self) -> str:
        """The period in English (``5 years``)."""
        return f"{getattr(self, 'n', '')} {self.unit_en}".strip()


@attrs.frozen
class Years(Period):
    """A period of ``n`` calendar years (CC 202)."""

    n: int = attrs.field(validator=_count)
    unit_en: ClassVar[str] = "years"
    unit_zh: ClassVar[str] = "年"


@attrs.frozen
class Months(Period):
    """A period of ``n`` calendar months (CC 202)."""

    n: int = attrs.field(validator=_count)
    unit_en: ClassVar[str] = "months"
    unit_zh: ClassVar[str] = "个月"


@attrs.frozen
class Days(Period):
    """A period of ``n`` days (CC 201)."""

    n: int = attrs.field(validator=_count)
    unit_en: ClassVar[str] = "days"
    unit_zh: ClassVar[str] = "日"


@attrs.frozen
class HeatingSeasons(Period):
    """``n`` heating seasons of the project's region (SEA-HEATING, SEA-COUNT)."""

    n: int = attrs.field(validator=_count)
    unit_en: ClassVar[str] = "heating seasons"
    unit_zh: ClassVar[str] = "个采暖期"


@attrs.frozen
class CoolingSeasons(Period):
    """``n`` cooling seasons of the project's region (SEA-COOLING, SEA-COUNT)."""

    n: int = attrs.field(validator=_count)
    unit_en: ClassVar[str] = "cooling seasons"
    unit_zh: ClassVar[str] = "个供冷期"


@attrs.frozen
class DesignLife(Period):
    """The design working life stated in the project's design documents (WTY-DESIGN-LIFE)."""

    unit_en: ClassVar[str] = "the design working life"
    unit_zh: ClassVar[str] = "设计文件规定的合理使用年限"
