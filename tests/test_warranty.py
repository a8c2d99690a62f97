"""Warranty categories, statutory minimums, contract terms and expiry (WTY, DOMAIN.md § 1)."""

import datetime as dt
import pickle
import re

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import revisit_rules as rr
from revisit_rules.warranty import (
    BELOW_STATUTORY_MINIMUM,
    BEYOND_CALENDAR,
    CONTRACT_EXTENDS,
    NO_STATUTORY_MINIMUM,
)

C = rr.Category
D = dt.date
ALL_BUT_OTHER = frozenset(C) - {C.OTHER}


ACCEPTED = D(2024, 6, 28)


def project(accepted=ACCEPTED, region="beijing", categories=ALL_BUT_OTHER, **kw):
    """A project with sensible defaults for the tests."""
    kw.setdefault("design_life_years", 50)
    return rr.Project("P", accepted, region, categories, **kw)


# --- statutory minimums, one per category ------------------------------------------------


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        (C.FOUNDATION_STRUCTURE, rr.DesignLife()),
        (C.WATERPROOFING, rr.Years(5)),
        (C.HEATING, rr.HeatingSeasons(2)),
        (C.COOLING, rr.CoolingSeasons(2)),
        (C.ELECTRICAL_PLUMBING, rr.Years(2)),
        (C.EQUIPMENT_INSTALLATION, rr.Years(2)),
        (C.DECORATION, rr.Years(2)),
        (C.OTHER, None),
    ],
)
def test_statutory_minimum(category, expected):
    """Each category's minimum is the one of REG Art. 40."""
    assert expected == rr.statutory_minimum(category)


def test_category_labels_and_rules():
    """Every category has a Chinese label and a registered rule."""
    for category in C:
        assert category.zh
        assert category.rule in rr.RULES


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        # 2024-06-28 + 2 years = 2026-06-28, a Sunday -> Monday 2026-06-29.
        (C.ELECTRICAL_PLUMBING, D(2026, 6, 29)),
        (C.EQUIPMENT_INSTALLATION, D(2026, 6, 29)),
        (C.DECORATION, D(2026, 6, 29)),
        # + 5 years = 2029-06-28, a Thursday (provisional year: statutory holidays only).
        (C.WATERPROOFING, D(2029, 6, 28)),
        # Beijing seasons 2024/25 and 2025/26: 2026-03-15 is a Sunday -> 2026-03-16.
        (C.HEATING, D(2026, 3, 16)),
        # Beijing's assumed cooling season 06-01 -> 08-31: the 2024 season began before
        # acceptance, so 2025 and 2026 count; 2026-08-31 is a Monday.
        (C.COOLING, D(2026, 8, 31)),
        # 50 years: 2074-06-28, a Thursday.
        (C.FOUNDATION_STRUCTURE, D(2074, 6, 28)),
    ],
)
def test_expiry_per_category(category, expected):
    """The statutory last day of each category for one project, rolled off rest days."""
    expiry = rr.warranty_expiry(project(), category)
    assert expected == expiry.last_day
    assert expected == expiry.statutory_last_day
    assert expiry.contract_last_day is None
    assert () == expiry.findings
    assert category.rule in expiry.rules
    assert ("WTY-START", category.rule) == expiry.rules[:2]
    assert "WTY-MIN" in expiry.rules


def test_rules_trace_of_a_rolled_day():
    """A rolled day names the period and calendar rules after the category's."""
    expiry = rr.warranty_expiry(project(), C.DECORATION)
    assert ("WTY-START", "WTY-DECORATION", "CAL-PERIOD", "CAL-CN", "WTY-MIN") == expiry.rules
    assert not expiry.provisional


def test_provisional_when_the_last_day_lies_in_an_unpublished_year():
    """A last day in a year without a published arrangement is marked provisional."""
    expiry = rr.warranty_expiry(project(), C.WATERPROOFING)
    assert expiry.provisional
    assert "CAL-PROVISIONAL" in expiry.rules


# --- findings -----------------------------------------------------------------------------


