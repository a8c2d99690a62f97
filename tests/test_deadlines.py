"""Service deadlines (SLA, decisions § 7; VIS-RECORD § 5): hours, days, working days."""

import datetime as dt
import pickle
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import revisit_rules as rr
from revisit_rules.deadlines import Deadline, DeadlineUnit, deadline

from . import strategies as sts

SH = ZoneInfo("Asia/Shanghai")
D = dt.date
K = Deadline


def at(day, hour=10, minute=0, tz=SH):
    """An aware instant on ``day`` at ``hour:minute`` in ``tz``."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


# --- the table: every SLA row is reachable ----------------------------------------------


#: SLA rules with no deadline, so no Deadline kind, each with the reason.
NO_KIND = {
    # A count of repairs (the same defect still not right after 2), not a time limit.
    "SLA-TWO-FAILURES": "counts repairs, has no deadline",
}


def test_every_sla_rule_has_a_kind():
    """Every SLA-* rule in the registry but those of NO_KIND is the rule of a Deadline kind."""
    sla = {r for r in rr.RULES if r.startswith("SLA-")} - NO_KIND.keys()

    assert sla == {k.rule for k in K if k.rule.startswith("SLA-")}


@pytest.mark.parametrize("kind", list(K))
def test_kind_metadata(kind):
    """Each kind has a Chinese label, a registered rule and a Policy field in that rule."""
    assert kind.zh
    assert kind.rule in rr.RULES
    assert kind.policy_field in attrs.fields_dict(rr.Policy)
    assert kind.policy_field in rr.RULES[kind.rule].policy_fields
    assert isinstance(kind.unit.zh, str)


@pytest.mark.parametrize(
    ("kind", "unit", "length"),
    [
        (K.EMERGENCY_ARRIVAL, DeadlineUnit.HOURS, 0),
        (K.ARRIVAL, DeadlineUnit.HOURS, 48),
        (K.REPAIR_PLAN, DeadlineUnit.HOURS, 24),
        (K.DISPATCH, DeadlineUnit.DAYS, 7),
        (K.PM_ARRIVAL, DeadlineUnit.DAYS, 10),
        (K.COMPLAINT_CONTACT, DeadlineUnit.HOURS, 24),
        (K.COMPLAINT_REVISIT, DeadlineUnit.DAYS, 3),
        (K.REPAIR_REVISIT, DeadlineUnit.DAYS, 7),
        (K.SAFETY_REPAIR_REVISIT, DeadlineUnit.DAYS, 2),
        (K.LEAK_REPAIR_REVISIT, DeadlineUnit.DAYS, 3),
        (K.SUB_NO_ACTION, DeadlineUnit.HOURS, 24),
        (K.VISIT_RECORD, DeadlineUnit.HOURS, 24),
        (K.PM_NOTIFY, DeadlineUnit.HOURS, 24),
        (K.NOT_DEFECT_REPLY, DeadlineUnit.HOURS, 24),
        (K.REPAIR_START, DeadlineUnit.DAYS, 3),
        (K.REVISIT_FIX, DeadlineUnit.HOURS, 24),
        (K.CERTIFICATE, DeadlineUnit.DAYS, 0),
        (K.CERTIFICATE_DELIVERY, DeadlineUnit.DAYS, 7),
        (K.SITE_CLEAR, DeadlineUnit.DAYS, 10),
        (K.REVISIT_PLAN, DeadlineUnit.DAYS, 0),
        (K.STRUCTURAL_REPORT, DeadlineUnit.DAYS, 0),
    ],
)
def test_defaults(kind, unit, length):
    """The default unit and length of each kind are decisions § 7's."""
    assert unit == kind.unit
    assert length == kind.length()


#: A company that fills S000's two blanks ("1~____天", "3~____个工作日") with 1 and 3.
COMPANY = rr.Policy(simple_repair_days=1, major_repair_working_days=3)


