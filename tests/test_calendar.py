"""Tests of the working-day calendar (CAL-CN, CAL-PROVISIONAL, CAL-FAST).

Golden days come from the State Council notices as carried by ``holidays.China``:
2026: 国办发明电〔2025〕7号 https://www.gov.cn/zhengce/content/202511/content_7047090.htm
2025: 国办发明电〔2024〕7号 https://www.gov.cn/zhengce/content/202411/content_6986382.htm
2024: 国办发明电〔2023〕7号 https://www.gov.cn/zhengce/content/202310/content_6911527.htm
2019: 国办发明电〔2018〕15号 and the Labour Day change of 2019-03-22 (国办发明电〔2019〕2号):
      1 to 4 May off, 28 April and 5 May worked (holidays 0.92 is the first release with it)
"""

import datetime as dt
import pickle

import holidays
import pytest
from holidays.countries.china import ChinaStaticHolidays
from hypothesis import given

import revisit_rules as rr
from revisit_rules.calendar import WorkCalendar

from . import strategies

D = dt.date
ONE = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def cal():
    """The China calendar, built once."""
    return rr.china_calendar()


@pytest.fixture(scope="module")
def hol():
    """holidays.China for the years the golden tests look at."""
    return holidays.China(years=range(2020, 2027))


def each_day(first, last):
    """Every day from ``first`` to ``last``, both included."""
    day = first
    while day <= last:
        yield day
        day += ONE


class TestMakeUpWorkingDays:
    """CAL-CN: the weekend days worked in exchange for a longer break (调休上班)."""

    @pytest.mark.parametrize(
        "day",
        [
            D(2026, 1, 4),  # Sunday, for New Year's Day
            D(2026, 2, 14),  # Saturday, for the Spring Festival
            D(2026, 2, 28),  # Saturday, for the Spring Festival
            D(2026, 5, 9),  # Saturday, for Labour Day
            D(2026, 9, 20),  # Sunday, for National Day
            D(2026, 10, 10),  # Saturday, for National Day
        ],
    )
    def test_2026_golden(self, cal, day):
        """The 2026 make-up weekend days are working days."""
        assert day.weekday() >= 5
        assert True is cal.is_working_day(day)

    @pytest.mark.parametrize("year", [2024, 2025, 2026])
    def test_every_weekend_workday_of_the_data(self, cal, year):
        """Every weekend_workday of holidays.China in 2024–2026 is a working day here."""
        data = holidays.China(years=year)
        workdays = sorted(d for d in data.weekend_workdays if d.year == year)

        assert workdays  # the data carries the year's arrangement
        assert [True] * len(workdays) == [cal.is_working_day(d) for d in workdays]
        assert all(d.weekday() >= 5 for d in workdays)

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2026, 2, 13), True),  # Friday before
            (D(2026, 2, 14), True),  # the make-up Saturday
            (D(2026, 2, 15), False),  # Sunday after: the break begins
            (D(2026, 10, 9), True),  # Friday before
            (D(2026, 10, 10), True),  # the make-up Saturday
            (D(2026, 10, 11), False),  # an ordinary Sunday
        ],
    )
    def test_both_sides(self, cal, day, expected):
        """The day before and after a make-up Saturday are what they are."""
        assert expected == cal.is_working_day(day)

    def test_ordinary_weekend(self, cal):
        """An ordinary Saturday and Sunday are rest days."""
        assert (False, False) == (
            cal.is_working_day(D(2026, 3, 7)),
            cal.is_working_day(D(2026, 3, 8)),
        )