def test_contract_below_minimum_is_flagged_and_statutory_applies():
    """S000's one-year term for waterproofing is flagged; the 5 years apply (WTY-MIN)."""
    p = project(contract_terms={C.WATERPROOFING: rr.Years(1)})
    expiry = rr.warranty_expiry(p, C.WATERPROOFING)
    assert (BELOW_STATUTORY_MINIMUM,) == expiry.findings
    assert D(2025, 6, 30) == expiry.contract_last_day  # 2025-06-28 is a Saturday
    assert expiry.statutory_last_day == expiry.last_day


def test_contract_longer_than_minimum_applies():
    """A 3-year decoration term lengthens the 2 statutory years."""
    p = project(contract_terms={C.DECORATION: rr.Years(3)})
    expiry = rr.warranty_expiry(p, C.DECORATION)
    assert (CONTRACT_EXTENDS,) == expiry.findings
    assert D(2027, 6, 28) == expiry.last_day
    assert expiry.contract_last_day == expiry.last_day


def test_contract_equal_to_minimum_has_no_finding():
    """A contract that says what the law says is not a finding."""
    p = project(contract_terms={C.DECORATION: rr.Years(2)})
    expiry = rr.warranty_expiry(p, C.DECORATION)
    assert () == expiry.findings
    assert expiry.statutory_last_day == expiry.contract_last_day == expiry.last_day


def test_heating_contract_in_years_compared_by_dates():
    """'3 years' vs '2 heating seasons' are compared by the resulting days."""
    p = project(contract_terms={C.HEATING: rr.Years(1)})
    expiry = rr.warranty_expiry(p, C.HEATING)
    assert (BELOW_STATUTORY_MINIMUM,) == expiry.findings
    assert D(2026, 3, 16) == expiry.last_day
    p = project(contract_terms={C.HEATING: rr.Years(3)})
    assert (CONTRACT_EXTENDS,) == rr.warranty_expiry(p, C.HEATING).findings


def test_other_needs_a_contract_term():
    """OTHER has no statutory minimum; without a contract term it is an error (WTY-OTHER)."""
    p = project(categories={C.OTHER})
    with pytest.raises(rr.InvalidInputError, match="WTY-OTHER"):
        rr.warranty_expiry(p, C.OTHER)


def test_other_with_a_contract_term_stands_as_given():
    """S000's 'maintenance works 3 months' stands as given for OTHER."""
    p = project(categories={C.OTHER}, contract_terms={C.OTHER: rr.Months(3)})
    expiry = rr.warranty_expiry(p, C.OTHER)
    assert (NO_STATUTORY_MINIMUM,) == expiry.findings
    assert expiry.statutory_last_day is None
    # 2024-09-28 is a Saturday; Sunday 2024-09-29 was a make-up working day (调休上班).
    assert D(2024, 9, 29) == expiry.last_day
    assert "WTY-OTHER" in expiry.rules
    assert "WTY-MIN" not in expiry.rules


def test_design_life_missing_is_an_error_naming_the_categories():
    """A structure warranty without a design life names the GB 50068 categories."""
    p = project(design_life_years=None)
    with pytest.raises(rr.MissingDesignLifeError, match=r"5 years.*25 years.*50 years.*100 years"):
        rr.warranty_expiry(p, C.FOUNDATION_STRUCTURE)


def test_structure_beyond_the_calendar_is_unrolled_and_provisional():
    """A 100-year structure warranty ends past 2100: unrolled, provisional, flagged."""
    p = project(accepted=D(2010, 5, 4), design_life_years=100)
    expiry = rr.warranty_expiry(p, C.FOUNDATION_STRUCTURE)
    assert D(2110, 5, 4) == expiry.last_day
    assert expiry.provisional
    assert (BEYOND_CALENDAR,) == expiry.findings


def test_leap_day_acceptance():
    """Accepted on 29 February: 2 years end on 28 February (CC 202), rolled if a rest day."""
    p = project(accepted=D(2024, 2, 29), categories={C.DECORATION, C.WATERPROOFING})
    # 2026-02-28 is a Saturday, but a make-up working day (调休上班): no roll.
    assert D(2026, 2, 28) == rr.warranty_expiry(p, C.DECORATION).last_day
    assert D(2029, 2, 28) == rr.warranty_expiry(p, C.WATERPROOFING).last_day


