"""The revisit schedule, merged trips, the annual plan and its exports (VIS, decisions § 5).

Expected days are worked out by hand from decisions § 5 and the State Council's 2026
arrangement (as ``holidays.China`` carries it): breaks 01-01..03, 02-15..23, 04-04..06,
05-01..05, 06-19..21, 09-25..27, 10-01..07; make-up working days 01-04 (Sun), 02-14 (Sat),
02-28 (Sat), 05-09 (Sat), 09-20 (Sun), 10-10 (Sat). Years from 2027 on are provisional
(statutory holidays only, CAL-PROVISIONAL): for them the tests give the windows by hand and
the targets through VIS-TARGET, the first working day of the window on the library's
calendar.
"""

import datetime as dt
import functools
import itertools
import pickle
import re

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st

import revisit_rules as rr
from revisit_rules.portfolio import example_portfolio
from revisit_rules.revisits import plan as revisit_plan

from . import strategies as sts

C = rr.Category
K = rr.VisitKind
S = rr.VisitStatus
D = dt.date
DAY = dt.timedelta(days=1)
CAL = rr.china_calendar()
UNMERGED = rr.Policy(merge_overlapping=False)


def project(accepted, categories=frozenset({C.DECORATION}), region="beijing", pid="P", **kw):
    """A project with the tests' defaults: decoration only, in Beijing."""
    return rr.Project(pid, accepted, region, categories, **kw)


def windows(visits, kind):
    """(earliest, latest, target) of the visits that carry ``kind``, in plan order."""
    return [(v.earliest, v.latest, v.target) for v in visits if kind in v.kinds]


def spans(visits, kind):
    """(earliest, latest) of the visits that carry ``kind``, in plan order."""
    return [(v.earliest, v.latest) for v in visits if kind in v.kinds]


def first_working_day(day):
    """VIS-TARGET: the first working day on or after ``day`` (CAL-CN)."""
    return CAL.add_working_days(day, 0)


def last_working_day(day):
    """The last working day on or before ``day`` (CAL-CN)."""
    return CAL.add_working_days(day + DAY, -1)


def last_days(p, policy=None):
    """Each category's effective last day (WTY-MIN)."""
    return {c: rr.warranty_expiry(p, c, policy=policy).last_day for c in p.categories}


def any_day_projects(**kw):
    """Random projects (``sts.visit_projects``) accepted on a working day or on any day."""
    return st.booleans().flatmap(lambda on: sts.visit_projects(on_working_day=on, **kw))


# --- labels and rules --------------------------------------------------------------------


def test_kinds_have_labels_and_registered_rules():
    """Every visit kind has a Chinese label and a rule of the registry."""
    expected = {
        K.HANDOVER: "VIS-HANDOVER",
        K.PERIODIC: "VIS-PERIODIC",
        K.RAINY_SEASON: "VIS-RAINY",
        K.HEATING_SEASON: "VIS-HEATING",
        K.WINTER: "VIS-WINTER",
        K.COMMISSIONING: "VIS-COMMISSIONING",
        K.TECHNICAL: "VIS-TECHNICAL",
        K.PRE_EXPIRY: "VIS-PRE-EXPIRY",
    }
    assert expected == {k: k.rule for k in K}
    for kind in K:
        assert kind.zh
        assert kind.rule in rr.RULES


def test_every_rule_a_visit_cites_is_registered():
    """The rules on the visits of a rich plan all exist in the registry."""
    p = project(
        D(2025, 10, 1),
        set(C),
        design_life_years=50,
        contract_terms={C.OTHER: rr.Years(3)},
        operation_started_on=D(2026, 1, 5),
        new_techniques=True,
    )
    cited = {r for v in rr.plan_revisits(p) for r in v.rules}
    assert set() == cited - set(rr.RULES)


# --- VIS-HANDOVER ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accepted", "latest", "target"),
    [
        # A working Wednesday, the handover itself: the window opens on National Day,
        # whose break 10-01..07 puts the target on Thursday 10-08.
        (D(2026, 9, 30), D(2026, 12, 30), D(2026, 10, 8)),
        # National Day: from 10-02, inside the break, to Thursday 10-08.
        (D(2026, 10, 1), D(2027, 1, 1), D(2026, 10, 8)),
        # New Year break 01-01..03, then Sunday 01-04 is a make-up working day.
        (D(2026, 1, 1), D(2026, 4, 1), D(2026, 1, 4)),
        # Month end: 11-30 + 3 months = 02-28 (CC 202); the window opens Monday 12-01.
        (D(2025, 11, 30), D(2026, 2, 28), D(2025, 12, 1)),
    ],
)
def test_handover_window_and_target(accepted, latest, target):
    """VIS-HANDOVER: A + 1 day -> A + 3 months, targeted on its first working day.

    S002 1.1 "项目经理应于工程竣工交付三个月内…对用户进行回访": within three months of the
    handover; the acceptance day itself is the handover, not a revisit (decisions § 5).
    """
    visits = rr.plan_revisits(project(accepted), policy=UNMERGED)
    assert [(accepted + DAY, latest, target)] == windows(visits, K.HANDOVER)


def test_handover_rules():
    """A handover visit cites its rule, VIS-IN-FORCE, VIS-TARGET, CAL-CN and VIS-OWNER."""
    (visit,) = [v for v in rr.plan_revisits(project(D(2026, 3, 2))) if K.HANDOVER in v.kinds]
    expected = ("VIS-HANDOVER", "VIS-IN-FORCE", "VIS-TARGET", "CAL-CN", "VIS-OWNER")
    assert expected == visit.rules
    assert frozenset({K.HANDOVER}) == visit.kinds
    assert frozenset({C.DECORATION}) == visit.categories


# --- VIS-PERIODIC and VIS-CADENCE ----------------------------------------------------------

# Accepted 2025-08-31: decoration runs to 2027-08-31 (a Tuesday). Windows are computed from
# A (CC 202 clip): A + 6 months = 2026-02-28, A + 12 months = 2026-08-31 (not 08-28), and
# each closes at A + (k + 1) months less a day.
MONTH_END = D(2025, 8, 31)


def test_periodic_semiannual_from_the_base_day():
    """VIS-PERIODIC: A + 6k months -> one month later less a day, always from A."""
    visits = rr.plan_revisits(project(MONTH_END), policy=UNMERGED)
    expected = [
        # 2026-02-28 is a make-up Saturday: the target is that Saturday.
        (D(2026, 2, 28), D(2026, 3, 30), D(2026, 2, 28)),
        (D(2026, 8, 31), D(2026, 9, 29), D(2026, 8, 31)),
        (D(2027, 2, 28), D(2027, 3, 30), first_working_day(D(2027, 2, 28))),
        # 2027-08-31 opens after the cut-off 2027-07-31, a month before the last day: not
        # owed (VIS-IN-FORCE; S003 "工程回访必须在工程保修期满前一个月进行完毕").
    ]
    assert expected == windows(visits, K.PERIODIC)


def test_periodic_quarterly():
    """VIS-CADENCE QUARTERLY: windows open every 3 months from A."""
    policy = attrs.evolve(UNMERGED, cadence=rr.Cadence.QUARTERLY)
    visits = rr.plan_revisits(project(MONTH_END), policy=policy)
    expected = [
        (D(2025, 11, 30), D(2025, 12, 30), D(2025, 12, 1)),  # Sunday -> Monday
        (D(2026, 2, 28), D(2026, 3, 30), D(2026, 2, 28)),  # make-up Saturday
        (D(2026, 5, 31), D(2026, 6, 29), D(2026, 6, 1)),  # Sunday -> Monday
        (D(2026, 8, 31), D(2026, 9, 29), D(2026, 8, 31)),
        (D(2026, 11, 30), D(2026, 12, 30), D(2026, 11, 30)),
        (D(2027, 2, 28), D(2027, 3, 30), first_working_day(D(2027, 2, 28))),
        (D(2027, 5, 31), D(2027, 6, 29), first_working_day(D(2027, 5, 31))),
    ]
    assert expected == windows(visits, K.PERIODIC)


def test_periodic_milestones():
    """VIS-CADENCE MILESTONES: 3, 6 and 12 months, then yearly."""
    policy = attrs.evolve(UNMERGED, cadence=rr.Cadence.MILESTONES)
    visits = rr.plan_revisits(project(MONTH_END), policy=policy)
    expected = [
        (D(2025, 11, 30), D(2025, 12, 30), D(2025, 12, 1)),
        (D(2026, 2, 28), D(2026, 3, 30), D(2026, 2, 28)),
        (D(2026, 8, 31), D(2026, 9, 29), D(2026, 8, 31)),
    ]
    assert expected == windows(visits, K.PERIODIC)


def test_periodic_milestones_continue_yearly():
    """MILESTONES over a five-year warranty: 3, 6, 12, 24, 36 and 48 months."""
    # Waterproofing from 2026-03-02: 2031-03-02 is a Sunday, so the last day is Monday 03-03
    # and the cut-off 2031-02-03: the 60-month window opens after it (VIS-IN-FORCE).
    policy = attrs.evolve(UNMERGED, cadence=rr.Cadence.MILESTONES)
    p = project(D(2026, 3, 2), {C.WATERPROOFING})
    visits = rr.plan_revisits(p, policy=policy)
    expected = [
        (D(2026, 6, 2), D(2026, 7, 1)),
        (D(2026, 9, 2), D(2026, 10, 1)),
        (D(2027, 3, 2), D(2027, 4, 1)),
        (D(2028, 3, 2), D(2028, 4, 1)),
        (D(2029, 3, 2), D(2029, 4, 1)),
        (D(2030, 3, 2), D(2030, 4, 1)),
    ]
    assert expected == spans(visits, K.PERIODIC)


def test_periodic_serves_the_warranties_in_force():
    """A periodic visit serves the non-structural categories in force when it opens."""
    p = project(D(2026, 3, 2), {C.DECORATION, C.WATERPROOFING, C.FOUNDATION_STRUCTURE})
    p = attrs.evolve(p, design_life_years=50)
    visits = [v for v in rr.plan_revisits(p, policy=UNMERGED) if K.PERIODIC in v.kinds]
    by_start = {v.earliest: v.categories for v in visits}
    # Decoration ends on 2028-03-02, its cut-off is 2028-02-02: the visit opening on
    # 2027-09-02 serves it, the one opening on 2028-03-02 no longer does (VIS-IN-FORCE).
    assert frozenset({C.DECORATION, C.WATERPROOFING}) == by_start[D(2027, 9, 2)]
    assert frozenset({C.WATERPROOFING}) == by_start[D(2028, 3, 2)]
    assert all(C.FOUNDATION_STRUCTURE not in v.categories for v in visits)


@pytest.mark.parametrize(
    ("accepted", "opens", "target"),
    [
        (D(2025, 7, 1), D(2026, 1, 1), D(2026, 1, 4)),  # New Year, then make-up Sunday
        (D(2025, 7, 4), D(2026, 1, 4), D(2026, 1, 4)),  # make-up Sunday
        (D(2025, 8, 14), D(2026, 2, 14), D(2026, 2, 14)),  # make-up Saturday
        (D(2025, 8, 15), D(2026, 2, 15), D(2026, 2, 24)),  # Spring Festival 02-15..23
        (D(2025, 8, 28), D(2026, 2, 28), D(2026, 2, 28)),  # make-up Saturday
        (D(2025, 10, 4), D(2026, 4, 4), D(2026, 4, 7)),  # Qingming 04-04..06
        (D(2025, 10, 30), D(2026, 4, 30), D(2026, 4, 30)),  # the day before Labour Day
        (D(2025, 11, 1), D(2026, 5, 1), D(2026, 5, 6)),  # Labour Day 05-01..05
        (D(2025, 11, 5), D(2026, 5, 5), D(2026, 5, 6)),  # its last day
        (D(2025, 11, 6), D(2026, 5, 6), D(2026, 5, 6)),  # the day after
        (D(2025, 11, 9), D(2026, 5, 9), D(2026, 5, 9)),  # make-up Saturday
        (D(2025, 12, 19), D(2026, 6, 19), D(2026, 6, 22)),  # Dragon Boat 06-19..21
        (D(2026, 3, 20), D(2026, 9, 20), D(2026, 9, 20)),  # make-up Sunday
        (D(2026, 3, 25), D(2026, 9, 25), D(2026, 9, 28)),  # Mid-Autumn 09-25..27
        (D(2026, 3, 30), D(2026, 9, 30), D(2026, 9, 30)),  # the day before National Day
        (D(2026, 4, 1), D(2026, 10, 1), D(2026, 10, 8)),  # National Day 10-01..07
        (D(2026, 4, 7), D(2026, 10, 7), D(2026, 10, 8)),  # its last day
        (D(2026, 4, 8), D(2026, 10, 8), D(2026, 10, 8)),  # the day after
        (D(2026, 4, 10), D(2026, 10, 10), D(2026, 10, 10)),  # make-up Saturday
    ],
)
def test_periodic_target_over_breaks_and_make_up_days(accepted, opens, target):
    """VIS-TARGET: a break moves the target to the next working day; make-up days are kept."""
    visits = rr.plan_revisits(project(accepted), policy=UNMERGED)
    first = windows(visits, K.PERIODIC)[0]
    assert (opens, target) == (first[0], first[2])


# --- VIS-RAINY ---------------------------------------------------------------------------