class TestBreaks:
    """CAL-CN: the 2026 Spring Festival and National Day breaks."""

    def test_spring_festival_each_day(self, cal, hol):
        """2026-02-15..23 are off, 02-14 and 02-24 are worked; each day agrees with holidays."""
        days = list(each_day(D(2026, 2, 13), D(2026, 2, 25)))
        expected = [True, True] + [False] * 9 + [True, True]

        assert expected == [cal.is_working_day(d) for d in days]
        assert [hol.is_working_day(d) for d in days] == [cal.is_working_day(d) for d in days]

    def test_national_day_each_day(self, cal, hol):
        """2026-10-01..07 are off; 09-30 and 10-08 are worked; each agrees with holidays."""
        days = list(each_day(D(2026, 9, 30), D(2026, 10, 8)))
        expected = [True] + [False] * 7 + [True]

        assert expected == [cal.is_working_day(d) for d in days]
        assert [hol.is_working_day(d) for d in days] == [cal.is_working_day(d) for d in days]

    def test_agrees_with_holidays_2020_2026(self, cal, hol):
        """is_working_day agrees with holidays.China on every day of 2020–2026."""
        days = list(each_day(D(2020, 1, 1), D(2026, 12, 31)))
        disagree = [d for d in days if hol.is_working_day(d) != cal.is_working_day(d)]

        assert [] == disagree

    def test_agrees_with_holidays_2001_2019(self, cal):
        """is_working_day agrees with holidays.China on every day of 2001–2019 too."""
        hol = holidays.China(years=range(2001, 2020))
        days = list(each_day(D(2001, 1, 1), D(2019, 12, 31)))
        disagree = [d for d in days if hol.is_working_day(d) != cal.is_working_day(d)]

        assert [] == disagree


class TestLabourDay2019:
    """CAL-CN: the 2019 Labour Day break, which the holidays floor (0.92) is chosen for."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2019, 4, 27), False),  # an ordinary Saturday
            (D(2019, 4, 28), True),  # Sunday, worked for the break
            (D(2019, 4, 30), True),  # Tuesday before the break
            (D(2019, 5, 1), False),  # Labour Day
            (D(2019, 5, 2), False),  # off, moved from 28 April
            (D(2019, 5, 3), False),  # off, moved from 5 May
            (D(2019, 5, 4), False),  # Saturday of the break
            (D(2019, 5, 5), True),  # Sunday, worked for the break
            (D(2019, 5, 6), True),  # Monday after
        ],
    )
    def test_each_day(self, cal, day, expected):
        """1–4 May 2019 are off; Sunday 28 April and Sunday 5 May are working days."""
        assert expected == cal.is_working_day(day)

    def test_2019_is_published(self, cal):
        """The data carries 2019's arrangement, so its days are final, not provisional."""
        assert 2019 in cal.published_years

    def test_working_days_over_the_break(self, cal):
        """From Tuesday 30 April, the first working day is Sunday 5 May, the next Monday."""
        assert [D(2019, 5, 5), D(2019, 5, 6)] == [
            cal.add_working_days(D(2019, 4, 30), n) for n in (1, 2)
        ]


class TestOffset:
    """WorkCalendar.offset: a working-day offset as a DateResult, provisional where it is."""

    def test_published(self, cal):
        """Through published years: the day of add_working_days, not provisional."""
        expected = rr.DateResult(D(2026, 10, 8), provisional=False, rules=("CAL-CN",))

        assert expected == cal.offset(D(2026, 9, 30), 1)

    def test_into_an_unpublished_year(self, cal):
        """From the last published year into the next: provisional, CAL-PROVISIONAL named."""
        last = max(cal.published_years)
        result = cal.offset(D(last, 12, 30), 5)

        assert result.day.year == last + 1
        assert True is result.provisional
        assert ("CAL-CN", "CAL-PROVISIONAL") == result.rules

    def test_backwards_from_an_unpublished_year(self, cal):
        """A negative offset from an unpublished year back into a published one is provisional."""
        last = max(cal.published_years)
        result = cal.offset(D(last + 1, 1, 10), -10)

        assert result.day.year == last
        assert True is result.provisional

    def test_inside_one_published_year(self, cal):
        """Within 2025 the result is final whatever n is."""
        assert False is cal.offset(D(2025, 3, 3), 100).provisional

    @given(strategies.inner_working_days, strategies.offsets)
    def test_agrees_with_add_working_days(self, day, n):
        """The day is add_working_days's; provisional iff a year in between is unpublished."""
        cal = rr.china_calendar()
        result = cal.offset(day, n)

        assert cal.add_working_days(day, n) == result.day
        assert cal.is_provisional_between(day, result.day) == result.provisional


