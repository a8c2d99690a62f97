"""Service deadlines: by when the site is reached, the repair done, the complainant called (SLA).

Each kind of :class:`Deadline` has a unit, a :class:`~revisit_rules.Policy` field holding
its length and a rule ID. Three units, three ways of counting:

* **hours** — counted from the stated instant (民法典 Art. 201 para. 2) as elapsed time:
  N hours from 10:00 on day D end at 10:00 on D + N/24. These kinds take a time-zone-aware
  ``datetime`` and return one in the policy's time zone (``Asia/Shanghai`` by default).
  Hours never roll over rest days.
* **days** — counted as :func:`~revisit_rules.period_end` counts ``Days(n)`` (CAL-PERIOD):
  the start day is not counted whatever the contract's convention (CAL-CONVENTION), and a
  last day that is a rest day rolls to the next working day (民法典 Art. 203) unless
  ``roll_to_working_day`` is off. These kinds take and return dates.
* **working days** — the n-th working day after the start on the working-day calendar
  (CAL-CN), e.g. SLA-MAJOR's "3个工作日".

A ``date`` given for an hour kind, a ``datetime`` for a day kind, or a naive ``datetime``
raises a typed error naming the kind: nothing is converted behind the caller's back.

Sources: 房屋建筑工程质量保修办法 Art. 9; 民法典 Art. 201, 203; seeds S000, S001, S003
(see the SLA-* rules of :data:`~revisit_rules.RULES`).

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> from revisit_rules.deadlines import Deadline, deadline
>>> notice = dt.datetime(2026, 9, 29, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
>>> deadline(Deadline.ARRIVAL, notice)  # 48 hours, over the National Day break
datetime.datetime(2026, 10, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Shanghai'))
>>> deadline(Deadline.DISPATCH, dt.date(2026, 9, 28)).day  # 10-05 is a holiday: rolls on
datetime.date(2026, 10, 8)
>>> from revisit_rules import Policy
>>> company = Policy(major_repair_working_days=3)  # S000 "3~____个工作日": the blank, set
>>> deadline(Deadline.MAJOR_REPAIR, dt.date(2026, 9, 29), policy=company).day
datetime.date(2026, 10, 9)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Final, overload
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from revisit_rules._check import FrozenMap, check_aware, check_bool, check_date, check_member
from revisit_rules.calendar import WorkCalendar, calendar_or_default, china_calendar
from revisit_rules.errors import (
    BlankInSourceError,
    DateRangeError,
    InvalidInputError,
    InvalidTypeError,
)
from revisit_rules.periods import DateResult, Days, _period_end
from revisit_rules.policy import Convention, policy_or_default

if TYPE_CHECKING:
    from collections.abc import Mapping

    from revisit_rules.policy import Policy

__all__ = ["Deadline", "DeadlineUnit", "deadline"]


class DeadlineUnit(enum.Enum):
    """How a deadline is counted: elapsed hours, calendar days (CC 203 roll), working days."""

    HOURS = "hours"
    DAYS = "days"
    WORKING_DAYS = "working_days"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {"hours": "小时", "days": "日", "working_days": "个工作日"}[self.value]


class Deadline(enum.Enum):
    """A kind of service deadline; every SLA row of decisions § 7 is one (or more) of these.

    >>> Deadline.ARRIVAL.rule, Deadline.ARRIVAL.unit.name, Deadline.ARRIVAL.policy_field
    ('SLA-ARRIVE', 'HOURS', 'arrival_hours')
    """

    #: SLA-EMERGENCY: an emergency repair notice → on site (immediately).
    EMERGENCY_ARRIVAL = "emergency_arrival"
    #: SLA-ARRIVE: an ordinary repair notice → on site.
    ARRIVAL = "arrival"
    #: SLA-PLAN: a repair notice → the repair plan is ready.
    REPAIR_PLAN = "repair_plan"
    #: SLA-DISPATCH: the day the notice is received → the repair team is dispatched.
    DISPATCH = "dispatch"
    #: SLA-PM-ARRIVE: the notice day → the project manager is on site (else LIA-PM).
    PM_ARRIVAL = "pm_arrival"
    #: SLA-SIMPLE: the notice day → a problem the team can solve itself is solved.
    SIMPLE_REPAIR = "simple_repair"
    #: SLA-MAJOR: the notice day → a larger problem is repaired (working days).
    MAJOR_REPAIR = "major_repair"
    #: SLA-COMPLAINT: a complaint → the complainant is contacted.
    COMPLAINT_CONTACT = "complaint_contact"
    #: SLA-COMPLAINT-REVISIT: the day a complaint is closed → it is revisited.
    COMPLAINT_REVISIT = "complaint_revisit"
    #: SLA-REPAIR-REVISIT: the day of a repair → it is revisited.
    REPAIR_REVISIT = "repair_revisit"
    #: SLA-REPAIR-REVISIT: the day of a repair of safety installations → it is revisited.
    SAFETY_REPAIR_REVISIT = "safety_repair_revisit"
    #: SLA-REPAIR-REVISIT: the day of a leak repair → it is revisited.
    LEAK_REPAIR_REVISIT = "leak_repair_revisit"
    #: SLA-SUB-NOACTION: the property manager's notice to the contractor → the property
    #: manager may repair and deduct the cost from the contractor's retention (质保金) if
    #: nothing has been arranged.
    SUB_NO_ACTION = "sub_no_action"
    #: VIS-RECORD: the end of a revisit → its record is filed.
    VISIT_RECORD = "visit_record"
    #: SLA-PM-NOTIFY: an owner's complaint to the property manager → the contractor is
    #: notified.
    PM_NOTIFY = "pm_notify"
    #: SLA-NOT-DEFECT-REPLY: a complaint that is no defect → it is answered.
    NOT_DEFECT_REPLY = "not_defect_reply"
    #: SLA-REPAIR-START: the day an owner's complaint is received → the repair starts.
    REPAIR_START = "repair_start"
    #: SLA-REVISIT-FIX: a repair revisit that found a problem → the repairer is told in
    #: writing.
    REVISIT_FIX = "revisit_fix"
    #: SLA-CERTIFICATE: the acceptance day → the warranty certificate is issued.
    CERTIFICATE = "certificate"
    #: SLA-CERTIFICATE-DELIVERY: the acceptance day → the signed certificate is delivered.
    CERTIFICATE_DELIVERY = "certificate_delivery"
    #: SLA-SITE-CLEAR: the acceptance day → the site is cleared.
    SITE_CLEAR = "site_clear"
    #: SLA-REVISIT-PLAN: the acceptance day → the revisit plan is made.
    REVISIT_PLAN = "revisit_plan"
    #: SLA-STRUCTURAL-REPORT: a structural-safety notice's day → it is reported to the
    #: authority.
    STRUCTURAL_REPORT = "structural_report"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return _SPEC[self][3]

    @property
    def unit(self) -> DeadlineUnit:
        """How this deadline is counted."""
        return _SPEC[self][0]

    @property
    def policy_field(self) -> str:
        """The :class:`~revisit_rules.Policy` field holding its length."""
        return _SPEC[self][1]

    @property
    def rule(self) -> str:
        """The ID of the rule that sets it."""
        return _SPEC[self][2]

    def length(self, policy: Policy | None = None) -> int:
        """The deadline's length under ``policy``, in its unit.

        >>> Deadline.REPAIR_REVISIT.length(), Deadline.LEAK_REPAIR_REVISIT.length()
        (7, 3)

        Raises:
            BlankInSourceError: the source leaves the number blank and the policy has
                none (SIMPLE_REPAIR, MAJOR_REPAIR by default).
        """
        value: int | None = getattr(policy_or_default(policy, rule=self.rule), self.policy_field)
        if value is None:
            raise BlankInSourceError(
                f"Policy.{self.policy_field}",
                None,
                f"a number set by the company: the source's range {_BLANKS[self]} leaves its "
                f"upper bound blank (a range a~b means within b), so Deadline.{self.name} has "
                f"no length until Policy.{self.policy_field} is set",
                rule=self.rule,
            )
        return value


_H, _D, _W = DeadlineUnit.HOURS, DeadlineUnit.DAYS, DeadlineUnit.WORKING_DAYS

#: The kinds whose source leaves the number blank, with the source's words (S000).
_BLANKS: Final[Mapping[Deadline, str]] = FrozenMap(
    {Deadline.SIMPLE_REPAIR: "'1~____天'", Deadline.MAJOR_REPAIR: "'3~____个工作日'"}
)

#: Per kind: unit, Policy field, rule ID, Chinese label (decisions § 7; VIS-RECORD § 5).
_SPEC: Final[Mapping[Deadline, tuple[DeadlineUnit, str, str, str]]] = FrozenMap(
    {
        Deadline.EMERGENCY_ARRIVAL: (
            _H,
            "emergency_arrival_hours",
            "SLA-EMERGENCY",
            "紧急抢修到达现场",
        ),
        Deadline.ARRIVAL: (_H, "arrival_hours", "SLA-ARRIVE", "接到保修通知后赶到现场"),
        Deadline.REPAIR_PLAN: (_H, "repair_plan_hours", "SLA-PLAN", "完成维修方案"),
        Deadline.DISPATCH: (_D, "dispatch_days", "SLA-DISPATCH", "派人保修"),
        Deadline.PM_ARRIVAL: (_D, "pm_arrival_days", "SLA-PM-ARRIVE", "项目经理到达现场"),
        Deadline.SIMPLE_REPAIR: (
            _D,
            "simple_repair_days",
            "SLA-SIMPLE",
            "能自行处理的质量问题给予解决",
        ),
        Deadline.MAJOR_REPAIR: (
            _W,
            "major_repair_working_days",
            "SLA-MAJOR",
            "较大的质量问题保修完成",
        ),
        Deadline.COMPLAINT_CONTACT: (
            _H,
            "complaint_contact_hours",
            "SLA-COMPLAINT",
            "投诉后与业主取得联系",
        ),
        Deadline.COMPLAINT_REVISIT: (
            _D,
            "complaint_revisit_days",
            "SLA-COMPLAINT-REVISIT",
            "投诉处理完毕后回访",
        ),
        Deadline.REPAIR_REVISIT: (_D, "repair_revisit_days", "SLA-REPAIR-REVISIT", "维修后回访"),
        Deadline.SAFETY_REPAIR_REVISIT: (
            _D,
            "safety_repair_revisit_days",
            "SLA-REPAIR-REVISIT",
            "安全设施维修后回访",
        ),
        Deadline.LEAK_REPAIR_REVISIT: (
            _D,
            "leak_repair_revisit_days",
            "SLA-REPAIR-REVISIT",
            "漏水项目维修后回访",
        ),
        Deadline.SUB_NO_ACTION: (
            _H,
            "sub_noaction_hours",
            "SLA-SUB-NOACTION",
            "施工单位接到通知后未安排维修",
        ),
        Deadline.VISIT_RECORD: (_H, "record_hours", "VIS-RECORD", "填写回访记录单"),
        Deadline.PM_NOTIFY: (_H, "pm_notify_hours", "SLA-PM-NOTIFY", "物业受理投诉后通知施工单位"),
        Deadline.NOT_DEFECT_REPLY: (
            _H,
            "not_defect_reply_hours",
            "SLA-NOT-DEFECT-REPLY",
            "非质量缺陷投诉答复业主",
        ),
        Deadline.REPAIR_START: (_D, "repair_start_days", "SLA-REPAIR-START", "维修开始"),
        Deadline.REVISIT_FIX: (
            _H,
            "revisit_fix_hours",
            "SLA-REVISIT-FIX",
            "回访发现问题书面通知整改",
        ),
        Deadline.CERTIFICATE: (_D, "certificate_days", "SLA-CERTIFICATE", "出具质量保修书"),
        Deadline.CERTIFICATE_DELIVERY: (
            _D,
            "certificate_delivery_days",
            "SLA-CERTIFICATE-DELIVERY",
            "发送房屋保修卡",
        ),
        Deadline.SITE_CLEAR: (_D, "site_clear_days", "SLA-SITE-CLEAR", "现场撤场"),
        Deadline.REVISIT_PLAN: (_D, "revisit_plan_days", "SLA-REVISIT-PLAN", "制定工程回访计划"),
        Deadline.STRUCTURAL_REPORT: (
            _D,
            "structural_report_days",
            "SLA-STRUCTURAL-REPORT",
            "涉及结构安全的质量缺陷报告",
        ),
    }
)


def _zone(policy: Policy) -> ZoneInfo:
    try:
        return ZoneInfo(policy.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInputError(
            "Policy.timezone",
            policy.timezone,
            "an IANA time zone name such as 'Asia/Shanghai'",
            rule="SLA-ARRIVE",
        ) from None


def _kind(value: object) -> Deadline:
    return check_member("kind", value, Deadline, rule="SLA-ARRIVE")


def _hours_start(kind: Deadline, start: object) -> dt.datetime:
    why = f"Deadline.{kind.name} counts hours from an instant"
    return check_aware("start", start, rule=kind.rule, why=why)


def _days_start(kind: Deadline, start: object) -> dt.date:
    if isinstance(start, dt.datetime):
        raise InvalidTypeError(
            "start",
            start,
            f"a datetime.date, not a datetime (Deadline.{kind.name} counts "
            f"{kind.unit.value.replace('_', ' ')}; pass start.date())",
            rule=kind.rule,
        )
    return check_date("start", start, rule=kind.rule)


@overload
def deadline(  # type: ignore[overload-overlap]  # a datetime is a date: hour kinds first
    kind: Deadline,
    start: dt.datetime,
    *,
    policy: Policy | None = None,
    calendar: WorkCalendar | None = None,
    structural: bool = False,
) -> dt.datetime: ...


@overload
def deadline(
    kind: Deadline,
    start: dt.date,
    *,
    policy: Policy | None = None,
    calendar: WorkCalendar | None = None,
    structural: bool = False,
) -> DateResult: ...


def deadline(
    kind: Deadline,
    start: dt.date,
    *,
    policy: Policy | None = None,
    calendar: WorkCalendar | None = None,
    structural: bool = False,
) -> DateResult | dt.datetime:
    """The deadline of ``kind`` counted from ``start``.

    Args:
        kind: which deadline (its unit, length and rule are ``kind.unit``,
            ``kind.length(policy)`` and ``kind.rule``).
        start: for hour kinds, the time-zone-aware instant of the notice (or the visit, for
            VISIT_RECORD); for day and working-day kinds, the day it was received.
        policy: the lengths, the time zone and the counting convention (default
            ``Policy()``).
        calendar: the working-day calendar for the roll and for working days (default
            :func:`~revisit_rules.china_calendar`); not read by hour kinds.
        structural: the notice is of a structural-safety defect (MEAS 10). SLA-PLAN does
            not apply to it: its plan comes from a design unit, and the owner's report
            (``Deadline.STRUCTURAL_REPORT``) applies instead.

    Returns:
        For hour kinds, an aware ``datetime`` in the policy's time zone; for day and
        working-day kinds, a :class:`~revisit_rules.DateResult` whose rules start with the
        kind's rule.

    Raises:
        InvalidTypeError: a ``date`` for an hour kind, a ``datetime`` for a day kind, or a
            ``kind`` that is not a :class:`Deadline`.
        InvalidInputError: a naive ``datetime``; an unknown time zone in the policy;
            ``REPAIR_PLAN`` for a structural-safety notice (SLA-STRUCTURAL-REPORT applies).
        BlankInSourceError: a kind whose source leaves its number blank (SIMPLE_REPAIR,
            MAJOR_REPAIR) while the policy does not set it.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> utc = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)  # 10:00 in Shanghai
    >>> deadline(Deadline.REPAIR_PLAN, utc).isoformat()
    '2026-03-03T10:00:00+08:00'
    >>> result = deadline(Deadline.PM_ARRIVAL, dt.date(2026, 3, 2))
    >>> result.day, result.rules
    (datetime.date(2026, 3, 12), ('SLA-PM-ARRIVE', 'CAL-PERIOD', 'CAL-CN'))
    """
    kind = _kind(kind)
    check_bool("structural", structural, rule="SLA-PLAN")
    if structural and kind is Deadline.REPAIR_PLAN:
        raise InvalidInputError(
            "kind",
            kind.name,
            "a deadline that applies to a structural-safety notice: its repair plan comes "
            "from a design unit (MEAS 10), and the owner reports it to the authority on the "
            "notice day, Deadline.STRUCTURAL_REPORT (SLA-STRUCTURAL-REPORT)",
            rule="SLA-PLAN",
        )
    pol = policy_or_default(policy, rule=kind.rule)
    calendar = calendar_or_default(calendar)
    if kind.unit is DeadlineUnit.HOURS:
        instant = _hours_start(kind, start)
        n = kind.length(pol)
        # Elapsed hours (CC 201 para. 2): computed in UTC, shown in the policy's zone.
        try:
            return (instant.astimezone(dt.UTC) + dt.timedelta(hours=n)).astimezone(_zone(pol))
        except OverflowError:
            raise DateRangeError(
                "start",
                start,
                f"an instant whose deadline, {n} hours later (Deadline.{kind.name}), lies "
                "within the years 1-9999 in UTC",
                rule=kind.rule,
            ) from None
    day = _days_start(kind, start)
    n = kind.length(pol)  # after the arguments: a bad start is named before a blank
    if kind.unit is DeadlineUnit.DAYS:
        # A company deadline counts from the day after its trigger (CC 201) whatever the
        # contract's convention, and rolls only under roll_to_working_day (CAL-CONVENTION).
        result = _period_end(
            day,
            Days(n),
            pol=pol,
            region=None,
            design_life_years=None,
            calendar=calendar,
            convention=Convention.CIVIL_CODE,
        )
        rules = (kind.rule, *result.rules)
        if pol.convention is not Convention.CIVIL_CODE:
            rules += ("CAL-CONVENTION",)
        return DateResult(result.day, result.provisional, rules)
    cal = calendar if calendar is not None else china_calendar()
    result = cal.offset(day, n)
    return DateResult(result.day, result.provisional, (kind.rule, *result.rules))
