"""Tests of a period's last day (CAL-PERIOD; CC 201–204, CPL 85; WTY-DESIGN-LIFE)."""

import datetime as dt

import attrs
import holidays
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

import revisit_rules as rr

from . import strategies

D = dt.date
ONE = dt.timedelta(days=1)
NO_ROLL = rr.Policy(roll_to_working_day=False)
INCLUSIVE = rr.Policy(convention=rr.Convention.INCLUSIVE_START)
INCLUSIVE_ROLL = attrs.evolve(INCLUSIVE, roll_inclusive_start=True)


def end(start, period, **kwargs):
    """The last day only."""
    return rr.period_end(start, period, **kwargs).day


class TestCorrespondingDay:
    """CC 202: the corresponding day of the final month, or that month's last day."""

    def test_five_years_from_june_30(self):
        """5 years from 2020-06-30 end on 2025-06-30, a Monday and a working day."""
        assert rr.china_calendar().is_working_day(D(2025, 6, 30))
        assert D(2025, 6, 30) == end(D(2020, 6, 30), rr.Years(5))

    @pytest.mark.parametrize(
        ("start", "expected"),
        [
            (D(2020, 2, 28), D(2025, 2, 28)),
            (D(2020, 2, 29), D(2025, 2, 28)),  # no 29 February in 2025: its last day
            (D(2020, 3, 1), D(2025, 3, 3)),  # 2025-03-01 is a Saturday: rolls to Monday
        ],
    )
    def test_five_years_from_leap_day(self, start, expected):
        """5 years from 2020-02-29 end on 2025-02-28, a Friday, so no roll."""
        assert expected == end(start, rr.Years(5))

    def test_leap_day_unrolled(self):
        """Without the roll, 2020-03-01 + 5 years is 2025-03-01 itself."""
        assert D(2025, 3, 1) == end(D(2020, 3, 1), rr.Years(5), policy=NO_ROLL)

    def test_leap_day_to_leap_year(self):
        """4 years from 2020-02-29 end on 2024-02-29, which exists."""
        assert D(2024, 2, 29) == end(D(2020, 2, 29), rr.Years(4))

    @pytest.mark.parametrize(
        ("start", "n", "expected"),
        [
            (D(2025, 1, 31), 1, D(2025, 2, 28)),  # Friday
            (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year, Thursday
            (D(2026, 1, 30), 1, D(2026, 2, 28)),  # make-up Saturday: no roll
            (D(2026, 1, 31), 1, D(2026, 2, 28)),
            (D(2026, 3, 31), 1, D(2026, 4, 30)),
            (D(2026, 1, 31), 3, D(2026, 4, 30)),
            (D(2025, 1, 31), 13, D(2026, 2, 28)),
            (D(2026, 8, 31), 6, D(2027, 3, 1)),  # 2027-02-28 is a Sunday: rolls
        ],
    )
    def test_months_from_month_end(self, start, n, expected):
        """Months from the 31st clip to the month's last day (computed from the base day)."""
        assert expected == end(start, rr.Months(n))

    @pytest.mark.parametrize(
        ("start", "n", "expected"),
        [
            (D(2026, 3, 2), 0, D(2026, 3, 2)),
            (D(2026, 3, 2), 1, D(2026, 3, 3)),
            (D(2026, 3, 2), 4, D(2026, 3, 6)),  # Friday
            (D(2026, 3, 2), 5, D(2026, 3, 9)),  # Saturday rolls to Monday
            (D(2026, 2, 28), 1, D(2026, 3, 2)),  # Sunday rolls to Monday
            (D(2024, 2, 28), 1, D(2024, 2, 29)),
        ],
    )
    def test_days(self, start, n, expected):
        """N days from D end on D + N (rolled if a rest day)."""
        assert expected == end(start, rr.Days(n))


class TestRoll:
    """CC 203 / CPL 85: a last day that is a rest day moves to the next working day."""

    @pytest.mark.parametrize(
        ("start", "expected"),
        [
            (D(2021, 9, 30), D(2026, 9, 30)),  # the day before the break: working
            (D(2021, 10, 1), D(2026, 10, 8)),  # National Day
            (D(2021, 10, 7), D(2026, 10, 8)),  # the last day of the break
            (D(2021, 10, 8), D(2026, 10, 8)),  # the day after: working
        ],
    )
    def test_into_national_day(self, start, expected):
        """Years(5) ending inside the 2026 National Day break roll to 2026-10-08."""
        assert expected == end(start, rr.Years(5))

    @pytest.mark.parametrize(
        ("start", "expected"),
        [
            (D(2025, 2, 13), D(2026, 2, 13)),  # Friday
            (D(2025, 2, 14), D(2026, 2, 14)),  # make-up Saturday: no roll
            (D(2025, 2, 15), D(2026, 2, 24)),  # Sunday, start of the Spring Festival break
            (D(2025, 2, 23), D(2026, 2, 24)),
            (D(2025, 2, 24), D(2026, 2, 24)),
        ],
    )
    def test_around_make_up_saturday(self, start, expected):
        """A period ending on a make-up Saturday does not roll; the Sunday after does."""
        assert expected == end(start, rr.Years(1))

    def test_make_up_sunday(self):
        """Days ending on the make-up Sunday 2026-09-20 do not roll."""
        assert D(2026, 9, 20) == end(D(2026, 9, 19), rr.Days(1))

    def test_roll_switched_off(self):
        """roll_to_working_day=False keeps the rest day, and the rules say no CAL-CN."""
        result = rr.period_end(D(2021, 10, 1), rr.Years(5), policy=NO_ROLL)

        assert rr.DateResult(D(2026, 10, 1), provisional=False, rules=("CAL-PERIOD",)) == result

    def test_company_calendar(self):
        """A company calendar passed as calendar= decides the roll."""
        company = rr.china_calendar().with_days(rest_days=[D(2026, 10, 8)])

        assert D(2026, 10, 9) == end(D(2021, 10, 1), rr.Years(5), calendar=company)


class TestInclusiveStart:
    """INCLUSIVE_START: the start day counts; the last day is one day earlier, no roll."""

    def test_template_example(self):
        """自2019年12月1日起 2 years 至2021年11月30日止."""
        result = rr.period_end(D(2019, 12, 1), rr.Years(2), policy=INCLUSIVE)

        assert rr.DateResult(D(2021, 11, 30), provisional=False, rules=("CAL-PERIOD",)) == result

    def test_no_roll_on_a_rest_day(self):
        """A last day on National Day stays there by default."""
        assert D(2021, 10, 1) == end(D(2019, 10, 2), rr.Years(2), policy=INCLUSIVE)

    def test_roll_when_asked(self):
        """With roll_inclusive_start=True it rolls (2021 break: Oct 1–7, Oct 8 worked)."""
        result = rr.period_end(D(2019, 10, 2), rr.Years(2), policy=INCLUSIVE_ROLL)

        assert (
            rr.DateResult(D(2021, 10, 8), provisional=False, rules=("CAL-PERIOD", "CAL-CN"))
            == result
        )

    def test_roll_when_asked_on_a_working_day(self):
        """With the roll, a working last day stays."""
        assert D(2021, 11, 30) == end(D(2019, 12, 1), rr.Years(2), policy=INCLUSIVE_ROLL)

    def test_roll_needs_both_switches(self):
        """roll_to_working_day=False wins over roll_inclusive_start=True."""
        policy = attrs.evolve(INCLUSIVE_ROLL, roll_to_working_day=False)

        assert D(2021, 10, 1) == end(D(2019, 10, 2), rr.Years(2), policy=policy)

    @pytest.mark.parametrize(
        ("start", "period", "expected"),
        [
            # decisions § 2: the day before the start's corresponding day in the month the
            # period reaches; where that month has none, that month's last day.
            (D(2026, 3, 1), rr.Months(1), D(2026, 3, 31)),
            (D(2026, 3, 30), rr.Months(1), D(2026, 4, 29)),
            (D(2026, 3, 31), rr.Months(1), D(2026, 4, 30)),  # 自3月31日起至4月30日止
            (D(2024, 1, 31), rr.Months(1), D(2024, 2, 29)),
            (D(2026, 1, 31), rr.Months(1), D(2026, 2, 28)),
            (D(2023, 3, 1), rr.Years(1), D(2024, 2, 29)),
            (D(2020, 2, 29), rr.Years(1), D(2021, 2, 28)),  # no 29 February in 2021
            (D(2024, 2, 29), rr.Years(4), D(2028, 2, 28)),  # 29 February 2028 exists
            (D(2019, 12, 1), rr.Years(2), D(2021, 11, 30)),
            (D(2026, 3, 2), rr.Days(10), D(2026, 3, 11)),
        ],
    )
    def test_month_end_and_days(self, start, period, expected):
        """The day before the corresponding day, or the month's last day where it has none.

        Changed by rule book v2: 31 March + 1 month used to give 29 April (the clipped
        corresponding day less one); the rule book gives 30 April.
        """
        assert expected == end(start, period, policy=INCLUSIVE)


class TestDesignLife:
    """WTY-DESIGN-LIFE: the design working life comes from the project, never a default."""

    def test_fifty_years(self):
        """DesignLife with 50 years: the corresponding day 50 years on, provisional."""
        result = rr.period_end(D(2020, 6, 30), rr.DesignLife(), design_life_years=50)

        assert D(2070, 6, 30) == result.day  # a Monday
        assert True is result.provisional
        assert (
            "CAL-PERIOD",
            "WTY-DESIGN-LIFE",
            "CAL-CN",
            "CAL-PROVISIONAL",
        ) == result.rules

    def test_missing_names_the_categories(self):
        """Without a design life: MissingDesignLifeError naming the GB 50068 categories."""
        with pytest.raises(rr.MissingDesignLifeError) as info:
            rr.period_end(D(2020, 6, 30), rr.DesignLife())

        message = str(info.value)
        assert "GB 50068" in message
        for years in ("5 years", "25 years", "50 years", "100 years"):
            assert years in message
        assert "design_life_years" == info.value.field
        assert "WTY-DESIGN-LIFE" == info.value.rule
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize("bad", [0, -50])
    def test_non_positive(self, bad):
        """A design life below one year is refused."""
        with pytest.raises(rr.InvalidInputError, match="design_life_years"):
            rr.period_end(D(2020, 6, 30), rr.DesignLife(), design_life_years=bad)


class TestProvisional:
    """CAL-PROVISIONAL: an end in a year without a published arrangement is provisional."""

    def test_end_in_last_published_year(self):
        """An end in the last published year is final."""
        last = max(rr.china_calendar().published_years)
        result = rr.period_end(D(last, 12, 21), rr.Days(10))  # 12-31

        assert (False, ("CAL-PERIOD", "CAL-CN")) == (result.provisional, result.rules)

    def test_end_in_first_unpublished_year(self):
        """An end in the year after is provisional, and the rules say so."""
        last = max(rr.china_calendar().published_years)
        result = rr.period_end(D(last, 12, 22), rr.Days(10))

        assert True is result.provisional
        assert ("CAL-PERIOD", "CAL-CN", "CAL-PROVISIONAL") == result.rules

    def test_roll_into_unpublished_year(self):
        """2026-12-31 is a Thursday; an end rolled out of 2026 would be provisional too."""
        company = rr.china_calendar().with_days(rest_days=[D(2026, 12, 31)])
        result = rr.period_end(D(2026, 12, 21), rr.Days(10), calendar=company)

        assert (D(2027, 1, 4), True) == (result.day, result.provisional)

    def test_unrolled_is_not_provisional(self):
        """Without the roll the calendar is not consulted, so nothing is provisional."""
        result = rr.period_end(D(2030, 1, 1), rr.Years(5), policy=NO_ROLL)

        assert rr.DateResult(D(2035, 1, 1), provisional=False, rules=("CAL-PERIOD",)) == result


class TestRules:
    """The rules tuple names every rule applied, in order."""

    @pytest.mark.parametrize(
        ("period", "kwargs", "expected"),
        [
            (rr.Years(1), {}, ("CAL-PERIOD", "CAL-CN")),
            (rr.Months(1), {}, ("CAL-PERIOD", "CAL-CN")),
            (rr.Days(1), {}, ("CAL-PERIOD", "CAL-CN")),
            (rr.Years(1), {"policy": NO_ROLL}, ("CAL-PERIOD",)),
            (
                rr.HeatingSeasons(1),
                {"region": "beijing"},
                ("CAL-PERIOD", "SEA-HEATING", "SEA-COUNT", "CAL-CN"),
            ),
            (
                rr.CoolingSeasons(1),
                {"region": "shanghai"},
                ("CAL-PERIOD", "SEA-COOLING", "SEA-COUNT", "CAL-CN"),
            ),
            (
                rr.DesignLife(),
                {"design_life_years": 5, "policy": NO_ROLL},
                ("CAL-PERIOD", "WTY-DESIGN-LIFE"),
            ),
        ],
    )
    def test_rules(self, period, kwargs, expected):
        """Each period kind names its rules."""
        assert expected == rr.period_end(D(2024, 3, 4), period, **kwargs).rules

    def test_rules_exist(self):
        """Every rule a period result names is in the registry."""
        result = rr.period_end(D(2026, 12, 1), rr.HeatingSeasons(2), region="beijing")

        assert set(result.rules) <= set(rr.RULES)


class TestBadInput:
    """Negative counts, datetimes and foreign periods are refused with typed errors."""

    @pytest.mark.parametrize(
        "kind", [rr.Years, rr.Months, rr.Days, rr.HeatingSeasons, rr.CoolingSeasons]
    )
    def test_negative(self, kind):
        """A count of -1 is refused; 0 is accepted."""
        assert 0 == kind(0).n
        with pytest.raises(rr.InvalidInputError, match=r"n = -1") as info:
            kind(-1)

        assert "CAL-PERIOD" == info.value.rule

    def test_datetime_start(self):
        """A datetime as start is an InvalidTypeError, also a TypeError."""
        with pytest.raises(TypeError, match="start") as info:
            rr.period_end(dt.datetime(2026, 1, 1, 9, 0), rr.Years(1))

        assert isinstance(info.value, rr.InvalidTypeError)

    @pytest.mark.parametrize(
        "period", [5, "5 years", relativedelta(years=5), dt.timedelta(days=5), rr.Period()]
    )
    def test_wrong_period_type(self, period):
        """Anything but a concrete Period is refused."""
        with pytest.raises(rr.InvalidTypeError, match="period"):
            rr.period_end(D(2026, 1, 1), period)

    @pytest.mark.parametrize("period", [rr.Years(5), rr.Months(1), rr.Days(10), rr.DesignLife()])
    def test_unknown_region_with_any_period(self, period):
        """A region is checked whenever it is given, not only for season periods."""
        rr.period_end(D(2026, 1, 5), period, region="beijing", design_life_years=50)
        with pytest.raises(rr.UnknownRegionError, match="atlantis") as info:
            rr.period_end(D(2026, 1, 5), period, region="atlantis", design_life_years=50)

        assert "region" == info.value.field

    @pytest.mark.parametrize(
        ("bad", "error"), [(0, rr.InvalidInputError), ("50", rr.InvalidTypeError)]
    )
    def test_bad_design_life_with_any_period(self, bad, error):
        """A design life is checked whenever it is given, not only for DesignLife."""
        with pytest.raises(error, match="design_life_years") as info:
            rr.period_end(D(2026, 1, 5), rr.Years(5), design_life_years=bad)

        assert "WTY-DESIGN-LIFE" == info.value.rule

    @pytest.mark.parametrize(
        ("start", "period"),
        [
            (D(1990, 1, 1), rr.Years(5)),  # the last day lies before the calendar's first year
            (D(2096, 6, 30), rr.Years(5)),  # ... after its last year
        ],
    )
    def test_last_day_outside_the_calendar(self, start, period):
        """Rolling a last day outside the calendar names start, the last day and the years."""
        cal = rr.china_calendar()
        with pytest.raises(rr.CalendarRangeError) as info:
            rr.period_end(start, period)

        last = end(start, period, policy=NO_ROLL)
        message = str(info.value)
        assert ("start", start, "CAL-CN") == (info.value.field, info.value.value, info.value.rule)
        assert str(last) in message
        assert f"{cal.first_day} to {cal.last_day}" in message

    def test_start_before_the_calendar_is_fine(self):
        """Only the last day needs the calendar: a start in 1995 with its end in 2025 works."""
        assert D(2025, 6, 30) == end(D(1995, 6, 30), rr.Years(30))

    def test_wrong_policy_type(self):
        """A policy that is not a Policy is refused."""
        with pytest.raises(rr.InvalidTypeError, match="policy") as info:
            rr.period_end(D(2026, 1, 1), rr.Years(1), policy={"roll_to_working_day": False})

        assert "CAL-PERIOD" == info.value.rule


class TestText:
    """Periods print in English and Chinese."""

    @pytest.mark.parametrize(
        ("period", "en", "zh"),
        [
            (rr.Years(5), "5 years", "5年"),
            (rr.Months(3), "3 months", "3个月"),
            (rr.HeatingSeasons(2), "2 heating seasons", "2个采暖期"),
            (rr.DesignLife(), "the design working life", "设计文件规定的合理使用年限"),
            (rr.Years(1), "1 year", "1年"),
            (rr.Days(1), "1 day", "1日"),
            (rr.CoolingSeasons(1), "1 cooling season", "1个供冷期"),
            (rr.Months(0), "0 months", "0个月"),
        ],
    )
    def test_str_and_zh(self, period, en, zh):
        """str() is English, one canonical form (singular for 1), .zh is Chinese."""
        assert (en, zh) == (str(period), period.zh)

    @pytest.mark.parametrize(
        ("text", "period"),
        [
            # the portfolio CSV's spellings
            ("1y", rr.Years(1)),
            ("6m", rr.Months(6)),
            ("90d", rr.Days(90)),
            ("2hs", rr.HeatingSeasons(2)),
            ("2 CS", rr.CoolingSeasons(2)),
            ("5年", rr.Years(5)),
            ("3个月", rr.Months(3)),
            ("3月", rr.Months(3)),
            ("10天", rr.Days(10)),
            ("2个采暖期", rr.HeatingSeasons(2)),
            ("2采暖期", rr.HeatingSeasons(2)),
            ("2 个供冷期", rr.CoolingSeasons(2)),
            ("design-life", rr.DesignLife()),
            ("Design_Life", rr.DesignLife()),
            ("设计使用年限", rr.DesignLife()),
            ("合理使用年限", rr.DesignLife()),
            # the golden cases' spellings
            ("1 year", rr.Years(1)),
            ("1 years", rr.Years(1)),
            ("2  heating   seasons", rr.HeatingSeasons(2)),
            ("1 month", rr.Months(1)),
            ("design life", rr.DesignLife()),
        ],
    )
    def test_from_text_reads_every_spelling(self, text, period):
        """CAL-PERIOD: one grammar reads what the CSV, the golden cases and str() write."""
        assert period == rr.Period.from_text(text)

    @pytest.mark.parametrize(
        ("text", "error"),
        [
            ("5 yrs", rr.InvalidInputError),
            ("years", rr.InvalidInputError),
            ("-1y", rr.InvalidInputError),
            ("1.5y", rr.InvalidInputError),
            ("", rr.InvalidInputError),
            (5, rr.InvalidTypeError),
            (None, rr.InvalidTypeError),
        ],
    )
    def test_from_text_refuses(self, text, error):
        """Not a period: a typed error naming the field and CAL-PERIOD."""
        with pytest.raises(error, match=r"term = .*\[rule CAL-PERIOD\]"):
            rr.Period.from_text(text, field="term")

    def test_from_text_on_a_subclass_reads_that_kind_only(self):
        """Years.from_text reads years; another period is refused, never converted."""
        assert rr.Years(3) == rr.Years.from_text("3y")
        with pytest.raises(rr.InvalidInputError, match="a period of Years"):
            rr.Years.from_text("36 months")

    @given(
        st.sampled_from([rr.Years, rr.Months, rr.Days, rr.HeatingSeasons, rr.CoolingSeasons]),
        st.integers(min_value=0, max_value=10**6),
    )
    def test_from_text_round_trips(self, kind, n):
        """from_text(str(p)) == p and from_text(p.zh) == p, for every period."""
        period = kind(n)
        assert period == rr.Period.from_text(str(period)) == rr.Period.from_text(period.zh)
        assert rr.DesignLife() == rr.Period.from_text(str(rr.DesignLife()))
        assert rr.DesignLife() == rr.Period.from_text(rr.DesignLife().zh)

    @pytest.mark.parametrize("category", list(rr.Category))
    def test_category_from_text_round_trips(self, category):
        """Category.from_text reads str(), the name in any case, the value and .zh."""
        for text in (str(category), category.name, category.name.lower(), category.value):
            assert category is rr.Category.from_text(text)
        assert category is rr.Category.from_text(f" {category.zh} ")

    def test_category_from_text_reads_short_labels_and_refuses_the_rest(self):
        """The spreadsheets' short labels are read; anything else is WTY-MIN's typed error."""
        assert rr.Category.WATERPROOFING is rr.Category.from_text("防水")
        with pytest.raises(rr.InvalidInputError, match=r"cat = 'roof'.*\[rule WTY-MIN\]"):
            rr.Category.from_text("roof", field="cat")
        with pytest.raises(rr.InvalidTypeError, match="WTY-MIN"):
            rr.Category.from_text(3)  # type: ignore[arg-type]


class TestProperties:
    """Hypothesis properties of period_end for Years, Months and Days."""

    @given(
        a=strategies.days,
        b=strategies.days,
        period=strategies.calendar_periods(),
        roll=st.booleans(),
        convention=st.sampled_from(rr.Convention),
        roll_inclusive=st.booleans(),
    )
    @example(  # 02-29 and 03-01 share the corresponding day 2025-02-28 / 2025-03-01
        a=D(2020, 2, 29),
        b=D(2020, 3, 1),
        period=rr.Years(5),
        roll=True,
        convention=rr.Convention.CIVIL_CODE,
        roll_inclusive=False,
    )
    def test_monotone(self, a, b, period, roll, *, convention, roll_inclusive):
        """A later start never gives an earlier last day, under either convention, rolled or not."""
        a, b = sorted((a, b))
        policy = rr.Policy(
            roll_to_working_day=roll, convention=convention, roll_inclusive_start=roll_inclusive
        )

        assert end(a, period, policy=policy) <= end(b, period, policy=policy)

    @given(
        a=strategies.days,
        b=strategies.days,
        n=st.integers(min_value=0, max_value=40),
        region=strategies.heating_regions,
        cooling=st.booleans(),
        partial=st.booleans(),
        roll=st.booleans(),
    )
    def test_monotone_seasons(self, a, b, n, *, region, cooling, partial, roll):
        """Season-counted periods are monotone in the start too, counted either way."""
        a, b = sorted((a, b))
        period = rr.CoolingSeasons(n) if cooling else rr.HeatingSeasons(n)
        policy = rr.Policy(roll_to_working_day=roll, count_partial_season=partial)

        assert end(a, period, policy=policy, region=region) <= end(
            b, period, policy=policy, region=region
        )

    def test_roll_agrees_with_holidays_2020_2026(self):
        """Every day of 2020–2026 as a last day rolls to holidays.China's next working day."""
        hol = holidays.China(years=range(2020, 2028))
        day, last = D(2020, 1, 1), D(2026, 12, 31)
        wrong = []
        while day <= last:
            expected = day
            while not hol.is_working_day(expected):
                expected += ONE
            if expected != end(day - ONE, rr.Days(1)):
                wrong.append(day)
            day += ONE

        assert [] == wrong

    @given(start=strategies.days, period=strategies.calendar_periods())
    def test_never_before_corresponding_day(self, start, period):
        """The rolled last day is never before start + the period (relativedelta)."""
        if isinstance(period, rr.Days):
            unrolled = start + relativedelta(days=period.n)
        elif isinstance(period, rr.Months):
            unrolled = start + relativedelta(months=period.n)
        else:
            unrolled = start + relativedelta(years=period.n)
        result = end(start, period)

        assert unrolled == end(start, period, policy=NO_ROLL)
        assert unrolled <= result
        assert rr.china_calendar().is_working_day(result)
        assert rr.china_calendar().add_working_days(unrolled, 0) == result

    @given(start=strategies.days, period=strategies.calendar_periods())
    def test_inclusive_is_one_day_earlier(self, start, period):
        """INCLUSIVE_START: the day before the corresponding day, or the month's last day.

        One day before the unrolled CIVIL_CODE day, but where the month reached has no
        corresponding day: then both end on that month's last day (decisions § 2).
        """
        civil = end(start, period, policy=NO_ROLL)
        corresponds = isinstance(period, rr.Days) or civil.day == start.day
        assert (civil - ONE if corresponds else civil) == end(start, period, policy=INCLUSIVE)