class TestAddWorkingDays:
    """add_working_days for n < 0, n == 0 and n > 0."""

    @pytest.mark.parametrize(
        ("day", "n", "expected"),
        [
            # forward, over the National Day break, from a working day
            (D(2026, 9, 29), 1, D(2026, 9, 30)),
            (D(2026, 9, 30), 1, D(2026, 10, 8)),
            (D(2026, 9, 30), 2, D(2026, 10, 9)),
            (D(2026, 9, 30), 3, D(2026, 10, 10)),  # the make-up Saturday counts
            (D(2026, 9, 30), 4, D(2026, 10, 12)),
            # forward from a rest day: the first is the first working day after it
            (D(2026, 10, 1), 1, D(2026, 10, 8)),
            (D(2026, 10, 7), 1, D(2026, 10, 8)),
            (D(2026, 10, 3), 2, D(2026, 10, 9)),
            # over the Spring Festival
            (D(2026, 2, 13), 1, D(2026, 2, 14)),
            (D(2026, 2, 14), 1, D(2026, 2, 24)),
            (D(2026, 2, 15), 1, D(2026, 2, 24)),
        ],
    )
    def test_forward(self, cal, day, n, expected):
        """With n > 0: the n-th working day after day."""
        assert expected == cal.add_working_days(day, n)

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2026, 9, 30), D(2026, 9, 30)),  # a working day: itself
            (D(2026, 10, 1), D(2026, 10, 8)),  # a rest day: the next working day
            (D(2026, 10, 7), D(2026, 10, 8)),
            (D(2026, 10, 8), D(2026, 10, 8)),
            (D(2026, 10, 10), D(2026, 10, 10)),  # make-up Saturday: itself
            (D(2026, 10, 11), D(2026, 10, 12)),  # ordinary Sunday: Monday
        ],
    )
    def test_zero(self, cal, day, expected):
        """With n == 0: the day itself if it is a working day, else the next one."""
        assert expected == cal.add_working_days(day, 0)

    @pytest.mark.parametrize(
        ("day", "n", "expected"),
        [
            (D(2026, 10, 9), -1, D(2026, 10, 8)),
            (D(2026, 10, 8), -1, D(2026, 9, 30)),
            (D(2026, 10, 8), -2, D(2026, 9, 29)),
            (D(2026, 10, 12), -1, D(2026, 10, 10)),  # the make-up Saturday counts
            (D(2026, 10, 3), -1, D(2026, 9, 30)),  # from a rest day
            (D(2026, 10, 3), -2, D(2026, 9, 29)),
            (D(2026, 2, 24), -1, D(2026, 2, 14)),
            (D(2026, 2, 20), -1, D(2026, 2, 14)),
        ],
    )
    def test_backward(self, cal, day, n, expected):
        """With n < 0: the |n|-th working day before day."""
        assert expected == cal.add_working_days(day, n)

    @given(day=strategies.inner_working_days, n=strategies.offsets)
    def test_round_trip(self, day, n):
        """From a working day, n forward then n back is the day itself."""
        cal = rr.china_calendar()

        assert day == cal.add_working_days(cal.add_working_days(day, n), -n)

    @given(day=strategies.inner_working_days, n=strategies.offsets)
    def test_between_inverts_add(self, day, n):
        """From a working day, working_days_between(d, add_working_days(d, n)) == n."""
        cal = rr.china_calendar()

        assert n == cal.working_days_between(day, cal.add_working_days(day, n))

    @given(
        day=strategies.days.filter(lambda d: 2002 <= d.year <= 2025),
        n=strategies.offsets.filter(lambda n: abs(n) <= 200),
    )
    def test_agrees_with_holidays_nth_working_day(self, day, n):
        """Within published years, add_working_days agrees with get_nth_working_day."""
        hol = _HOLIDAYS_2001_2026

        assert hol.get_nth_working_day(day, n) == rr.china_calendar().add_working_days(day, n)


_HOLIDAYS_2001_2026 = holidays.China(years=range(2001, 2027))


