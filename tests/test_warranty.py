"""Warranty categories, statutory minimums, contract terms and expiry (WTY, decisions § 1)."""

import datetime as dt
import pickle
import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import revisit_rules as rr
from revisit_rules.render import text as _text
from revisit_rules.warranty import (
    BELOW_STATUTORY_MINIMUM,
    BEYOND_CALENDAR,
    CONTRACT_EXTENDS,
    DESIGN_LIFE_NOT_GB50068,
    NO_SEASON,
    NO_STATUTORY_MINIMUM,
)

from . import strategies as sts

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


@pytest.mark.parametrize(
    ("years", "expected", "findings"),
    [
        # GB 50068 category 1, temporary: 2029-06-28 is a Thursday.
        (5, D(2029, 6, 28), ()),
        # Category 2, replaceable members: 2049-06-28 is a Monday.
        (25, D(2049, 6, 28), ()),
        # Category 3, ordinary buildings: 2074-06-28 is a Thursday.
        (50, D(2074, 6, 28), ()),
        # Category 4, monumental: 2124-06-28 lies past the calendar's data (unrolled).
        (100, D(2124, 6, 28), (BEYOND_CALENDAR,)),
    ],
)
def test_structure_for_each_gb50068_design_life(years, expected, findings):
    """FOUNDATION_STRUCTURE lasts the project's design working life (WTY-DESIGN-LIFE)."""
    p = project(categories={C.FOUNDATION_STRUCTURE}, design_life_years=years)
    expiry = rr.warranty_expiry(p, C.FOUNDATION_STRUCTURE)
    assert expected == expiry.last_day
    assert expected == expiry.statutory_last_day
    assert findings == expiry.findings
    assert rr.DesignLife() == expiry.statutory_period
    assert ("WTY-START", "WTY-STRUCTURE", "CAL-PERIOD", "WTY-DESIGN-LIFE") == expiry.rules[:4]


def test_design_life_outside_gb50068_is_accepted_and_flagged():
    """Decision: 30 years (e.g. an infrastructure standard) stands, with a finding."""
    p = project(categories={C.FOUNDATION_STRUCTURE}, design_life_years=30)
    expiry = rr.warranty_expiry(p, C.FOUNDATION_STRUCTURE)
    assert (DESIGN_LIFE_NOT_GB50068,) == expiry.findings
    assert D(2054, 6, 29) == expiry.last_day  # 2054-06-28 is a Sunday
    assert "WTY-DESIGN-LIFE" in expiry.rules


def test_design_life_finding_only_on_the_structure():
    """Other categories of a project with an unusual design life carry no such finding."""
    p = project(categories={C.FOUNDATION_STRUCTURE, C.DECORATION}, design_life_years=30)
    assert () == rr.warranty_expiry(p, C.DECORATION).findings


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


def test_design_life_missing_names_the_project_field_even_with_a_contract_term():
    """A contract term does not replace the design life: the statutory day is still needed."""
    p = project(
        categories={C.FOUNDATION_STRUCTURE},
        design_life_years=None,
        contract_terms={C.FOUNDATION_STRUCTURE: rr.Years(70)},
    )
    with pytest.raises(rr.MissingDesignLifeError) as info:
        rr.warranty_expiry(p, C.FOUNDATION_STRUCTURE)
    assert "Project.design_life_years" == info.value.field
    assert "WTY-DESIGN-LIFE" == info.value.rule
    assert "FOUNDATION_STRUCTURE" in str(info.value)
    with pytest.raises(rr.MissingDesignLifeError):
        rr.warranty_schedule(p)


def test_other_error_names_the_project_field():
    """OTHER without a term: the error names Project.contract_terms[OTHER] and WTY-OTHER."""
    p = project(categories={C.OTHER, C.DECORATION})
    with pytest.raises(rr.InvalidInputError) as info:
        rr.warranty_expiry(p, C.OTHER)
    assert "Project.contract_terms[OTHER]" == info.value.field
    assert "WTY-OTHER" == info.value.rule
    assert D(2026, 6, 29) == rr.warranty_expiry(p, C.DECORATION).last_day


def test_company_templates_for_other_stand_as_given():
    """S000's 新建1年 / 改建半年 / 维修3个月 stand as given for OTHER (no floor)."""
    for term, expected in [
        (rr.Years(1), D(2025, 6, 30)),  # 2025-06-28 is a Saturday
        (rr.Months(6), D(2024, 12, 30)),  # 2024-12-28 is a Saturday
        (rr.Months(3), D(2024, 9, 29)),  # a make-up working Sunday
    ]:
        p = project(categories={C.OTHER}, contract_terms={C.OTHER: term})
        expiry = rr.warranty_expiry(p, C.OTHER)
        assert expected == expiry.last_day
        assert expected == expiry.contract_last_day
        assert (NO_STATUTORY_MINIMUM,) == expiry.findings


