"""Tests of heating, cooling and rainy seasons (SEA-*; decisions § 3)."""

import datetime as dt

import pytest
from hypothesis import given

import revisit_rules as rr
from revisit_rules.seasons import SeasonKind, SeasonStatus, region_of, season_of

from . import strategies

D = dt.date
NO_ROLL = rr.Policy(roll_to_working_day=False)
PARTIAL_NO_ROLL = rr.Policy(roll_to_working_day=False, count_partial_season=True)
SHANGHAI_HEATED = rr.Policy(heating_seasons={"shanghai": rr.SeasonSpan.parse("12-01", "02-28")})

# decisions § 3: (key, Chinese name, start, end, status)
VERIFIED = SeasonStatus.VERIFIED
CUSTOMARY = SeasonStatus.CUSTOMARY
DOMAIN_TABLE = [
    ("beijing", "北京", "11-15", "03-15", VERIFIED),  # 北京市供热采暖管理办法
    ("harbin", "哈尔滨", "10-20", "04-20", VERIFIED),
    ("urumqi", "乌鲁木齐", "10-10", "04-10", VERIFIED),
    ("taiyuan", "太原", "11-01", "03-31", VERIFIED),
    ("xining", "西宁", "10-15", "04-15", VERIFIED),
    ("qingdao", "青岛", "11-16", "04-05", VERIFIED),
    ("heze", "菏泽", "11-15", "03-15", VERIFIED),
    ("binzhou", "滨州", "11-15", "03-20", VERIFIED),
    ("linyi", "临沂", "11-10", "03-20", VERIFIED),
    ("luoyang", "洛阳", "11-15", "03-15", VERIFIED),
    ("tianjin", "天津", "11-15", "03-15", CUSTOMARY),
    ("shijiazhuang", "石家庄", "11-15", "03-15", CUSTOMARY),
    ("jinan", "济南", "11-15", "03-15", CUSTOMARY),
    ("zhengzhou", "郑州", "11-15", "03-15", CUSTOMARY),
    ("xian", "西安", "11-15", "03-15", CUSTOMARY),
    ("shenyang", "沈阳", "11-01", "03-31", CUSTOMARY),
    ("yinchuan", "银川", "11-01", "03-31", CUSTOMARY),
    ("lanzhou", "兰州", "11-01", "03-31", CUSTOMARY),
    ("hohhot", "呼和浩特", "10-15", "04-15", CUSTOMARY),
    ("changchun", "长春", "10-25", "04-05", CUSTOMARY),
]


def md(text, year):
    """The day ``MM-DD`` of ``year``."""
    month, day = (int(x) for x in text.split("-"))
    return D(year, month, day)


