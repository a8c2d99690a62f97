"""Regions and their seasons as values and tables: the data below the policy (SEA).

A :class:`Region` carries its heating season (采暖期, fixed by the local government), an
assumed cooling season (供冷期) and, where the region has its own, a rainy season (雨季).
The table :data:`REGIONS` holds the regions the package knows; northern regions' heating
seasons are marked *verified* (a local rule is cited) or *customary* (the usual dates),
southern regions have none (SEA-NO-SEASON). :class:`SeasonSpan` is a recurring month-day
range and :class:`Season` one occurrence of it.

This module needs no policy: :mod:`revisit_rules.policy` holds overrides of these spans,
and :mod:`revisit_rules.seasons` reads a region's span under a policy.

Sources: REG Art. 40(3); 北京市供热采暖管理办法 and the other local rules of decisions § 3.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Final

import attrs

from revisit_rules._check import FrozenMap, check_date, check_int
from revisit_rules.errors import (
    DateRangeError,
    InvalidInputError,
    InvalidTypeError,
    UnknownRegionError,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "REGIONS",
    "Region",
    "Season",
    "SeasonKind",
    "SeasonSpan",
    "SeasonStatus",
    "region_of",
]


@attrs.frozen
class Season:
    """One occurrence of a season: an inclusive date range."""

    start: dt.date = attrs.field(
        validator=lambda _i, _a, v: check_date("Season.start", v, rule="SEA-HEATING")
    )
    end: dt.date = attrs.field(
        validator=lambda _i, _a, v: check_date("Season.end", v, rule="SEA-HEATING")
    )

    def __attrs_post_init__(self) -> None:
        """A season ends on or after it starts."""
        if self.end < self.start:
            raise InvalidInputError(
                "Season.end",
                self.end,
                f"a day on or after start ({self.start})",
                rule="SEA-HEATING",
            )

    def __contains__(self, day: object) -> bool:
        """Whether ``day`` lies in the season (both ends included)."""
        return isinstance(day, dt.date) and self.start <= day <= self.end


def _month_day(field: str, value: object) -> tuple[int, int]:
    if (
        not isinstance(value, tuple)
        or len(value) != 2  # noqa: PLR2004
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in value)
    ):
        raise InvalidTypeError(field, value, "a (month, day) tuple of ints", rule="SEA-HEATING")
    month, day = value
    try:
        dt.date(2001, month, day)  # a common year: 02-29 is refused, it is not every year's
    except ValueError:
        raise InvalidInputError(
            field, value, "a (month, day) that exists every year (not 02-29)", rule="SEA-HEATING"
        ) from None
    return (month, day)


@attrs.frozen
class SeasonSpan:
    """A season as it recurs every year: from (month, day) to (month, day), both inclusive.

    An end before the start in the calendar year means the season runs into the next year.

    >>> span = SeasonSpan.parse("11-15", "03-15")
    >>> span.occurrence(2026)
    Season(start=datetime.date(2026, 11, 15), end=datetime.date(2027, 3, 15))
    """

    start: tuple[int, int]
    end: tuple[int, int]

    def __attrs_post_init__(self) -> None:
        """Both ends are (month, day) pairs that exist every year."""
        _month_day("SeasonSpan.start", self.start)
        _month_day("SeasonSpan.end", self.end)

    @classmethod
    def parse(cls, start: str, end: str) -> SeasonSpan:
        """Build a span from ``"MM-DD"`` strings."""
        return cls(_parse_md("start", start), _parse_md("end", end))

    @property
    def wraps(self) -> bool:
        """Whether the season runs into the next calendar year."""
        return self.end < self.start

    def occurrence(self, year: int) -> Season:
        """The occurrence that starts in ``year``."""
        check_int("year", year, minimum=1, rule="SEA-HEATING")
        end_year = year + 1 if self.wraps else year
        if end_year > dt.MAXYEAR:
            raise DateRangeError(
                "year", year, f"a year whose season ends by {dt.MAXYEAR}", rule="SEA-HEATING"
            )
        return Season(dt.date(year, *self.start), dt.date(end_year, *self.end))

    def __str__(self) -> str:
        """``11-15 → 03-15``."""
        return f"{self.start[0]:02d}-{self.start[1]:02d} → {self.end[0]:02d}-{self.end[1]:02d}"


def _parse_md(field: str, text: object) -> tuple[int, int]:
    if not isinstance(text, str):
        raise InvalidTypeError(f"SeasonSpan.{field}", text, "a 'MM-DD' string", rule="SEA-HEATING")
    parts = text.split("-")
    if len(parts) != 2 or not all(p.isascii() and p.isdecimal() for p in parts):  # noqa: PLR2004
        raise InvalidInputError(f"SeasonSpan.{field}", text, "a 'MM-DD' string", rule="SEA-HEATING")
    return (int(parts[0]), int(parts[1]))


class SeasonStatus(enum.Enum):
    """How well a region's season dates are founded."""

    VERIFIED = "verified"
    CUSTOMARY = "customary"
    ASSUMED = "assumed"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {"verified": "已核实", "customary": "惯例", "assumed": "假定"}[self.value]