@pytest.mark.parametrize("category", sorted(ALL_BUT_OTHER, key=lambda c: c.value))
def test_one_year_template_against_every_statutory_category(category):
    """S000's 'one year after completion' is below every statutory minimum: flagged."""
    p = project(contract_terms={category: rr.Years(1)})
    expiry = rr.warranty_expiry(p, category)
    assert (BELOW_STATUTORY_MINIMUM,) == expiry.findings
    assert expiry.statutory_last_day == expiry.last_day
    assert D(2025, 6, 30) == expiry.contract_last_day


def test_structure_beyond_the_calendar_is_unrolled_and_provisional():
    """A 100-year structure warranty ends past 2100: unrolled, provisional, flagged."""
    p = project(accepted=D(2010, 5, 4), design_life_years=100)
    expiry = rr.warranty_expiry(p, C.FOUNDATION_STRUCTURE)
    assert D(2110, 5, 4) == expiry.last_day
    assert expiry.provisional
    assert (BEYOND_CALENDAR,) == expiry.findings
    assert "CAL-PROVISIONAL" in expiry.rules


def test_before_the_calendar_is_unrolled_and_provisional():
    """Accepted in 1997, 2 years end in 1999, before the calendar's data: flagged too."""
    p = project(accepted=D(1997, 3, 3), categories={C.DECORATION})
    expiry = rr.warranty_expiry(p, C.DECORATION)
    assert D(1999, 3, 3) == expiry.last_day
    assert expiry.provisional
    assert (BEYOND_CALENDAR,) == expiry.findings
    assert "CAL-PROVISIONAL" in expiry.rules


def test_leap_day_acceptance():
    """Accepted on 29 February: 2 years end on 28 February (CC 202), rolled if a rest day."""
    p = project(accepted=D(2024, 2, 29), categories={C.DECORATION, C.WATERPROOFING})
    # 2026-02-28 is a Saturday, but a make-up working day (调休上班): no roll.
    assert D(2026, 2, 28) == rr.warranty_expiry(p, C.DECORATION).last_day
    assert D(2029, 2, 28) == rr.warranty_expiry(p, C.WATERPROOFING).last_day


def test_leap_day_to_leap_day_and_inclusive_start():
    """From 29 February, 4 years end on 29 February 2028; INCLUSIVE_START one day earlier."""
    p = project(
        accepted=D(2024, 2, 29),
        categories={C.DECORATION},
        contract_terms={C.DECORATION: rr.Years(4)},
    )
    expiry = rr.warranty_expiry(p, C.DECORATION)
    assert D(2028, 2, 29) == expiry.last_day  # a Tuesday
    assert (CONTRACT_EXTENDS,) == expiry.findings
    inclusive = rr.Policy(convention=rr.Convention.INCLUSIVE_START)
    expiry = rr.warranty_expiry(p, C.DECORATION, policy=inclusive)
    # The statutory day is the Civil Code's whatever the convention (CAL-CONVENTION):
    # 2026-02-28, a make-up working Saturday; the term counted with its start day ends
    # the day before 29 February 2028.
    assert D(2026, 2, 28) == expiry.statutory_last_day
    assert D(2028, 2, 28) == expiry.last_day


def test_in_warranty_around_a_leap_day_end():
    """Last day 29 February 2028: true on it, false on 1 March."""
    p = project(
        accepted=D(2024, 2, 29),
        categories={C.DECORATION},
        contract_terms={C.DECORATION: rr.Years(4)},
    )
    assert rr.in_warranty(p, C.DECORATION, D(2028, 2, 28))
    assert rr.in_warranty(p, C.DECORATION, D(2028, 2, 29))
    assert not rr.in_warranty(p, C.DECORATION, D(2028, 3, 1))


def test_heating_in_two_regions_with_different_seasons():
    """Harbin's season ends 04-20, Beijing's 03-15: the same acceptance, different days."""
    beijing = rr.warranty_expiry(project(accepted=D(2023, 9, 1)), C.HEATING)
    harbin = rr.warranty_expiry(project(accepted=D(2023, 9, 1), region="哈尔滨"), C.HEATING)
    assert D(2025, 3, 17) == beijing.last_day  # 2025-03-15 is a Saturday
    assert D(2025, 4, 21) == harbin.last_day  # 2025-04-20 is a Sunday