def test_rainy_season_clipped_to_acceptance_and_warranty():
    """VIS-RAINY: 04-01 -> 06-30 each year, from acceptance, up to the cut-off."""
    # Accepted on Sunday 2026-05-10 mid-season; 2031-05-10 is a Saturday, so the
    # waterproofing warranty ends on Monday 2031-05-12 and its cut-off is 2031-04-12.
    p = project(D(2026, 5, 10), {C.WATERPROOFING}, region="shanghai")
    visits = rr.plan_revisits(p, policy=UNMERGED)
    expected = [
        (D(2026, 5, 10), D(2026, 6, 30)),
        (D(2027, 4, 1), D(2027, 6, 30)),
        (D(2028, 4, 1), D(2028, 6, 30)),
        (D(2029, 4, 1), D(2029, 6, 30)),
        (D(2030, 4, 1), D(2030, 6, 30)),
        (D(2031, 4, 1), D(2031, 4, 12)),
    ]
    assert expected == spans(visits, K.RAINY_SEASON)
    assert D(2026, 5, 11) == windows(visits, K.RAINY_SEASON)[0][2]
    assert all(frozenset({C.WATERPROOFING}) == v.categories for v in visits)


def test_rainy_season_after_acceptance():
    """Accepted after the season: the first rainy visit is next year's, targeted 04-01."""
    p = project(D(2025, 7, 1), {C.WATERPROOFING}, region="shanghai")
    visits = rr.plan_revisits(p, policy=UNMERGED)
    rainy = windows(visits, K.RAINY_SEASON)
    assert (D(2026, 4, 1), D(2026, 6, 30), D(2026, 4, 1)) == rainy[0]
    # 2026 to 2030; 2030-07-01 ends the warranty, after the 2030 season.
    assert [2026, 2027, 2028, 2029, 2030] == [w[0].year for w in rainy]


def test_rainy_season_regional_override():
    """SEA-RAINY: a region's own rainy season (plum rain) replaces the default."""
    policy = attrs.evolve(
        UNMERGED, rainy_seasons={"nanjing": rr.SeasonSpan.parse("06-15", "07-15")}
    )
    p = project(D(2026, 3, 2), {C.WATERPROOFING}, region="nanjing")
    rainy = windows(rr.plan_revisits(p, policy=policy), K.RAINY_SEASON)
    assert (D(2026, 6, 15), D(2026, 7, 15), D(2026, 6, 15)) == rainy[0]


def test_no_rainy_visit_without_waterproofing():
    """No WATERPROOFING category, no rainy-season visit."""
    visits = rr.plan_revisits(project(D(2026, 3, 2)), policy=UNMERGED)
    assert [] == windows(visits, K.RAINY_SEASON)


def test_rainy_season_wrapping_the_year_in_progress_at_acceptance():
    """A rainy season 12-01 -> 02-28 running at acceptance is visited from acceptance."""
    policy = attrs.evolve(UNMERGED, rainy_season=rr.SeasonSpan.parse("12-01", "02-28"))
    p = project(D(2026, 1, 12), {C.WATERPROOFING}, region="shanghai")
    rainy = windows(rr.plan_revisits(p, policy=policy), K.RAINY_SEASON)
    assert (D(2026, 1, 12), D(2026, 2, 28), D(2026, 1, 12)) == rainy[0]


@pytest.mark.parametrize(
    ("accepted", "first"),
    [
        # The running season's last day, a make-up Saturday: one working day is left.
        (D(2026, 2, 27), (D(2026, 2, 27), D(2026, 2, 28), D(2026, 2, 27))),
        (D(2026, 2, 28), (D(2026, 2, 28), D(2026, 2, 28), D(2026, 2, 28))),
        # The day after the season: the first visit is the next season's.
        (D(2026, 3, 1), (D(2026, 12, 1), D(2027, 2, 28), D(2026, 12, 1))),
    ],
)
def test_rainy_season_wrapping_the_year_around_its_end(accepted, first):
    """A rainy season 12-01 -> 02-28: accepted on its last day, the day before and after."""
    policy = attrs.evolve(UNMERGED, rainy_season=rr.SeasonSpan.parse("12-01", "02-28"))
    p = project(accepted, {C.WATERPROOFING}, region="shanghai")
    rainy = windows(rr.plan_revisits(p, policy=policy), K.RAINY_SEASON)
    assert first == rainy[0]
    assert all(b[0] > a[1] for a, b in itertools.pairwise(rainy))


@pytest.mark.parametrize(
    ("accepted", "first"),
    [
        # Accepted on the season's last day, a working Tuesday: a one-day window.
        (D(2026, 6, 30), (D(2026, 6, 30), D(2026, 6, 30), D(2026, 6, 30))),
        # The day after: next year's season.
        (D(2026, 7, 1), (D(2027, 4, 1), D(2027, 6, 30), first_working_day(D(2027, 4, 1)))),
    ],
)
def test_rainy_season_accepted_at_its_end(accepted, first):
    """The default rainy season: accepted on its last day, and the day after."""
    p = project(accepted, {C.WATERPROOFING}, region="shanghai")
    assert first == windows(rr.plan_revisits(p, policy=UNMERGED), K.RAINY_SEASON)[0]


# --- VIS-HEATING -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "accepted", "expected"),
    [
        # Beijing 11-15 -> 03-15: the visit runs 10-15 -> 11-14 before the two seasons
        # counted from 2026-03-02 (2026/27, 2027/28; warranty to 2028-03-15).
        (
            "beijing",
            D(2026, 3, 2),
            [
                (D(2026, 10, 15), D(2026, 11, 14), D(2026, 10, 15)),
                (D(2027, 10, 15), D(2027, 11, 14), first_working_day(D(2027, 10, 15))),
            ],
        ),
        # Harbin 10-20 -> 04-20: 09-20 -> 10-19; 2026-09-20 is a make-up Sunday.
        (
            "harbin",
            D(2026, 3, 2),
            [
                (D(2026, 9, 20), D(2026, 10, 19), D(2026, 9, 20)),
                (D(2027, 9, 20), D(2027, 10, 19), first_working_day(D(2027, 9, 20))),
            ],
        ),
        # Accepted inside the 2026/27 Beijing season: it does not count (SEA-COUNT), so
        # the seasons are 2027/28 and 2028/29; 2026's visit closed before acceptance.
        (
            "beijing",
            D(2026, 12, 1),
            [
                (D(2027, 10, 15), D(2027, 11, 14), first_working_day(D(2027, 10, 15))),
                (D(2028, 10, 15), D(2028, 11, 14), first_working_day(D(2028, 10, 15))),
            ],
        ),
        # Accepted in the month before the season: the window opens on acceptance.
        (
            "beijing",
            D(2026, 11, 2),
            [
                (D(2026, 11, 2), D(2026, 11, 14), D(2026, 11, 2)),
                (D(2027, 10, 15), D(2027, 11, 14), first_working_day(D(2027, 10, 15))),
            ],
        ),
    ],
)
def test_heating_season_visits(region, accepted, expected):
    """VIS-HEATING: the month before each heating season while HEATING is in force."""
    p = project(accepted, {C.HEATING}, region=region)
    visits = rr.plan_revisits(p, policy=UNMERGED)
    assert expected == windows(visits, K.HEATING_SEASON)
    assert all(frozenset({C.HEATING}) == v.categories for v in visits)


@pytest.mark.parametrize(
    ("region", "span", "last_day", "expected"),
    [
        # A season passed for a southern region (SEA-NO-SEASON's way out), 12-01 -> 02-28:
        # 2026/27 and 2027/28, to 2028-02-28; 2026-11-01 is a Sunday.
        (
            "shanghai",
            ("12-01", "02-28"),
            D(2028, 2, 28),
            [
                (D(2026, 11, 1), D(2026, 11, 30), D(2026, 11, 2)),
                (D(2027, 11, 1), D(2027, 11, 30), first_working_day(D(2027, 11, 1))),
            ],
        ),
        # A season opening in January: its visit opens in the December before; the
        # 2026 season began before acceptance, so 2027 and 2028 count.
        (
            "beijing",
            ("01-10", "03-31"),
            D(2028, 3, 31),
            [
                (D(2026, 12, 10), D(2027, 1, 9), D(2026, 12, 10)),
                (D(2027, 12, 10), D(2028, 1, 9), first_working_day(D(2027, 12, 10))),
            ],
        ),
    ],
)
def test_heating_visits_with_a_season_override(region, span, last_day, expected):
    """SEA-HEATING overrides move the heating visits with the season."""
    policy = attrs.evolve(UNMERGED, heating_seasons={region: rr.SeasonSpan.parse(*span)})
    p = project(D(2026, 3, 2), {C.HEATING}, region=region)
    assert last_day == rr.warranty_expiry(p, C.HEATING, policy=policy).last_day
    assert expected == windows(rr.plan_revisits(p, policy=policy), K.HEATING_SEASON)


def test_heating_visit_with_partial_season_counted():
    """count_partial_season: the running season counts, so one heating visit remains."""
    policy = attrs.evolve(UNMERGED, count_partial_season=True)
    p = project(D(2026, 12, 1), {C.HEATING})
    visits = rr.plan_revisits(p, policy=policy)
    expected = [(D(2027, 10, 15), D(2027, 11, 14), first_working_day(D(2027, 10, 15)))]
    assert expected == windows(visits, K.HEATING_SEASON)


def test_no_heating_visit_for_cooling_only():
    """COOLING is no HEATING: no heating-season visit."""
    visits = rr.plan_revisits(project(D(2026, 3, 2), {C.COOLING}), policy=UNMERGED)
    assert [] == windows(visits, K.HEATING_SEASON)


def test_heating_without_a_season_is_an_error():
    """SEA-NO-SEASON: HEATING in a region without a heating season is refused, not skipped."""
    with pytest.raises(rr.NoSeasonError, match="shanghai"):
        rr.plan_revisits(project(D(2026, 3, 2), {C.HEATING}, region="shanghai"))


def test_heating_on_a_contract_term_without_a_season():
    """SEA-NO-SEASON with a contract term: no pre-season visit; HEATING keeps its others."""
    p = project(
        D(2026, 3, 2), {C.HEATING}, region="shanghai", contract_terms={C.HEATING: rr.Years(2)}
    )
    visits = rr.plan_revisits(p, policy=UNMERGED)

    assert [] == windows(visits, K.HEATING_SEASON)
    assert [] == windows(visits, K.WINTER)
    # 2026-03-02 + 2 years = 2028-03-02, a Thursday: the pre-expiry window is the month
    # from 2028-01-02; periodic visits run every six months, the last one opening before
    # the cut-off 2028-02-02 (VIS-IN-FORCE).
    assert [(D(2028, 1, 2), D(2028, 2, 2))] == spans(visits, K.PRE_EXPIRY)
    assert [D(2026, 9, 2), D(2027, 3, 2), D(2027, 9, 2)] == [
        v.earliest for v in visits if K.PERIODIC in v.kinds
    ]
    assert all(v.categories == {C.HEATING} for v in visits)


# --- VIS-WINTER --------------------------------------------------------------------------


def test_winter_visits_in_the_heart_of_each_season():
    """VIS-WINTER: each heating season's start + 1 month -> its end, to the cut-off.

    S002 四6) "冬季回访锅炉房及采暖工程". Beijing 11-15 -> 03-15; accepted 2026-03-02 inside
    the 2025/26 season, whose winter window opens on acceptance. HEATING ends 2028-03-15,
    cut-off 2028-02-15.
    """
    visits = rr.plan_revisits(project(D(2026, 3, 2), {C.HEATING}), policy=UNMERGED)
    expected = [
        (D(2026, 3, 2), D(2026, 3, 15), D(2026, 3, 2)),
        (D(2026, 12, 15), D(2027, 3, 15), D(2026, 12, 15)),
        (D(2027, 12, 15), D(2028, 2, 15), first_working_day(D(2027, 12, 15))),
    ]
    assert expected == windows(visits, K.WINTER)
    assert ["P:WINTER:2025", "P:WINTER:2026", "P:WINTER:2027"] == [
        v.uid for v in visits if K.WINTER in v.kinds
    ]
    assert all({"VIS-WINTER", "SEA-HEATING"} <= set(v.rules) for v in visits if K.WINTER in v.kinds)


def test_winter_visits_can_be_turned_off():
    """Policy.winter_visit=False: the second S002 template has no winter visit."""
    policy = attrs.evolve(UNMERGED, winter_visit=False)
    visits = rr.plan_revisits(project(D(2026, 3, 2), {C.HEATING}), policy=policy)
    assert [] == windows(visits, K.WINTER)
    assert 2 == len(windows(visits, K.HEATING_SEASON))


def test_winter_start_months_moves_the_window():
    """Policy.winter_start_months: two months into the season, 01-15 -> 03-15 in Beijing."""
    policy = attrs.evolve(UNMERGED, winter_start_months=2)
    visits = rr.plan_revisits(project(D(2026, 3, 2), {C.HEATING}), policy=policy)
    assert (D(2027, 1, 15), D(2027, 3, 15)) == spans(visits, K.WINTER)[1]


# --- VIS-RAINY scope ---------------------------------------------------------------------