class TestWorkingDaysBetween:
    """working_days_between counts the working days in (a, b], negative if b < a."""

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            (D(2026, 9, 30), D(2026, 9, 30), 0),  # empty interval
            (D(2026, 9, 29), D(2026, 9, 30), 1),  # b counts
            (D(2026, 9, 30), D(2026, 10, 1), 0),  # a does not count; b is a rest day
            (D(2026, 9, 30), D(2026, 10, 8), 1),
            (D(2026, 10, 1), D(2026, 10, 7), 0),  # inside the break
            (D(2026, 9, 30), D(2026, 10, 10), 3),
            (D(2026, 10, 8), D(2026, 9, 30), -1),
            (D(2026, 10, 10), D(2026, 9, 30), -3),
            (D(2026, 2, 13), D(2026, 2, 24), 2),  # 02-14 and 02-24
        ],
    )
    def test_golden(self, cal, a, b, expected):
        """Golden cases around the 2026 National Day and Spring Festival breaks."""
        assert expected == cal.working_days_between(a, b)

    @given(a=strategies.days, b=strategies.days)
    def test_antisymmetric(self, a, b):
        """Swapping the ends negates the count."""
        cal = rr.china_calendar()

        assert -cal.working_days_between(a, b) == cal.working_days_between(b, a)


class TestProvisional:
    """CAL-PROVISIONAL: years without a published arrangement."""

    def test_published_years_found_from_data(self, cal):
        """2026 is published; the year after the last published one is provisional."""
        last = max(cal.published_years)

        assert last >= 2026
        assert False is cal.is_provisional(D(2026, 12, 31))
        assert False is cal.is_provisional(D(last, 12, 31))
        assert True is cal.is_provisional(D(last + 1, 1, 1))

    def test_unpublished_year_keeps_statutory_holidays(self, cal):
        """An unpublished year still rests on its statutory holidays (New Year's Day)."""
        year = max(cal.published_years) + 1

        assert False is cal.is_working_day(D(year, 1, 1))

    def test_unpublished_year_is_statutory_holidays_only(self, cal):
        """The first unpublished year: weekdays minus the statutory holidays, no make-up days."""
        year = max(cal.published_years) + 1
        statutory = holidays.China(years=year, observed=False)
        days = list(each_day(D(year, 1, 1), D(year, 12, 31)))
        expected = [d.weekday() < 5 and d not in statutory for d in days]

        assert len(statutory) >= 10  # 元旦, 春节 (4), 清明, 劳动节 (2), 端午, 中秋, 国庆 (3)
        assert expected == [cal.is_working_day(d) for d in days]
        assert [True] * len(days) == [cal.is_provisional(d) for d in days]

    def test_year_2000_is_provisional(self, cal):
        """The holidays data carries no arrangement for 2000 (it starts with 2001)."""
        assert (True, False) == (
            cal.is_provisional(D(2000, 6, 1)),
            cal.is_provisional(D(2001, 1, 1)),
        )

    @pytest.fixture
    def special(self, monkeypatch):
        """holidays.China's State Council data, changed only inside one test."""
        data = ChinaStaticHolidays.special_public_holidays
        monkeypatch.setattr(ChinaStaticHolidays, "special_public_holidays", dict(data))
        return ChinaStaticHolidays.special_public_holidays

    @staticmethod
    def fresh():
        """A China calendar built now from the data (bypassing the cache)."""
        return rr.china_calendar.__wrapped__()

    def test_a_new_arrangement_is_published(self, cal, special):
        """A year whose arrangement the data gains is published at once: nothing hard-coded."""
        year = max(cal.published_years) + 1
        saturday = next(d for d in each_day(D(year, 1, 2), D(year, 1, 14)) if d.weekday() == 5)
        friday = saturday + 6 * ONE  # the Friday after: off, worked on the Saturday
        special[year] = ((friday.month, friday.day, saturday.month, saturday.day),)
        built = self.fresh()

        assert year in built.published_years
        assert (False, True, False) == (
            built.is_provisional(D(year, 6, 1)),
            built.is_working_day(saturday),
            built.is_working_day(friday),
        )
        assert (True, False) == (cal.is_provisional(D(year, 6, 1)), cal.is_working_day(saturday))

    def test_a_withdrawn_arrangement_is_provisional(self, cal, special):
        """A year the data no longer carries becomes provisional, make-up days and all."""
        year = max(cal.published_years)
        del special[year]
        built = self.fresh()
        make_up = min(d for d in cal.working_days if d.year == year)

        assert year not in built.published_years
        assert (True, False) == (built.is_provisional(D(year, 6, 1)), built.is_working_day(make_up))

    def test_a_one_off_holiday_is_not_an_arrangement(self, cal, special):
        """A year with only a one-off holiday (no substituted days) stays provisional."""
        year = max(cal.published_years) + 1
        special[year] = ((9, 3, "一次性纪念日"),)
        built = self.fresh()

        assert year not in built.published_years
        assert True is built.is_provisional(D(year, 6, 1))
        assert False is built.is_working_day(D(year, 9, 3))

    def test_between(self, cal):
        """is_provisional_between looks at every year from a to b, either order."""
        last = max(cal.published_years)

        assert False is cal.is_provisional_between(D(last, 1, 1), D(last, 12, 31))
        assert True is cal.is_provisional_between(D(last, 12, 31), D(last + 1, 1, 1))
        assert True is cal.is_provisional_between(D(last + 1, 1, 1), D(last, 12, 31))


