"""Robustness: junk fed to every public argument; calendar, periods and seasons here.

Like python-stdnum's ``test_robustness``: every argument of every public function, value
class and method gets the same junk (``tests/junk.py``), and must answer with a
:class:`~revisit_rules.RevisitRulesError` naming the argument, never a bare
``AttributeError``/``TypeError``/``ValueError`` from deep inside (decisions § 9). A junk
value that is a valid input for an argument (``None`` for ``policy=``, ``0`` for ``n``)
is listed as such, and checked to be accepted. The cases of ``calendar``, ``periods`` and
``seasons`` are below; those of the other areas in ``test_robustness_areas``,
``test_robustness_registry`` and ``test_robustness_ledger``;
:func:`test_every_public_name_is_fed` checks that together they feed every public name of
the package.
"""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

import revisit_rules as rr
from revisit_rules import calendar, periods, seasons
from revisit_rules.calendar import WorkCalendar
from revisit_rules.revisits import plan as revisit_plan
from revisit_rules.seasons import SeasonKind

from .junk import (
    EXEMPT,
    STRINGS,
    TEXT,
    assert_refused,
    case,
    exempt,
    init_fields,
    methods_with_arguments,
    params,
    public_callables,
    valid_params,
)
from .junk import idx as _idx
from .test_robustness_areas import AREA_CASES
from .test_robustness_ledger import LEDGER_CASES
from .test_robustness_registry import REGISTRY_CASES

D = dt.date(2026, 3, 2)

_CAL_KW = {
    "name": "toy",
    "first_year": 2020,
    "last_year": 2021,
    "rest_days": (),
    "working_days": (),
    "published_years": (),
}
_REGION_KW = {
    "key": "test",
    "name_zh": "测试",
    "heating": rr.SeasonSpan.parse("11-15", "03-15"),
    "heating_status": seasons.SeasonStatus.ASSUMED,
    "heating_source": "",
    "cooling": rr.SeasonSpan.parse("06-01", "08-31"),
    "rainy": None,
}


def _cal():
    return rr.china_calendar()


#: Region field -> the junk that is a valid value for it (text fields; optional fields).
_REGION_VALID = {
    "key": TEXT,
    "name_zh": TEXT,
    "heating": _idx(None),
    "heating_status": frozenset(),
    "heating_source": STRINGS,
    "cooling": frozenset(),
    "rainy": _idx(None),
}