def test_heating_season_in_progress_differs_by_region():
    """Accepted 2023-11-01, Harbin's warranty ends a year after Beijing's (SEA-COUNT).

    Harbin's season (from 10-20) is running and does not count; Beijing's (from 11-15) is
    still ahead and does.
    """
    accepted = D(2023, 11, 1)
    beijing = rr.warranty_expiry(project(accepted=accepted), C.HEATING)
    harbin = rr.warranty_expiry(project(accepted=accepted, region="harbin"), C.HEATING)
    assert D(2025, 3, 17) == beijing.last_day  # 2025-03-15 is a Saturday
    assert D(2026, 4, 20) == harbin.last_day  # a Monday
    assert ("SEA-HEATING", "SEA-COUNT") == tuple(r for r in harbin.rules if r.startswith("SEA-"))


@pytest.mark.parametrize(
    ("accepted", "expected"),
    [
        (D(2023, 11, 14), D(2025, 3, 17)),  # the day before the season: it counts
        (D(2023, 11, 15), D(2025, 3, 17)),  # the season's first day: it counts
        (D(2023, 11, 16), D(2026, 3, 16)),  # the day after: in progress, not counted
    ],
)
def test_heating_acceptance_around_the_season_start(accepted, expected):
    """SEA-COUNT: only seasons beginning on or after the acceptance day count."""
    assert expected == rr.warranty_expiry(project(accepted=accepted), C.HEATING).last_day


def test_heating_in_the_south_needs_a_season():
    """Shanghai has no heating season: NoSeasonError naming the region (SEA-NO-SEASON)."""
    p = project(region="上海")
    with pytest.raises(rr.NoSeasonError, match="shanghai"):
        rr.warranty_expiry(p, C.HEATING)
    own = rr.Policy(heating_seasons={"shanghai": rr.SeasonSpan.parse("12-01", "02-28")})
    # Seasons 2024/25 and 2025/26; 2026-02-28 is a make-up working Saturday.
    assert D(2026, 2, 28) == rr.warranty_expiry(p, C.HEATING, policy=own).last_day


def test_heating_in_the_south_with_a_contract_term():
    """SEA-NO-SEASON's other remedy: a calendar contract term stands as given, flagged."""
    p = project(region="shanghai", categories={C.HEATING}, contract_terms={C.HEATING: rr.Years(2)})
    expiry = rr.warranty_expiry(p, C.HEATING)
    assert D(2026, 6, 29) == expiry.last_day  # 2026-06-28 is a Sunday
    assert D(2026, 6, 29) == expiry.contract_last_day
    assert expiry.statutory_last_day is None
    assert (NO_SEASON,) == expiry.findings
    assert ("WTY-START", "WTY-HEATING", "SEA-NO-SEASON") == expiry.rules[:3]
    assert "WTY-MIN" == expiry.rules[-1]
    assert rr.in_warranty(p, C.HEATING, D(2026, 6, 29))
    assert not rr.in_warranty(p, C.HEATING, D(2026, 6, 30))


def test_heating_in_the_south_with_a_term_in_seasons_is_still_an_error():
    """A contract term counted in heating seasons cannot be measured there either."""
    p = project(
        region="shanghai", categories={C.HEATING}, contract_terms={C.HEATING: rr.HeatingSeasons(3)}
    )
    with pytest.raises(rr.NoSeasonError, match="shanghai"):
        rr.warranty_expiry(p, C.HEATING)


def test_convention_inclusive_start_governs_contract_terms_only():
    """CAL-CONVENTION: '自2019年12月1日起至2021年11月30日止' counts the term, not the floor.

    CC 204 lets the parties agree how their own periods are counted; it cannot shorten the
    State's floor (REG 40 "最低保修期限", MEAS 6 "必须符合国家有关规定"). Changed by rule book
    v2: the decoration warranty used to end on 2021-11-30 under INCLUSIVE_START.
    """
    policy = rr.Policy(convention=rr.Convention.INCLUSIVE_START)
    p = project(accepted=D(2019, 12, 1), categories={C.DECORATION})
    expiry = rr.warranty_expiry(p, C.DECORATION, policy=policy)
    assert (D(2021, 12, 1), D(2021, 12, 1)) == (expiry.statutory_last_day, expiry.last_day)
    assert "CAL-CONVENTION" in expiry.rules
    # The same two years agreed in the certificate: one day short, only by the convention.
    p = project(
        accepted=D(2019, 12, 1),
        categories={C.DECORATION},
        contract_terms={C.DECORATION: rr.Years(2)},
    )
    expiry = rr.warranty_expiry(p, C.DECORATION, policy=policy)
    assert D(2021, 11, 30) == expiry.contract_last_day
    assert D(2021, 12, 1) == expiry.last_day
    assert ("ONE_DAY_SHORT_BY_CONVENTION",) == expiry.findings
    # Under the Civil Code the same term ends on the statutory day: no finding at all.
    assert () == rr.warranty_expiry(p, C.DECORATION).findings