class SeasonKind(enum.Enum):
    """The kinds of season the rules count or schedule by."""

    HEATING = "heating"
    COOLING = "cooling"
    RAINY = "rainy"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {"heating": "采暖期", "cooling": "供冷期", "rainy": "雨季"}[self.value]


@attrs.frozen
class Region:
    """A region of the season table.

    Attributes:
        key: the ASCII key (``"beijing"``).
        name_zh: the Chinese name (``"北京"``).
        heating: the heating season, or ``None`` where there is none (most of the south).
        heating_status: verified (a local rule) or customary; ``None`` with no heating.
        heating_source: the local rule the verified dates come from.
        cooling: the assumed cooling season (SEA-COOLING).
        rainy: the region's rainy season, or ``None`` for the policy's default (SEA-RAINY).
    """

    key: str = attrs.field(validator=lambda _i, _a, v: _text("Region.key", v))
    name_zh: str = attrs.field(validator=lambda _i, _a, v: _text("Region.name_zh", v))
    heating: SeasonSpan | None = attrs.field(
        validator=lambda _i, _a, v: _span("Region.heating", v, optional=True)
    )
    heating_status: SeasonStatus | None = attrs.field()
    heating_source: str = attrs.field(
        validator=lambda _i, _a, v: _text("Region.heating_source", v, empty=True)
    )
    cooling: SeasonSpan = attrs.field(validator=lambda _i, _a, v: _span("Region.cooling", v))
    rainy: SeasonSpan | None = attrs.field(
        default=None, validator=lambda _i, _a, v: _span("Region.rainy", v, optional=True)
    )

    @heating_status.validator
    def _check_status(self, _attribute: object, value: object) -> None:
        if value is None and self.heating is None:
            return
        if not isinstance(value, SeasonStatus):
            raise InvalidTypeError(
                "Region.heating_status",
                value,
                "a SeasonStatus (with a heating season)",
                rule="SEA-HEATING",
            )


def _text(field: str, value: object, *, empty: bool = False) -> None:
    if not isinstance(value, str) or not (empty or value.strip()):
        raise InvalidTypeError(
            field, value, "a non-empty str" if not empty else "a str", rule="SEA-HEATING"
        )


def _span(field: str, value: object, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, SeasonSpan):
        expected = "a SeasonSpan or None" if optional else "a SeasonSpan"
        raise InvalidTypeError(field, value, expected, rule="SEA-HEATING")


_S = SeasonSpan.parse
_V, _C = SeasonStatus.VERIFIED, SeasonStatus.CUSTOMARY
_NORTH_COOL = _S("06-01", "08-31")  # assumption: no statutory cooling dates anywhere
_MID_COOL = _S("06-01", "09-30")  # assumption: Yangtze basin summers
_SOUTH_COOL = _S("05-01", "10-31")  # assumption: south China's long summers
_VERIFIED_NOTE = "decisions § 3 (local heating rule, verified)"
_CUSTOMARY_NOTE = "decisions § 3 (customary dates)"