def test_rainy_visits_serve_the_policys_categories():
    """VIS-RAINY: the rainy visit serves the project's categories in rainy_season_categories."""
    cats = {C.WATERPROOFING, C.EQUIPMENT_INSTALLATION, C.DECORATION}
    p = project(D(2026, 3, 2), cats, region="shanghai")
    (first, *_) = [v for v in rr.plan_revisits(p, policy=UNMERGED) if K.RAINY_SEASON in v.kinds]
    assert frozenset({C.WATERPROOFING, C.EQUIPMENT_INSTALLATION}) == first.categories

    only_decoration = attrs.evolve(UNMERGED, rainy_season_categories={C.DECORATION})
    rainy = [v for v in rr.plan_revisits(p, policy=only_decoration) if K.RAINY_SEASON in v.kinds]
    assert {frozenset({C.DECORATION})} == {v.categories for v in rainy}
    # Decoration ends 2028-03-02 (cut-off 02-02): the 2026 and 2027 seasons only.
    assert [2026, 2027] == [v.earliest.year for v in rainy]
    none = attrs.evolve(UNMERGED, rainy_season_categories=())
    assert [] == windows(rr.plan_revisits(p, policy=none), K.RAINY_SEASON)


# --- VIS-HORIZON ONE_YEAR ----------------------------------------------------------------


def test_one_year_horizon_keeps_routine_visits_to_the_first_year():
    """VIS-HORIZON ONE_YEAR: routine windows begin before A + 12 months and end by it.

    S000 3.2 "工程验收交付一年后…不再组织回访"; the pre-expiry visit stays owed (S003).
    A rainy season 12-01 -> 04-30 from 2026-03-02: the running one from A, the next one cut
    to 2027-03-02, none after; the periodic window of A + 12 months is not owed.
    """
    policy = attrs.evolve(
        UNMERGED,
        revisit_horizon=rr.RevisitHorizon.ONE_YEAR,
        rainy_season=rr.SeasonSpan.parse("12-01", "04-30"),
    )
    p = project(D(2026, 3, 2), {C.WATERPROOFING}, region="shanghai")
    visits = rr.plan_revisits(p, policy=policy)
    assert [(D(2026, 3, 2), D(2026, 4, 30)), (D(2026, 12, 1), D(2027, 3, 2))] == spans(
        visits, K.RAINY_SEASON
    )
    assert [(D(2026, 9, 2), D(2026, 10, 1))] == spans(visits, K.PERIODIC)
    assert [(D(2031, 1, 3), D(2031, 2, 3))] == spans(visits, K.PRE_EXPIRY)
    assert [(D(2026, 3, 3), D(2026, 6, 2))] == spans(visits, K.HANDOVER)


# --- VIS-COMMISSIONING -------------------------------------------------------------------


def test_commissioning_from_operation_start():
    """VIS-COMMISSIONING: operation start + 1 month -> + 2 months less a day."""
    p = project(
        D(2026, 3, 2),
        {C.EQUIPMENT_INSTALLATION, C.DECORATION},
        operation_started_on=D(2026, 8, 31),
    )
    visits = [v for v in rr.plan_revisits(p, policy=UNMERGED) if K.COMMISSIONING in v.kinds]
    assert [(D(2026, 9, 30), D(2026, 10, 30), D(2026, 9, 30))] == windows(visits, K.COMMISSIONING)
    assert frozenset({C.EQUIPMENT_INSTALLATION}) == visits[0].categories


def test_commissioning_serves_both_mep_categories():
    """Both MEP categories are served by the one commissioning visit."""
    p = project(
        D(2026, 3, 2),
        {C.ELECTRICAL_PLUMBING, C.EQUIPMENT_INSTALLATION},
        operation_started_on=D(2026, 3, 2),
    )
    visits = [v for v in rr.plan_revisits(p, policy=UNMERGED) if K.COMMISSIONING in v.kinds]
    assert [(D(2026, 4, 2), D(2026, 5, 1), D(2026, 4, 2))] == windows(visits, K.COMMISSIONING)
    assert frozenset({C.ELECTRICAL_PLUMBING, C.EQUIPMENT_INSTALLATION}) == visits[0].categories


@pytest.mark.parametrize(
    ("categories", "started"),
    [
        ({C.ELECTRICAL_PLUMBING}, None),  # no operation start
        ({C.DECORATION, C.WATERPROOFING}, D(2026, 5, 4)),  # no MEP category
        ({C.EQUIPMENT_INSTALLATION}, D(2028, 2, 15)),  # opens after the warranty ended
    ],
)
def test_no_commissioning_visit(categories, started):
    """No commissioning visit without a start day, an MEP category, or a warranty in force."""
    p = project(D(2026, 3, 2), categories, operation_started_on=started)
    assert [] == windows(rr.plan_revisits(p, policy=UNMERGED), K.COMMISSIONING)


# --- VIS-TECHNICAL -----------------------------------------------------------------------


def test_technical_visit_with_new_techniques():
    """VIS-TECHNICAL: A + 6 months -> one month later less a day, for every category."""
    cats = {C.DECORATION, C.WATERPROOFING}
    p = project(D(2026, 3, 2), cats, new_techniques=True)
    visits = [v for v in rr.plan_revisits(p, policy=UNMERGED) if K.TECHNICAL in v.kinds]
    assert [(D(2026, 9, 2), D(2026, 10, 1), D(2026, 9, 2))] == windows(visits, K.TECHNICAL)
    assert frozenset(cats) == visits[0].categories


def test_no_technical_visit_without_new_techniques():
    """Without 四新 no technical visit is owed."""
    visits = rr.plan_revisits(project(D(2026, 3, 2)), policy=UNMERGED)
    assert [] == windows(visits, K.TECHNICAL)


# --- VIS-PRE-EXPIRY ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "kw", "expected"),
    [
        # Last day 2028-03-02 (a Thursday).
        (C.DECORATION, {}, (D(2028, 1, 2), D(2028, 2, 2))),
        (C.ELECTRICAL_PLUMBING, {}, (D(2028, 1, 2), D(2028, 2, 2))),
        (C.EQUIPMENT_INSTALLATION, {}, (D(2028, 1, 2), D(2028, 2, 2))),
        # 2031-03-02 is a Sunday: the last day is Monday 2031-03-03.
        (C.WATERPROOFING, {}, (D(2031, 1, 3), D(2031, 2, 3))),
        # Two Beijing heating seasons: 2028-03-15 (a Wednesday).
        (C.HEATING, {}, (D(2028, 1, 15), D(2028, 2, 15))),
        # Beijing's assumed cooling season 06-01 -> 08-31: 2027-08-31 (a Tuesday); month
        # ends clip: 08-31 - 2 months = 06-30, - 1 month = 07-31.
        (C.COOLING, {}, (D(2027, 6, 30), D(2027, 7, 31))),
        # OTHER for three agreed years: 2029-03-02 (a Friday).
        (C.OTHER, {"contract_terms": {C.OTHER: rr.Years(3)}}, (D(2029, 1, 2), D(2029, 2, 2))),
        # A contract longer than the minimum: 8 years, to 2034-03-02 (a Thursday).
        (
            C.WATERPROOFING,
            {"contract_terms": {C.WATERPROOFING: rr.Years(8)}},
            (D(2034, 1, 2), D(2034, 2, 2)),
        ),
        # A contract shorter than the minimum: the statutory two years apply.
        (
            C.DECORATION,
            {"contract_terms": {C.DECORATION: rr.Years(1)}},
            (D(2028, 1, 2), D(2028, 2, 2)),
        ),
        # The structure for a 50-year design life: 2076-03-02 (a Monday).
        (C.FOUNDATION_STRUCTURE, {"design_life_years": 50}, (D(2076, 1, 2), D(2076, 2, 2))),
    ],
)
def test_pre_expiry_per_category(category, kw, expected):
    """VIS-PRE-EXPIRY: the last day - 2 months -> the last day - 1 month, per category."""
    p = project(D(2026, 3, 2), {category}, **kw)
    visits = rr.plan_revisits(p, policy=UNMERGED)
    assert [expected] == spans(visits, K.PRE_EXPIRY)
    (visit,) = [v for v in visits if K.PRE_EXPIRY in v.kinds]
    assert frozenset({category}) == visit.categories
    assert first_working_day(expected[0]) == visit.target


def test_pre_expiry_one_visit_per_category():
    """Each category gets its own pre-expiry visit before merging."""
    cats = {C.DECORATION, C.WATERPROOFING, C.HEATING}
    visits = rr.plan_revisits(project(D(2026, 3, 2), cats), policy=UNMERGED)
    expected = {
        frozenset({C.DECORATION}): (D(2028, 1, 2), D(2028, 2, 2)),
        frozenset({C.HEATING}): (D(2028, 1, 15), D(2028, 2, 15)),
        frozenset({C.WATERPROOFING}): (D(2031, 1, 3), D(2031, 2, 3)),
    }
    pre = [v for v in visits if K.PRE_EXPIRY in v.kinds]
    assert expected == {v.categories: (v.earliest, v.latest) for v in pre}
    assert 3 == len(pre)


def test_structure_only_project():
    """A structure-only project: the handover, then the pre-expiry 50 years on (VIS-HORIZON)."""
    p = project(D(2026, 3, 2), {C.FOUNDATION_STRUCTURE}, design_life_years=50)
    visits = rr.plan_revisits(p)
    expected = [
        (frozenset({K.HANDOVER}), D(2026, 3, 3), D(2026, 6, 2), D(2026, 3, 3)),
        (frozenset({K.PRE_EXPIRY}), D(2076, 1, 2), D(2076, 2, 2), first_working_day(D(2076, 1, 2))),
    ]
    assert expected == [(v.kinds, v.earliest, v.latest, v.target) for v in visits]
    assert all(frozenset({C.FOUNDATION_STRUCTURE}) == v.categories for v in visits)


def test_window_over_the_end_of_the_calendar():
    """A window from 2100 into 2101 keeps the calendar's rest days for its days of 2100.

    A long waterproofing contract (80 years) and a rainy season 10-01 -> 01-31 give a
    window 2100-10-01 -> 2101-01-31: National Day 2100 (10-01..03, statutory holidays of an
    unpublished year) is no working day; weekdays stand in only after 2100.
    """
    policy = attrs.evolve(UNMERGED, rainy_season=rr.SeasonSpan.parse("10-01", "01-31"))
    p = project(D(2026, 3, 2), {C.WATERPROOFING}, contract_terms={C.WATERPROOFING: rr.Years(80)})
    by_start = {v.earliest: v for v in rr.plan_revisits(p, policy=policy)}
    visit = by_start[D(2100, 10, 1)]
    assert (D(2101, 1, 31), D(2100, 10, 4)) == (visit.latest, visit.target)
    assert visit.provisional
    # Wholly after 2100: weekdays; 2101-10-01 is a Saturday.
    assert D(2101, 10, 3) == by_start[D(2101, 10, 1)].target


def test_structure_beyond_the_calendar_is_provisional():
    """A 100-year structure from 2026: the pre-expiry lies past 2100, on weekdays, provisional."""
    p = project(D(2026, 3, 2), {C.FOUNDATION_STRUCTURE}, design_life_years=100)
    visits = rr.plan_revisits(p)
    pre = visits[-1]
    assert frozenset({K.PRE_EXPIRY}) == pre.kinds
    # 2126-03-02 lies past the calendar's data: not rolled (BEYOND_CALENDAR). Its
    # pre-expiry window opens on Wednesday 2126-01-02.
    assert (D(2126, 1, 2), D(2126, 2, 2), D(2126, 1, 2)) == (pre.earliest, pre.latest, pre.target)
    assert pre.provisional
    assert "CAL-PROVISIONAL" in pre.rules


# --- VIS-IN-FORCE and VIS-HORIZON ----------------------------------------------------------


def test_windows_are_clipped_to_the_cut_off():
    """VIS-IN-FORCE: a 220-day OTHER term cuts the periodic window a month before its end.

    S003 "工程回访必须在工程保修期满前一个月进行完毕": every revisit is finished by the cut-off.
    """
    # 2026-03-02 + 220 days = 2026-10-08, a Thursday; the cut-off is 2026-09-08.
    p = project(D(2026, 3, 2), {C.OTHER}, contract_terms={C.OTHER: rr.Days(220)})
    visits = rr.plan_revisits(p, policy=UNMERGED)
    assert [(D(2026, 3, 3), D(2026, 6, 2), D(2026, 3, 3))] == windows(visits, K.HANDOVER)
    assert [(D(2026, 9, 2), D(2026, 9, 8), D(2026, 9, 2))] == windows(visits, K.PERIODIC)
    # 08-08 is a Saturday: the target is Monday 08-10.
    assert [(D(2026, 8, 8), D(2026, 9, 8), D(2026, 8, 10))] == windows(visits, K.PRE_EXPIRY)
    # Merged: the periodic visit joins the pre-expiry trip, 09-02 -> 09-08.
    merged = rr.plan_revisits(p)
    assert [(D(2026, 3, 3), D(2026, 6, 2)), (D(2026, 9, 2), D(2026, 9, 8))] == [
        (v.earliest, v.latest) for v in merged
    ]
    assert {K.PERIODIC, K.PRE_EXPIRY} == merged[1].kinds


def test_no_visit_begins_after_the_warranty():
    """VIS-IN-FORCE: every window of a decoration project ends a month before its last day."""
    visits = rr.plan_revisits(project(MONTH_END), policy=UNMERGED)
    # The last day is 2027-08-31, the cut-off 2027-07-31 (CC 202, no roll).
    assert D(2027, 7, 31) == max(v.latest for v in visits)
    assert all(MONTH_END <= v.earliest for v in visits)
    assert [MONTH_END + DAY] == [v.earliest for v in visits if K.HANDOVER in v.kinds]