@pytest.mark.parametrize(
    ("term", "finding"),
    [
        (rr.Years(2), "ONE_DAY_SHORT_BY_CONVENTION"),  # short by the start day only
        (rr.Months(23), "BELOW_STATUTORY_MINIMUM"),  # short by a month: a shorter term
        (rr.Years(3), "CONTRACT_EXTENDS"),
    ],
)
def test_one_day_short_by_convention_or_below_the_minimum(term, finding):
    """The test: the same term under CIVIL_CODE with the roll ends on or after the floor."""
    policy = rr.Policy(convention=rr.Convention.INCLUSIVE_START)
    p = project(
        accepted=D(2019, 12, 1), categories={C.DECORATION}, contract_terms={C.DECORATION: term}
    )
    expiry = rr.warranty_expiry(p, C.DECORATION, policy=policy)
    assert (finding,) == expiry.findings
    assert max(expiry.statutory_last_day, expiry.contract_last_day) == expiry.last_day


def test_a_rolled_statutory_day_does_not_depend_on_the_roll_switch():
    """CAL-CONVENTION: roll_to_working_day=False governs contract terms, not the floor.

    Decoration from 2024-06-28: 2026-06-28 is a Sunday, rolled to Monday 06-29 (CC 203);
    without the roll a two-year term ends on the Sunday, one day short by the convention.
    """
    policy = rr.Policy(roll_to_working_day=False)
    p = project(accepted=D(2024, 6, 28), categories={C.DECORATION})
    expiry = rr.warranty_expiry(p, C.DECORATION, policy=policy)
    assert D(2026, 6, 29) == expiry.last_day
    assert "CAL-CONVENTION" in expiry.rules
    p = project(
        accepted=D(2024, 6, 28),
        categories={C.DECORATION},
        contract_terms={C.DECORATION: rr.Years(2)},
    )
    expiry = rr.warranty_expiry(p, C.DECORATION, policy=policy)
    assert (D(2026, 6, 28), D(2026, 6, 29)) == (expiry.contract_last_day, expiry.last_day)
    assert ("ONE_DAY_SHORT_BY_CONVENTION",) == expiry.findings
    # The day before, of and after the rolled last day.
    assert rr.in_warranty(p, C.DECORATION, D(2026, 6, 28), policy=policy)
    assert rr.in_warranty(p, C.DECORATION, D(2026, 6, 29), policy=policy)
    assert not rr.in_warranty(p, C.DECORATION, D(2026, 6, 30), policy=policy)


def test_no_contract_default_for_other_works():
    """WTY-OTHER with S000's "无合同约定的…按5年计": OTHER without a term takes the default."""
    p = project(accepted=D(2021, 9, 28), categories={C.OTHER, C.DECORATION})
    with pytest.raises(rr.InvalidInputError, match="WTY-OTHER"):
        rr.warranty_expiry(p, C.OTHER)
    policy = rr.Policy(no_contract_default=rr.Years(5))
    expiry = rr.warranty_expiry(p, C.OTHER, policy=policy)
    assert D(2026, 9, 28) == expiry.last_day  # a Monday, from the acceptance day
    assert ("NO_CONTRACT_DEFAULT", "NO_STATUTORY_MINIMUM") == expiry.findings
    assert rr.Years(5) == expiry.contract_period
    # A term in the contract wins; the statutory categories keep their floor.
    with_term = attrs.evolve(p, contract_terms={C.OTHER: rr.Years(1)})
    assert D(2022, 9, 28) == rr.warranty_expiry(with_term, C.OTHER, policy=policy).last_day
    decoration = rr.warranty_expiry(p, C.DECORATION, policy=policy)
    assert (D(2023, 9, 28), ()) == (decoration.last_day, decoration.findings)


@pytest.mark.parametrize("value", [rr.HeatingSeasons(2), rr.DesignLife(), rr.Years(0), 5, "5y"])
def test_no_contract_default_refuses_other_values(value):
    """Policy.no_contract_default: None, or years, months or days longer than 0."""
    with pytest.raises(rr.RevisitRulesError) as info:
        rr.Policy(no_contract_default=value)
    assert "Policy.no_contract_default" == info.value.field


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