class TestRange:
    """Days outside 2000-01-01 … cal.last_day raise CalendarRangeError."""

    @pytest.mark.parametrize(
        "call",
        [
            lambda cal, d: cal.is_working_day(d),
            lambda cal, d: cal.add_working_days(d, 0),
            lambda cal, d: cal.working_days_between(d, D(2026, 1, 5)),
            lambda cal, d: cal.working_days_between(D(2026, 1, 5), d),
        ],
        ids=["is_working_day", "add_working_days", "between_a", "between_b"],
    )
    def test_both_ends(self, cal, call):
        """The first and last covered days work; the days just outside raise."""
        call(cal, D(2000, 1, 4))
        call(cal, cal.add_working_days(cal.last_day, -1))
        for outside in (D(1999, 12, 31), cal.last_day + ONE):
            with pytest.raises(rr.CalendarRangeError):
                call(cal, outside)

    def test_first_and_last_day(self, cal):
        """The range is 2000-01-01 … last_day, at least to 2099."""
        assert D(2000, 1, 1) == cal.first_day
        assert cal.last_day.year >= 2099
        assert (False, True) == (
            cal.is_working_day(D(2000, 1, 1)),  # a Saturday and New Year's Day
            cal.is_working_day(D(2000, 1, 4)),
        )
        cal.is_working_day(cal.last_day)

    def test_is_a_value_error(self, cal):
        """CalendarRangeError is an InvalidInputError and a ValueError, naming the field."""
        with pytest.raises(ValueError, match=r"day = datetime.date\(1999, 12, 31\)") as info:
            cal.is_working_day(D(1999, 12, 31))

        assert isinstance(info.value, rr.InvalidInputError)
        assert isinstance(info.value, rr.CalendarRangeError)
        assert "CAL-CN" == info.value.rule

    @pytest.mark.parametrize(
        ("day_of", "n"),
        [
            (lambda _cal: D(2000, 1, 4), -5),  # before 2000-01-01
            (lambda cal: cal.last_day, 1),  # after the last day
            (lambda _cal: D(2026, 1, 5), 10**6),
            (lambda _cal: D(2026, 1, 5), -(10**6)),
        ],
    )
    def test_result_leaving_the_range(self, cal, day_of, n):
        """A result outside the range raises, though the start day is inside it."""
        with pytest.raises(rr.CalendarRangeError):
            cal.add_working_days(day_of(cal), n)

    def test_result_at_the_edge(self, cal):
        """The first working day of 2000 is reachable backwards; one more is not."""
        first = cal.add_working_days(D(2000, 1, 1), 0)

        assert first == cal.add_working_days(cal.add_working_days(first, 5), -5)
        with pytest.raises(rr.CalendarRangeError):
            cal.add_working_days(first, -1)

    @pytest.mark.parametrize("offset", [-1, 1])
    def test_is_provisional_outside(self, cal, offset):
        """is_provisional refuses a day the calendar does not cover."""
        day = D(1999, 12, 31) if offset < 0 else cal.last_day + ONE
        with pytest.raises(rr.CalendarRangeError):
            cal.is_provisional(day)