def test_periodic_stops_with_the_last_non_structural_warranty():
    """VIS-HORIZON: after decoration ends, only the structure's pre-expiry remains."""
    p = project(D(2026, 3, 2), {C.FOUNDATION_STRUCTURE, C.DECORATION}, design_life_years=50)
    visits = rr.plan_revisits(p, policy=UNMERGED)
    late = [(v.kinds, v.categories) for v in visits if v.earliest > D(2028, 2, 2)]
    assert [(frozenset({K.PRE_EXPIRY}), frozenset({C.FOUNDATION_STRUCTURE}))] == late
    # Decoration ends on 2028-03-02: the last periodic window opens before its cut-off.
    assert D(2027, 9, 2) == max(v.earliest for v in visits if K.PERIODIC in v.kinds)


def test_a_window_without_a_working_day_is_reported():
    """VIS-TARGET: a policy window holding no working day is an error, not an empty result."""
    # A rainy season of 10-02 -> 10-06 lies wholly inside the 2026 National Day break.
    policy = rr.Policy(rainy_season=rr.SeasonSpan.parse("10-02", "10-06"))
    p = project(D(2026, 3, 2), {C.WATERPROOFING}, region="shanghai")
    with pytest.raises(rr.InvalidInputError, match="VIS-TARGET"):
        rr.plan_revisits(p, policy=policy)


# --- VIS-MIN -----------------------------------------------------------------------------


def test_at_least_two_visits_when_all_would_merge():
    """VIS-MIN: a three-month OTHER term would merge into one trip; two visits remain.

    S003 "工程的回访不得少于两次": VIS-MIN counts trips, so the visits stay apart.
    """
    # Last day 2026-06-02, cut-off 05-02: the handover 03-03 -> 06-02 is clipped to it and
    # overlaps the pre-expiry window 04-02 -> 05-02.
    p = project(D(2026, 3, 2), {C.OTHER}, contract_terms={C.OTHER: rr.Months(3)})
    visits = rr.plan_revisits(p)
    expected = [
        (frozenset({K.HANDOVER}), D(2026, 3, 3), D(2026, 5, 2), D(2026, 3, 3)),
        (frozenset({K.PRE_EXPIRY}), D(2026, 4, 2), D(2026, 5, 2), D(2026, 4, 2)),
    ]
    assert sorted(expected, key=repr) == sorted(
        ((v.kinds, v.earliest, v.latest, v.target) for v in visits), key=repr
    )
    assert all("VIS-MIN" in v.rules for v in visits)


def test_at_least_two_visits_when_accepted_on_a_rest_day():
    """VIS-MIN holds for a project accepted on a rest day (Saturday 2026-10-03)."""
    p = project(D(2026, 10, 3), {C.OTHER}, contract_terms={C.OTHER: rr.Months(1)})
    visits = rr.plan_revisits(p)
    assert {K.HANDOVER, K.PRE_EXPIRY} == set().union(*(v.kinds for v in visits))
    assert 2 <= len(visits)


@pytest.mark.parametrize(
    ("accepted", "pre_expiry"),
    [
        # Friday 10-09, a working day: the window last day - 2 months -> - 1 month
        # (09-09 -> 10-09) cut at acceptance keeps one working day.
        (D(2026, 10, 9), (D(2026, 10, 9), D(2026, 10, 9), D(2026, 10, 9))),
        # Saturday 10-10 is a make-up working day: the same.
        (D(2026, 10, 10), (D(2026, 10, 10), D(2026, 10, 10), D(2026, 10, 10))),
        # Sunday 10-11: the cut window holds no working day, so the visit falls between
        # the day after acceptance and the last day, Wednesday 11-11 (SHORT_TERM).
        (D(2026, 10, 11), (D(2026, 10, 12), D(2026, 11, 11), D(2026, 10, 12))),
        # Saturday 10-03, in the National Day break: 10-04 -> Tuesday 11-03.
        (D(2026, 10, 3), (D(2026, 10, 4), D(2026, 11, 3), D(2026, 10, 8))),
    ],
)
def test_pre_expiry_of_a_short_term_is_never_dropped(accepted, pre_expiry):
    """VIS-PRE-EXPIRY: a one-month term accepted on a working day, a make-up day, rest days."""
    p = project(accepted, {C.OTHER}, contract_terms={C.OTHER: rr.Months(1)})
    assert [pre_expiry] == windows(rr.plan_revisits(p, policy=UNMERGED), K.PRE_EXPIRY)
    assert 2 == len(rr.plan_revisits(p))
    # The handover's window, A + 1 day on, passes the cut-off (the acceptance day): it
    # runs to the last day instead. Each fallback is a SHORT_TERM finding.
    short = [f.detail.split(": ")[0] for f in rr.plan_findings(p) if f.code == "SHORT_TERM"]
    fell_back = pre_expiry[0] != accepted
    assert ["HANDOVER", "PRE_EXPIRY OTHER"][: 1 + fell_back] == short


def test_always_owed_visits_without_a_working_day_are_reported():
    """VIS-TARGET: warranties that end before a working day after acceptance are an error.

    Without the CC 203 roll, two days from Saturday 2026-10-03 end on Monday 10-05, in the
    National Day break: neither the handover nor the pre-expiry visit can be made. That is
    reported, never an empty plan.
    """
    policy = rr.Policy(roll_to_working_day=False)
    p = project(D(2026, 10, 3), {C.OTHER}, contract_terms={C.OTHER: rr.Days(2)})
    with pytest.raises(rr.InvalidInputError, match=r"VIS-TARGET") as err:
        rr.plan_revisits(p, policy=policy)
    assert "before a working day after acceptance" in str(err.value)
    # One more day reaches Thursday 10-08, a working day: both visits are planned.
    p = project(D(2026, 10, 3), {C.OTHER}, contract_terms={C.OTHER: rr.Days(5)})
    visits = rr.plan_revisits(p, policy=policy)
    assert [D(2026, 10, 8)] * 2 == [v.target for v in visits]


@pytest.mark.parametrize(
    ("accepted", "first"),
    [
        # Friday 11-13: the window 10-15 -> 11-14, cut at acceptance, keeps Friday.
        (D(2026, 11, 13), (D(2026, 11, 13), D(2026, 11, 14), D(2026, 11, 13))),
        # Saturday 11-14, the day before the season: no working day is left, so the
        # visit cannot be made before the season and is not owed (VIS-IN-FORCE).
        (D(2026, 11, 14), (D(2027, 10, 15), D(2027, 11, 14), first_working_day(D(2027, 10, 15)))),
    ],
)
def test_heating_visit_cut_at_acceptance(accepted, first):
    """A seasonal window cut at acceptance without a working day is not owed; with one, it is."""
    p = project(accepted, {C.HEATING})
    assert first == windows(rr.plan_revisits(p, policy=UNMERGED), K.HEATING_SEASON)[0]


@pytest.mark.parametrize(
    ("accepted", "periodic", "skipped"),
    [
        # Seven months from Thursday 2025-06-12: last day Monday 2026-01-12, cut-off
        # Friday 2025-12-12, the day the 6-month window opens: a one-day window.
        (D(2025, 6, 12), [(D(2025, 12, 12), D(2025, 12, 12), D(2025, 12, 12))], []),
        # From Friday 06-13: the cut-off is Saturday 12-13, so the window cut to it holds
        # no working day: not owed, and the plan says so (VIS-TARGET).
        (D(2025, 6, 13), [], ["P:PERIODIC:6"]),
    ],
)
def test_periodic_window_cut_at_the_cut_off(accepted, periodic, skipped):
    """A periodic window cut at the cut-off is owed only with a working day."""
    p = project(accepted, {C.OTHER}, contract_terms={C.OTHER: rr.Months(7)})
    visits = rr.plan_revisits(p, policy=UNMERGED)

    assert periodic == windows(visits, K.PERIODIC)
    assert 1 == len(windows(visits, K.PRE_EXPIRY))  # the pre-expiry visit is always owed
    findings = rr.plan_findings(p, policy=UNMERGED)
    assert skipped == [f.visit_id for f in findings if f.code == "SKIPPED_NO_WORKING_DAY"]
    assert [(accepted.replace(year=2025, month=12),) * 2 for _ in skipped] == [
        f.window for f in findings if f.code == "SKIPPED_NO_WORKING_DAY"
    ]
    assert all(f.rule == "VIS-TARGET" for f in findings)


def test_annual_plan_agrees_with_vis_min_above_two():
    """annual_plan applies VIS-MIN as plan_revisits does, whatever min_visits is."""
    # OTHER for 3 months merges with the handover; the structure's pre-expiry is 5 years
    # on, beyond the annual horizon. The whole plan has 2 trips, fewer than 3.
    p = project(
        D(2026, 3, 2),
        {C.OTHER, C.FOUNDATION_STRUCTURE},
        design_life_years=5,
        contract_terms={C.OTHER: rr.Months(3)},
    )
    policy = rr.Policy(min_visits=3)
    expected = [v for v in rr.plan_revisits(p, policy=policy) if v.target.year == 2026]
    assert expected == list(rr.annual_plan([p], 2026, policy=policy))


# --- VIS-MERGE ---------------------------------------------------------------------------

RICH = project(
    D(2025, 10, 1),
    {C.DECORATION, C.WATERPROOFING, C.HEATING, C.EQUIPMENT_INSTALLATION},
    operation_started_on=D(2026, 1, 5),
    new_techniques=True,
)


def test_merged_trips_of_2026():
    """VIS-MERGE: periodic, rainy and technical share April; periodic and heating October."""
    visits = [v for v in rr.plan_revisits(RICH) if v.target.year == 2026]
    expected = [
        # The winter visit of the 2025/26 season (12-15 -> 03-15, S002 "冬季回访锅炉房及采暖
        # 工程") holds the commissioning window 02-05 -> 03-04.
        ({K.COMMISSIONING, K.WINTER}, D(2026, 2, 5), D(2026, 3, 4), D(2026, 2, 5)),
        ({K.PERIODIC, K.RAINY_SEASON, K.TECHNICAL}, D(2026, 4, 1), D(2026, 4, 30), D(2026, 4, 1)),
        # Periodic 10-01 -> 10-31 and heating 10-15 -> 11-14 meet from 10-15.
        ({K.PERIODIC, K.HEATING_SEASON}, D(2026, 10, 15), D(2026, 10, 31), D(2026, 10, 15)),
    ]
    assert expected == [(set(v.kinds), v.earliest, v.latest, v.target) for v in visits]
    april = visits[1]
    expected_cats = {C.DECORATION, C.WATERPROOFING, C.HEATING, C.EQUIPMENT_INSTALLATION}
    assert expected_cats == april.categories
    assert "VIS-MERGE" in april.rules
    for rule in ("VIS-PERIODIC", "VIS-RAINY", "VIS-TECHNICAL", "VIS-TARGET", "VIS-OWNER"):
        assert rule in april.rules
    assert {"VIS-MERGE", "VIS-WINTER", "VIS-COMMISSIONING"} <= set(visits[0].rules)
    assert visits[0].visit_ids == ("P:COMMISSIONING:1", "P:WINTER:2025")


def test_unmerged_plan_has_every_visit():
    """merge_overlapping=False keeps each visit apart; merging gives fewer trips."""
    merged = rr.plan_revisits(RICH)
    unmerged = rr.plan_revisits(RICH, policy=UNMERGED)
    assert all(1 == len(v.kinds) for v in unmerged)
    assert len(merged) < len(unmerged)
    expected = {
        K.HANDOVER: 1,
        K.TECHNICAL: 1,
        K.COMMISSIONING: 1,
        K.HEATING_SEASON: 2,  # 2025/26 and 2026/27 Beijing seasons
        K.WINTER: 2,  # the same two seasons' hearts
        K.PRE_EXPIRY: 4,
    }
    counts = {k: sum(k in v.kinds for v in unmerged) for k in expected}
    assert expected == counts
    assert not any("VIS-MERGE" in v.rules for v in unmerged)


# --- annual_plan (VIS-ANNUAL) --------------------------------------------------------------


def test_annual_plan_portfolio():
    """VIS-ANNUAL: the year's targets of every project, by target then project id."""
    b = project(D(2026, 3, 2), pid="B")
    a = project(D(2026, 3, 2), {C.WATERPROOFING}, pid="A")
    late = project(D(2027, 1, 4), pid="LATE")  # accepted after the year
    done = project(D(2020, 3, 2), pid="DONE")  # warranty ended 2022-03-02
    plan = rr.annual_plan([b, late, a, done], 2026)
    expected = [
        (D(2026, 3, 3), "B"),  # handover, from the day after acceptance
        (D(2026, 4, 1), "A"),  # handover (03-03 -> 06-02) merged with the rainy season
        (D(2026, 9, 2), "A"),  # periodic, on one day: by project id
        (D(2026, 9, 2), "B"),
    ]
    assert expected == [(v.target, v.project_id) for v in plan]
    assert 2026 == plan.year


def test_annual_plan_equals_plan_revisits_in_the_year():
    """annual_plan is each project's whole plan restricted to targets in the year."""
    projects = [RICH, project(MONTH_END, pid="M"), project(D(2026, 12, 1), {C.HEATING}, pid="H")]
    for year in range(2024, 2031):
        expected = sorted(
            (v for p in projects for v in rr.plan_revisits(p) if v.target.year == year),
            key=lambda v: (v.target, v.project_id),
        )
        assert expected == list(rr.annual_plan(projects, year))