@pytest.mark.parametrize(
    ("kind", "unit", "field", "blank"),
    [
        (K.SIMPLE_REPAIR, DeadlineUnit.DAYS, "simple_repair_days", "1~____天"),
        (K.MAJOR_REPAIR, DeadlineUnit.WORKING_DAYS, "major_repair_working_days", "3~____个工作日"),
    ],
)
def test_a_blank_in_the_source_has_no_default(kind, unit, field, blank):
    """SLA-SIMPLE, SLA-MAJOR: a range a~b means within b, and S000 leaves b blank.

    Changed by rule book v2: the lower bounds (1 day, 3 working days) used to stand in.
    deadline() names the blank and the field until the company sets it.
    """
    assert unit == kind.unit
    assert None is getattr(rr.Policy(), field)
    with pytest.raises(rr.BlankInSourceError) as info:
        deadline(kind, D(2026, 3, 5))
    assert (f"Policy.{field}", None, kind.rule) == (
        info.value.field,
        info.value.value,
        info.value.rule,
    )
    assert blank in str(info.value)
    assert isinstance(info.value, rr.InvalidInputError)
    with pytest.raises(rr.BlankInSourceError):
        kind.length()
    assert 5 == kind.length(rr.Policy(**{field: 5}))


# --- hour kinds -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        # SLA-EMERGENCY: immediately, the notice's own instant.
        (K.EMERGENCY_ARRIVAL, at(D(2026, 3, 2))),
        # SLA-ARRIVE: 48 hours from 10:00 on Monday end at 10:00 on Wednesday.
        (K.ARRIVAL, at(D(2026, 3, 4))),
        # SLA-PLAN, SLA-COMPLAINT, SLA-SUB-NOACTION, VIS-RECORD: 24 hours.
        (K.REPAIR_PLAN, at(D(2026, 3, 3))),
        (K.COMPLAINT_CONTACT, at(D(2026, 3, 3))),
        (K.SUB_NO_ACTION, at(D(2026, 3, 3))),
        (K.VISIT_RECORD, at(D(2026, 3, 3))),
        # SLA-PM-NOTIFY, SLA-NOT-DEFECT-REPLY, SLA-REVISIT-FIX: 24 hours (S001).
        (K.PM_NOTIFY, at(D(2026, 3, 3))),
        (K.NOT_DEFECT_REPLY, at(D(2026, 3, 3))),
        (K.REVISIT_FIX, at(D(2026, 3, 3))),
    ],
)
def test_hour_kinds(kind, expected):
    """Hour deadlines from 10:00 on 2026-03-02 (Asia/Shanghai), CC 201 para. 2."""
    assert expected == deadline(kind, at(D(2026, 3, 2)))


def test_hours_do_not_roll_over_rest_days():
    """48 hours from Friday 10:00 end on Sunday 10:00: hours never roll (CC 203 is for days)."""
    assert at(D(2026, 3, 8)) == deadline(K.ARRIVAL, at(D(2026, 3, 6)))


def test_hours_over_the_national_day_break():
    """48 hours from 2026-09-29 10:00 end on 10-01 10:00, a holiday: no roll."""
    assert at(D(2026, 10, 1)) == deadline(K.ARRIVAL, at(D(2026, 9, 29)))


def test_result_in_policy_time_zone():
    """A UTC start gives a result in Asia/Shanghai: 02:00 UTC is 10:00 in Shanghai."""
    result = deadline(K.ARRIVAL, dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC))

    assert at(D(2026, 3, 4)) == result
    assert "Asia/Shanghai" == str(result.tzinfo)
    assert (10, 0) == (result.hour, result.minute)


def test_other_time_zone_policy():
    """Policy.timezone chooses the zone of the result; the instant is the same."""
    policy = attrs.evolve(rr.Policy(), timezone="Europe/Berlin")
    result = deadline(K.REPAIR_PLAN, at(D(2026, 3, 2)), policy=policy)

    assert "Europe/Berlin" == str(result.tzinfo)
    assert at(D(2026, 3, 3)) == result
    assert 3 == result.hour


