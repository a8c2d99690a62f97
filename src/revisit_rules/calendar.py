"""Working-day calendar: mainland China's working days, make-up Saturdays included (CAL).

Saturdays and Sundays are rest days except the make-up working days (调休上班) the State
Council announces each year; statutory holidays and the days off moved next to them are
rest days (CAL-CN). The data come from ``holidays.China``. A year whose arrangement the
data does not carry (the next year, until the State Council publishes it in late autumn)
falls back to the statutory holidays alone, and every date computed through it is marked
provisional (CAL-PROVISIONAL). Arithmetic is by index over precomputed ordinals, never a
walk from day to day (CAL-FAST).

Sources: 国务院办公厅 每年的部分节假日安排的通知; 民事诉讼法 Art. 85.

>>> import datetime as dt
>>> from revisit_rules import china_calendar
>>> cal = china_calendar()
>>> cal.is_working_day(dt.date(2026, 2, 14))  # a Saturday, worked for the Spring Festival
True
>>> cal.add_working_days(dt.date(2026, 9, 30), 1)  # over the National Day break
datetime.date(2026, 10, 8)
"""

from __future__ import annotations

import datetime as dt
import functools
from array import array
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs
from holidays.countries.china import China

from revisit_rules._check import (
    RULE_IDS,
    check_bool,
    check_date,
    check_int,
    check_tuple,
)
from revisit_rules.errors import CalendarRangeError, InvalidInputError, InvalidTypeError, shown

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = ["DateResult", "WorkCalendar", "china_calendar"]

#: The first year the calendar covers: the five-day week (since 1995) and the holidays
#: data's substituted days (since 2001) make 2000 the earliest year worth computing.
FIRST_YEAR: Final = 2000
_SATURDAY: Final = 5
#: The rules of a working-day result: the calendar, and CAL-PROVISIONAL where it applies.
_FINAL: Final = ("CAL-CN",)
_PROVISIONAL: Final = ("CAL-CN", "CAL-PROVISIONAL")


@attrs.frozen
class DateResult:
    """A computed day, whether it rests on a provisional calendar year, and the rules applied."""

    day: dt.date
    provisional: bool
    rules: tuple[str, ...]

    def __attrs_post_init__(self) -> None:
        """Every field of its type, one look each: every period and offset builds one.

        The rule IDs in ``rules`` are not looked at one by one where ``rules`` is a tuple
        (the planner builds about eight results a project); any other value is refused.
        """
        day, provisional, rules = self.day, self.provisional, self.rules
        if type(day) is dt.date and type(provisional) is bool and type(rules) is tuple:
            return
        check_date("DateResult.day", day, rule="CAL-PERIOD")
        check_bool("DateResult.provisional", provisional, rule="CAL-PROVISIONAL")
        check_tuple("DateResult.rules", rules, str, rule="CAL-PERIOD", what=RULE_IDS)


def _collection(field: str, value: object) -> Iterable[object]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidTypeError(field, value, "a collection (set, list, tuple)", rule="CAL-CN")
    return value


def _dates(days: Iterable[dt.date], field: str) -> frozenset[dt.date]:
    return frozenset(check_date(field, d, rule="CAL-CN") for d in _collection(field, days))


def _rest_days(days: Iterable[dt.date]) -> frozenset[dt.date]:
    return _dates(days, "rest_days")


def _working_days(days: Iterable[dt.date]) -> frozenset[dt.date]:
    return _dates(days, "working_days")


def _years(years: Iterable[int]) -> frozenset[int]:
    return frozenset(
        check_int("published_years", y, rule="CAL-CN")
        for y in _collection("published_years", years)
    )