def test_annual_plan_of_an_ended_warranty_is_empty():
    """A decoration warranty ended 2022-03-02: a visit in 2022, none in 2023 (VIS-HORIZON)."""
    p = project(D(2020, 3, 2))
    # Pre-expiry 2022-01-02 -> 02-02 (New Year break 01-01..03: Tuesday 01-04) is the last
    # visit: the periodic window of 2022-03-02 opens after the cut-off (VIS-IN-FORCE).
    assert [D(2022, 1, 4)] == [v.target for v in rr.annual_plan([p], 2022)]
    assert 0 == len(rr.annual_plan([p], 2023))


def test_annual_plan_of_a_later_acceptance_is_empty():
    """A project accepted after the year contributes nothing."""
    assert () == rr.annual_plan([project(D(2027, 1, 4))], 2026).visits


def test_annual_plan_duplicate_ids():
    """Two projects with one id are refused."""
    with pytest.raises(rr.InvalidInputError, match="P"):
        rr.annual_plan([project(D(2026, 3, 2)), project(D(2025, 3, 3))], 2026)


@pytest.mark.parametrize("junk", [None, "P", 2026, {"id": "P"}])
def test_annual_plan_refuses_non_projects(junk):
    """Anything but a Project in the portfolio is a typed error."""
    with pytest.raises(rr.InvalidTypeError):
        rr.annual_plan([project(D(2026, 3, 2)), junk], 2026)


@pytest.mark.parametrize(
    ("year", "error"),
    [("2026", rr.InvalidTypeError), (2026.0, rr.InvalidTypeError), (0, rr.InvalidInputError)],
)
def test_annual_plan_refuses_bad_years(year, error):
    """The year is a whole number from 1 on."""
    with pytest.raises(error):
        rr.annual_plan([project(D(2026, 3, 2))], year)


def test_plan_revisits_refuses_non_projects():
    """plan_revisits takes a Project only."""
    with pytest.raises(rr.InvalidTypeError):
        rr.plan_revisits("P")  # type: ignore[arg-type]


def test_plan_is_a_sequence():
    """A Plan has a length, an order and indices."""
    plan = rr.annual_plan([RICH], 2026)
    assert 3 == len(plan)
    assert list(plan.visits) == list(plan)
    assert plan.visits[-1] == plan[-1]
    assert list(plan.visits[:2]) == list(plan[:2])


def test_visits_and_plans_are_values():
    """Visits and plans are frozen, hashable and picklable."""
    plan = rr.annual_plan([RICH], 2026)
    assert plan == pickle.loads(pickle.dumps(plan))
    assert len(plan) == len(set(plan))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        plan[0].target = D(2026, 1, 1)  # type: ignore[misc]


def test_visit_target_must_lie_in_the_window():
    """A Visit whose target is outside its window is refused (VIS-TARGET)."""
    v = rr.plan_revisits(project(D(2026, 3, 2)))[0]
    with pytest.raises(rr.InvalidInputError, match="target"):
        attrs.evolve(v, target=v.latest + DAY)


BY_CLASS = rr.Policy(lead_by_customer_class=True)


@pytest.mark.parametrize("customer_class", list(rr.CustomerClass))
@pytest.mark.parametrize("flag", [None, "many_complaints", "serious_problem"])
def test_project_manager_leads_by_default(customer_class, flag):
    """VIS-OWNER: the project manager leads every visit, whatever the customer's class.

    S002 1.1 "项目经理应于工程竣工交付三个月内组织原项目经理部相关人员对用户进行回访"; S000
    竣工工程质量回访制度 "项目经理负责组织和实施质量回访工作". The class leads come from a tax
    firm's plan inside S002 and are not used by default.
    """
    flags = {flag: True} if flag else {}
    p = project(D(2026, 3, 2), customer_class=customer_class, **flags)
    assert {rr.VisitLead.PROJECT_MANAGER} == {v.lead for v in rr.plan_revisits(p)}
    assert () == rr.plan_findings(p)


def test_quarterly_periodic_visits_are_led_by_the_managing_director():
    """VIS-OWNER: S003 "每三个月组织回访小组…由公司主管经理或公司总工程师带队"."""
    policy = rr.Policy(cadence=rr.Cadence.QUARTERLY)
    p = project(D(2026, 3, 2), {C.WATERPROOFING})
    leads = {
        (v.kinds, v.lead)
        for v in rr.plan_revisits(p, policy=attrs.evolve(policy, merge_overlapping=False))
    }
    md, pm = rr.VisitLead.MANAGING_DIRECTOR, rr.VisitLead.PROJECT_MANAGER
    assert {(frozenset({K.PERIODIC}), md)} == {x for x in leads if K.PERIODIC in x[0]}
    assert {pm} == {lead for kinds, lead in leads if K.PERIODIC not in kinds}
    # Merged, a trip takes its most senior lead: any trip with a periodic visit.
    for v in rr.plan_revisits(p, policy=policy):
        assert v.lead is (md if K.PERIODIC in v.kinds else pm)
    assert any(
        len(v.kinds) > 1 and K.PERIODIC in v.kinds for v in rr.plan_revisits(p, policy=policy)
    )


@pytest.mark.parametrize(
    ("customer_class", "lead"),
    [
        (rr.CustomerClass.A, rr.VisitLead.DEPARTMENT_MANAGER),
        (rr.CustomerClass.B, rr.VisitLead.SUPERVISOR),
        (rr.CustomerClass.C, rr.VisitLead.STAFF),
    ],
)
def test_visit_lead_follows_the_customer_class_when_asked(customer_class, lead):
    """VIS-OWNER with lead_by_customer_class: every visit is led by the class's lead.

    S002 3客户回访计划 三(1)① "对于A类客户由部门经理进行跟踪回访…" (a tax firm's plan, borrowed).
    """
    p = project(D(2026, 3, 2), customer_class=customer_class)
    visits = rr.plan_revisits(p, policy=BY_CLASS)
    assert {lead} == {v.lead for v in visits}
    assert all({"VIS-OWNER", "SAT-CLASS"} <= set(v.rules) for v in visits)
    assert not any("SAT-CLASS" in v.rules for v in rr.plan_revisits(p))
    quarterly = attrs.evolve(BY_CLASS, cadence=rr.Cadence.QUARTERLY)
    assert {lead} == {v.lead for v in rr.plan_revisits(p, policy=quarterly)}
    assert () == rr.plan_findings(p, policy=BY_CLASS)


@pytest.mark.parametrize("flag", ["many_complaints", "serious_problem"])
def test_complaints_or_a_serious_problem_bring_the_manager(flag):
    """VIS-OWNER with class leads: many complaints or a serious problem, the manager, even for C.

    S002 3客户回访计划 三(1)② "对公司服务质量投诉比较多客户、问题比较大的客户由部门经理进行回访".
    """
    p = project(D(2026, 3, 2), customer_class=rr.CustomerClass.C, **{flag: True})
    visits = rr.plan_revisits(p, policy=BY_CLASS)
    assert {rr.VisitLead.DEPARTMENT_MANAGER} == {v.lead for v in visits}
    (finding,) = rr.plan_findings(p, policy=BY_CLASS)
    assert ("P", "PRIORITY_CUSTOMER", "SAT-CLASS") == (
        finding.project_id,
        finding.code,
        finding.rule,
    )
    plan = rr.annual_plan([p], 2027, policy=BY_CLASS)
    assert (finding,) == plan.findings


def test_provisional_years_are_marked():
    """CAL-PROVISIONAL: targets in 2026 are final; those from 2027 on are provisional."""
    for v in rr.plan_revisits(project(D(2026, 3, 2))):
        published = v.target.year == 2026
        assert (not published, not published) == (v.provisional, "CAL-PROVISIONAL" in v.rules)


# --- Plan exports ----------------------------------------------------------------------------

ODD_ID = "P,1;x\\y\nz"


def odd_plan():
    """A 2026 plan of a project whose id needs escaping."""
    return rr.annual_plan([project(D(2026, 3, 2), pid=ODD_ID)], 2026)


def test_to_records_keys_are_visit_attributes():
    """to_records: one dict per visit, keyed by Visit's attribute names."""
    plan = rr.annual_plan([RICH], 2026)
    records = plan.to_records()
    expected = {"project_id", "kinds", "categories", "earliest", "latest", "target"}
    expected |= {"lead", "provisional", "rules", "visit_ids", "survey"}
    assert expected == {f.name for f in attrs.fields(rr.Visit)}
    assert [expected] * len(plan) == [set(r) for r in records]
    first = records[0]
    assert (RICH.id, ("WINTER", "COMMISSIONING"), ("HEATING", "EQUIPMENT_INSTALLATION")) == (
        first["project_id"],
        first["kinds"],
        first["categories"],
    )
    assert (D(2026, 2, 5), D(2026, 3, 4), D(2026, 2, 5)) == (
        first["earliest"],
        first["latest"],
        first["target"],
    )
    assert ("PROJECT_MANAGER", False, plan[0].rules) == (
        first["lead"],
        first["provisional"],
        first["rules"],
    )


def unfold(ics):
    """The content lines of an iCalendar text, unfolded (RFC 5545 § 3.1)."""
    assert ics.endswith("\r\n")
    return ics.replace("\r\n ", "").split("\r\n")[:-1]


def events(ics):
    """The unfolded VEVENTs of an iCalendar text, each a dict name -> value."""
    out, current = [], None
    for line in unfold(ics):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            out.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return out


def unescape(text):
    """TEXT unescaped (RFC 5545 § 3.3.11); a bare ',' or ';' is an error."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        assert ch not in ",;", f"unescaped {ch!r} in {text!r}"
        if ch == "\\":
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def test_ics_lines_end_in_crlf_and_fold_at_75_octets():
    """to_ics: CRLF line ends only, every line at most 75 octets."""
    ics = rr.annual_plan([RICH, project(D(2026, 3, 2), pid="项目" * 40)], 2026).to_ics()
    assert "" == re.sub(r"[^\r\n]", "", ics.replace("\r\n", ""))
    assert [] == [line for line in ics.split("\r\n") if len(line.encode()) > 75]


def test_ics_calendar_and_events():
    """to_ics: one VCALENDAR, one all-day VEVENT per visit on its target."""
    plan = rr.annual_plan([RICH], 2026)
    ics = plan.to_ics()
    lines = unfold(ics)
    assert ("BEGIN:VCALENDAR", "END:VCALENDAR") == (lines[0], lines[-1])
    assert 1 == lines.count("BEGIN:VCALENDAR")
    found = events(ics)
    assert len(plan) == len(found)
    expected = [(f"{v.target:%Y%m%d}", f"{v.target + DAY:%Y%m%d}", v.ics_uid) for v in plan]
    assert expected == [(e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"], e["UID"]) for e in found]


def test_ics_escapes_text():
    """to_ics: commas, semicolons, backslashes and newlines in an id are escaped in SUMMARY."""
    found = events(odd_plan().to_ics())
    assert "回访 P\\,1\\;x\\\\y\\nz: 交工回访" == found[0]["SUMMARY"]
    assert f"回访 {ODD_ID}: 交工回访" == unescape(found[0]["SUMMARY"])


def test_ics_unfolding_restores_long_lines():
    """Unfolding the folded lines gives back the whole SUMMARY."""
    pid = "长江大桥回访项目😀" * 12
    found = events(rr.annual_plan([project(D(2026, 3, 2), pid=pid)], 2026).to_ics())
    assert f"回访 {pid}: 交工回访" == unescape(found[0]["SUMMARY"])


@given(
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from(",;\\\n\r\t"),
        min_size=1,
        max_size=80,
    ).filter(str.strip)
)
@example("P,1;x\\y\nz")
@example("\\n;,\\,")
@example("P\rQ\r\nR\n\rS\tT")
@settings(max_examples=50)
def test_ics_round_trip_of_any_project_id(pid):
    """Any project id survives folding and escaping: unfolded and unescaped, it is back.

    Line breaks (CRLF, LF, a bare CR) come back as LF, the one line break of TEXT.
    """
    ics = rr.annual_plan([project(D(2026, 3, 2), pid=pid)], 2026).to_ics()
    assert [] == [line for line in ics.split("\r\n") if len(line.encode()) > 75]
    assert "" == re.sub(r"[^\r\n]", "", ics.replace("\r\n", ""))
    summaries = [unescape(e["SUMMARY"]) for e in events(ics)]
    lines = re.sub(r"\r\n?", "\n", pid)
    assert f"回访 {lines}: 交工回访" == summaries[0]


@pytest.mark.parametrize("control", ["\x00", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f"])
def test_ics_refuses_control_characters(control):
    """RFC 5545 TEXT has no escape for control characters but tab: refused, never dropped."""
    pid = f"P{control}Q"
    plan = rr.annual_plan([project(D(2026, 3, 2), pid=pid)], 2026)
    with pytest.raises(rr.InvalidInputError, match=r"Visit\.project_id") as err:
        plan.to_ics()
    assert repr(pid) in str(err.value)
    with pytest.raises(rr.InvalidInputError, match="name"):
        rr.annual_plan([], 2026).to_ics(name=f"回访{control}")


def test_ics_keeps_tabs_and_escapes_bare_returns():
    r"""A tab is TEXT (WSP); a bare CR is a line break, escaped as \n."""
    event = events(rr.annual_plan([project(D(2026, 3, 2), pid="P\tQ\rR")], 2026).to_ics())[0]
    assert "回访 P\tQ\\nR: 交工回访" == event["SUMMARY"]


def test_ics_bare_carriage_return_in_an_id():
    """A bare CR in a project id does not end a content line early."""
    ics = rr.annual_plan([project(D(2026, 3, 2), pid="P\rQ")], 2026).to_ics()
    assert "" == re.sub(r"[^\r\n]", "", ics.replace("\r\n", ""))


def test_ics_uids_are_stable():
    """The same visit gets the same UID in every export and every planning."""
    first = [e["UID"] for e in events(rr.annual_plan([RICH], 2026).to_ics())]
    again = [e["UID"] for e in events(rr.annual_plan([RICH], 2026).to_ics())]
    assert first == again


def test_ics_uids_are_distinct():
    """Distinct visits of a portfolio get distinct UIDs."""
    projects = [RICH, project(D(2026, 3, 2), pid="B"), project(D(2026, 3, 2), {C.HEATING}, pid="H")]
    uids = [e["UID"] for e in events(rr.annual_plan(projects, 2026).to_ics())]
    assert len(uids) == len(set(uids))


def test_ics_uids_are_distinct_unmerged():
    """Unmerged pre-expiry visits of two-year categories get distinct UIDs."""
    p = project(D(2026, 3, 2), {C.DECORATION, C.EQUIPMENT_INSTALLATION})
    visits = rr.plan_revisits(p, policy=UNMERGED)
    assert len(visits) == len({v.uid for v in visits})


@given(any_day_projects(), sts.visit_cadences, st.booleans())
@example(
    project(D(2026, 3, 2), {C.DECORATION, C.EQUIPMENT_INSTALLATION}),
    rr.Cadence.SEMIANNUAL,
    False,  # noqa: FBT003 - a positional example
)
def test_uids_are_distinct_within_a_plan(p, cadence, merge):
    """Every visit of a project's plan, merged or not, has its own UID."""
    visits = rr.plan_revisits(p, policy=rr.Policy(cadence=cadence, merge_overlapping=merge))
    assert len(visits) == len({v.uid for v in visits})