# fmt: off
_TABLE: Final[tuple[Region, ...]] = (
    # Northern China: heating seasons verified against local rules (decisions § 3).
    Region("beijing", "北京", _S("11-15", "03-15"), _V, "北京市供热采暖管理办法", _NORTH_COOL),
    Region("harbin", "哈尔滨", _S("10-20", "04-20"), _V, _VERIFIED_NOTE, _NORTH_COOL),
    Region("urumqi", "乌鲁木齐", _S("10-10", "04-10"), _V, _VERIFIED_NOTE, _NORTH_COOL),
    Region("taiyuan", "太原", _S("11-01", "03-31"), _V, _VERIFIED_NOTE, _NORTH_COOL),
    Region("xining", "西宁", _S("10-15", "04-15"), _V, _VERIFIED_NOTE, _NORTH_COOL),
    Region("qingdao", "青岛", _S("11-16", "04-05"), _V, _VERIFIED_NOTE, _NORTH_COOL),
    Region("heze", "菏泽", _S("11-15", "03-15"), _V, _VERIFIED_NOTE, _NORTH_COOL),
    Region("binzhou", "滨州", _S("11-15", "03-20"), _V, _VERIFIED_NOTE, _NORTH_COOL),
    Region("linyi", "临沂", _S("11-10", "03-20"), _V, _VERIFIED_NOTE, _NORTH_COOL),
    Region("luoyang", "洛阳", _S("11-15", "03-15"), _V, _VERIFIED_NOTE, _NORTH_COOL),
    # Northern China: customary dates (decisions § 3), to be checked against local rules.
    Region("tianjin", "天津", _S("11-15", "03-15"), _C, _CUSTOMARY_NOTE, _NORTH_COOL),
    Region("shijiazhuang", "石家庄", _S("11-15", "03-15"), _C, _CUSTOMARY_NOTE, _NORTH_COOL),
    Region("jinan", "济南", _S("11-15", "03-15"), _C, _CUSTOMARY_NOTE, _NORTH_COOL),
    Region("zhengzhou", "郑州", _S("11-15", "03-15"), _C, _CUSTOMARY_NOTE, _NORTH_COOL),
    Region("xian", "西安", _S("11-15", "03-15"), _C, _CUSTOMARY_NOTE, _NORTH_COOL),
    Region("shenyang", "沈阳", _S("11-01", "03-31"), _C, _CUSTOMARY_NOTE, _NORTH_COOL),
    Region("yinchuan", "银川", _S("11-01", "03-31"), _C, _CUSTOMARY_NOTE, _NORTH_COOL),
    Region("lanzhou", "兰州", _S("11-01", "03-31"), _C, _CUSTOMARY_NOTE, _NORTH_COOL),
    Region("hohhot", "呼和浩特", _S("10-15", "04-15"), _C, _CUSTOMARY_NOTE, _NORTH_COOL),
    Region("changchun", "长春", _S("10-25", "04-05"), _C, _CUSTOMARY_NOTE, _NORTH_COOL),
    # Central and southern China: no central heating season (SEA-NO-SEASON).
    Region("shanghai", "上海", None, None, "", _MID_COOL),
    Region("nanjing", "南京", None, None, "", _MID_COOL),
    Region("hangzhou", "杭州", None, None, "", _MID_COOL),
    Region("hefei", "合肥", None, None, "", _MID_COOL),
    Region("wuhan", "武汉", None, None, "", _MID_COOL),
    Region("changsha", "长沙", None, None, "", _MID_COOL),
    Region("nanchang", "南昌", None, None, "", _MID_COOL),
    Region("chengdu", "成都", None, None, "", _MID_COOL),
    Region("chongqing", "重庆", None, None, "", _MID_COOL),
    Region("guiyang", "贵阳", None, None, "", _MID_COOL),
    Region("kunming", "昆明", None, None, "", _NORTH_COOL),
    Region("guangzhou", "广州", None, None, "", _SOUTH_COOL),
    Region("shenzhen", "深圳", None, None, "", _SOUTH_COOL),
    Region("fuzhou", "福州", None, None, "", _SOUTH_COOL),
    Region("xiamen", "厦门", None, None, "", _SOUTH_COOL),
    Region("nanning", "南宁", None, None, "", _SOUTH_COOL),
    Region("haikou", "海口", None, None, "", _SOUTH_COOL),
)
# fmt: on


def _index(table: tuple[Region, ...]) -> tuple[Mapping[str, Region], Mapping[str, Region]]:
    by_key: dict[str, Region] = {}
    by_zh: dict[str, Region] = {}
    for region in table:
        if region.key in by_key or region.name_zh in by_zh:
            msg = f"duplicate region {region.key}/{region.name_zh} in the season table"
            raise RuntimeError(msg)
        by_key[region.key] = region
        by_zh[region.name_zh] = region
    return FrozenMap(by_key), FrozenMap(by_zh)


#: Region key -> :class:`Region`, for every region of the season table.
REGIONS: Final[Mapping[str, Region]] = _index(_TABLE)[0]
_BY_ZH: Final[Mapping[str, Region]] = _index(_TABLE)[1]


def region_of(region: object, *, field: str = "region", rule: str = "SEA-HEATING") -> Region:
    """The :class:`Region` named by its key (``"beijing"``), Chinese name (``"北京"``) or itself.

    ``field`` and ``rule`` name the argument and the rule in the error for a bad name.

    >>> region_of("北京").key
    'beijing'
    """
    if isinstance(region, Region):
        return region
    if isinstance(region, str):
        found = REGIONS.get(region.strip().lower()) or _BY_ZH.get(region.strip())
        if found is not None:
            return found
        raise UnknownRegionError(
            field,
            region,
            f"a key or Chinese name of REGIONS ({', '.join(REGIONS)})",
            rule=rule,
        )
    raise InvalidTypeError(
        field, region, "a region key, a Chinese region name or a Region", rule=rule
    )