def test_policy_changes_hours():
    """Policy.arrival_hours and Policy.record_hours set the lengths (SLA-ARRIVE, VIS-RECORD)."""
    policy = rr.Policy(arrival_hours=72, record_hours=12)

    assert at(D(2026, 3, 5)) == deadline(K.ARRIVAL, at(D(2026, 3, 2)), policy=policy)
    assert at(D(2026, 3, 2), 22) == deadline(K.VISIT_RECORD, at(D(2026, 3, 2)), policy=policy)


def test_non_whole_minutes_kept():
    """Seconds and microseconds of the start are kept."""
    start = dt.datetime(2026, 3, 2, 9, 15, 30, 123, tzinfo=SH)

    assert start + dt.timedelta(hours=24) == deadline(K.COMPLAINT_CONTACT, start)


@given(
    st.datetimes(
        min_value=dt.datetime(2001, 1, 1),
        max_value=dt.datetime(2030, 12, 31),
        timezones=st.sampled_from([SH, dt.UTC, ZoneInfo("America/New_York")]),
    ),
    st.sampled_from([k for k in K if k.unit is DeadlineUnit.HOURS]),
)
@example(at(D(2026, 3, 2)), K.ARRIVAL)
def test_hours_are_elapsed_time(start, kind):
    """An hour deadline is exactly N elapsed hours after the start, shown in Shanghai."""
    result = deadline(kind, start)

    assert dt.timedelta(hours=kind.length()) == result - start
    assert "Asia/Shanghai" == str(result.tzinfo)


@given(
    st.datetimes(min_value=dt.datetime(2001, 1, 1), max_value=dt.datetime(2030, 12, 31)),
    st.integers(min_value=0, max_value=30),
)
def test_whole_days_of_hours_keep_the_clock(naive, days):
    """N·24 hours from a Shanghai time end at the same clock time N days later (no DST)."""
    start = naive.replace(tzinfo=SH)
    policy = rr.Policy(arrival_hours=24 * days)
    result = deadline(K.ARRIVAL, start, policy=policy)

    assert (naive + dt.timedelta(days=days)).replace(tzinfo=SH) == result
    assert naive.time() == result.time()


# --- day kinds --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "start", "expected"),
    [
        # SLA-DISPATCH: Monday + 7 days = Monday.
        (K.DISPATCH, D(2026, 3, 2), D(2026, 3, 9)),
        # ... 2026-09-28 + 7 = 10-05, inside the National Day break: rolls to 10-08.
        (K.DISPATCH, D(2026, 9, 28), D(2026, 10, 8)),
        # SLA-PM-ARRIVE: 10 days.
        (K.PM_ARRIVAL, D(2026, 3, 2), D(2026, 3, 12)),
        # SLA-COMPLAINT-REVISIT: 3 days.
        (K.COMPLAINT_REVISIT, D(2026, 3, 2), D(2026, 3, 5)),
        # SLA-REPAIR-REVISIT: 7 days; safety repairs 2; leaks 3.
        (K.REPAIR_REVISIT, D(2026, 3, 3), D(2026, 3, 10)),
        (K.SAFETY_REPAIR_REVISIT, D(2026, 3, 3), D(2026, 3, 5)),
        (K.LEAK_REPAIR_REVISIT, D(2026, 3, 3), D(2026, 3, 6)),
        # ... a leak repair on Wednesday: + 3 = Saturday -> Monday.
        (K.LEAK_REPAIR_REVISIT, D(2026, 3, 4), D(2026, 3, 9)),
        # SLA-REPAIR-START: 3 days (S001 "否则时间不超过3天"); Wednesday + 3 = Saturday.
        (K.REPAIR_START, D(2026, 3, 2), D(2026, 3, 5)),
        (K.REPAIR_START, D(2026, 3, 4), D(2026, 3, 9)),
        # SLA-CERTIFICATE, SLA-REVISIT-PLAN, SLA-STRUCTURAL-REPORT: the day itself (0 days).
        (K.CERTIFICATE, D(2026, 3, 2), D(2026, 3, 2)),
        (K.REVISIT_PLAN, D(2026, 3, 2), D(2026, 3, 2)),
        (K.STRUCTURAL_REPORT, D(2026, 3, 2), D(2026, 3, 2)),
        # SLA-CERTIFICATE-DELIVERY: 7 days (S000 "3~7d": within 7).
        (K.CERTIFICATE_DELIVERY, D(2026, 3, 2), D(2026, 3, 9)),
        # SLA-SITE-CLEAR: 10 days (S003 "十日内"); 2026-09-25 + 10 = 10-05, a holiday.
        (K.SITE_CLEAR, D(2026, 3, 2), D(2026, 3, 12)),
        (K.SITE_CLEAR, D(2026, 9, 25), D(2026, 10, 8)),
    ],
)
def test_day_kinds(kind, start, expected):
    """Day deadlines: CC 201 (start day not counted), CC 203 roll to a working day."""
    result = deadline(kind, start)

    assert expected == result.day
    assert kind.rule == result.rules[0]
    assert "CAL-PERIOD" in result.rules
    assert result.provisional is False


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # SLA-SIMPLE set to 1 day: Friday + 1 day = Saturday, a rest day: rolls to Monday.
        (D(2026, 3, 6), D(2026, 3, 9)),
        (D(2026, 3, 5), D(2026, 3, 6)),
    ],
)
def test_simple_repair_once_the_company_sets_it(start, expected):
    """SLA-SIMPLE with the company's number: a day deadline like the others."""
    result = deadline(K.SIMPLE_REPAIR, start, policy=COMPANY)

    assert expected == result.day
    assert ("SLA-SIMPLE", "CAL-PERIOD", "CAL-CN") == result.rules