class TestWithDays:
    """with_days derives a company calendar."""

    def test_extra_rest_day(self, cal):
        """An extra rest day stops being a working day; arithmetic skips it."""
        company = cal.with_days(rest_days=[D(2026, 12, 31)], name="ACME")

        assert (True, False) == (
            cal.is_working_day(D(2026, 12, 31)),
            company.is_working_day(D(2026, 12, 31)),
        )
        assert (True, True) == (
            company.is_working_day(D(2026, 12, 30)),
            company.is_working_day(D(2027, 1, 4)),
        )
        assert D(2027, 1, 4) == company.add_working_days(D(2026, 12, 30), 1)
        assert "ACME" == company.name

    def test_extra_working_saturday(self, cal):
        """An extra working day on an ordinary Saturday is worked; Friday and Sunday unchanged."""
        company = cal.with_days(working_days=[D(2026, 3, 7)])

        assert (True, True, False) == tuple(
            company.is_working_day(d) for d in (D(2026, 3, 6), D(2026, 3, 7), D(2026, 3, 8))
        )
        assert D(2026, 3, 7) == company.add_working_days(D(2026, 3, 6), 1)
        assert 1 == company.working_days_between(D(2026, 3, 6), D(2026, 3, 8))
        assert False is cal.is_working_day(D(2026, 3, 7))

    def test_holiday_made_working(self, cal):
        """A statutory holiday given as a working day is worked."""
        company = cal.with_days(working_days=[D(2026, 10, 1)])

        assert True is company.is_working_day(D(2026, 10, 1))

    def test_conflicting_day_rejected(self, cal):
        """A day given both as a rest day and as a working day is refused."""
        with pytest.raises(rr.InvalidInputError, match="2026, 3, 2"):
            cal.with_days(rest_days=[D(2026, 3, 2)], working_days=[D(2026, 3, 2)])

    def test_outside_range_rejected(self, cal):
        """A company day outside the calendar's range is refused."""
        with pytest.raises(rr.CalendarRangeError, match="rest_days"):
            cal.with_days(rest_days=[D(1999, 3, 2)])

    def test_default_name(self, cal):
        """Without a name the company calendar says it is custom."""
        assert cal.name + " (custom)" == cal.with_days().name


class TestValueSemantics:
    """WorkCalendar is a value: equality, hash, pickle; china_calendar is cached."""

    def test_cached(self):
        """china_calendar() returns the same object each time."""
        assert rr.china_calendar() is rr.china_calendar()

    def test_pickle_round_trip(self, cal):
        """A pickled calendar loads equal, with the same hash, and computes the same."""
        loaded = pickle.loads(pickle.dumps(cal))

        assert cal == loaded
        assert hash(cal) == hash(loaded)
        assert cal.add_working_days(D(2026, 9, 30), 1) == loaded.add_working_days(D(2026, 9, 30), 1)

    def test_equality_by_data(self, cal):
        """Calendars are equal by their data (not their name); different data differ."""
        same = cal.with_days(name="another name")
        other = cal.with_days(rest_days=[D(2026, 12, 31)])

        assert cal == same
        assert hash(cal) == hash(same)
        assert cal != other
        assert 2 == len({cal, same, other})
        assert cal != "mainland China"

    def test_small_calendar(self):
        """A hand-built calendar over one year counts weekdays minus its rest days."""
        small = WorkCalendar(
            name="toy",
            first_year=2026,
            last_year=2026,
            rest_days=[D(2026, 1, 1)],
            working_days=[D(2026, 1, 3)],
            published_years=[2026],
        )

        # 2026 has 261 weekdays; 01-01 (a Thursday) is off, 01-03 (a Saturday) is worked
        assert 261 == small.working_days_between(D(2026, 1, 1), small.last_day)
        assert D(2026, 1, 2) == small.add_working_days(D(2026, 1, 1), 1)
        assert D(2026, 1, 3) == small.add_working_days(D(2026, 1, 2), 1)
        with pytest.raises(rr.CalendarRangeError):
            small.is_working_day(D(2027, 1, 1))

    def test_constructor_rejects_overlap(self):
        """A day that is both a rest day and a working day is refused at construction."""
        with pytest.raises(rr.InvalidInputError, match="working_days"):
            WorkCalendar(
                name="toy",
                first_year=2026,
                last_year=2026,
                rest_days=[D(2026, 1, 3)],
                working_days=[D(2026, 1, 3)],
                published_years=[2026],
            )

    def test_constructor_rejects_inverted_years(self):
        """last_year before first_year is refused."""
        with pytest.raises(rr.InvalidInputError, match="last_year"):
            WorkCalendar(
                name="toy",
                first_year=2026,
                last_year=2025,
                rest_days=[],
                working_days=[],
                published_years=[],
            )