def test_ics_stamp():
    """DTSTAMP is the plan's first day by default, or the aware stamp given, in UTC."""
    plan = rr.annual_plan([RICH], 2026)
    assert {"20260101T000000Z"} == {e["DTSTAMP"] for e in events(plan.to_ics())}
    stamp = dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert {"20260105T013000Z"} == {e["DTSTAMP"] for e in events(plan.to_ics(stamp=stamp))}
    with pytest.raises(rr.InvalidInputError):
        plan.to_ics(stamp=dt.datetime(2026, 1, 5, 9, 30))


def test_html_has_a_row_per_visit_and_escapes():
    """_repr_html_: a header row and one row per visit; ids are HTML-escaped."""
    plan = rr.annual_plan([project(D(2026, 3, 2), pid="<b>&x")], 2026)
    page = plan._repr_html_()
    assert len(plan) + 1 == page.count("<tr>")
    assert "&lt;b&gt;&amp;x" in page
    assert "<b>" not in page


# --- visit_status (VIS-RECORD) -------------------------------------------------------------

# Decoration from 2026-03-02: the first periodic visit's window is 2026-09-02 -> 10-01.
STATUS_PLAN = rr.plan_revisits(project(D(2026, 3, 2)))
PERIODIC = next(v for v in STATUS_PLAN if K.PERIODIC in v.kinds)


def status_of(visit, on, records=(), policy=None):
    """The status of ``visit`` on ``on`` within STATUS_PLAN."""
    states = rr.visit_status(STATUS_PLAN, records, on, policy=policy)
    return next(s for s in states if s.visit == visit)


@pytest.mark.parametrize(
    ("on", "status"),
    [
        (D(2026, 8, 25), S.UPCOMING),  # 8 days before the window
        (D(2026, 8, 26), S.DUE),  # 7 days before: the reminder
        (D(2026, 9, 2), S.DUE),
        (D(2026, 10, 1), S.DUE),  # the window's last day
        (D(2026, 10, 2), S.OVERDUE),
    ],
)
def test_status_from_the_day(on, status):
    """UPCOMING, DUE from 7 days before the window through its end, then OVERDUE."""
    assert (D(2026, 9, 2), D(2026, 10, 1)) == (PERIODIC.earliest, PERIODIC.latest)
    assert status == status_of(PERIODIC, on).status


@pytest.mark.parametrize(
    ("on", "status"),
    [(D(2026, 9, 1), S.UPCOMING), (D(2026, 9, 2), S.DUE)],
)
def test_status_without_reminder(on, status):
    """With reminder_days=0 a visit is due from its window's first day."""
    policy = rr.Policy(reminder_days=0)
    assert status == status_of(PERIODIC, on, policy=policy).status


@pytest.mark.parametrize(
    ("done_on", "status"),
    [
        (D(2026, 9, 2), S.DONE),
        (D(2026, 10, 1), S.DONE),
        (D(2026, 10, 2), S.DONE_LATE),
    ],
)
def test_status_of_a_done_visit(done_on, status):
    """A recorded visit is DONE, or DONE_LATE when recorded after its window."""
    record = rr.VisitRecord(PERIODIC.project_id, PERIODIC, done_on)
    state = status_of(PERIODIC, D(2026, 12, 1), [record])
    assert (status, record) == (state.status, state.record)
    assert "VIS-RECORD" in state.rules


def test_status_covers_every_planned_visit():
    """One state per planned visit, in plan order; records close only their visit."""
    record = rr.VisitRecord("P", STATUS_PLAN[0], D(2026, 3, 2), grade=rr.Grade.A)
    states = rr.visit_status(STATUS_PLAN, [record], D(2026, 9, 10))
    assert list(STATUS_PLAN) == [s.visit for s in states]
    expected = [S.DONE, S.DUE] + [S.UPCOMING] * (len(STATUS_PLAN) - 2)
    assert expected == [s.status for s in states]


def test_status_refuses_a_record_of_another_plan():
    """A record of a visit that is not in the plan is an error."""
    other = rr.plan_revisits(project(D(2026, 3, 2), pid="Q"))[0]
    record = rr.VisitRecord("Q", other, D(2026, 3, 2))
    with pytest.raises(rr.InvalidInputError, match="visit"):
        rr.visit_status(STATUS_PLAN, [record], D(2026, 9, 10))


def test_record_of_another_project_is_refused():
    """A record whose project id is not its visit's project is an error."""
    with pytest.raises(rr.InvalidInputError, match="project_id"):
        rr.VisitRecord("Q", PERIODIC, D(2026, 9, 2))


def test_status_refuses_junk():
    """Records must be VisitRecords; the day must be a date."""
    with pytest.raises(rr.InvalidTypeError):
        rr.visit_status(STATUS_PLAN, ["record"], D(2026, 9, 10))
    with pytest.raises(rr.InvalidTypeError):
        rr.visit_status(STATUS_PLAN, [], dt.datetime(2026, 9, 10, tzinfo=dt.UTC))


# --- properties over random projects --------------------------------------------------------


def weekday_bounds(first, last):
    """The first and last weekday from ``first`` to ``last``, or None."""
    while first <= last and first.weekday() >= 5:
        first += DAY
    while last >= first and last.weekday() >= 5:
        last -= DAY
    return (first, last) if first <= last else None


def working_bounds(visit):
    """The first and last working day of a visit's window.

    Past the calendar's data (after 2100) the planner stands weekdays in for working days;
    the days of a window inside the data keep the calendar.
    """
    parts = []
    if visit.earliest <= CAL.last_day:
        inside = min(visit.latest, CAL.last_day)
        if first_working_day(visit.earliest) <= inside:
            parts.append((first_working_day(visit.earliest), last_working_day(inside)))
    if visit.latest > CAL.last_day:
        parts.append(weekday_bounds(max(visit.earliest, CAL.last_day + DAY), visit.latest))
    found = [p for p in parts if p is not None]
    return found[0][0], found[-1][1]


def fewest_trips(visits):
    """Brute force: the fewest working days that hit every visit's window.

    A search over hitting sets: the first open window (by its working days) must be hit by
    some candidate inside it, the candidates being every window's first and last working
    day (a hitting day can always move to the nearest last working day of the windows it
    hits, so these suffice).
    """
    bounds = [working_bounds(v) for v in visits]
    points = sorted({day for pair in bounds for day in pair})
    hit = {d: frozenset(i for i, (f, last) in enumerate(bounds) if f <= d <= last) for d in points}

    @functools.cache
    def fewest(open_windows):
        if not open_windows:
            return 0
        first, last = min(bounds[i] for i in open_windows)
        return 1 + min(fewest(open_windows - hit[d]) for d in points if first <= d <= last)

    return fewest(frozenset(range(len(bounds))))


@given(any_day_projects(), sts.visit_cadences)
def test_merging_drops_no_visit(p, cadence):
    """VIS-MERGE: each unmerged visit rides on a trip within its window, with its reasons."""
    policy = rr.Policy(cadence=cadence)
    merged = rr.plan_revisits(p, policy=policy)
    unmerged = rr.plan_revisits(p, policy=attrs.evolve(policy, merge_overlapping=False))
    assert len(merged) <= len(unmerged)
    for u in unmerged:
        carriers = [
            m
            for m in merged
            if u.earliest <= m.target <= u.latest
            and u.kinds <= m.kinds
            and u.categories <= m.categories
        ]
        assert carriers, f"{u} is on no trip"


@given(
    any_day_projects(categories=sts.short_visit_categories, max_term_years=3), sts.visit_cadences
)
@example(
    # Accepted on a Sunday with a one-month term: two visits that VIS-MIN keeps apart.
    project(D(2026, 10, 11), {C.OTHER}, contract_terms={C.OTHER: rr.Months(1)}),
    rr.Cadence.SEMIANNUAL,
)
def test_merging_gives_the_fewest_trips(p, cadence):
    """VIS-MERGE: as many trips as the fewest working days hitting every window (VIS-MIN aside)."""
    policy = rr.Policy(cadence=cadence)
    merged = rr.plan_revisits(p, policy=policy)
    unmerged = rr.plan_revisits(p, policy=attrs.evolve(policy, merge_overlapping=False))
    if any("VIS-MIN" in v.rules for v in merged):
        assert len(unmerged) == len(merged)
        assert policy.min_visits > fewest_trips(unmerged)
    else:
        assert fewest_trips(unmerged) == len(merged)


@given(any_day_projects(), sts.visit_cadences, st.booleans())
def test_targets_are_first_working_days_in_their_windows(p, cadence, merge):
    """VIS-TARGET: every target is the first working day of its window, and plans are sorted."""
    policy = rr.Policy(cadence=cadence, merge_overlapping=merge)
    visits = rr.plan_revisits(p, policy=policy)
    for v in visits:
        assert v.earliest <= v.target <= v.latest
        assert working_bounds(v)[0] == v.target
        if v.target <= CAL.last_day:
            assert CAL.is_working_day(v.target)
    targets = [v.target for v in visits]
    assert sorted(targets) == targets


@given(any_day_projects(), sts.visit_cadences, st.booleans())
def test_visits_lie_within_the_warranties_they_serve(p, cadence, merge):
    """VIS-IN-FORCE: no window begins before acceptance or ends after its warranties."""
    policy = rr.Policy(cadence=cadence, merge_overlapping=merge)
    last = last_days(p, policy)
    for v in rr.plan_revisits(p, policy=policy):
        assert v.categories
        assert v.categories <= p.categories
        served_until = max(last[c] for c in v.categories)
        assert p.accepted_on <= v.earliest
        assert v.earliest <= served_until
        assert v.latest <= served_until


@given(any_day_projects(), sts.visit_cadences)
@example(
    project(D(2026, 10, 3), {C.OTHER}, contract_terms={C.OTHER: rr.Months(1)}),
    rr.Cadence.SEMIANNUAL,
)
def test_horizon_and_handover(p, cadence):
    """VIS-HORIZON: once the non-structural warranties end only the structure is visited."""
    policy = rr.Policy(cadence=cadence, merge_overlapping=False)
    visits = rr.plan_revisits(p, policy=policy)
    last = last_days(p, policy)
    non_structural = [day for c, day in last.items() if c is not C.FOUNDATION_STRUCTURE]
    horizon = max(non_structural, default=p.accepted_on - DAY)
    for v in visits:
        if v.earliest > horizon:
            assert frozenset({C.FOUNDATION_STRUCTURE}) == v.categories
            assert K.PERIODIC not in v.kinds
    handovers = windows(visits, K.HANDOVER)
    assert 1 == len(handovers)
    assert p.accepted_on + DAY == handovers[0][0]  # the acceptance day is the handover
    pre_expiry = {c for v in visits if K.PRE_EXPIRY in v.kinds for c in v.categories}
    assert set(p.categories) == pre_expiry


@given(any_day_projects(), sts.visit_cadences)
@example(
    project(D(2026, 10, 3), {C.OTHER}, contract_terms={C.OTHER: rr.Months(1)}),
    rr.Cadence.SEMIANNUAL,
)
def test_at_least_two_visits(p, cadence):
    """VIS-MIN: every project gets at least two revisits."""
    assert 2 <= len(rr.plan_revisits(p, policy=rr.Policy(cadence=cadence)))


@st.composite
def portfolios(draw):
    """One to four random projects with distinct ids."""
    n = draw(st.integers(min_value=1, max_value=4))
    on = draw(st.booleans())
    return [draw(sts.visit_projects(project_id=f"P{i}", on_working_day=on)) for i in range(n)]