def test_dispatch_result_in_full():
    """The whole DateResult of a dispatch deadline, rules in the order applied."""
    expected = rr.DateResult(
        D(2026, 10, 8), provisional=False, rules=("SLA-DISPATCH", "CAL-PERIOD", "CAL-CN")
    )

    assert expected == deadline(K.DISPATCH, D(2026, 9, 28))


def test_day_kinds_use_period_end():
    """A day deadline is period_end(start, Days(n)) with the kind's rule in front."""
    start = D(2026, 4, 30)
    expected = rr.period_end(start, rr.Days(7))
    result = deadline(K.DISPATCH, start)

    assert expected.day == result.day
    assert ("SLA-DISPATCH", *expected.rules) == result.rules


def test_no_roll_when_policy_says_so():
    """With roll_to_working_day=False a Saturday stays the last day."""
    policy = attrs.evolve(COMPANY, roll_to_working_day=False)

    assert D(2026, 3, 7) == deadline(K.SIMPLE_REPAIR, D(2026, 3, 6), policy=policy).day


def test_custom_calendar_for_the_roll():
    """A company calendar with an extra rest day moves the roll."""
    company = rr.china_calendar().with_days(rest_days=[D(2026, 3, 9)])

    assert (
        D(2026, 3, 10)
        == deadline(K.SIMPLE_REPAIR, D(2026, 3, 6), policy=COMPANY, calendar=company).day
    )


def test_provisional_year():
    """A deadline rolled through an unpublished year is marked provisional."""
    result = deadline(K.SIMPLE_REPAIR, D(2030, 3, 8), policy=COMPANY)  # Fri -> Sat -> Mon

    assert D(2030, 3, 11) == result.day
    assert result.provisional is True
    assert "CAL-PROVISIONAL" in result.rules


# --- working-day kind -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # Thursday + 3 working days: Fri, Mon, Tue.
        (D(2026, 3, 5), D(2026, 3, 10)),
        # 2026-09-29: 09-30, then the break until 10-07, 10-08, 10-09.
        (D(2026, 9, 29), D(2026, 10, 9)),
        # From a Saturday: Mon, Tue, Wed.
        (D(2026, 3, 7), D(2026, 3, 11)),
    ],
)
def test_major_repair(start, expected):
    """SLA-MAJOR set to 3 working days, on the China calendar (CAL-CN)."""
    result = deadline(K.MAJOR_REPAIR, start, policy=COMPANY)

    assert rr.DateResult(expected, provisional=False, rules=("SLA-MAJOR", "CAL-CN")) == result