class TestHeatingSeason:
    """SEA-HEATING: the per-region table of decisions § 3."""

    @pytest.mark.parametrize(("key", "zh", "start", "end", "status"), DOMAIN_TABLE)
    def test_by_key_and_by_name(self, key, zh, start, end, status):
        """The season by key and by Chinese name is the one DOMAIN.md gives."""
        expected = rr.Season(md(start, 2026), md(end, 2027))

        assert expected == rr.heating_season(key, 2026)
        assert expected == rr.heating_season(zh, 2026)
        assert status == rr.REGIONS[key].heating_status

    @pytest.mark.parametrize(
        ("region", "expected"),
        [
            ("北京", rr.Season(D(2026, 11, 15), D(2027, 3, 15))),
            ("harbin", rr.Season(D(2026, 10, 20), D(2027, 4, 20))),
            ("青岛", rr.Season(D(2025, 11, 16), D(2026, 4, 5))),
        ],
    )
    def test_golden(self, region, expected):
        """Beijing, Harbin and Qingdao, each in the year its season starts."""
        assert expected == rr.heating_season(region, expected.start.year)

    def test_verified_rows_cite_a_source(self):
        """Verified rows carry a source; rows without heating carry no status."""
        for region in rr.REGIONS.values():
            if region.heating is None:
                assert (None, "") == (region.heating_status, region.heating_source)
            else:
                assert region.heating_status in {VERIFIED, CUSTOMARY}
                assert region.heating_source

    @pytest.mark.parametrize(("zh", "start", "end", "status"), [row[1:] for row in DOMAIN_TABLE])
    def test_registry_marks_each_row(self, zh, start, end, status):
        """SEA-HEATING in the registry lists each row, with its dates, as verified or customary."""
        sources = rr.RULES["SEA-HEATING"].sources
        row = f"{zh} {start} → {end}"
        verified = [s for s in sources if s.ref.startswith("verified:")]
        customary = [s for s in sources if s.ref.startswith("§ 3 customary")]
        marked = verified if status is VERIFIED else customary
        other = customary if status is VERIFIED else verified

        assert (1, 1) == (len(verified), len(customary))
        assert row in marked[0].ref.split(": ", 1)[1].split("; ")
        assert zh not in other[0].ref

    def test_registry_rows_shown_in_rule_table(self):
        """The rule table shows the verified and customary rows (it prints the sources)."""
        line = next(
            line for line in rr.rule_table("csv").splitlines() if line.startswith("SEA-HEATING")
        )

        assert "verified: " in line
        assert "customary (to be checked against local rules): " in line
        assert "天津 11-15 → 03-15" in line

    def test_beijing_source(self):
        """Beijing's dates come from 北京市供热采暖管理办法."""
        assert "北京市供热采暖管理办法" == rr.REGIONS["beijing"].heating_source

    def test_key_spelling(self):
        """Keys are matched case-insensitively and without surrounding spaces."""
        assert rr.REGIONS["beijing"] == region_of(" Beijing ")

    def test_season_contains_both_ends(self):
        """A season includes its first and last day, not the days around it."""
        season = rr.heating_season("beijing", 2026)

        days = [D(2026, 11, 14), D(2026, 11, 15), D(2027, 1, 1), D(2027, 3, 15), D(2027, 3, 16)]

        assert [False, True, True, True, False] == [day in season for day in days]
        assert "2026-11-15" not in season

    def test_policy_override(self):
        """A policy may move a region's season (a local government's change of a year)."""
        policy = rr.Policy(heating_seasons={"beijing": rr.SeasonSpan.parse("11-01", "03-31")})

        assert rr.Season(D(2026, 11, 1), D(2027, 3, 31)) == rr.heating_season(
            "北京", 2026, policy=policy
        )
        assert rr.Season(D(2026, 10, 20), D(2027, 4, 20)) == rr.heating_season(
            "harbin", 2026, policy=policy
        )


def heating_end(start, n=2, region="beijing", policy=NO_ROLL):
    """The last day of n heating seasons counted from start."""
    return rr.period_end(start, rr.HeatingSeasons(n), region=region, policy=policy).day