@given(
    portfolios(),
    st.integers(min_value=2014, max_value=2034),
    sts.visit_cadences,
    st.booleans(),
    st.integers(min_value=0, max_value=4),
)
@example(
    [
        project(
            D(2026, 3, 2),
            {C.OTHER, C.FOUNDATION_STRUCTURE},
            design_life_years=5,
            contract_terms={C.OTHER: rr.Months(3)},
        )
    ],
    2026,
    rr.Cadence.SEMIANNUAL,
    True,  # noqa: FBT003 - a positional example
    3,
)
def test_annual_plan_is_the_year_of_each_plan(projects, year, cadence, merge, min_visits):
    """VIS-ANNUAL: annual_plan equals every project's plan restricted to the year, sorted.

    Whatever ``min_visits`` is (VIS-MIN is decided on a project's whole life).
    """
    policy = rr.Policy(cadence=cadence, merge_overlapping=merge, min_visits=min_visits)
    expected = sorted(
        (v for p in projects for v in rr.plan_revisits(p, policy=policy) if v.target.year == year),
        key=lambda v: (v.target, v.project_id),
    )
    plan = rr.annual_plan(projects, year, policy=policy)
    assert expected == list(plan)
    assert year == plan.year
    keys = [(v.target, v.project_id) for v in plan]
    assert sorted(keys) == keys
    assert all(year == v.target.year for v in plan)


@given(
    portfolios(),
    st.integers(min_value=-1, max_value=12),
    sts.visit_cadences,
    st.booleans(),
    st.integers(min_value=0, max_value=4),
    st.booleans(),
    st.sampled_from(rr.RevisitHorizon),
)
def test_year_window_equals_whole_life_filtered(  # noqa: PLR0917 - the oracle's axes
    projects, offset, cadence, merge, min_visits, winter, horizon
):
    """The oracle of ``revisits._window``: a year from a part of the life = whole life, filtered.

    For each project, the year's visits planned from a part of its life are the visits of
    its whole life targeted in the year. The year window is an optimisation only; this
    property is its definition. The year is drawn near the first project's acceptance,
    where the windows of the life's start run into it.
    """
    year = projects[0].accepted_on.year + offset
    policy = rr.Policy(
        cadence=cadence,
        merge_overlapping=merge,
        min_visits=min_visits,
        winter_visit=winter,
        revisit_horizon=horizon,
    )
    calendar = rr.china_calendar()
    first, last = D(year, 1, 1), D(year, 12, 31)
    for p in projects:
        whole = planned(revisit_plan._visits, p, policy, calendar)
        if whole is None:
            continue
        part, _ = revisit_plan._visits(p, policy, calendar, (first, last))
        expected = [v for v in whole[0] if first <= v.target <= last]
        assert sorted(expected, key=revisit_plan._sort_key) == sorted(
            part, key=revisit_plan._sort_key
        )


@st.composite
def season_spans(draw, min_days=15):
    """A recurring season of ``min_days`` or more, any start, possibly into the next year."""
    start = D(2025, 1, 1) + dt.timedelta(draw(st.integers(min_value=0, max_value=364)))
    end = start + dt.timedelta(draw(st.integers(min_value=min_days - 1, max_value=363)))
    return rr.SeasonSpan((start.month, start.day), (end.month, end.day))


def _months(usual, longest):
    """A window length in months: mostly from 1 to ``usual``, sometimes up to ``longest``."""
    return st.integers(min_value=1, max_value=usual) | st.integers(
        min_value=usual, max_value=longest
    )


@st.composite
def visit_policies(draw, regions):
    """A policy with random windows, cadence, VIS-MIN, scopes, leads, horizon and seasons.

    Windows are mostly of the usual lengths, and sometimes long (a periodic window of up
    to two years, a technical visit up to three years after acceptance): the annual plan's
    shortcut must hold for them too.
    """
    commissioning_start = draw(st.integers(min_value=0, max_value=12))
    pre_expiry_start = draw(_months(4, 24))
    heated = [r for r in regions if rr.REGIONS[r].heating is not None]
    return rr.Policy(
        cadence=draw(sts.visit_cadences),
        merge_overlapping=draw(st.booleans()),
        min_visits=draw(st.integers(min_value=0, max_value=4)),
        handover_months=draw(_months(6, 24)),
        visit_window_months=draw(_months(4, 24)),
        technical_months=draw(_months(12, 36)),
        heating_visit_months=draw(_months(14, 48)),
        commissioning_start_months=commissioning_start,
        commissioning_end_months=commissioning_start + draw(_months(4, 12)),
        pre_expiry_start_months=pre_expiry_start,
        pre_expiry_end_months=draw(st.integers(min_value=0, max_value=pre_expiry_start - 1)),
        rainy_season=draw(season_spans()),
        heating_seasons={r: draw(season_spans(min_days=60)) for r in heated if draw(st.booleans())},
        rainy_season_categories=draw(st.frozensets(st.sampled_from(C))),
        winter_visit=draw(st.booleans()),
        winter_start_months=draw(st.integers(min_value=1, max_value=3)),
        revisit_horizon=draw(st.sampled_from(rr.RevisitHorizon)),
        lead_by_customer_class=draw(st.booleans()),
    )


@st.composite
def portfolios_and_policies(draw):
    """A portfolio and a random policy (``visit_policies``) for its regions."""
    projects = draw(portfolios())
    return projects, draw(visit_policies(sorted({p.region for p in projects})))


#: Accepted in Harbin's pre-heating month: that window closes before the plan's cut, two
#: months before 2026, while the handover runs on; planned with it, the handover's trip
#: stays apart from the plum-rain window, which then joins January's commissioning visit.
HARBIN_CUT = (
    [
        project(
            D(2025, 9, 1),
            {C.HEATING, C.WATERPROOFING, C.EQUIPMENT_INSTALLATION},
            region="harbin",
            operation_started_on=D(2025, 12, 5),
        )
    ],
    rr.Policy(rainy_seasons={"harbin": rr.SeasonSpan.parse("11-20", "01-31")}),
)


#: A long periodic window (6 months) holds both the last trip day of 2026 and the
#: technical visit opening in May 2027: the year-window shortcut, which left out the
#: pre-expiry window opening after its horizon, once put the technical visit on the 2026
#: trip (targeted in 2027 then), while the whole life put it on the pre-expiry trip, so the
#: periodic visit of 2026-12-25 was in no year's plan. A visit joins the first trip whose
#: day its window holds (VIS-MERGE), which no later window can change.
LONG_WINDOW = (
    [
        project(
            D(2025, 6, 25),
            {C.EQUIPMENT_INSTALLATION},
            region="shenzhen",
            contract_terms={C.EQUIPMENT_INSTALLATION: rr.Months(29)},
            new_techniques=True,
        )
    ],
    rr.Policy(visit_window_months=6, technical_months=23),
)


@given(portfolios_and_policies(), st.integers(min_value=2016, max_value=2032))
@example(HARBIN_CUT, 2026)
@example(LONG_WINDOW, 2026)
@example(LONG_WINDOW, 2027)
def test_annual_plan_under_any_policy(case, year):
    """VIS-ANNUAL: the year's visits of every plan, whatever the windows and seasons."""
    projects, policy = case
    plans = [planned(rr.plan_revisits, p, policy=policy) for p in projects]
    if None in plans:  # a window of the policy without a working day (VIS-TARGET)
        return
    expected = sorted(
        (v for plan in plans for v in plan if v.target.year == year),
        key=lambda v: (v.target, v.project_id),
    )
    assert expected == list(rr.annual_plan(projects, year, policy=policy))


def test_long_window_visit_is_in_its_year():
    """LONG_WINDOW: every visit of the whole life is in the plan of its target's year."""
    (p,), policy = LONG_WINDOW
    whole = rr.plan_revisits(p, policy=policy)
    by_year = [v for y in range(2025, 2028) for v in rr.annual_plan([p], y, policy=policy)]

    assert list(whole) == by_year
    # The periodic window of 2026-12-25 .. 2027-06-24 rides with the technical visit and
    # the rainy season, which serves equipment installation (VIS-RAINY).
    assert (frozenset({K.PERIODIC, K.RAINY_SEASON, K.TECHNICAL}), D(2027, 5, 25)) in {
        (v.kinds, v.target) for v in whole
    }


def test_a_visit_joins_the_first_trip_that_holds_it():
    """VIS-MERGE: a window holding the days of two trips joins the first of them."""
    (p,), policy = LONG_WINDOW
    trips = rr.plan_revisits(p, policy=policy)
    technical = next(v for v in trips if K.TECHNICAL in v.kinds)

    # The technical window (2027-05-25 .. 2027-11-24) also holds the pre-expiry trip's days.
    assert K.PRE_EXPIRY not in technical.kinds
    assert D(2027, 6, 24) == technical.latest


def test_annual_plan_cut_before_the_year():
    """The year's plan of HARBIN_CUT: the rainy visit rides with the commissioning visit.

    The winter visit of the 2025/26 season (11-20 -> 04-20) joins them.
    """
    (p,), policy = HARBIN_CUT
    (first, *_) = rr.annual_plan([p], 2026, policy=policy)
    expected = (frozenset({K.RAINY_SEASON, K.WINTER, K.COMMISSIONING}), D(2026, 1, 5))
    assert expected == (first.kinds, first.target)


# --- stable visit ids (decisions § 5 "Visit ids") ------------------------------------------


def test_visit_ids_by_kind():
    """A planned visit's id is (project, kind, key); the key as the rule book gives it."""
    ids = {i for v in rr.plan_revisits(RICH, policy=UNMERGED) for i in v.visit_ids}

    # HANDOVER, TECHNICAL, COMMISSIONING: 1; PERIODIC: months from acceptance;
    # RAINY_SEASON, HEATING_SEASON: the year the season starts; PRE_EXPIRY: the category.
    assert {
        "P:HANDOVER:1",
        "P:TECHNICAL:1",
        "P:COMMISSIONING:1",
        "P:PERIODIC:6",
        "P:PERIODIC:12",
        "P:RAINY_SEASON:2026",
        "P:HEATING_SEASON:2026",
        "P:PRE_EXPIRY:WATERPROOFING",
        "P:PRE_EXPIRY:HEATING",
    } <= ids
    assert all(i.startswith("P:") for i in ids)


def test_unmerged_visit_has_its_own_id():
    """Without merging each visit carries one id, its uid."""
    visits = rr.plan_revisits(RICH, policy=UNMERGED)

    assert [1] * len(visits) == [len(v.visit_ids) for v in visits]
    assert [v.visit_ids[0] for v in visits] == [v.uid for v in visits]


def test_a_moved_window_keeps_its_id():
    """A re-plan whose windows move keeps every id and every ICS UID (no duplicates)."""
    moved = rr.Policy(
        visit_window_months=2,
        handover_months=2,
        rainy_season=rr.SeasonSpan.parse("05-15", "07-15"),
        merge_overlapping=False,
    )
    before = rr.plan_revisits(RICH, policy=UNMERGED)
    after = rr.plan_revisits(RICH, policy=moved)

    assert {v.uid for v in before} == {v.uid for v in after}
    assert {v.ics_uid for v in before} == {v.ics_uid for v in after}
    assert {(v.earliest, v.latest) for v in before} != {(v.earliest, v.latest) for v in after}


def test_merged_trip_lists_its_visits():
    """A merged trip's visit_ids are its planned visits, the one it was made for first."""
    trip = next(v for v in rr.plan_revisits(RICH) if len(v.kinds) > 1)
    by_id = {v.uid: v for v in rr.plan_revisits(RICH, policy=UNMERGED)}

    assert len(trip.kinds) <= len(trip.visit_ids)
    assert trip.uid == trip.visit_ids[0]
    assert trip.kinds == frozenset(k for i in trip.visit_ids for k in by_id[i].kinds)
    # The trip was made for the visit whose last working day comes first.
    last_working = {i: last_working_day(by_id[i].latest) for i in trip.visit_ids}
    assert min(last_working.values()) == last_working[trip.uid]


@given(any_day_projects(), sts.visit_cadences)
def test_merging_keeps_every_visit_id(p, cadence):
    """Merging drops no visit: the trips' visit_ids are the unmerged plan's ids, once each."""
    policy = rr.Policy(cadence=cadence)
    unmerged = [
        v.uid for v in rr.plan_revisits(p, policy=attrs.evolve(policy, merge_overlapping=False))
    ]
    merged = [i for v in rr.plan_revisits(p, policy=policy) for i in v.visit_ids]

    assert len(unmerged) == len(set(unmerged))
    assert sorted(unmerged) == sorted(merged)


def test_visit_id_text():
    """visit_id: project, kind name and key, joined by colons; the project may hold one."""
    text = rr.revisits.visit_id("A:B", K.PERIODIC, 6)

    assert "A:B:PERIODIC:6" == text
    assert ("A:B", "PERIODIC", "6") == tuple(text.rsplit(":", 2))


@pytest.mark.parametrize(
    ("ids", "error"),
    [
        ("P:HANDOVER:1", rr.InvalidTypeError),
        (("a", "a"), rr.InvalidInputError),
        (("",), rr.InvalidInputError),
        ((1,), rr.InvalidInputError),
    ],
)
def test_visit_ids_are_checked(ids, error):
    """Visit(visit_ids=...) takes distinct non-empty strings; a bare string is refused."""
    visit = rr.plan_revisits(project(D(2026, 3, 2)))[0]

    with pytest.raises(error) as info:
        attrs.evolve(visit, visit_ids=ids)

    assert "Visit.visit_ids" == info.value.field