def test_major_repair_make_up_saturday():
    """2026-10-10 is a Saturday worked for National Day: it counts as a working day."""
    assert (
        D(2026, 10, 10)
        == deadline(
            K.MAJOR_REPAIR, D(2026, 10, 8), policy=rr.Policy(major_repair_working_days=2)
        ).day
    )


def test_major_repair_provisional():
    """Working days through an unpublished year are marked provisional."""
    result = deadline(K.MAJOR_REPAIR, D(2030, 3, 4), policy=COMPANY)

    assert result.provisional is True
    assert ("SLA-MAJOR", "CAL-CN", "CAL-PROVISIONAL") == result.rules


@given(sts.days, st.integers(min_value=0, max_value=30))
@example(D(2026, 3, 7), 0)
def test_working_days_count(start, n):
    """SLA-MAJOR ends on the n-th working day after the start (n = 0: the first on or after)."""
    cal = rr.china_calendar()
    result = deadline(K.MAJOR_REPAIR, start, policy=rr.Policy(major_repair_working_days=n))

    assert cal.is_working_day(result.day)
    if n:
        assert n == cal.working_days_between(start, result.day)
        assert result.day > start
    else:
        assert cal.add_working_days(start, 0) == result.day


@given(sts.days, st.sampled_from([k for k in K if k.unit is DeadlineUnit.DAYS]))
def test_day_deadline_on_or_after_n_days(start, kind):
    """A day deadline is a working day on or after start + n (the roll only moves forward)."""
    result = deadline(kind, start, policy=COMPANY)

    assert start + dt.timedelta(days=kind.length(COMPANY)) <= result.day
    assert rr.china_calendar().is_working_day(result.day)


def test_results_pickle():
    """Both kinds of result survive pickling."""
    hour = deadline(K.ARRIVAL, at(D(2026, 3, 2)))
    day = deadline(K.DISPATCH, D(2026, 3, 2))

    assert hour == pickle.loads(pickle.dumps(hour))
    assert day == pickle.loads(pickle.dumps(day))


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [k for k in K if k.unit is DeadlineUnit.HOURS])
def test_naive_datetime_refused(kind):
    """A naive datetime for an hour kind: InvalidInputError naming start, the kind, the rule."""
    naive = dt.datetime(2026, 3, 2, 10, 0)
    with pytest.raises(rr.InvalidInputError, match="naive") as info:
        deadline(kind, naive)

    assert "start" == info.value.field
    assert naive == info.value.value
    assert kind.rule == info.value.rule
    assert kind.name in str(info.value)


@pytest.mark.parametrize("kind", [k for k in K if k.unit is DeadlineUnit.HOURS])
def test_date_for_hour_kind_refused(kind):
    """A date for an hour kind: InvalidTypeError (also a TypeError) naming the kind."""
    with pytest.raises(rr.InvalidTypeError) as info:
        deadline(kind, D(2026, 3, 2))

    assert isinstance(info.value, TypeError)
    assert "start" == info.value.field
    assert f"Deadline.{kind.name}" in str(info.value)


@pytest.mark.parametrize("kind", [k for k in K if k.unit is not DeadlineUnit.HOURS])
def test_datetime_for_day_kind_refused(kind):
    """A datetime for a day kind: InvalidTypeError naming the kind and suggesting .date()."""
    with pytest.raises(rr.InvalidTypeError, match=r"start\.date\(\)") as info:
        deadline(kind, at(D(2026, 3, 2)))

    assert "start" == info.value.field
    assert f"Deadline.{kind.name}" in str(info.value)
    assert kind.rule == info.value.rule


@pytest.mark.parametrize("junk", [None, "arrival", 3, "2026-03-02"])
def test_bad_start(junk):
    """A start that is neither a date nor a datetime is a typed error naming start."""
    for kind in (K.ARRIVAL, K.DISPATCH, K.MAJOR_REPAIR):
        with pytest.raises(rr.InvalidTypeError, match="start"):
            deadline(kind, junk)