CASES = [
    # --- calendar.WorkCalendar methods ----------------------------------------------------
    case("WorkCalendar.is_working_day.day", lambda j: _cal().is_working_day(j), "day"),
    case("WorkCalendar.add_working_days.day", lambda j: _cal().add_working_days(j, 1), "day"),
    case(
        "WorkCalendar.add_working_days.n",
        lambda j: _cal().add_working_days(D, j),
        "n",
        valid=_idx(0, -1),
    ),
    case("WorkCalendar.offset.day", lambda j: _cal().offset(j, 1), "day"),
    case("WorkCalendar.offset.n", lambda j: _cal().offset(D, j), "n", valid=_idx(0, -1)),
    case("WorkCalendar.working_days_between.a", lambda j: _cal().working_days_between(j, D), "a"),
    case("WorkCalendar.working_days_between.b", lambda j: _cal().working_days_between(D, j), "b"),
    case(
        "WorkCalendar.working_day_bounds.first", lambda j: _cal().working_day_bounds(j, D), "first"
    ),
    case("WorkCalendar.working_day_bounds.last", lambda j: _cal().working_day_bounds(D, j), "last"),
    case("WorkCalendar.is_provisional.day", lambda j: _cal().is_provisional(j), "day"),
    case(
        "WorkCalendar.is_provisional_between.a", lambda j: _cal().is_provisional_between(j, D), "a"
    ),
    case(
        "WorkCalendar.is_provisional_between.b", lambda j: _cal().is_provisional_between(D, j), "b"
    ),
    case(
        "WorkCalendar.with_days.rest_days",
        lambda j: _cal().with_days(rest_days=j),
        "rest_days",
    ),
    case(
        "WorkCalendar.with_days.rest_days[0]",
        lambda j: _cal().with_days(rest_days=[j]),
        "rest_days",
    ),
    case(
        "WorkCalendar.with_days.working_days",
        lambda j: _cal().with_days(working_days=j),
        "working_days",
    ),
    case(
        "WorkCalendar.with_days.working_days[0]",
        lambda j: _cal().with_days(working_days=[j]),
        "working_days",
    ),
    case(
        "WorkCalendar.with_days.name",
        lambda j: _cal().with_days(name=j),
        "name",
        valid=_idx(None) | STRINGS,
    ),
    # --- calendar.WorkCalendar constructor ------------------------------------------------
    case(
        "WorkCalendar.name",
        lambda j: WorkCalendar(**{**_CAL_KW, "name": j}),
        "name",
        valid=STRINGS,
    ),
    case(
        "WorkCalendar.first_year",
        lambda j: WorkCalendar(**{**_CAL_KW, "first_year": j}),
        "first_year",
    ),
    case(
        "WorkCalendar.last_year", lambda j: WorkCalendar(**{**_CAL_KW, "last_year": j}), "last_year"
    ),
    case(
        "WorkCalendar.rest_days",
        lambda j: WorkCalendar(**{**_CAL_KW, "rest_days": j}),
        "rest_days",
    ),
    case(
        "WorkCalendar.working_days",
        lambda j: WorkCalendar(**{**_CAL_KW, "working_days": j}),
        "working_days",
    ),
    case(
        "WorkCalendar.published_years",
        lambda j: WorkCalendar(**{**_CAL_KW, "published_years": j}),
        "published_years",
    ),
    # --- periods --------------------------------------------------------------------------
    case("Years.n", rr.Years, "n", valid=_idx(0)),
    case("Months.n", rr.Months, "n", valid=_idx(0)),
    case("Days.n", rr.Days, "n", valid=_idx(0)),
    case("HeatingSeasons.n", rr.HeatingSeasons, "n", valid=_idx(0)),
    case("CoolingSeasons.n", rr.CoolingSeasons, "n", valid=_idx(0)),
    case("period_end.start", lambda j: rr.period_end(j, rr.Years(1)), "start"),
    case("period_end.period", lambda j: rr.period_end(D, j), "period"),
    case(
        "period_end.policy",
        lambda j: rr.period_end(D, rr.Years(1), policy=j),
        "policy",
        valid=_idx(None),
    ),
    case(
        "period_end.region",
        lambda j: rr.period_end(D, rr.HeatingSeasons(1), region=j),
        "region",
    ),
    case(
        "period_end.design_life_years",
        lambda j: rr.period_end(D, rr.DesignLife(), design_life_years=j),
        "design_life_years",
    ),
    case(
        "period_end.calendar",
        lambda j: rr.period_end(D, rr.Years(1), calendar=j),
        "calendar",
        valid=_idx(None),
    ),
    case(
        "add_months.day",
        lambda j: periods.add_months(j, 1),
        "day",
    ),
    case(
        "add_months.months",
        lambda j: periods.add_months(D, j),
        "months",
        valid=_idx(0, -1),
    ),
    # --- seasons --------------------------------------------------------------------------
    case("heating_season.region", lambda j: rr.heating_season(j, 2026), "region"),
    case("heating_season.year", lambda j: rr.heating_season("beijing", j), "year"),
    case(
        "heating_season.policy",
        lambda j: rr.heating_season("beijing", 2026, policy=j),
        "policy",
        valid=_idx(None),
    ),
    case("cooling_season.region", lambda j: rr.cooling_season(j, 2026), "region"),
    case("cooling_season.year", lambda j: rr.cooling_season("beijing", j), "year"),
    case(
        "cooling_season.policy",
        lambda j: rr.cooling_season("beijing", 2026, policy=j),
        "policy",
        valid=_idx(None),
    ),
    case("rainy_season.region", lambda j: rr.rainy_season(j, 2026), "region"),
    case("rainy_season.year", lambda j: rr.rainy_season("beijing", j), "year"),
    case(
        "rainy_season.policy",
        lambda j: rr.rainy_season("beijing", 2026, policy=j),
        "policy",
        valid=_idx(None),
    ),
    case("region_of.region", seasons.region_of, "region"),
    case(
        "season_of.kind",
        lambda j: seasons.season_of(j, "beijing", 2026),
        "kind",
    ),
    case("season_of.region", lambda j: seasons.season_of(SeasonKind.HEATING, j, 2026), "region"),
    case("season_of.year", lambda j: seasons.season_of(SeasonKind.HEATING, "beijing", j), "year"),
    case("Season.start", lambda j: rr.Season(j, D), "Season.start"),
    case("Season.end", lambda j: rr.Season(D, j), "Season.end"),
    case("SeasonSpan.start", lambda j: rr.SeasonSpan(j, (3, 15)), "SeasonSpan.start"),
    case("SeasonSpan.end", lambda j: rr.SeasonSpan((3, 15), j), "SeasonSpan.end"),
    case("SeasonSpan.parse.start", lambda j: rr.SeasonSpan.parse(j, "03-15"), "SeasonSpan.start"),
    case("SeasonSpan.parse.end", lambda j: rr.SeasonSpan.parse("03-15", j), "SeasonSpan.end"),
    case(
        "SeasonSpan.occurrence.year",
        lambda j: rr.SeasonSpan.parse("11-15", "03-15").occurrence(j),
        "year",
    ),
    *[
        case(
            f"Region.{field}",
            lambda j, field=field: rr.Region(**{**_REGION_KW, field: j}),
            f"Region.{field}",
            valid=valid,
        )
        for field, valid in _REGION_VALID.items()
    ],
]