class TestCount:
    """SEA-COUNT: N heating seasons end on the last day of the N-th season counted."""

    # Beijing: 2025-11-15 → 2026-03-15, 2026-11-15 → 2027-03-15, 2027-11-15 → 2028-03-15
    @pytest.mark.parametrize(
        ("start", "whole_only", "with_partial"),
        [
            (D(2025, 10, 1), D(2027, 3, 15), D(2027, 3, 15)),  # before a season
            (D(2025, 11, 14), D(2027, 3, 15), D(2027, 3, 15)),  # the day before it starts
            (D(2025, 11, 15), D(2027, 3, 15), D(2027, 3, 15)),  # its first day: a whole season
            (D(2025, 11, 16), D(2028, 3, 15), D(2027, 3, 15)),  # the day after it starts
            (D(2026, 1, 10), D(2028, 3, 15), D(2027, 3, 15)),  # inside, the next year
            (D(2026, 3, 15), D(2028, 3, 15), D(2027, 3, 15)),  # its last day
            (D(2026, 3, 16), D(2028, 3, 15), D(2028, 3, 15)),  # after it
        ],
    )
    def test_two_seasons_both_ways(self, start, whole_only, with_partial):
        """HeatingSeasons(2) with count_partial_season False (default) and True."""
        assert whole_only == heating_end(start, policy=NO_ROLL)
        assert with_partial == heating_end(start, policy=PARTIAL_NO_ROLL)

    def test_default_is_whole_seasons(self):
        """The default policy counts whole seasons only."""
        assert False is rr.Policy().count_partial_season

    @pytest.mark.parametrize(
        ("n", "whole_only", "with_partial"),
        [(1, D(2027, 3, 15), D(2026, 3, 15)), (3, D(2029, 3, 15), D(2028, 3, 15))],
    )
    def test_n(self, n, whole_only, with_partial):
        """One season and three seasons from a start inside a season, both ways."""
        assert whole_only == heating_end(D(2026, 1, 10), n=n, policy=NO_ROLL)
        assert with_partial == heating_end(D(2026, 1, 10), n=n, policy=PARTIAL_NO_ROLL)

    def test_zero_seasons(self):
        """Zero seasons end on the start day."""
        assert D(2026, 1, 10) == heating_end(D(2026, 1, 10), n=0)

    def test_two_regions_differ(self):
        """From 2025-11-01 Beijing's first season is still to come, Harbin's has begun."""
        start = D(2025, 11, 1)

        assert D(2027, 3, 15) == heating_end(start, region="beijing")
        assert D(2028, 4, 20) == heating_end(start, region="harbin")
        assert D(2027, 4, 20) == heating_end(start, region="harbin", policy=PARTIAL_NO_ROLL)

    def test_rolled_and_provisional(self):
        """The season's last day is rolled like any other; 2027 is provisional."""
        # 2026-11-16 → 2027-04-05 in Qingdao; 2nd: 2027-11-16 → 2028-04-05 (a Wednesday)
        result = rr.period_end(D(2026, 11, 16), rr.HeatingSeasons(2), region="青岛")

        assert (D(2028, 4, 5), True) == (result.day, result.provisional)
        assert "CAL-PROVISIONAL" in result.rules

    def test_season_end_on_a_weekend_rolls(self):
        """Beijing's 2026-03-15 is a Sunday: one season from 2025-11-15 ends on 03-16."""
        assert D(2026, 3, 16) == heating_end(D(2025, 11, 15), n=1, policy=rr.Policy())

    @given(start=strategies.days, region=strategies.heating_regions)
    def test_partial_never_later(self, start, region):
        """Counting a season in progress never gives a later end than whole seasons only."""
        assert heating_end(start, region=region, policy=PARTIAL_NO_ROLL) <= heating_end(
            start, region=region, policy=NO_ROLL
        )

    @given(start=strategies.days, region=strategies.heating_regions)
    def test_end_is_a_season_end(self, start, region):
        """The unrolled end is the last day of a season that ends after the start."""
        last = heating_end(start, n=1, region=region)
        season = season_of(SeasonKind.HEATING, region, last.year - 1)

        assert season.end == last
        assert start <= season.start


class TestNoSeason:
    """SEA-NO-SEASON: a southern region has no heating season; never a silent zero."""

    @pytest.mark.parametrize(
        ("region", "key", "zh"), [("shanghai", "shanghai", "上海"), ("广州", "guangzhou", "广州")]
    )
    def test_error_names_the_region(self, region, key, zh):
        """NoSeasonError names the region and says how to fix it."""
        with pytest.raises(rr.NoSeasonError) as info:
            rr.heating_season(region, 2026)

        message = str(info.value)
        assert key in message
        assert zh in message
        assert "Policy.heating_seasons" in message
        assert "contract term" in message
        assert "SEA-NO-SEASON" == info.value.rule
        assert isinstance(info.value, ValueError)

    def test_period_end_raises(self):
        """A heating-season period in Shanghai raises too."""
        with pytest.raises(rr.NoSeasonError, match="上海"):
            rr.period_end(D(2026, 1, 1), rr.HeatingSeasons(2), region="shanghai")

    def test_zero_seasons_still_raise(self):
        """Even zero seasons in a region without any are refused (no silent zero)."""
        with pytest.raises(rr.NoSeasonError):
            rr.period_end(D(2026, 1, 1), rr.HeatingSeasons(0), region="shanghai")

    def test_policy_range_makes_it_work(self):
        """Policy(heating_seasons={"shanghai": 12-01 → 02-28}) gives Shanghai a season."""
        assert rr.Season(D(2026, 12, 1), D(2027, 2, 28)) == rr.heating_season(
            "shanghai", 2026, policy=SHANGHAI_HEATED
        )
        result = rr.period_end(
            D(2026, 1, 1), rr.HeatingSeasons(2), region="上海", policy=SHANGHAI_HEATED
        )

        assert D(2028, 2, 28) == result.day  # a Monday
        with pytest.raises(rr.NoSeasonError):
            rr.heating_season("guangzhou", 2026, policy=SHANGHAI_HEATED)

    def test_policy_range_by_chinese_name(self):
        """An override keyed by the Chinese name works like one keyed by the key."""
        policy = rr.Policy(heating_seasons={"上海": rr.SeasonSpan.parse("12-01", "02-28")})

        assert rr.Season(D(2026, 12, 1), D(2027, 2, 28)) == rr.heating_season(
            "shanghai", 2026, policy=policy
        )

    def test_policy_unknown_region_key(self):
        """An override for a region that does not exist is refused."""
        with pytest.raises(rr.UnknownRegionError):
            rr.Policy(heating_seasons={"shangai": rr.SeasonSpan.parse("12-01", "02-28")})


