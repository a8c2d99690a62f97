"""The year window: a year's visits planned from a part of a project's life (VIS-ANNUAL).

Invariant: planning a year this way *equals planning the whole life and filtering the
year* (the visits whose trip is targeted in the year, the findings dated in it). It is an
optimisation only, so that the cost of a year does not grow with the project's age, and a
property test (``test_year_window_equals_whole_life_filtered``) checks the equivalence over
random portfolios and years.

How the part is chosen:

- :func:`quiet`: no window can open or close in the year (cheap and exact): nothing is
  planned at all.
- windows opening after :func:`horizon_after` the year cannot join a trip targeted in it:
  they are left out;
- windows ending before ``since``, two months before the year, are left out too when the
  windows planned leave a *gap* before the year (:func:`_gap`), a day that no window's
  working days span. Greedy by deadline, the trips before a gap are made apart from those
  after it, and are targeted before the year. Without a gap, the plan starts at the
  acceptance day.
- VIS-MIN is decided on the whole life's trips (:func:`too_few_trips`) and visits
  (:func:`owed_visits`), planning the whole life only when the part cannot decide it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from revisit_rules.errors import NoSeasonError
from revisit_rules.periods import _add_months as add_months
from revisit_rules.regions import SeasonKind
from revisit_rules.revisits._needs import _Need, _shift, merge_needs
from revisit_rules.revisits.visits import _DAY
from revisit_rules.warranty import Category

if TYPE_CHECKING:
    from collections.abc import Sequence

    from revisit_rules.revisits._planner import _Planner


def year_needs(
    planner: _Planner, first: dt.date, last: dt.date
) -> tuple[list[_Need], dt.date | None] | None:
    """The needs to plan the year ``first`` .. ``last`` from, and the gap before it, if any.

    ``None`` when the year is :func:`quiet`.
    """
    if quiet(planner, first, last):
        return None
    horizon = horizon_after(planner, last)
    since = add_months(first, -2) if first.year > dt.MINYEAR else None
    needs = planner.owe_all(horizon, since)
    gap: dt.date | None = None
    if planner.cut:
        gap = _gap(needs, since or first, first)
        if gap is None:  # the windows run on into the year: plan from acceptance
            needs = planner.owe_all(horizon)
    return needs, gap


def quiet(planner: _Planner, first: dt.date, last: dt.date) -> bool:
    """Whether no visit or finding can fall from ``first`` to ``last`` (cheap, exact).

    Every window ends by the handover/technical window's end, the commissioning
    window's end, or the last day of a non-structural warranty; the structure's own
    pre-expiry window stands apart, far in the future (unless the policy has rainy
    visits serve the structure).
    """
    a, pol, last_day = planner.project.accepted_on, planner.policy, planner.last
    structure = last_day.get(Category.FOUNDATION_STRUCTURE)
    if structure is not None and Category.FOUNDATION_STRUCTURE in pol.rainy_season_categories:
        return False
    # The cheapest bound first: a warranty still running in the year.
    if any(d >= first for c, d in last_day.items() if c is not Category.FOUNDATION_STRUCTURE):
        return False
    months = max(pol.handover_months, pol.technical_months + pol.visit_window_months)
    if _shift(a, months) >= first:
        return False
    started = planner.project.operation_started_on
    if started is not None and _shift(started, pol.commissioning_end_months) >= first:
        return False
    if structure is None:
        return True
    opens = _shift(structure, -pol.pre_expiry_start_months)
    closes = _shift(structure, -pol.pre_expiry_end_months)  # its cut-off
    return closes < first or opens > last


def horizon_after(planner: _Planner, day: dt.date) -> dt.date:
    """A day past which no window can open and still join a trip targeted by ``day``.

    A trip is targeted on the latest first working day of its visits, so a trip
    targeted by ``day`` holds only windows that open by ``day`` and, at most
    ``longest`` months long, close before the horizon (a month more: month ends clip).
    A window opening after the horizon comes after them all, greedy by deadline, and
    cannot join such a trip.
    """
    pol, cats = planner.policy, planner.cats
    longest = max(
        pol.handover_months,
        pol.visit_window_months,  # periodic, technical
        pol.commissioning_end_months,
        pol.pre_expiry_start_months,  # also bounds a short term's acceptance .. last day
    )
    if Category.HEATING in cats:
        longest = max(longest, pol.heating_visit_months)
        if pol.winter_visit:
            longest = max(longest, _months(planner, SeasonKind.HEATING))
    if not cats.isdisjoint(pol.rainy_season_categories):
        longest = max(longest, _months(planner, SeasonKind.RAINY))
    if day.year >= dt.MAXYEAR - (longest + 1) // 12 - 1:
        return dt.date.max  # no window opens later than the last day there is
    return add_months(day, longest + 1)


def _months(planner: _Planner, season: SeasonKind) -> int:
    """How many calendar months the project's ``season`` touches (0 if it has none)."""
    try:
        span = planner.span(season)
    except NoSeasonError:
        return 0
    months = (span.end[0] - span.start[0]) % 12 + 1
    return 12 if span.wraps and months == 1 else months


def owed_visits(planner: _Planner, needs: Sequence[_Need]) -> int:
    """How many visits the project is owed over its whole life, unmerged (VIS-MIN).

    ``needs`` are planned from a part of the life; more of it only adds visits, so the
    whole life is planned only when the part leaves too few.
    """
    count = len(needs)
    if count < planner.policy.min_visits and (planner.truncated or planner.cut):
        count = len(planner.whole_life)
    return count


def _gap(needs: Sequence[_Need], since: dt.date, until: dt.date) -> dt.date | None:
    """The first day from ``since`` to before ``until`` that no need's working days span."""
    day = since
    for need in sorted(needs, key=lambda n: n.first):
        if need.first > day:
            break
        day = max(day, need.last + _DAY)
    return day if day < until else None


def too_few_trips(
    planner: _Planner, needs: Sequence[_Need], trips: Sequence[Sequence[_Need]], gap: dt.date | None
) -> bool:
    """VIS-MIN: whether merging the project's whole life leaves too few trips to merge.

    ``needs`` merged into ``trips``, fewer than ``min_visits``. Planned between ``since``
    and a horizon, they are a part of the life: the decision is the whole life's, as
    :func:`plan_revisits` takes it. The fewest trips never shrink when visits are added
    (they equal the most windows pairwise apart), and a handover left out before the
    ``gap`` makes a trip of its own when no planned window lies before the gap; the whole
    life is planned only when these bounds leave too few trips.
    """
    count = len(trips)
    if planner.cut_handover and gap is not None and all(n.last > gap for n in needs):
        count += 1
    if count >= planner.policy.min_visits:
        return False
    if planner.truncated or planner.cut:
        needs = planner.whole_life
        count = len(merge_needs(needs))
    return count < planner.policy.min_visits and len(needs) > count