def test_in_warranty_uses_the_effective_day():
    """A contract term past the statutory day keeps the warranty running; a short one not."""
    longer = project(contract_terms={C.DECORATION: rr.Years(3)})
    shorter = project(contract_terms={C.DECORATION: rr.Years(1)})
    statutory_last = D(2026, 6, 29)
    assert rr.in_warranty(longer, C.DECORATION, statutory_last + dt.timedelta(days=1))
    assert rr.in_warranty(shorter, C.DECORATION, D(2025, 7, 1))  # after the 1-year term
    assert not rr.in_warranty(shorter, C.DECORATION, statutory_last + dt.timedelta(days=1))


@pytest.mark.parametrize("on", [dt.datetime(2025, 1, 1, tzinfo=dt.UTC), "2025-01-01", None])
def test_in_warranty_refuses_what_is_not_a_date(on):
    """``on`` must be a date (decisions § 9): the error names the field."""
    with pytest.raises(rr.InvalidTypeError) as info:
        rr.in_warranty(project(), C.DECORATION, on)
    assert "on" == info.value.field


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


def test_schedule_text_is_aligned_for_cjk():
    """Columns line up in a terminal: Chinese labels count two columns each."""
    schedule = rr.warranty_schedule(project(categories={C.DECORATION, C.HEATING}))
    lines = str(schedule).splitlines()
    assert "project P, accepted 2024-06-28" == lines[0]
    starts = {_text.display_width(line[: line.index("20")]) for line in lines[2:]}
    assert 1 == len(starts)  # the statutory column starts at the same column on every row
    assert _text.display_width(lines[1][: lines[1].index("statutory")]) in starts


def test_schedule_html_escapes_text():
    """Text from the user is escaped in the notebook form."""
    p = rr.Project("<b>P&1</b>", ACCEPTED, "beijing", {C.DECORATION})
    html = rr.warranty_schedule(p)._repr_html_()
    assert "&lt;b&gt;P&amp;1&lt;/b&gt;" in html
    assert "<b>" not in html


def test_schedule_marks_provisional_days():
    """A provisional last day is starred in the text form."""
    schedule = rr.warranty_schedule(project(categories={C.WATERPROOFING}))
    assert str(schedule).splitlines()[-1].endswith("2029-06-28 *")


def test_schedule_is_a_frozen_value_of_its_data_only():
    """The schedule's fields are its data: the table header is not one of them."""
    schedule = rr.warranty_schedule(project(categories={C.DECORATION}))
    assert ["project_id", "accepted_on", "expiries"] == [
        a.name for a in attrs.fields(type(schedule))
    ]
    assert "类别" not in repr(schedule)
    assert schedule == pickle.loads(pickle.dumps(schedule))


def test_schedule_refuses_what_is_not_a_project():
    """warranty_schedule needs a Project (decisions § 9)."""
    with pytest.raises(rr.InvalidTypeError, match="project"):
        rr.warranty_schedule("P")


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
        # More of the same, each field's wrong type or value (decisions § 9).
        ({"accepted": "2024-06-28"}, "Project.accepted_on"),
        ({"accepted": None}, "Project.accepted_on"),
        ({"region": 5}, "Project.region"),
        ({"region": ""}, "Project.region"),
        ({"categories": None}, "Project.categories"),
        ({"categories": "DECORATION"}, "Project.categories"),
        ({"categories": [C.DECORATION, None]}, "Project.categories"),
        ({"design_life_years": 50.0}, "Project.design_life_years"),
        ({"design_life_years": "50"}, "Project.design_life_years"),
        ({"design_life_years": -50}, "Project.design_life_years"),
        ({"contract_terms": None}, "Project.contract_terms"),
        ({"contract_terms": {"DECORATION": rr.Years(3)}}, "Project.contract_terms"),
        ({"contract_terms": {C.DECORATION: rr.Period()}}, "Project.contract_terms"),
        ({"contract_terms": {C.DECORATION: rr.Days(0)}}, "Project.contract_terms"),
        ({"operation_started_on": dt.datetime(2024, 7, 1, 8, 0)}, "Project.operation_started_on"),
        ({"new_techniques": 1}, "Project.new_techniques"),
        ({"name": 5}, "Project.name"),
        ({"name": None}, "Project.name"),
    ],
)
def test_project_rejects_bad_fields(kwargs, field):
    """Every bad field is a typed error that names the field (decisions § 9)."""
    with pytest.raises(rr.RevisitRulesError, match=re.escape(field)):
        project(**kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"accepted": dt.datetime(2024, 6, 28, 9, 0)},
        {"region": None},
        {"region": 5},
        {"categories": None},
        {"design_life_years": 50.0},
        {"contract_terms": {C.DECORATION: 2}},
        {"operation_started_on": "2024-07-01"},
        {"new_techniques": "yes"},
        {"customer_class": "A"},
        {"many_complaints": 1},
        {"serious_problem": "no"},
        {"name": 5},
        {"id": 5},
    ],
)
def test_wrong_types_are_type_errors_with_a_rule(kwargs):
    """A value of the wrong type is an InvalidTypeError (also a TypeError) citing a rule."""
    pid = kwargs.pop("id", "P")
    with pytest.raises(rr.InvalidTypeError) as info:
        rr.Project(
            pid,
            kwargs.pop("accepted", ACCEPTED),
            kwargs.pop("region", "beijing"),
            kwargs.pop("categories", {C.DECORATION}),
            **kwargs,
        )
    assert isinstance(info.value, TypeError)
    assert info.value.rule in rr.RULES


