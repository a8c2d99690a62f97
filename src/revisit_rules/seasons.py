"""Seasons: heating (采暖期), cooling (供冷期) and rainy (雨季) seasons by region (SEA).

A heating season is a date range fixed by the local government (e.g. Beijing 11-15 → 03-15
of the next year); "2 heating seasons" (REG Art. 40(3)) therefore depends on the region.
This module ships a table of regions: northern regions with their heating seasons, marked
*verified* (a local rule is cited) or *customary* (the usual dates); southern regions with
no heating season (SEA-NO-SEASON); an assumed cooling season for every region
(SEA-COOLING); and the rainy season of S002 (SEA-RAINY). Local governments may move the
dates in a given year: a :class:`~revisit_rules.Policy` may override any region's range.

Sources: REG Art. 40(3); 北京市供热采暖管理办法 and the other local rules of decisions § 3.

>>> from revisit_rules import heating_season
>>> heating_season("北京", 2026)
Season(start=datetime.date(2026, 11, 15), end=datetime.date(2027, 3, 15))
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from revisit_rules._check import FrozenMap, check_date, check_int
from revisit_rules.errors import DateRangeError, InvalidTypeError, NoSeasonError
from revisit_rules.policy import policy_or_default
from revisit_rules.regions import (
    REGIONS,
    Region,
    Season,
    SeasonKind,
    SeasonSpan,
    SeasonStatus,
    region_of,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from revisit_rules.policy import Policy

__all__ = [
    "REGIONS",
    "Region",
    "Season",
    "SeasonKind",
    "SeasonSpan",
    "SeasonStatus",
    "cooling_season",
    "heating_season",
    "rainy_season",
    "region_of",
    "season_of",
]


def _policy(policy: Policy | None, rule: str) -> Policy:
    return policy_or_default(policy, rule=rule)


#: The rule each kind of season is read under.
_RULE: Final[Mapping[SeasonKind, str]] = FrozenMap(
    {
        SeasonKind.HEATING: "SEA-HEATING",
        SeasonKind.COOLING: "SEA-COOLING",
        SeasonKind.RAINY: "SEA-RAINY",
    }
)


def span_of(kind: SeasonKind, region: object, *, policy: Policy | None = None) -> SeasonSpan:
    """The recurring span of ``kind`` in ``region`` under ``policy`` (overrides first).

    Raises:
        NoSeasonError: ``region`` has no heating season and the policy gives none (SEA-NO-SEASON).
    """
    if not isinstance(kind, SeasonKind):
        raise InvalidTypeError("kind", kind, "a SeasonKind", rule="SEA-HEATING")
    rule = _RULE[kind]
    reg = region_of(region, rule=rule)
    pol = _policy(policy, rule)
    if kind is SeasonKind.HEATING:
        span = pol.heating_seasons.get(reg.key, reg.heating)
        if span is None:
            raise NoSeasonError(
                "region",
                reg.key,
                f"a region with a heating season: {reg.name_zh} has none; pass a season range "
                "(Policy.heating_seasons) or a contract term",
                rule="SEA-NO-SEASON",
            )
        return span
    if kind is SeasonKind.COOLING:
        return pol.cooling_seasons.get(reg.key, reg.cooling)
    return pol.rainy_seasons.get(reg.key, reg.rainy or pol.rainy_season)


def season_of(
    kind: SeasonKind, region: object, year: int, *, policy: Policy | None = None
) -> Season:
    """The season of ``kind`` in ``region`` that starts in ``year``."""
    return span_of(kind, region, policy=policy).occurrence(year)


def heating_season(region: object, year: int, *, policy: Policy | None = None) -> Season:
    """The heating season of ``region`` that starts in ``year`` (SEA-HEATING).

    Raises:
        UnknownRegionError: ``region`` is not in :data:`REGIONS`.
        NoSeasonError: the region has no heating season (SEA-NO-SEASON).
    """
    return season_of(SeasonKind.HEATING, region, year, policy=policy)


def cooling_season(region: object, year: int, *, policy: Policy | None = None) -> Season:
    """The assumed cooling season of ``region`` in ``year`` (SEA-COOLING)."""
    return season_of(SeasonKind.COOLING, region, year, policy=policy)


def rainy_season(region: object, year: int, *, policy: Policy | None = None) -> Season:
    """The rainy season of ``region`` in ``year`` (SEA-RAINY)."""
    return season_of(SeasonKind.RAINY, region, year, policy=policy)


def nth_season_end(
    kind: SeasonKind, region: object, start: dt.date, n: int, *, policy: Policy | None = None
) -> dt.date:
    """The last day of the ``n``-th season of ``kind`` counted from ``start`` (SEA-COUNT).

    Only seasons that begin on or after ``start`` count, unless the policy's
    ``count_partial_season`` lets a season in progress on ``start`` count as the first.
    ``n == 0`` gives ``start`` itself.
    """
    check_date("start", start, rule="SEA-COUNT")
    check_int("n", n, minimum=0, rule="SEA-COUNT")
    span = span_of(kind, region, policy=policy)
    if n == 0:
        return start
    partial = _policy(policy, "SEA-COUNT").count_partial_season
    (sm, sd), (em, ed) = span.start, span.end
    wraps = span.wraps
    year = start.year - 1
    while True:  # at most three steps: last year's season, this year's, next year's
        season_start = dt.date(year, sm, sd)
        season_end = dt.date(year + 1 if wraps else year, em, ed)
        if (partial and season_end >= start) or season_start >= start:
            break
        year += 1
    last = year + n - 1 + (1 if wraps else 0)
    if last > dt.MAXYEAR:
        raise DateRangeError(
            "n", n, f"a number of seasons ending by {dt.MAXYEAR}", rule="SEA-COUNT"
        )
    return dt.date(last, em, ed)