@pytest.mark.parametrize("junk", [None, "ARRIVAL", 0, rr.Days(7)])
def test_bad_kind(junk):
    """A kind that is not a Deadline is an InvalidTypeError naming kind."""
    with pytest.raises(rr.InvalidTypeError, match="kind"):
        deadline(junk, D(2026, 3, 2))


def test_bad_time_zone():
    """An unknown time zone is refused by the Policy, naming Policy.timezone."""
    with pytest.raises(rr.InvalidInputError, match="Mars/Olympus") as info:
        attrs.evolve(rr.Policy(), timezone="Mars/Olympus")

    assert "Policy.timezone" == info.value.field


def test_bad_time_zone_past_the_policy_check():
    """With attrs validators off, deadline() still answers a typed error, never a KeyError."""
    with attrs.validators.disabled():
        policy = attrs.evolve(rr.Policy(), timezone="Mars/Olympus")
    with pytest.raises(rr.InvalidInputError, match="Mars/Olympus") as info:
        deadline(K.ARRIVAL, at(D(2026, 3, 2)), policy=policy)

    assert "Policy.timezone" == info.value.field


def test_bad_calendar_and_policy():
    """A calendar or policy of the wrong type is a typed error naming it."""
    with pytest.raises(rr.InvalidTypeError, match="calendar"):
        deadline(K.DISPATCH, D(2026, 3, 2), calendar="china")
    with pytest.raises(rr.InvalidTypeError, match="policy"):
        deadline(K.DISPATCH, D(2026, 3, 2), policy={"dispatch_days": 3})


def test_negative_length_refused_by_policy():
    """A negative length never reaches deadline(): the Policy refuses it, naming the rule."""
    with pytest.raises(rr.InvalidInputError, match="SLA-ARRIVE"):
        rr.Policy(arrival_hours=-1)


# --- the SLA rules in the registry -------------------------------------------------------

#: Every SLA rule of decisions § 7.
SLA_RULES = {
    "SLA-EMERGENCY",
    "SLA-ARRIVE",
    "SLA-PLAN",
    "SLA-DISPATCH",
    "SLA-PM-ARRIVE",
    "SLA-SIMPLE",
    "SLA-MAJOR",
    "SLA-COMPLAINT",
    "SLA-COMPLAINT-REVISIT",
    "SLA-REPAIR-REVISIT",
    "SLA-SUB-NOACTION",
    "SLA-PM-NOTIFY",
    "SLA-NOT-DEFECT-REPLY",
    "SLA-REPAIR-START",
    "SLA-TWO-FAILURES",
    "SLA-REVISIT-FIX",
    "SLA-CERTIFICATE",
    "SLA-CERTIFICATE-DELIVERY",
    "SLA-SITE-CLEAR",
    "SLA-REVISIT-PLAN",
    "SLA-STRUCTURAL-REPORT",
}


def test_sla_rules_in_registry():
    """The registry holds exactly the SLA rules of decisions § 7."""
    assert SLA_RULES == {r for r in rr.RULES if r.startswith("SLA-")}