def test_operation_may_start_on_the_acceptance_day():
    """operation_started_on: the day before acceptance is refused, the day of and after not."""
    with pytest.raises(rr.InvalidInputError, match=r"Project\.operation_started_on"):
        project(operation_started_on=ACCEPTED - dt.timedelta(days=1))
    assert ACCEPTED == project(operation_started_on=ACCEPTED).operation_started_on
    later = ACCEPTED + dt.timedelta(days=1)
    assert later == project(operation_started_on=later).operation_started_on


def test_contract_terms_only_for_the_projects_categories():
    """A term for a category the project lacks names it and the project's categories."""
    with pytest.raises(rr.InvalidInputError) as info:
        project(categories={C.DECORATION}, contract_terms={C.WATERPROOFING: rr.Years(5)})
    assert "Project.contract_terms" == info.value.field
    assert "WATERPROOFING" == info.value.value
    assert "DECORATION" in info.value.expected


def test_project_normalises_its_collections():
    """Categories become a frozenset; contract terms an immutable, hashable mapping."""
    p = project(categories=[C.DECORATION], contract_terms={C.DECORATION: rr.Years(3)})
    assert frozenset({C.DECORATION}) == p.categories
    assert {C.DECORATION: rr.Years(3)} == dict(p.contract_terms)
    with pytest.raises(TypeError):
        p.contract_terms[C.DECORATION] = rr.Years(1)  # type: ignore[index]
    assert isinstance(hash(p), int)


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
    with pytest.raises(rr.InvalidTypeError, match="policy"):
        rr.warranty_expiry(p, C.DECORATION, policy="strict")