#: Every case of the walk: this file's and those of the areas, the registry and the ledger.
ALL_CASES = [*CASES, *AREA_CASES, *REGISTRY_CASES, *LEDGER_CASES]


@pytest.mark.parametrize(("call", "field", "junk", "tag"), params(ALL_CASES))
def test_junk_is_refused(call, field, junk, tag):
    """Junk raises a RevisitRulesError (a ValueError or TypeError) naming field, value, rule."""
    assert_refused(call, field, junk, tag)


@pytest.mark.parametrize(("call", "junk"), valid_params(ALL_CASES))
def test_valid_junk_is_accepted(call, junk):
    """A junk value listed as valid for an argument is accepted: the lists are not too wide."""
    call(junk)


def test_errors_are_builtins():
    """Every error class is a RevisitRulesError and a ValueError; InvalidTypeError a TypeError."""
    classes = [
        rr.InvalidInputError,
        rr.InvalidTypeError,
        rr.UnknownRegionError,
        rr.MissingDesignLifeError,
        rr.NoSeasonError,
        rr.CalendarRangeError,
        rr.DateRangeError,
    ]

    assert [True] * len(classes) == [
        issubclass(c, rr.RevisitRulesError) and issubclass(c, ValueError) for c in classes
    ]
    assert issubclass(rr.InvalidTypeError, TypeError)


def test_every_public_name_is_fed():
    """Every public callable, method taking an argument and constructor field has junk cases.

    A name may instead be exempt (``junk.EXEMPT``, ``junk.exempt``), with its reason.
    """
    names = [name for name, *_ in ALL_CASES]
    covered = {name.split(".")[0] for name in names}
    covered_members = {".".join(name.split(".")[:2]) for name in names}
    public = public_callables(rr, calendar, periods, seasons)
    unfed = {n for n, obj in public.items() if n not in covered | set(EXEMPT) and not exempt(obj)}
    classes = [obj for name, obj in public.items() if isinstance(obj, type) and name not in EXEMPT]
    methods = set().union(*(methods_with_arguments(cls) for cls in classes))
    constructed = set().union(*(init_fields(cls) for cls in classes if not exempt(cls)))

    assert set() == unfed
    assert set() == methods - covered_members
    assert set() == constructed - covered_members  # value classes: field by field
    assert set() == set(EXEMPT) - set(public)  # no stale exemption