@pytest.mark.parametrize(
    ("rule_id", "document", "needle"),
    [
        ("SLA-EMERGENCY", "MEAS", "立即到达现场抢修"),
        ("SLA-EMERGENCY", "S000", "应立即到达现场抢修"),
        ("SLA-ARRIVE", "S003", "48小时内赶到现场"),
        ("SLA-PLAN", "S003", "24小时内完成维修方案"),
        ("SLA-DISPATCH", "S000", "7 天内派人保修"),
        ("SLA-PM-ARRIVE", "S001", "10天内"),
        ("SLA-SIMPLE", "S000", "1~____天"),
        ("SLA-MAJOR", "S000", "3~____个工作日"),
        ("SLA-COMPLAINT", "S003", "24小时内"),
        ("SLA-COMPLAINT-REVISIT", "S001", "三日内"),
        ("SLA-COMPLAINT-REVISIT", "S001", "100%"),
        ("SLA-REPAIR-REVISIT", "S001", "一星期之内"),
        ("SLA-REPAIR-REVISIT", "S001", "安全设施维修两天内"),
        ("SLA-REPAIR-REVISIT", "S001", "漏水项目维修三天内"),
        ("SLA-SUB-NOACTION", "S001", "24小时内未安排维修"),
        ("SLA-PM-NOTIFY", "S001", "时间不得超过24小时"),
        ("SLA-NOT-DEFECT-REPLY", "S001", "24小时内答复业主"),
        ("SLA-REPAIR-START", "S001", "否则时间不超过3天"),
        ("SLA-TWO-FAILURES", "S001", "经2次维修后仍然达不到业主要求"),
        ("SLA-REVISIT-FIX", "S001", "24小时内书面通知维修人员进行整改"),
        ("SLA-CERTIFICATE", "REG", "提交工程竣工验收报告时"),
        ("SLA-CERTIFICATE", "S000", "在竣工验收前共同签署"),
        ("SLA-CERTIFICATE-DELIVERY", "S000", "(或之后的3~7d内)"),
        ("SLA-SITE-CLEAR", "S003", "竣工验收后十日内完成现场撤场"),
        ("SLA-REVISIT-PLAN", "S003", "应立即制定《工程回访计划》"),
        ("SLA-STRUCTURAL-REPORT", "MEAS", "应当立即向当地建设行政主管部门报告"),
    ],
)
def test_sla_sources(rule_id, document, needle):
    """Each SLA default is quoted from the source decisions § 7 gives for it."""
    quotes = [s.quote for s in rr.RULES[rule_id].sources if s.document == document]

    assert [] != [q for q in quotes if needle in q]


# --- CAL-CONVENTION: company deadlines count from the next day -------------------------------


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (rr.Policy(), D(2026, 10, 8)),
        # The contract's convention does not count the trigger day (CC 201) ...
        (rr.Policy(convention=rr.Convention.INCLUSIVE_START), D(2026, 10, 8)),
        # ... and the roll follows roll_to_working_day alone: 10-05 stays, a holiday.
        (rr.Policy(roll_to_working_day=False), D(2026, 10, 5)),
        (
            rr.Policy(convention=rr.Convention.INCLUSIVE_START, roll_to_working_day=False),
            D(2026, 10, 5),
        ),
    ],
)
def test_day_deadlines_count_from_the_next_day_under_any_convention(policy, expected):
    """SLA-DISPATCH: 7 days from 2026-09-28 end on 10-05 (National Day), rolled to 10-08."""
    result = rr.deadline(rr.Deadline.DISPATCH, D(2026, 9, 28), policy=policy)

    assert expected == result.day
    assert ("CAL-CONVENTION" in result.rules) == (
        policy.convention is rr.Convention.INCLUSIVE_START
    )


def test_the_repair_plan_yields_to_the_structural_report():
    """SLA-PLAN is not for a structural-safety notice: SLA-STRUCTURAL-REPORT applies (MEAS 10).

    "由原设计单位或者具有相应资质等级的设计单位提出保修方案": the contractor's 24-hour plan
    (S003) does not apply; the owner reports on the notice day.
    """
    notice = dt.datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert notice + dt.timedelta(hours=24) == deadline(K.REPAIR_PLAN, notice)
    assert notice + dt.timedelta(hours=24) == deadline(K.REPAIR_PLAN, notice, structural=False)
    with pytest.raises(rr.InvalidInputError) as info:
        deadline(K.REPAIR_PLAN, notice, structural=True)
    assert ("kind", "SLA-PLAN") == (info.value.field, info.value.rule)
    assert "STRUCTURAL_REPORT" in str(info.value)
    report = deadline(K.STRUCTURAL_REPORT, notice.date(), structural=True)
    assert (D(2026, 3, 2), "SLA-STRUCTURAL-REPORT") == (report.day, report.rules[0])
    with pytest.raises(rr.InvalidTypeError, match="structural"):
        deadline(K.ARRIVAL, notice, structural="yes")  # type: ignore[call-overload]