def test_project_is_a_frozen_value():
    """Projects are hashable, comparable, picklable, and keep the region's key."""
    p = project(region="北京")
    assert "beijing" == p.region
    assert p == pickle.loads(pickle.dumps(p))
    assert hash(p) == hash(project(region="beijing"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.name = "x"  # type: ignore[misc]


# --- the rule registry ----------------------------------------------------------------------

#: decisions § 1: each category's rule, its REG Art. 40 item and its MEAS Art. 7 item.
CATEGORY_SOURCES = {
    C.FOUNDATION_STRUCTURE: ("WTY-STRUCTURE", "Art. 40(1)", "Art. 7(1)"),
    C.WATERPROOFING: ("WTY-WATERPROOF", "Art. 40(2)", "Art. 7(2)"),
    C.HEATING: ("WTY-HEATING", "Art. 40(3)", "Art. 7(3)"),
    C.COOLING: ("WTY-COOLING", "Art. 40(3)", "Art. 7(3)"),
    C.ELECTRICAL_PLUMBING: ("WTY-ELEC-PLUMB", "Art. 40(4)", "Art. 7(4)"),
    C.EQUIPMENT_INSTALLATION: ("WTY-EQUIPMENT", "Art. 40(4)", "Art. 7(4)"),
    C.DECORATION: ("WTY-DECORATION", "Art. 40(4)", "Art. 7(5)"),
}


def _refs(rule_id, document):
    return {s.ref for s in rr.RULES[rule_id].sources if s.document == document}


def test_start_rule_quotes_reg_40_and_meas_8():
    """WTY-START quotes REG Art. 40's verified sentence and cites MEAS Art. 8, S001, S003."""
    rule = rr.RULES["WTY-START"]
    quotes = {(s.document, s.ref): s.quote for s in rule.sources}
    assert quotes[("REG", "Art. 40")].startswith("建设工程的保修期，自竣工验收合格之日起计算")
    assert "竣工验收合格之日起计算" in quotes[("MEAS", "Art. 8")]
    assert {"REG", "MEAS", "S001", "S003"} == {s.document for s in rule.sources}


@pytest.mark.parametrize("category", sorted(CATEGORY_SOURCES, key=lambda c: c.value))
def test_category_rule_cites_reg_40_and_meas_7(category):
    """Each statutory category's rule cites its item of REG Art. 40 and of MEAS Art. 7."""
    rule_id, reg, meas = CATEGORY_SOURCES[category]
    assert rule_id == category.rule
    assert reg in _refs(rule_id, "REG")
    assert meas in _refs(rule_id, "MEAS")
    rule = rr.RULES[rule_id]
    assert rule.title_zh.strip()
    assert rule.title_en.strip()
    minimum = rr.statutory_minimum(category)
    shown = "()" if category is C.FOUNDATION_STRUCTURE else f"({minimum.n})"
    assert f"{type(minimum).__name__}{shown}" in rule.value  # the table agrees with the code


def test_min_rule_cites_meas_6_and_the_templates():
    """WTY-MIN: REG Art. 40 (最低保修期限), MEAS Art. 6 (must meet national rules), S000."""
    rule = rr.RULES["WTY-MIN"]
    quotes = {(s.document, s.ref): s.quote for s in rule.sources}
    assert "最低保修期限" in quotes[("REG", "Art. 40")]
    assert "必须符合国家有关规定" in quotes[("MEAS", "Art. 6")]
    assert "一年" in quotes[("S000", "第十三条")]


def test_other_and_design_life_rules():
    """WTY-OTHER cites REG Art. 40's last paragraph; WTY-DESIGN-LIFE names GB 50068."""
    other = rr.RULES["WTY-OTHER"]
    assert any("约定" in s.quote for s in other.sources if s.document == "REG")
    design = rr.RULES["WTY-DESIGN-LIFE"]
    assert "GB50068" in {s.document for s in design.sources}
    assert all(f"{n}" in design.statement for n in (5, 25, 50, 100))


def test_every_rule_the_warranty_cites_is_registered():
    """Every rule ID in a schedule's traces exists in the registry with both titles."""
    p = project(categories=frozenset(C), contract_terms={C.OTHER: rr.Years(1)})
    cited = {r for e in rr.warranty_schedule(p) for r in e.rules}
    assert {r for r in cited if r.startswith("WTY-")} == {
        "WTY-START",
        "WTY-MIN",
        "WTY-DESIGN-LIFE",
        *(c.rule for c in C),
    }
    for rule_id in cited:
        assert rr.RULES[rule_id].title_zh
        assert rr.RULES[rule_id].title_en


# --- excluded works (甲方分包工程, 甲供设备) ----------------------------------------------------


def test_owner_work_is_excluded_per_defect_not_from_the_period():
    """S003 '甲方分包工程及甲供设备除外': excluded per defect, not from the period.

    The category's period is unchanged; a defect in the owner's own work or equipment is
    outside the contractor's warranty (LIA-OWNER-WORK) even while in_warranty is true.
    """
    p = project(categories={C.EQUIPMENT_INSTALLATION})
    found = D(2025, 5, 6)
    assert rr.in_warranty(p, C.EQUIPMENT_INSTALLATION, found)
    owner = rr.Defect(C.EQUIPMENT_INSTALLATION, found, rr.Cause.OWNER_WORK, Decimal("800.00"))
    ours = rr.Defect(C.EQUIPMENT_INSTALLATION, found, rr.Cause.WORKMANSHIP, Decimal("800.00"))
    assert not rr.allocate_liability(p, owner).covered
    assert "LIA-OWNER-WORK" in rr.allocate_liability(p, owner).rules
    assert rr.allocate_liability(p, ours).covered


# --- text helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("abc", 3),
        ("装修工程", 8),
        ("（Ａ）", 6),  # fullwidth forms are wide
        ("ｱｲ", 2),  # halfwidth katakana are narrow
        ("e\u0301", 1),  # a combining accent takes no column
        ("—", 1),  # the em dash of an empty cell (ambiguous width: narrow)
    ],
)
def test_display_width(text, expected):
    """Terminal display width: East Asian wide and fullwidth characters count two."""
    assert expected == _text.display_width(text)


def test_table_aligns_columns():
    """text.table pads every cell but the last to its column's display width."""
    lines = _text.table(("a", "类别"), [("北京", "x"), ("bb", "")])
    assert ["a     类别", "北京  x", "bb"] == lines


# --- properties ---------------------------------------------------------------------------