def _name(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError("name", value, "a str", rule="CAL-CN")


@attrs.frozen(eq=False)
class WorkCalendar:
    """A working-day calendar over the years ``first_year`` … ``last_year``.

    Build the Chinese one with :func:`china_calendar`; derive a company calendar from it
    with :meth:`with_days`. Days outside the covered years raise
    :class:`~revisit_rules.errors.CalendarRangeError`.

    Attributes:
        name: a label for messages and reprs.
        first_year: the first year covered.
        last_year: the last year covered.
        rest_days: days off that would otherwise be working days or weekend days
            (statutory holidays, substituted days off, company days off).
        working_days: weekend days that are working days (make-up working days).
        published_years: the years whose official arrangement the data carries; other
            years are provisional.
    """

    name: str = attrs.field(validator=_name)
    first_year: int
    last_year: int
    rest_days: frozenset[dt.date] = attrs.field(converter=_rest_days)
    working_days: frozenset[dt.date] = attrs.field(converter=_working_days)
    published_years: frozenset[int] = attrs.field(converter=_years)
    _base: int = attrs.field(init=False, repr=False)
    _cum: array[int] = attrs.field(init=False, repr=False)
    _ords: array[int] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Precompute the running count of working days and their ordinals (CAL-FAST)."""
        check_int("first_year", self.first_year, minimum=1, rule="CAL-CN")
        check_int("last_year", self.last_year, minimum=self.first_year, rule="CAL-CN")
        both = self.rest_days & self.working_days
        if both:
            raise InvalidInputError(
                "working_days", min(both), "a day that is not also a rest day", rule="CAL-CN"
            )
        base = dt.date(self.first_year, 1, 1).toordinal()
        end = dt.date(self.last_year, 12, 31).toordinal()
        rest = {d.toordinal() for d in self.rest_days}
        work = {d.toordinal() for d in self.working_days}
        cum = array("l", [0])  # cum[i]: working days among the first i days of the range
        ords = array("l")
        count = 0
        weekday = dt.date(self.first_year, 1, 1).weekday()
        for ordinal in range(base, end + 1):
            if (weekday < _SATURDAY and ordinal not in rest) or ordinal in work:
                count += 1
                ords.append(ordinal)
            cum.append(count)
            weekday = (weekday + 1) % 7
        object.__setattr__(self, "_base", base)
        object.__setattr__(self, "_cum", cum)
        object.__setattr__(self, "_ords", ords)

    def __eq__(self, other: object) -> bool:
        """Equal when built from the same data."""
        if not isinstance(other, WorkCalendar):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        """Hash of the defining data."""
        return hash(self._key())

    def _key(self) -> tuple[object, ...]:
        return (
            self.first_year,
            self.last_year,
            self.rest_days,
            self.working_days,
            self.published_years,
        )

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by the defining data; the index is rebuilt on load."""
        return (
            WorkCalendar,
            (
                self.name,
                self.first_year,
                self.last_year,
                self.rest_days,
                self.working_days,
                self.published_years,
            ),
        )

    # --- the range ----------------------------------------------------------------------
    @property
    def first_day(self) -> dt.date:
        """The first day the calendar covers."""
        return dt.date(self.first_year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        """The last day the calendar covers."""
        return dt.date(self.last_year, 12, 31)

    def _pos(self, field: str, day: object) -> int:
        """``day``'s position in the range (0 for the first day), or a typed error."""
        d = check_date(field, day, rule="CAL-CN")
        pos = d.toordinal() - self._base
        if not 0 <= pos < len(self._cum) - 1:
            raise CalendarRangeError(
                field,
                d,
                f"a day from {self.first_day} to {self.last_day} ({self.name})",
                rule="CAL-CN",
            )
        return pos

    def _day(self, index: int, field: str, day: dt.date, n: int) -> dt.date:
        if not 0 <= index < len(self._ords):
            raise CalendarRangeError(
                field,
                day,
                f"a day whose {'+' if n >= 0 else ''}{shown(n)} working day(s) fall from "
                f"{self.first_day} to "
                f"{self.last_day} ({self.name})",
                rule="CAL-CN",
            )
        return dt.date.fromordinal(self._ords[index])

    # --- queries ------------------------------------------------------------------------
    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day (make-up working days included)."""
        pos = self._pos("day", day)
        return self._cum[pos + 1] > self._cum[pos]

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` (before it for ``n < 0``).

        ``n == 0`` gives ``day`` itself if it is a working day, else the next working day.

        >>> import datetime as dt
        >>> cal = china_calendar()
        >>> cal.add_working_days(dt.date(2026, 10, 8), -1)
        datetime.date(2026, 9, 30)
        >>> cal.add_working_days(dt.date(2026, 10, 1), 0)
        datetime.date(2026, 10, 8)
        """
        pos = self._pos("day", day)
        check_int("n", n, rule="CAL-CN")
        return self._nth(pos, day, n)

    def _nth(self, pos: int, day: dt.date, n: int) -> dt.date:
        """:meth:`add_working_days` for ``day`` at position ``pos`` and a checked ``n``."""
        before = self._cum[pos]  # working days strictly before `day`
        through = self._cum[pos + 1]  # ... up to and including `day`
        index = through + n - 1 if n > 0 else before + n
        return self._day(index, "day", day, n)

    def offset(self, day: dt.date, n: int) -> DateResult:
        """:meth:`add_working_days` as a :class:`DateResult`, with its ``provisional`` flag.

        The result is provisional where any year from ``day`` to the day found lacks a
        published arrangement (CAL-PROVISIONAL): an unpublished year's make-up working days
        are unknown, so a count of working days through it may still move. Every rule that
        adds working days (SLA-MAJOR, the CC 203 roll of CAL-PERIOD) counts through here.

        >>> import datetime as dt
        >>> china_calendar().offset(dt.date(2026, 9, 30), 1)
        DateResult(day=datetime.date(2026, 10, 8), provisional=False, rules=('CAL-CN',))
        """
        self._pos("day", day)
        check_int("n", n, rule="CAL-CN")
        return self._offset(day, n)

    def _offset(self, day: dt.date, n: int) -> DateResult:
        """:meth:`offset` for a checked date and count."""
        return DateResult(*self._offset_parts(day, n))

    def _offset_parts(self, day: dt.date, n: int) -> tuple[dt.date, bool, tuple[str, ...]]:
        """:meth:`offset`'s day, provisional flag and rules, for a checked date and count.

        The warranty and planner hot path builds one result of its own from them.
        """
        pos = day.toordinal() - self._base
        if not 0 <= pos < len(self._cum) - 1:
            self._pos("day", day)  # raises the range error with its message
        found = self._nth(pos, day, n)
        lo, hi = (day.year, found.year) if found >= day else (found.year, day.year)
        provisional = self._unpublished(lo, hi)
        return found, provisional, _PROVISIONAL if provisional else _FINAL

    def _unpublished(self, lo: int, hi: int) -> bool:
        """Whether any year from ``lo`` to ``hi`` lacks a published arrangement."""
        published = self.published_years
        if lo == hi:
            return lo not in published
        return any(y not in published for y in range(lo, hi + 1))

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """The number of working days in ``(a, b]``; negative (of ``(b, a]``) if ``b < a``.

        >>> import datetime as dt
        >>> china_calendar().working_days_between(dt.date(2026, 9, 30), dt.date(2026, 10, 8))
        1
        """
        pa, pb = self._pos("a", a), self._pos("b", b)
        return self._cum[pb + 1] - self._cum[pa + 1]

    def working_day_bounds(self, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
        """The first and the last working day from ``first`` to ``last`` (both included).

        ``None`` where the range holds no working day. One index look-up each (CAL-FAST).

        >>> import datetime as dt
        >>> china_calendar().working_day_bounds(dt.date(2026, 10, 1), dt.date(2026, 10, 10))
        (datetime.date(2026, 10, 8), datetime.date(2026, 10, 10))
        """
        self._pos("first", first)
        self._pos("last", last)
        return self._bounds(first, last)

    def _bounds(self, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
        """:meth:`working_day_bounds` for checked dates; a range error past the data."""
        pa, pb = first.toordinal() - self._base, last.toordinal() - self._base
        if pa < 0 or pb + 1 >= len(self._cum):
            self._pos("first", first)
            self._pos("last", last)
        lo, hi = self._cum[pa], self._cum[pb + 1] - 1
        if lo > hi:
            return None
        ordinal = dt.date.fromordinal
        return ordinal(self._ords[lo]), ordinal(self._ords[hi])

    def is_provisional(self, day: dt.date) -> bool:
        """Whether ``day``'s year lacks a published arrangement in the data (CAL-PROVISIONAL)."""
        self._pos("day", day)
        return day.year not in self.published_years

    def is_provisional_between(self, a: dt.date, b: dt.date) -> bool:
        """Whether any year from ``a`` to ``b`` (either order) is provisional."""
        self._pos("a", a)
        self._pos("b", b)
        return self._unpublished(min(a.year, b.year), max(a.year, b.year))

    def with_days(
        self,
        *,
        rest_days: Iterable[dt.date] = (),
        working_days: Iterable[dt.date] = (),
        name: str | None = None,
    ) -> WorkCalendar:
        """A calendar with extra rest days and working days (a company calendar).

        A day given as a working day stops being a rest day, and the other way round.

        >>> import datetime as dt
        >>> company = china_calendar().with_days(rest_days=[dt.date(2026, 12, 31)])
        >>> company.is_working_day(dt.date(2026, 12, 31))
        False
        """
        extra_rest = _rest_days(rest_days)
        extra_work = _working_days(working_days)
        if name is not None and not isinstance(name, str):
            raise InvalidTypeError("name", name, "a str or None", rule="CAL-CN")
        for d in extra_rest | extra_work:
            self._pos("rest_days" if d in extra_rest else "working_days", d)
        return WorkCalendar(
            name=f"{self.name} (custom)" if name is None else name,
            first_year=self.first_year,
            last_year=self.last_year,
            rest_days=(self.rest_days - extra_work) | extra_rest,
            working_days=(self.working_days - extra_rest) | extra_work,
            published_years=self.published_years,
        )


def _has_lunar_data(year: int) -> bool:
    # The Spring Festival is computed from a lunisolar table that ends at some year; past
    # it holidays.China returns no Spring Festival, and the calendar must stop there.
    return any(
        "春节" in name or "Spring Festival" in name
        for name in _china(year, observed=False).values()
    )


def _china(years: int | Iterable[int], *, observed: bool) -> HolidayBase:
    return China(years=years, observed=observed, language="zh_CN")  # type: ignore[no-untyped-call]


def _last_supported_year() -> int:
    lo, hi = FIRST_YEAR, FIRST_YEAR + 300  # binary search for the last year with lunar data
    if not _has_lunar_data(lo):
        msg = "holidays.China carries no Spring Festival in 2000: the data is unusable"
        raise RuntimeError(msg)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _has_lunar_data(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _entries(value: object) -> tuple[tuple[object, ...], ...]:
    """One year's special holidays as a tuple of entries (the data gives one or several)."""
    if not isinstance(value, tuple) or not value:
        return ()
    if isinstance(value[0], tuple):
        return tuple(v for v in value if isinstance(v, tuple))
    return (value,)


def _published_years(first: int, last: int) -> frozenset[int]:
    # A year is published when the data carries its State Council arrangement: at least
    # one substituted day ``(month, day, from_month, from_day[, from_year])``; a one-off
    # holiday ``(month, day, name)`` alone is not an arrangement. Found from the data,
    # never from a hard-coded year. Conservative if the layout of the data ever changes:
    # no year is then published, so every result is marked provisional (and the tests of
    # 2026 fail loudly).
    special = getattr(_china((), observed=True), "special_public_holidays", {})
    return frozenset(
        year
        for year, value in special.items()
        if isinstance(year, int)
        and first <= year <= last
        and any(len(entry) >= 4 for entry in _entries(value))  # noqa: PLR2004 - substituted
    )


@functools.cache
def china_calendar() -> WorkCalendar:
    """The working-day calendar of mainland China (CAL-CN), built once and cached.

    Published years follow ``holidays.China`` exactly (observed days, substituted days,
    make-up working days); other years carry the statutory holidays alone and are
    provisional (CAL-PROVISIONAL).
    """
    last = _last_supported_year()
    published = _published_years(FIRST_YEAR, last)
    rest: set[dt.date] = set()
    working: set[dt.date] = set()
    if published:
        data = _china(sorted(published), observed=True)
        rest.update(d for d in data if d.year in published)
        working.update(d for d in data.weekend_workdays if d.year in published)
    others = [y for y in range(FIRST_YEAR, last + 1) if y not in published]
    if others:
        rest.update(_china(others, observed=False))
    return WorkCalendar(
        name="mainland China (holidays.China)",
        first_year=FIRST_YEAR,
        last_year=last,
        rest_days=rest,
        working_days=working,
        published_years=published,
    )


def calendar_or_default(calendar: object) -> WorkCalendar:
    """``calendar`` if it is a :class:`WorkCalendar`; :func:`china_calendar` for ``None``.

    The one check of every ``calendar=`` argument of the package (CAL-CN).

    Raises:
        InvalidTypeError: anything else, naming the field ``calendar``.
    """
    if calendar is None:
        return china_calendar()
    if not isinstance(calendar, WorkCalendar):
        raise InvalidTypeError(
            "calendar", calendar, "a revisit_rules.WorkCalendar or None", rule="CAL-CN"
        )
    return calendar