class TestExtremes:
    """Values of the right type at the edge of ``datetime.date``: typed errors, not overflow."""

    @pytest.mark.parametrize("period", [rr.Days(10**9), rr.Years(10**6), rr.Months(10**7)])
    def test_huge_period(self, period):
        """A period that leaves the date range raises a RevisitRulesError."""
        with pytest.raises(rr.RevisitRulesError):
            rr.period_end(D, period)

    def test_unrolled_past_date_max(self):
        """Without the roll, a last day past date.max raises a RevisitRulesError."""
        with pytest.raises(rr.RevisitRulesError):
            rr.period_end(
                dt.date(9999, 12, 31), rr.Days(1), policy=rr.Policy(roll_to_working_day=False)
            )

    def test_rolled_past_calendar(self):
        """With the roll, a last day past the calendar raises CalendarRangeError."""
        with pytest.raises(rr.CalendarRangeError):
            rr.period_end(rr.china_calendar().last_day, rr.Days(1))

    def test_season_in_year_9999(self):
        """A season running past year 9999 raises a RevisitRulesError."""
        with pytest.raises(rr.RevisitRulesError):
            rr.heating_season("beijing", 9999)

    def test_huge_season_count(self):
        """A season count past the date range raises a RevisitRulesError."""
        with pytest.raises(rr.RevisitRulesError):
            rr.period_end(D, rr.HeatingSeasons(10**6), region="beijing")