acceptance = st.dates(min_value=D(2001, 1, 1), max_value=D(2040, 12, 31))
UNITS = (rr.Years, rr.Months, rr.Days, rr.HeatingSeasons, rr.CoolingSeasons)
MAX_N = {rr.Years: 10, rr.Months: 120, rr.Days: 4000, rr.HeatingSeasons: 6, rr.CoolingSeasons: 6}
terms = st.sampled_from(UNITS).flatmap(lambda unit: st.builds(unit, st.integers(1, MAX_N[unit])))
statutory_categories = st.sampled_from(sorted(ALL_BUT_OTHER, key=lambda c: c.value))
policies = st.builds(
    rr.Policy,
    convention=st.sampled_from(rr.Convention),
    roll_to_working_day=st.booleans(),
    count_partial_season=st.booleans(),
)


@given(
    accepted=acceptance,
    region=sts.heating_regions,
    category=statutory_categories,
    term=terms,
    policy=policies,
)
@example(
    accepted=D(2024, 6, 28),
    region="beijing",
    category=C.WATERPROOFING,
    term=rr.Years(1),
    policy=rr.Policy(),
)
@example(
    accepted=D(2023, 11, 1),
    region="harbin",
    category=C.HEATING,
    term=rr.Years(2),
    policy=rr.Policy(),
)
def test_effective_day_never_before_statutory(accepted, region, category, term, policy):
    """A contract term never shortens the statutory period (WTY-MIN); findings match."""
    p = project(accepted=accepted, region=region, contract_terms={category: term})
    expiry = rr.warranty_expiry(p, category, policy=policy)
    assert expiry.statutory_last_day is not None
    assert expiry.last_day >= expiry.statutory_last_day
    assert expiry.last_day == max(expiry.statutory_last_day, expiry.contract_last_day)
    below = expiry.contract_last_day < expiry.statutory_last_day
    above = expiry.contract_last_day > expiry.statutory_last_day
    short = {BELOW_STATUTORY_MINIMUM, "ONE_DAY_SHORT_BY_CONVENTION"} & set(expiry.findings)
    assert below == (len(short) == 1)
    assert above == (CONTRACT_EXTENDS in expiry.findings)
    # CAL-CONVENTION: the statutory day does not depend on the convention or the roll.
    civil = attrs.evolve(policy, convention=rr.Convention.CIVIL_CODE, roll_to_working_day=True)
    assert rr.warranty_expiry(p, category, policy=civil).statutory_last_day == (
        expiry.statutory_last_day
    )


#: A contract term and a longer one of the same unit.
term_pairs = st.tuples(st.sampled_from(UNITS), st.integers(1, 6), st.integers(1, 6)).map(
    lambda t: (t[0](t[1]), t[0](t[1] + t[2]))
)


@given(
    accepted=acceptance,
    region=sts.heating_regions,
    category=statutory_categories,
    pair=term_pairs,
    policy=policies,
)
@example(
    accepted=D(2024, 1, 31),
    region="beijing",
    category=C.DECORATION,
    pair=(rr.Months(1), rr.Months(2)),  # 2024-02-29 (clipped), then 2024-03-31
    policy=rr.Policy(),
)
def test_longer_contract_never_earlier(accepted, region, category, pair, policy):
    """A longer contract term (same unit) never gives an earlier contract or effective day."""
    short_term, long_term = pair
    shorter = project(accepted=accepted, region=region, contract_terms={category: short_term})
    longer = project(accepted=accepted, region=region, contract_terms={category: long_term})
    a = rr.warranty_expiry(shorter, category, policy=policy)
    b = rr.warranty_expiry(longer, category, policy=policy)
    assert a.contract_last_day <= b.contract_last_day
    assert a.last_day <= b.last_day


@given(p=sts.visit_projects(first=D(2001, 1, 1), on_working_day=False), policy=policies)
def test_in_warranty_on_last_day_not_after(p, policy):
    """in_warranty is true on the last day and false the day after, for every category."""
    one = dt.timedelta(days=1)
    for expiry in rr.warranty_schedule(p, policy=policy):
        category, last = expiry.category, expiry.last_day
        assert rr.in_warranty(p, category, last, policy=policy)
        assert not rr.in_warranty(p, category, last + one, policy=policy)
        assert rr.in_warranty(p, category, p.accepted_on, policy=policy)


@given(p=sts.visit_projects(first=D(2001, 1, 1), on_working_day=False))
def test_schedule_agrees_with_each_expiry(p):
    """The schedule holds exactly the project's categories, each equal to its own expiry."""
    schedule = rr.warranty_schedule(p)
    assert [c for c in C if c in p.categories] == [e.category for e in schedule]
    for expiry in schedule:
        assert rr.warranty_expiry(p, expiry.category) == expiry
        assert expiry.provisional == ("CAL-PROVISIONAL" in expiry.rules)
    assert max(e.last_day for e in schedule) == schedule.last_day