def test_heating_in_two_regions_with_different_seasons():
    """Harbin's season ends 04-20, Beijing's 03-15: the same acceptance, different days."""
    beijing = rr.warranty_expiry(project(accepted=D(2023, 9, 1)), C.HEATING)
    harbin = rr.warranty_expiry(project(accepted=D(2023, 9, 1), region="哈尔滨"), C.HEATING)
    assert D(2025, 3, 17) == beijing.last_day  # 2025-03-15 is a Saturday
    assert D(2025, 4, 21) == harbin.last_day  # 2025-04-20 is a Sunday


def test_heating_in_the_south_needs_a_season():
    """Shanghai has no heating season: NoSeasonError naming the region (SEA-NO-SEASON)."""
    p = project(region="上海")
    with pytest.raises(rr.NoSeasonError, match="shanghai"):
        rr.warranty_expiry(p, C.HEATING)
    own = rr.Policy(heating_seasons={"shanghai": rr.SeasonSpan.parse("12-01", "02-28")})
    # Seasons 2024/25 and 2025/26; 2026-02-28 is a make-up working Saturday.
    assert D(2026, 2, 28) == rr.warranty_expiry(p, C.HEATING, policy=own).last_day


def test_convention_inclusive_start():
    """INCLUSIVE_START: '自2019年12月1日起至2021年11月30日止', no roll."""
    p = project(accepted=D(2019, 12, 1), categories={C.DECORATION})
    policy = rr.Policy(convention=rr.Convention.INCLUSIVE_START)
    assert D(2021, 11, 30) == rr.warranty_expiry(p, C.DECORATION, policy=policy).last_day


# --- in_warranty ---------------------------------------------------------------------------


def test_in_warranty_boundaries():
    """True on the acceptance day and the last day; false the day before and the day after."""
    p = project()
    last = rr.warranty_expiry(p, C.DECORATION).last_day
    one = dt.timedelta(days=1)
    assert rr.in_warranty(p, C.DECORATION, last)
    assert rr.in_warranty(p, C.DECORATION, last - one)
    assert not rr.in_warranty(p, C.DECORATION, last + one)
    assert rr.in_warranty(p, C.DECORATION, p.accepted_on)
    assert not rr.in_warranty(p, C.DECORATION, p.accepted_on - one)


# --- the schedule ---------------------------------------------------------------------------


def test_schedule_lists_every_category_in_order():
    """warranty_schedule gives one Expiry per category, in Category order."""
    schedule = rr.warranty_schedule(project())
    assert [c for c in C if c is not C.OTHER] == [e.category for e in schedule]
    assert D(2074, 6, 28) == schedule.last_day
    assert rr.warranty_expiry(project(), C.HEATING) == schedule[C.HEATING]
    with pytest.raises(rr.InvalidInputError):
        schedule[C.OTHER]


def test_schedule_text_and_html():
    """The schedule reads as a text table and as HTML for notebooks."""
    schedule = rr.warranty_schedule(project(contract_terms={C.WATERPROOFING: rr.Years(1)}))
    text = str(schedule)
    assert "BELOW_STATUTORY_MINIMUM" in text
    assert "屋面防水" in text
    html = schedule._repr_html_()
    assert html.startswith("<table>")
    assert html.count("<tr>") == len(schedule) + 1


# --- Project validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"categories": set()}, "Project.categories"),
        ({"categories": C.DECORATION}, "Project.categories"),
        ({"categories": {"DECORATION"}}, "Project.categories"),
        ({"accepted": dt.datetime(2024, 6, 28, 9, 0)}, "Project.accepted_on"),
        ({"region": "atlantis"}, "Project.region"),
        ({"region": None}, "Project.region"),
        ({"design_life_years": 0}, "Project.design_life_years"),
        ({"design_life_years": True}, "Project.design_life_years"),
        ({"contract_terms": {C.OTHER: rr.Years(1)}}, "Project.contract_terms"),
        ({"contract_terms": {C.DECORATION: rr.Years(0)}}, "Project.contract_terms"),
        ({"contract_terms": {C.DECORATION: 2}}, "Project.contract_terms"),
        ({"contract_terms": [C.DECORATION]}, "Project.contract_terms"),
        ({"operation_started_on": D(2024, 6, 27)}, "Project.operation_started_on"),
        ({"operation_started_on": "2024-07-01"}, "Project.operation_started_on"),
        ({"new_techniques": "yes"}, "Project.new_techniques"),
        ({"customer_class": "A"}, "Project.customer_class"),
    ],
)
def test_project_rejects_bad_fields(kwargs, field):
    """Every bad field is a typed error that names the field (DOMAIN.md § 9)."""
    with pytest.raises(rr.RevisitRulesError, match=re.escape(field)):
        project(**kwargs)