class TestUnknownRegion:
    """An unknown region name raises UnknownRegionError (also a ValueError)."""

    @pytest.mark.parametrize("name", ["atlantis", "Peking", "北京市", "", " "])
    def test_unknown(self, name):
        """Names that are neither a key nor a Chinese name are refused, naming the field."""
        with pytest.raises(rr.UnknownRegionError) as info:
            rr.heating_season(name, 2026)

        assert isinstance(info.value, ValueError)
        assert "region" == info.value.field
        assert "beijing" in str(info.value)  # lists what is accepted

    @pytest.mark.parametrize(
        "call",
        [
            lambda: rr.cooling_season("atlantis", 2026),
            lambda: rr.rainy_season("atlantis", 2026),
            lambda: rr.period_end(D(2026, 1, 1), rr.HeatingSeasons(1), region="atlantis"),
            lambda: rr.period_end(D(2026, 1, 1), rr.CoolingSeasons(1), region="atlantis"),
        ],
        ids=["cooling", "rainy", "heating_period", "cooling_period"],
    )
    def test_unknown_everywhere(self, call):
        """Every season function refuses an unknown region."""
        with pytest.raises(rr.UnknownRegionError):
            call()

    def test_missing_region_for_seasons(self):
        """A season period without a region is refused with a typed error."""
        with pytest.raises(rr.InvalidTypeError, match="region"):
            rr.period_end(D(2026, 1, 1), rr.HeatingSeasons(1))


class TestSeasonSpan:
    """SeasonSpan: (month, day) pairs that exist every year."""

    def test_parse(self):
        """parse("11-15", "03-15") wraps into the next year."""
        span = rr.SeasonSpan.parse("11-15", "03-15")

        assert ((11, 15), (3, 15), True) == (span.start, span.end, span.wraps)
        assert "11-15 → 03-15" == str(span)

    def test_not_wrapping(self):
        """A span inside one calendar year does not wrap."""
        span = rr.SeasonSpan.parse("04-01", "06-30")

        assert rr.Season(D(2026, 4, 1), D(2026, 6, 30)) == span.occurrence(2026)

    @pytest.mark.parametrize(("start", "end"), [("02-29", "03-15"), ("11-15", "02-29")])
    def test_rejects_leap_day(self, start, end):
        """02-29 is not every year's day: refused at either end."""
        with pytest.raises(rr.InvalidInputError, match=r"\(2, 29\)"):
            rr.SeasonSpan.parse(start, end)

    def test_rejects_leap_day_tuple(self):
        """The tuple form refuses (2, 29) too."""
        with pytest.raises(rr.InvalidInputError, match=r"SeasonSpan\.start"):
            rr.SeasonSpan((2, 29), (3, 15))

    @pytest.mark.parametrize(
        "text", ["", "1115", "11/15", "11-15-01", "aa-bb", "13-01", "00-10", "04-31", "11- 5"]
    )
    def test_rejects_malformed(self, text):
        """Malformed or impossible 'MM-DD' strings are refused."""
        with pytest.raises(rr.InvalidInputError, match=r"SeasonSpan\.start"):
            rr.SeasonSpan.parse(text, "03-15")

    def test_rejects_superscript_digit(self):
        """A superscript digit is refused with a typed error."""
        with pytest.raises(rr.InvalidInputError):
            rr.SeasonSpan.parse("²-01", "03-15")

    @pytest.mark.parametrize("value", [1115, None, (11, 15), b"11-15"])
    def test_parse_rejects_non_strings(self, value):
        """parse() takes strings only: anything else is an InvalidTypeError."""
        with pytest.raises(rr.InvalidTypeError, match=r"SeasonSpan\.start"):
            rr.SeasonSpan.parse(value, "03-15")

    @pytest.mark.parametrize(
        "value", ["11-15", [11, 15], (11,), (11, 15, 1), (11.0, 15), (True, 1), None]
    )
    def test_tuple_form_rejects_others(self, value):
        """The constructor takes (int, int) tuples only: anything else is an InvalidTypeError."""
        with pytest.raises(rr.InvalidTypeError, match=r"SeasonSpan\.start"):
            rr.SeasonSpan(value, (3, 15))

    def test_season_end_before_start(self):
        """A Season whose end precedes its start is refused."""
        with pytest.raises(rr.InvalidInputError, match=r"Season\.end"):
            rr.Season(D(2026, 3, 15), D(2026, 3, 14))

    def test_season_of_one_day(self):
        """A one-day Season is fine."""
        assert D(2026, 3, 15) in rr.Season(D(2026, 3, 15), D(2026, 3, 15))


