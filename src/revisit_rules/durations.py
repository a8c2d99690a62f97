"""Periods as values: years, months, days, heating and cooling seasons, the design life.

A period knows its length but not where it starts; :func:`revisit_rules.period_end` counts
it from a start day (CAL-PERIOD). The classes stand below the policy, whose company
defaults are periods too (``Policy.no_contract_default``); :mod:`revisit_rules.periods`
re-exports them.

>>> Years(5), str(Years(5)), str(Years(1)), Years(5).zh
(Years(n=5), '5 years', '1 year', '5年')
>>> Period.from_text("2 heating seasons"), Period.from_text("6m")
(HeatingSeasons(n=2), Months(n=6))
"""

from __future__ import annotations

from typing import ClassVar, Self

import attrs

from revisit_rules._check import check_int, check_str
from revisit_rules.errors import InvalidInputError
from revisit_rules.io.text import period_parts

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
    unit_one: ClassVar[str] = ""  # the unit of 1 (``1 year``)
    unit_zh: ClassVar[str] = ""

    @property
    def zh(self) -> str:
        """The period in Chinese (``5年``)."""
        return f"{getattr(self, 'n', '')}{self.unit_zh}"

    def __str__(self) -> str:
        """The period in English, one canonical form: ``1 year``, ``5 years``."""
        n = getattr(self, "n", None)
        if n is None:
            return self.unit_en
        return f"{n} {self.unit_one if n == 1 else self.unit_en}"

    @classmethod
    def from_text(cls, text: str, *, field: str = "period") -> Self:
        """The period ``text`` writes, in the package's one text grammar (CAL-PERIOD).

        Accepts ``str()`` and ``.zh`` of every period, and the spellings of every reader:
        ``1 year``, ``2 years``, ``6m``, ``3个月``, ``2 heating seasons``, ``2hs``,
        ``design life`` … (:mod:`revisit_rules.io.text`). Called on a subclass, only that
        kind of period is accepted.

        Raises:
            InvalidTypeError: ``text`` or ``field`` is not a ``str``.
            InvalidInputError: ``text`` is not a period, or not of the class called on;
                the message names ``field``.
        """
        check_str("field", field, rule="CAL-PERIOD")
        unit, n = period_parts(text, field=field, rule="CAL-PERIOD")
        kind = _BY_UNIT[unit]
        if not issubclass(kind, cls):
            raise InvalidInputError(field, text, f"a period of {cls.__name__}", rule="CAL-PERIOD")
        return kind() if n is None else kind(n)  # type: ignore[call-arg]


@attrs.frozen
class Years(Period):
    """A period of ``n`` calendar years (CC 202)."""

    n: int = attrs.field(validator=_count)
    unit_en: ClassVar[str] = "years"
    unit_one: ClassVar[str] = "year"
    unit_zh: ClassVar[str] = "年"


@attrs.frozen
class Months(Period):
    """A period of ``n`` calendar months (CC 202)."""

    n: int = attrs.field(validator=_count)
    unit_en: ClassVar[str] = "months"
    unit_one: ClassVar[str] = "month"
    unit_zh: ClassVar[str] = "个月"


@attrs.frozen
class Days(Period):
    """A period of ``n`` days (CC 201)."""

    n: int = attrs.field(validator=_count)
    unit_en: ClassVar[str] = "days"
    unit_one: ClassVar[str] = "day"
    unit_zh: ClassVar[str] = "日"


@attrs.frozen
class HeatingSeasons(Period):
    """``n`` heating seasons of the project's region (SEA-HEATING, SEA-COUNT)."""

    n: int = attrs.field(validator=_count)
    unit_en: ClassVar[str] = "heating seasons"
    unit_one: ClassVar[str] = "heating season"
    unit_zh: ClassVar[str] = "个采暖期"


@attrs.frozen
class CoolingSeasons(Period):
    """``n`` cooling seasons of the project's region (SEA-COOLING, SEA-COUNT)."""

    n: int = attrs.field(validator=_count)
    unit_en: ClassVar[str] = "cooling seasons"
    unit_one: ClassVar[str] = "cooling season"
    unit_zh: ClassVar[str] = "个供冷期"


@attrs.frozen
class DesignLife(Period):
    """The design working life stated in the project's design documents (WTY-DESIGN-LIFE)."""

    unit_en: ClassVar[str] = "the design working life"
    unit_zh: ClassVar[str] = "设计文件规定的合理使用年限"


#: Each unit key of the text grammar -> its class.
_BY_UNIT: dict[str, type[Period]] = {
    "years": Years,
    "months": Months,
    "days": Days,
    "heating_seasons": HeatingSeasons,
    "cooling_seasons": CoolingSeasons,
    "design_life": DesignLife,
}