class TestDateRange:
    """DateRangeError: a date past 9999-12-31 is refused naming field, value and rule."""

    @pytest.mark.parametrize(
        ("field", "most"),
        [
            ("handover_months", 12 * 9999),
            ("pre_expiry_start_months", 12 * 9999),
            ("dispatch_days", 366 * 9999),
            ("major_repair_working_days", 366 * 9999),
            ("arrival_hours", 24 * 366 * 9999),
        ],
    )
    def test_policy_durations_are_bounded(self, field, most):
        """A Policy duration up to its bound constructs; one more is a DateRangeError."""
        extra = {"pre_expiry_start_months": {"pre_expiry_end_months": 1}}.get(field, {})
        assert most == getattr(rr.Policy(**{field: most, **extra}), field)
        with pytest.raises(rr.DateRangeError) as info:
            rr.Policy(**{field: most + 1})

        assert f"Policy.{field}" == info.value.field
        assert most + 1 == info.value.value
        assert info.value.rule in rr.RULES

    def test_huge_policy_window_is_refused_at_construction(self):
        """Policy(handover_months=10**12) used to construct, then overflow in the planner."""
        with pytest.raises(rr.DateRangeError, match="handover_months") as info:
            rr.Policy(handover_months=10**12)

        assert "VIS-HANDOVER" == info.value.rule

    def test_window_past_9999_is_clipped_like_any_other(self):
        """A window the bound allows that would end after 9999 ends at the cut-off instead.

        Changed by rule book v2: every window ends by the cut-offs it serves (VIS-IN-FORCE),
        so a handover window of 9999 years is no longer an error; it used to be one.
        """
        p = rr.Project("P", D, "beijing", {rr.Category.DECORATION})
        policy = rr.Policy(handover_months=12 * 9999, merge_overlapping=False)

        (handover, *_) = rr.plan_revisits(p, policy=policy)

        # Decoration from 2026-03-02 ends on 2028-03-02; its cut-off is 2028-02-02.
        assert rr.VisitKind.HANDOVER in handover.kinds
        assert dt.date(2028, 2, 2) == handover.latest

    def test_cut_off_before_year_1_names_the_policy_field(self):
        """A cut-off (last day less the months) before 0001-01-01 names its Policy field."""
        p = rr.Project("P", D, "beijing", {rr.Category.DECORATION})
        most = 12 * 9999
        policy = rr.Policy(pre_expiry_start_months=most, pre_expiry_end_months=most - 1)

        with pytest.raises(rr.DateRangeError) as info:
            rr.plan_revisits(p, policy=policy)

        assert info.value.field in {
            "Policy.pre_expiry_start_months",
            "Policy.pre_expiry_end_months",
        }
        assert "VIS-PRE-EXPIRY" == info.value.rule

    @pytest.mark.parametrize("year", [0, -1, 10000, 10**6])
    def test_annual_plan_year_outside_1_to_9999(self, year):
        """annual_plan's year outside 1-9999 is a DateRangeError naming the year."""
        with pytest.raises(rr.DateRangeError) as info:
            rr.annual_plan([], year)

        assert ("year", year, "VIS-ANNUAL") == (info.value.field, info.value.value, info.value.rule)

    @pytest.mark.parametrize("year", [1, 9999])
    def test_annual_plan_first_and_last_year(self, year):
        """Years 1 and 9999 are planned (empty here), not refused."""
        assert () == rr.annual_plan([], year).visits

    def test_plan_of_the_last_year_there_is(self):
        """A project accepted in 9997 is planned into 9999 without leaving the date range."""
        p = rr.Project("P", dt.date(9997, 3, 2), "beijing", {rr.Category.DECORATION})
        whole = [v for v in rr.plan_revisits(p) if v.target.year == 9999]

        assert whole == list(rr.annual_plan([p], 9999))
        assert whole  # the pre-expiry visit at least

    def test_window_past_9999_from_the_operation_start(self):
        """A commissioning window running past 9999 opens after the cut-off: not owed.

        Changed by rule book v2: it used to be a DateRangeError naming
        commissioning_end_months; the window now lies after every cut-off (VIS-IN-FORCE).
        """
        p = rr.Project(
            "P",
            dt.date(2026, 6, 1),
            "beijing",
            {rr.Category.EQUIPMENT_INSTALLATION},
            operation_started_on=dt.date(9999, 6, 1),
        )
        policy = rr.Policy(commissioning_end_months=12, handover_months=30000)

        visits = rr.plan_revisits(p, policy=policy)

        assert not any(rr.VisitKind.COMMISSIONING in v.kinds for v in visits)
        assert () == rr.plan_findings(p, policy=policy)

    @pytest.mark.parametrize(
        ("accepted", "categories", "terms", "owed"),
        [
            # The cut-off 9999-11-01 lets the 9999 rainy season (04-01 -> 06-30) in.
            (dt.date(9997, 12, 1), {rr.Category.ELECTRICAL_PLUMBING}, {}, "P:RAINY_SEASON:9999"),
            # Windows of periodic visits after the cut-off would end past 9999: not owed,
            # and no error (the last one owed opens 9999-08-03).
            (
                dt.date(9997, 8, 3),
                {rr.Category.DECORATION},
                {rr.Category.DECORATION: rr.Months(27)},
                "P:PERIODIC:24",
            ),
        ],
    )
    def test_the_last_years_are_planned(self, accepted, categories, terms, owed):
        """Near 9999 every window owed is planned and none past it is asked for."""
        p = rr.Project("P", accepted, "shanghai", categories, contract_terms=terms)
        policy = rr.Policy(merge_overlapping=False)

        ids = {v.uid for v in rr.plan_revisits(p, policy=policy)}

        assert owed in ids
        assert [owed] == [v.uid for v in rr.annual_plan([p], 9999, policy=policy) if v.uid == owed]

    def test_every_month_field_has_its_reach(self):
        """The planner's out-of-range diagnosis knows how every Policy month field counts."""
        months = {f.name for f in attrs.fields(rr.Policy) if f.name.endswith("_months")}

        assert months == set(revisit_plan._MONTH_REACH)

    def test_hours_before_year_1(self):
        """An hour deadline from 0001-01-01 05:00 +08:00 leaves the range going to UTC."""
        early = dt.datetime(1, 1, 1, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))

        with pytest.raises(rr.DateRangeError, match="within the years 1-9999"):
            rr.deadline(rr.Deadline.ARRIVAL, early)

    def test_period_past_9999(self):
        """A period ending after 9999-12-31 is a DateRangeError naming the period."""
        with pytest.raises(rr.DateRangeError) as info:
            rr.period_end(D, rr.Years(8000))

        assert ("period", "CAL-PERIOD") == (info.value.field, info.value.rule)

    def test_hours_past_9999(self):
        """48 hours from 9999-12-31 10:00 are a DateRangeError naming the start, not overflow."""
        late = dt.datetime(9999, 12, 31, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))

        with pytest.raises(rr.DateRangeError) as info:
            rr.deadline(rr.Deadline.ARRIVAL, late)

        assert ("start", "SLA-ARRIVE") == (info.value.field, info.value.rule)

    def test_past_the_calendar_is_not_an_error(self):
        """A 100-year design life ends past 2100: provisional, BEYOND_CALENDAR, no error."""
        p = rr.Project(
            "P",
            dt.date(2030, 6, 3),
            "beijing",
            {rr.Category.FOUNDATION_STRUCTURE},
            design_life_years=100,
        )
        expiry = rr.warranty_expiry(p, rr.Category.FOUNDATION_STRUCTURE)

        assert dt.date(2130, 6, 3) == expiry.last_day
        assert True is expiry.provisional
        assert "BEYOND_CALENDAR" in expiry.findings
        assert not issubclass(rr.CalendarRangeError, rr.DateRangeError)

    @pytest.mark.parametrize(
        "call",
        [
            lambda: rr.heating_season("beijing", 9999),  # runs into 10000
            lambda: rr.rainy_season("beijing", 10000),
            lambda: rr.period_end(dt.date(9990, 1, 1), rr.HeatingSeasons(20), region="beijing"),
        ],
        ids=["heating-9999", "rainy-10000", "seasons-past-9999"],
    )
    def test_seasons_past_9999(self, call):
        """A season that would end after 9999 is a DateRangeError, not a bare ValueError."""
        with pytest.raises(rr.DateRangeError):
            call()

    def test_is_an_invalid_input_error(self):
        """DateRangeError is an InvalidInputError, so a ValueError."""
        assert issubclass(rr.DateRangeError, rr.InvalidInputError)
        assert issubclass(rr.DateRangeError, ValueError)