class TestCooling:
    """SEA-COOLING: no statutory dates; the defaults are assumptions."""

    def test_registry_marks_assumption(self):
        """The rule registry flags the cooling season as an assumption."""
        assert True is rr.RULES["SEA-COOLING"].assumption
        assert "(assumption)" in next(
            line for line in rr.rule_table("csv").splitlines() if line.startswith("SEA-COOLING")
        )

    def test_every_region_has_one(self):
        """Every region, north and south, has an assumed cooling season."""
        assert [] == [k for k, r in rr.REGIONS.items() if r.cooling is None]

    @pytest.mark.parametrize(
        ("region", "expected"),
        [
            ("beijing", rr.Season(D(2026, 6, 1), D(2026, 8, 31))),
            ("上海", rr.Season(D(2026, 6, 1), D(2026, 9, 30))),
            ("guangzhou", rr.Season(D(2026, 5, 1), D(2026, 10, 31))),
        ],
    )
    def test_defaults(self, region, expected):
        """North, Yangtze and south defaults."""
        assert expected == rr.cooling_season(region, 2026)

    def test_cooling_period_in_the_south(self):
        """Two cooling seasons in Guangzhou from 2026-07-01: the 2027 and 2028 seasons."""
        result = rr.period_end(D(2026, 7, 1), rr.CoolingSeasons(2), region="guangzhou")

        assert D(2028, 10, 31) == result.day  # a Tuesday

    def test_policy_override(self):
        """Policy.cooling_seasons overrides a region's assumed range."""
        policy = rr.Policy(cooling_seasons={"beijing": rr.SeasonSpan.parse("06-15", "09-15")})

        assert rr.Season(D(2026, 6, 15), D(2026, 9, 15)) == rr.cooling_season(
            "beijing", 2026, policy=policy
        )


class TestRainy:
    """SEA-RAINY: 04-01 → 06-30 by default, per-region override."""

    @pytest.mark.parametrize("region", ["beijing", "shanghai", "广州"])
    def test_default(self, region):
        """Every region's rainy season is 04-01 → 06-30 by default (S002)."""
        assert rr.Season(D(2026, 4, 1), D(2026, 6, 30)) == rr.rainy_season(region, 2026)

    def test_region_override(self):
        """Policy.rainy_seasons moves one region (the plum-rain season), not the others."""
        policy = rr.Policy(rainy_seasons={"shanghai": rr.SeasonSpan.parse("06-15", "07-15")})

        assert rr.Season(D(2026, 6, 15), D(2026, 7, 15)) == rr.rainy_season(
            "上海", 2026, policy=policy
        )
        assert rr.Season(D(2026, 4, 1), D(2026, 6, 30)) == rr.rainy_season(
            "beijing", 2026, policy=policy
        )

    def test_default_override(self):
        """Policy.rainy_season changes the default for every region without its own."""
        policy = rr.Policy(rainy_season=rr.SeasonSpan.parse("05-01", "07-31"))

        assert rr.Season(D(2026, 5, 1), D(2026, 7, 31)) == rr.rainy_season(
            "wuhan", 2026, policy=policy
        )