def test_project_id_must_be_a_non_empty_string():
    """An empty id is refused."""
    with pytest.raises(rr.InvalidInputError, match=r"Project\.id"):
        rr.Project(" ", D(2024, 1, 1), "beijing", {C.DECORATION})


def test_expiry_of_a_category_the_project_lacks():
    """Asking for a category the project does not have is an error naming it."""
    p = project(categories={C.DECORATION})
    with pytest.raises(rr.InvalidInputError, match="WATERPROOFING"):
        rr.warranty_expiry(p, C.WATERPROOFING)
    with pytest.raises(rr.InvalidTypeError):
        rr.warranty_expiry(p, "DECORATION")
    with pytest.raises(rr.InvalidTypeError):
        rr.warranty_expiry("P", C.DECORATION)
    with pytest.raises(rr.InvalidTypeError):
        rr.in_warranty(p, C.DECORATION, dt.datetime(2025, 1, 1, 0, 0))


def test_project_is_a_frozen_value():
    """Projects are hashable, comparable, picklable, and keep the region's key."""
    p = project(region="北京")
    assert "beijing" == p.region
    assert p == pickle.loads(pickle.dumps(p))
    assert hash(p) == hash(project(region="beijing"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.name = "x"  # type: ignore[misc]


# --- properties ---------------------------------------------------------------------------

acceptance = st.dates(min_value=D(2001, 1, 1), max_value=D(2040, 12, 31))
terms = st.one_of(
    st.builds(rr.Years, st.integers(1, 10)),
    st.builds(rr.Months, st.integers(1, 120)),
    st.builds(rr.Days, st.integers(1, 4000)),
    st.builds(rr.HeatingSeasons, st.integers(1, 6)),
)
statutory_categories = st.sampled_from(sorted(ALL_BUT_OTHER, key=lambda c: c.value))


@given(accepted=acceptance, category=statutory_categories, term=terms)
@example(accepted=D(2024, 6, 28), category=C.WATERPROOFING, term=rr.Years(1))
def test_effective_day_never_before_statutory(accepted, category, term):
    """A contract term never shortens the statutory period (WTY-MIN)."""
    p = project(accepted=accepted, contract_terms={category: term})
    expiry = rr.warranty_expiry(p, category)
    assert expiry.statutory_last_day is not None
    assert expiry.last_day >= expiry.statutory_last_day
    assert expiry.last_day == max(expiry.statutory_last_day, expiry.contract_last_day)
    below = expiry.contract_last_day < expiry.statutory_last_day
    assert below == (BELOW_STATUTORY_MINIMUM in expiry.findings)


@given(accepted=acceptance, category=statutory_categories, n=st.integers(1, 12))
def test_longer_contract_never_earlier(accepted, category, n):
    """A longer contract term never gives an earlier last day."""
    shorter = project(accepted=accepted, contract_terms={category: rr.Years(n)})
    longer = project(accepted=accepted, contract_terms={category: rr.Years(n + 1)})
    assert rr.warranty_expiry(shorter, category).last_day <= (
        rr.warranty_expiry(longer, category).last_day
    )


@given(accepted=acceptance, category=statutory_categories)
def test_in_warranty_on_last_day_not_after(accepted, category):
    """in_warranty is true on the last day and false the day after."""
    p = project(accepted=accepted)
    last = rr.warranty_expiry(p, category).last_day
    assert rr.in_warranty(p, category, last)
    assert not rr.in_warranty(p, category, last + dt.timedelta(days=1))