class TestHugeNumbers:
    """Numbers too big to expand or to print are refused at once, with a typed error."""

    @pytest.mark.parametrize("cost", ["1e-999999999", "1e5000", "1e1001", "1" * 1001])
    def test_money_with_a_huge_exponent_or_length(self, cost):
        """A cost whose exact value would take minutes (or cannot be printed) is refused."""
        with pytest.raises(rr.InvalidInputError) as info:
            rr.Defect(
                rr.Category.DECORATION,
                D,
                rr.Cause.WORKMANSHIP,
                Decimal(cost),
            )

        assert "Defect.cost" in info.value.field
        assert "exponent" in str(info.value)
        assert "LIA-MONEY" == info.value.rule

    def test_money_at_the_bounds_is_accepted(self):
        """1000 digits and an exponent of 1000 are accepted: the bound is not a clamp."""
        for cost in ("1e1000", "1" * 1000, "1." + "0" * 998):
            defect = rr.Defect(rr.Category.DECORATION, D, rr.Cause.WORKMANSHIP, Decimal(cost))
            assert Decimal(cost) == defect.cost

    def test_share_with_a_huge_exponent(self):
        """A Decimal share of 1e-999999999 is refused at once (it used to hang)."""
        a, b = rr.Party(rr.Role.GENERAL_CONTRACTOR), rr.Party(rr.Role.SUBCONTRACTOR, "b")
        with pytest.raises(rr.InvalidInputError, match="exponent") as info:
            rr.split_amount(Decimal("10.00"), {a: Decimal("1e-999999999"), b: 1})

        assert "LIA-MONEY" == info.value.rule

    def test_an_int_too_long_to_print(self):
        """Years(-10**5000): the error still prints, saying how long the int is."""
        n = -(10**5000)
        with pytest.raises(rr.InvalidInputError) as info:
            rr.Years(n)

        assert "n = <a negative int of about 5001 digits, too long to print>" in str(info.value)
        assert n == info.value.value

    def test_a_period_too_long_to_print(self):
        """Years(10**5000) constructs; the period it ends is past 9999, and the error prints."""
        with pytest.raises(rr.DateRangeError) as info:
            rr.period_end(D, rr.Years(10**5000))

        assert str(info.value).startswith("period = <a Years too long to print>")

    def test_an_offset_too_long_to_print(self):
        """A working-day offset of 10**5000 is a CalendarRangeError that still prints."""
        with pytest.raises(rr.CalendarRangeError, match="too long to print"):
            rr.china_calendar().offset(D, 10**5000)

    @pytest.mark.parametrize("share", [10**5000, Fraction(1, 10**5000)], ids=["int", "fraction"])
    def test_shares_too_long_to_print(self, share):
        """Shares whose sum cannot be printed are refused with a message that prints."""
        party = rr.Party(rr.Role.GENERAL_CONTRACTOR)
        with pytest.raises(rr.InvalidInputError, match="summing to exactly 1") as info:
            rr.split_amount(Decimal("10.00"), {party: share})

        assert "too long to print" in str(info.value)

    def test_a_container_too_long_to_print(self):
        """A mapping holding such an int is described, not printed."""
        err = rr.InvalidInputError("shares", {"x": 10**5000}, "shares summing to 1")

        assert str(err).startswith("shares = <a dict too long to print>")
