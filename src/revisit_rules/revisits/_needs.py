"""Owed visits before merging, their month arithmetic, and merging them into trips (VIS-MERGE)."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING

from revisit_rules.periods import _add_months as add_months
from revisit_rules.policy import Cadence
from revisit_rules.revisits.visits import (
    _DAY,
    _KIND_ORDER,
    _SATURDAY,
    VisitKind,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from revisit_rules.warranty import Category


# --- planning ------------------------------------------------------------------------------


class _Need:
    """One owed visit before merging: a window in days and working days, and its reasons."""

    __slots__ = (
        "categories",
        "earliest",
        "first",
        "key",
        "kind",
        "last",
        "latest",
        "provisional",
        "rules",
    )

    def __init__(  # noqa: PLR0917 - a private record, built in one place
        self,
        kind: VisitKind,
        earliest: dt.date,
        latest: dt.date,
        categories: frozenset[Category],
        rules: tuple[str, ...],
        provisional: bool,  # noqa: FBT001
        bounds: tuple[dt.date, dt.date],
        key: int | str,
    ) -> None:
        self.kind = kind
        self.key = key
        self.earliest = earliest
        self.latest = latest
        self.categories = categories
        self.rules = rules
        self.provisional = provisional
        self.first, self.last = bounds


def _shift(day: dt.date, months: int) -> dt.date:
    """``day`` + ``months`` (CC 202), held to the days there are (VIS windows).

    A window bound past 9999-12-31 lies after every cut-off, one before 0001-01-01 before
    every acceptance: the last or the first day there is stands for it, and the window
    rules then treat it as they treat any bound that far.
    """
    try:
        return add_months(day, months)
    except (OverflowError, ValueError):
        return dt.date.max if months > 0 else dt.date.min


def _before(day: dt.date, months: int) -> dt.date:
    """The day before ``day`` + ``months``: a window's last day, held to 9999-12-31."""
    end = _shift(day, months)
    return end if end == dt.date.max else end - _DAY


def _weekday_bounds(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and the last weekday from ``first`` to ``last`` (None if there is none)."""
    while first <= last and first.weekday() >= _SATURDAY:
        first += _DAY
    while last >= first and last.weekday() >= _SATURDAY:
        last -= _DAY
    return (first, last) if first <= last else None


def _offsets(cadence: Cadence, skip: int = 0) -> Iterator[int]:
    """Months after acceptance at which periodic windows open (VIS-CADENCE), from ``skip`` on.

    >>> from itertools import islice
    >>> (
    ...     list(islice(_offsets(Cadence.MILESTONES), 5)),
    ...     list(islice(_offsets(Cadence.QUARTERLY, 7), 2)),
    ... )
    ([3, 6, 12, 24, 36], [9, 12])
    """
    if cadence is Cadence.MILESTONES:
        yield from (m for m in (3, 6) if m >= skip)
        step, months = 12, 12
    else:
        step = 3 if cadence is Cadence.QUARTERLY else 6
        months = step
    if skip > months:
        months += (skip - months + step - 1) // step * step  # the first multiple >= skip
    while True:
        yield months
        months += step


def merge_needs(needs: Sequence[_Need]) -> list[list[_Need]]:
    """Group visits into the fewest trips (VIS-MERGE): interval stabbing, greedy by deadline.

    Take the visit whose window's last working day comes first; every visit whose window
    holds that day joins its trip; repeat. Each trip's working-day windows share that day.

    A visit whose window holds the days of several trips joins the *first* of them, as the
    rule reads. So a visit's trip depends only on the windows that end before it does,
    never on windows that open later: planning a part of a project's life (the annual
    plan's shortcut) cannot move a visit to another trip.
    """
    trips: list[list[_Need]] = []
    points: list[dt.date] = []  # each trip's day, ascending
    for need in sorted(needs, key=lambda n: (n.last, n.first, _KIND_ORDER[n.kind])):
        # Every day so far is on or before need.last: the first one on or after need.first
        # lies in its window.
        index = bisect.bisect_left(points, need.first)
        if index < len(points):
            trips[index].append(need)
        else:
            points.append(need.last)
            trips.append([need])
    return trips