def test_hand_built_visit_has_a_hashed_uid():
    """A Visit built without visit_ids still has a stable uid, from what tells it apart."""
    visit = rr.Visit(
        "P",
        frozenset({K.HANDOVER}),
        frozenset({C.DECORATION}),
        D(2026, 3, 2),
        D(2026, 6, 2),
        D(2026, 3, 2),
        rr.VisitLead.STAFF,
        False,  # noqa: FBT003 - positional, as the API writes it
        ("VIS-HANDOVER",),
    )
    moved = attrs.evolve(visit, latest=visit.latest + DAY)

    assert (
        "a0f137c78351cd64414e03ee" == visit.uid
    )  # pinned: the same fields give the same id in every release
    assert moved.uid != visit.uid  # built by hand, the window is all that tells it apart


# --- the one-month rule over random projects and policies (VIS-IN-FORCE, VIS-MERGE) --------


def cut_offs(p, policy):
    """Each category's cut-off D(c): its last day less pre_expiry_end_months (CC 202)."""
    back = relativedelta(months=-policy.pre_expiry_end_months)
    return {c: day + back for c, day in last_days(p, policy).items()}


def short_terms(p, policy):
    """The visit ids the SHORT_TERM findings name (their window runs to a last day)."""
    return {f.visit_id for f in rr.plan_findings(p, policy=policy) if f.code == "SHORT_TERM"}


def planned(call, *args, **kwargs):
    """``call(*args, **kwargs)``, or None where a window of the policy holds no working day.

    Those are the errors a random policy may meet (VIS-TARGET, field ``window``; a winter
    start past a short season's end, VIS-WINTER); any other error is the planner's and
    fails the test.
    """
    try:
        return call(*args, **kwargs)
    except rr.InvalidInputError as err:
        if err.field not in {"window", "Policy.winter_start_months"}:
            raise
        return None


def one_month_cases():
    """A random project and policy, the planner's error cases set aside."""
    return any_day_projects().flatmap(lambda p: st.tuples(st.just(p), visit_policies([p.region])))


@given(one_month_cases())
@settings(max_examples=300)
def test_every_visit_is_done_a_month_before_its_warranty_ends(case):
    """VIS-IN-FORCE, unmerged: windows begin by each served cut-off and end by the latest.

    S003 "工程回访必须在工程保修期满前一个月进行完毕". A visit other than PRE_EXPIRY serves no
    category whose cut-off comes before its window opens; no visit ends after the latest
    cut-off of what it serves, but for the short-term fallback (SHORT_TERM).
    """
    p, policy = case
    policy = attrs.evolve(policy, merge_overlapping=False)
    visits = planned(rr.plan_revisits, p, policy=policy)
    if visits is None:
        return
    cut, short = cut_offs(p, policy), short_terms(p, policy)
    year_end = p.accepted_on + relativedelta(months=12)
    for v in visits:
        (kind,) = v.kinds
        if v.uid in short:
            assert kind in {K.HANDOVER, K.PRE_EXPIRY}
            assert v.latest == max(last_days(p, policy)[c] for c in v.categories)
            continue
        if kind is not K.PRE_EXPIRY:
            assert all(v.earliest <= cut[c] for c in v.categories), v
        assert v.latest <= max(cut[c] for c in v.categories), v
        assert p.accepted_on < v.earliest if kind is K.HANDOVER else p.accepted_on <= v.earliest
        if policy.revisit_horizon is rr.RevisitHorizon.ONE_YEAR and kind not in {
            K.HANDOVER,
            K.PRE_EXPIRY,
        }:
            assert v.earliest < year_end
            assert v.latest <= year_end


@given(one_month_cases())
@settings(max_examples=300)
def test_every_trip_lies_in_the_window_of_each_visit_it_carries(case):
    """VIS-MERGE: a trip's target lies inside the window of every planned visit it carries."""
    p, policy = case
    trips = planned(rr.plan_revisits, p, policy=attrs.evolve(policy, merge_overlapping=True))
    visits = planned(rr.plan_revisits, p, policy=attrs.evolve(policy, merge_overlapping=False))
    if trips is None or visits is None:
        return
    by_id = {v.uid: v for v in visits}
    carried = [i for t in trips for i in t.visit_ids]
    assert sorted(by_id) == sorted(carried)  # merging drops no visit and invents none
    for trip in trips:
        for i in trip.visit_ids:
            assert by_id[i].earliest <= trip.target <= by_id[i].latest
        assert trip.kinds == {k for i in trip.visit_ids for k in by_id[i].kinds}


@given(one_month_cases())
def test_one_survey_per_project_on_its_last_non_structural_pre_expiry(case):
    """SAT-SURVEY: the pre-expiry trip of the last-ending non-structural warranty, only it."""
    p, policy = case
    visits = planned(rr.plan_revisits, p, policy=policy)
    if visits is None:
        return
    last = last_days(p, policy)
    others = [c for c in p.categories if c is not C.FOUNDATION_STRUCTURE]
    surveyed = [v for v in visits if v.survey]
    if not others:
        assert [] == surveyed
        return
    (trip,) = surveyed
    assert K.PRE_EXPIRY in trip.kinds
    ending = max(last[c] for c in others)
    assert any(
        i.startswith(f"{p.id}:PRE_EXPIRY:") and last[C[i.rsplit(":", 1)[1]]] == ending
        for i in trip.visit_ids
    )
    assert "SAT-SURVEY" in trip.rules


@given(one_month_cases())
def test_findings_of_the_years_are_those_of_the_whole_life(case):
    """Plan findings: the annual plans of a project's years carry its findings, each once.

    PRIORITY_CUSTOMER stands in every year with a visit; the others each in one year.
    """
    p, policy = case
    whole = planned(rr.plan_findings, p, policy=policy)
    visits = planned(rr.plan_revisits, p, policy=policy)
    if whole is None or visits is None:
        return
    ends = max(last_days(p, policy).values())
    if ends.year - p.accepted_on.year > 12:
        return  # a long life: the planner's shortcut is checked on visits elsewhere
    years = range(p.accepted_on.year, ends.year + 1)
    plans = [rr.annual_plan([p], y, policy=policy) for y in years]
    found = [f for plan in plans for f in plan.findings if f.code != "PRIORITY_CUSTOMER"]
    assert sorted(map(repr, found)) == sorted(
        repr(f) for f in whole if f.code != "PRIORITY_CUSTOMER"
    )
    priority = [plan.year for plan in plans for f in plan.findings if f.code == "PRIORITY_CUSTOMER"]
    expected = (
        sorted({v.target.year for v in visits})
        if any(f.code == "PRIORITY_CUSTOMER" for f in whole)
        else []
    )
    assert expected == priority


def test_the_example_portfolio_has_no_periodic_visit_on_a_last_day():
    """Acceptance: in the example portfolio no periodic visit falls on its warranty's last day.

    Before rule book v2 the planner put one there in 10 of the 11 projects (VIS-G01).
    """
    for p in example_portfolio():
        last = last_days(p)
        cut = cut_offs(p, rr.Policy())
        for v in rr.plan_revisits(p, policy=UNMERGED):
            if K.PERIODIC in v.kinds:
                assert v.target not in {last[c] for c in v.categories}
                assert v.latest <= max(cut[c] for c in v.categories)


# --- Plan findings and the survey trip in exports -----------------------------------------


def test_plan_findings_in_records_and_html():
    """Plan.findings: in finding_records (keyed by PlanFinding's fields) and the HTML table."""
    p = project(D(2026, 10, 11), {C.OTHER}, pid="P<&>", contract_terms={C.OTHER: rr.Months(1)})
    plan = rr.annual_plan([p], 2026)
    assert 2 == len(plan.findings)
    assert {a.name for a in attrs.fields(rr.PlanFinding)} == set(plan.finding_records()[0])
    handover, pre_expiry = plan.finding_records()
    assert ("P<&>:HANDOVER:1", None) == (handover["visit_id"], handover["category"])
    assert ("P<&>:PRE_EXPIRY:OTHER", "OTHER") == (pre_expiry["visit_id"], pre_expiry["category"])
    assert (D(2026, 10, 12), D(2026, 11, 11)) == pre_expiry["window"]
    html = plan._repr_html_()
    assert html.count("<li>") == 2
    assert "P&lt;&amp;&gt; SHORT_TERM (VIS-IN-FORCE)" in html
    assert "<ul>" not in rr.annual_plan([RICH], 2026)._repr_html_()


def test_the_survey_trip_is_marked_in_records_and_html():
    """SAT-SURVEY: the survey trip says so in its record and in the HTML table."""
    plan = rr.annual_plan([project(D(2024, 3, 4))], 2026)
    (survey,) = [r for r in plan.to_records() if r["survey"]]
    assert ("PRE_EXPIRY",) == survey["kinds"]
    assert "满意度调查" in plan._repr_html_()


def test_visit_survey_is_a_bool():
    """Visit(survey=...) takes True or False only."""
    visit = rr.plan_revisits(project(D(2026, 3, 2)))[0]
    with pytest.raises(rr.InvalidTypeError) as info:
        attrs.evolve(visit, survey=1)
    assert "Visit.survey" == info.value.field


@pytest.mark.parametrize("junk", [None, 3, project(D(2026, 3, 2)), "P"])
def test_annual_plan_refuses_a_portfolio_that_is_not_one(junk):
    """annual_plan(projects=...) takes an iterable of Project: anything else is typed."""
    with pytest.raises(rr.InvalidTypeError) as info:
        rr.annual_plan(junk, 2026)
    assert "projects" == info.value.field


def test_a_winter_start_past_the_season_is_refused_alike():
    """VIS-WINTER: a winter window that would open after its season ends names its field.

    Both plan_revisits and annual_plan refuse it, whatever year is planned.
    """
    p = project(D(2026, 3, 2), {C.HEATING})
    policy = rr.Policy(winter_start_months=5)  # Beijing's season lasts 4 months
    for call in (
        lambda: rr.plan_revisits(p, policy=policy),
        lambda: rr.annual_plan([p], 2040, policy=policy),
    ):
        with pytest.raises(rr.InvalidInputError) as info:
            call()
        assert ("Policy.winter_start_months", "VIS-WINTER") == (
            info.value.field,
            info.value.rule,
        )
    assert rr.plan_revisits(p, policy=attrs.evolve(policy, winter_visit=False))


def test_a_season_running_at_acceptance_has_its_winter_visit_from_acceptance():
    """VIS-WINTER "a season already running at acceptance: from A" (decisions § 5).

    Accepted 2025-11-20, five days into Beijing's 2025/26 season: the winter window runs
    from the acceptance day, not from a month after the season's start.
    """
    visits = rr.plan_revisits(project(D(2025, 11, 20), {C.HEATING}), policy=UNMERGED)
    assert (D(2025, 11, 20), D(2026, 3, 15)) == spans(visits, K.WINTER)[0]
    assert (D(2026, 12, 15), D(2027, 3, 15)) == spans(visits, K.WINTER)[1]


def test_long_pre_season_windows_reach_later_seasons():
    """A pre-season window of 40 months opens years ahead: every season's visit is owed."""
    policy = attrs.evolve(UNMERGED, heating_visit_months=40)
    p = project(D(2025, 10, 9), {C.HEATING})
    ids = [v.uid for v in rr.plan_revisits(p, policy=policy) if K.HEATING_SEASON in v.kinds]
    # HEATING ends 2027-03-15 (cut-off 02-15); the 2029 season's window opens 2026-07-15.
    assert [f"P:HEATING_SEASON:{y}" for y in range(2025, 2030)] == ids


def test_a_winter_window_cut_at_acceptance_without_a_working_day_is_not_owed():
    """Accepted Saturday 2026-03-14, Beijing's season ends Sunday 03-15: nothing to visit.

    The running season's winter window, cut at acceptance, holds no working day: it is not
    owed, and the plan says so (SKIPPED_NO_WORKING_DAY), never an error. Found by the plan
    benchmark's synthetic portfolio.
    """
    p = project(D(2026, 3, 14), {C.HEATING})
    visits = rr.plan_revisits(p, policy=UNMERGED)
    assert "P:WINTER:2025" not in {v.uid for v in visits}
    (skipped,) = rr.plan_findings(p, policy=UNMERGED)
    assert ("SKIPPED_NO_WORKING_DAY", "P:WINTER:2025", (D(2026, 3, 14), D(2026, 3, 15))) == (
        skipped.code,
        skipped.visit_id,
        skipped.window,
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("project_id", 7),
        ("project_id", ""),
        ("lead", "boss"),
        ("provisional", 1),
        ("rules", ["VIS-TARGET"]),
        ("rules", (1,)),
    ],
)
def test_visit_fields_are_typed(field, value):
    """Visit(project_id=7, lead='boss') used to construct: every field is checked."""
    visit = rr.plan_revisits(project(D(2026, 3, 2)))[0]
    with pytest.raises(rr.InvalidTypeError) as info:
        attrs.evolve(visit, **{field: value})
    assert f"Visit.{field}" == info.value.field


@pytest.mark.parametrize(("field", "value"), [("visit", "P:HANDOVER:1"), ("grade", "A")])
def test_visit_record_fields_are_typed(field, value):
    """VisitRecord's visit and grade are checked with the package's typed errors."""
    visit = rr.plan_revisits(project(D(2026, 3, 2)))[0]
    record = rr.VisitRecord("P", visit, visit.target)
    with pytest.raises(rr.InvalidTypeError) as info:
        attrs.evolve(record, **{field: value})
    assert f"VisitRecord.{field}" == info.value.field


def test_plan_has_no_head_field():
    """Plan's table head is a class constant, not an attrs field (it used to be one)."""
    assert ["year", "visits", "findings"] == [a.name for a in attrs.fields(rr.Plan)]
