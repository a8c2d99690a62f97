"""Events of the service log: what happened, when, to which project (LED-EVENTS, LED-CHECK).

An :class:`Event` is a fact with a time: a repair notice, an arrival on site, a repair
done, a complaint and its handling, a planned visit done, a survey sent … Each names its
project and, where it follows another event (a notice, a complaint, a visit), that event's
id. Most events happen at an instant, a time-zone-aware ``datetime``; six are day events
dated by a ``datetime.date`` (the certificate issued and delivered, the site cleared, the
revisit plan made, a survey sent and returned; LED-CLOCKS). The kinds that need details
carry one frozen, typed value each (:class:`NoticeDetails`, :class:`ComplaintDetails`,
:class:`RepairDone`, :class:`RepairRevisit`, :class:`VisitDone`, :class:`Survey`,
:class:`Excused`), checked when the event is built: a naive datetime, a day event given an
instant, a missing or foreign detail, an event that must follow another and names none —
each is a :class:`~revisit_rules.LedgerInputError` naming the event's id and the field.

Checks that need the whole log (an unknown project or followed event, an event before the
acceptance or before the event it follows, duplicated ids) belong to the ledger.

>>> import datetime as dt
>>> import revisit_rules as rr
>>> at = dt.datetime(2026, 5, 6, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
>>> notice = rr.Event.notice("N-1", "P-1", at, category=rr.Category.WATERPROOFING)
>>> notice.kind, notice.details.emergency
(<EventKind.NOTICE: 'notice'>, False)
>>> rr.Event.following(rr.EventKind.ARRIVED, "A-1", notice, at + dt.timedelta(hours=20)).follows
'N-1'
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, Final

import attrs

from revisit_rules.errors import InvalidInputError, LedgerInputError, LedgerTypeError
from revisit_rules.service_ledger.details import (
    ComplaintDetails,
    ComplaintSeverity,
    Details,
    Excused,
    NoticeDetails,
    RepairDone,
    RepairKind,
    RepairRevisit,
    RepairScale,
    RevisitRole,
    Survey,
    VisitDone,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from revisit_rules.categories import Category

__all__ = ["Event", "EventKind"]

_RULE: Final = "LED-CHECK"


class EventKind(enum.Enum):
    """A kind of event of the service log (LED-EVENTS)."""

    NOTICE = "notice"
    CONTRACTOR_NOTIFIED = "contractor_notified"
    ARRIVED = "arrived"
    PM_ARRIVED = "pm_arrived"
    PLAN_ISSUED = "plan_issued"
    DISPATCHED = "dispatched"
    REPAIR_STARTED = "repair_started"
    REPAIR_DONE = "repair_done"
    REPAIR_ACCEPTED = "repair_accepted"
    REPAIR_REVISITED = "repair_revisited"
    FIX_NOTICE_SENT = "fix_notice_sent"
    COMPLAINT = "complaint"
    COMPLAINT_CONTACTED = "complaint_contacted"
    COMPLAINT_ANSWERED = "complaint_answered"
    COMPLAINT_CLOSED = "complaint_closed"
    COMPLAINT_REVISITED = "complaint_revisited"
    REVISIT_PLAN_MADE = "revisit_plan_made"
    VISIT_DONE = "visit_done"
    VISIT_RECORDED = "visit_recorded"
    SURVEY_SENT = "survey_sent"
    SURVEY_RETURNED = "survey_returned"
    CERTIFICATE_ISSUED = "certificate_issued"
    CERTIFICATE_DELIVERED = "certificate_delivered"
    SITE_CLEARED = "site_cleared"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return _ZH[self]

    @property
    def day_event(self) -> bool:
        """Whether the event is dated by a day, not an instant (LED-CLOCKS)."""
        return self in _DAY_EVENTS

    @property
    def follows_another(self) -> bool:
        """Whether the event follows another, whose id it must name (LED-EVENTS)."""
        return self in _FOLLOWING


_ZH: Final = {
    EventKind.NOTICE: "保修通知",
    EventKind.CONTRACTOR_NOTIFIED: "物业通知施工单位",
    EventKind.ARRIVED: "维修人员到场",
    EventKind.PM_ARRIVED: "项目经理到场",
    EventKind.PLAN_ISSUED: "提出维修方案",
    EventKind.DISPATCHED: "派工",
    EventKind.REPAIR_STARTED: "开始维修",
    EventKind.REPAIR_DONE: "维修完成",
    EventKind.REPAIR_ACCEPTED: "维修验收",
    EventKind.REPAIR_REVISITED: "维修回访",
    EventKind.FIX_NOTICE_SENT: "书面通知整改",
    EventKind.COMPLAINT: "投诉",
    EventKind.COMPLAINT_CONTACTED: "联系投诉人",
    EventKind.COMPLAINT_ANSWERED: "答复投诉人",
    EventKind.COMPLAINT_CLOSED: "投诉处理完毕",
    EventKind.COMPLAINT_REVISITED: "投诉回访",
    EventKind.REVISIT_PLAN_MADE: "制定回访计划",
    EventKind.VISIT_DONE: "回访完成",
    EventKind.VISIT_RECORDED: "回访记录归档",
    EventKind.SURVEY_SENT: "发放调查表",
    EventKind.SURVEY_RETURNED: "收回调查表",
    EventKind.CERTIFICATE_ISSUED: "签发保修书",
    EventKind.CERTIFICATE_DELIVERED: "交付保修书",
    EventKind.SITE_CLEARED: "清场完毕",
}
_DAY_EVENTS: Final = frozenset(
    {
        EventKind.CERTIFICATE_ISSUED,
        EventKind.CERTIFICATE_DELIVERED,
        EventKind.SITE_CLEARED,
        EventKind.REVISIT_PLAN_MADE,
        EventKind.SURVEY_SENT,
        EventKind.SURVEY_RETURNED,
    }
)
#: The kinds that follow another event: the clock table's "discharged by" column.
_FOLLOWING: Final = frozenset(
    {
        EventKind.CONTRACTOR_NOTIFIED,
        EventKind.ARRIVED,
        EventKind.PM_ARRIVED,
        EventKind.PLAN_ISSUED,
        EventKind.DISPATCHED,
        EventKind.REPAIR_STARTED,
        EventKind.REPAIR_DONE,
        EventKind.REPAIR_ACCEPTED,
        EventKind.REPAIR_REVISITED,
        EventKind.FIX_NOTICE_SENT,
        EventKind.COMPLAINT_CONTACTED,
        EventKind.COMPLAINT_ANSWERED,
        EventKind.COMPLAINT_CLOSED,
        EventKind.COMPLAINT_REVISITED,
        EventKind.VISIT_RECORDED,
    }
)


#: Per kind: the details it may carry, and whether it must.
_DETAILS: Final[dict[EventKind, tuple[type, bool]]] = {
    EventKind.NOTICE: (NoticeDetails, True),
    # a routed complaint's receipt: its notice details, once the site check found a defect
    EventKind.CONTRACTOR_NOTIFIED: (NoticeDetails, False),
    EventKind.REPAIR_STARTED: (Excused, False),
    EventKind.REPAIR_DONE: (RepairDone, True),
    EventKind.REPAIR_REVISITED: (RepairRevisit, True),
    EventKind.COMPLAINT: (ComplaintDetails, True),
    EventKind.VISIT_DONE: (VisitDone, True),
    EventKind.SURVEY_SENT: (Survey, True),
    EventKind.SURVEY_RETURNED: (Survey, True),
}


# --- the event ----------------------------------------------------------------------------


def _event_field(event_id: object, name: str) -> str:
    return f"Event({event_id}).{name}"


def _text(event_id: object, name: str, value: object) -> str:
    if not isinstance(value, str):
        raise LedgerTypeError(_event_field(event_id, name), value, "a non-empty str", rule=_RULE)
    if not value.strip():
        raise LedgerInputError(_event_field(event_id, name), value, "a non-empty str", rule=_RULE)
    return value


@attrs.frozen
class Event:
    """One fact of the service log (LED-EVENTS); see the module's text and the constructors.

    Attributes:
        id: the event's id, unique in the log.
        project_id: the project it happened to.
        kind: what happened.
        at: a time-zone-aware ``datetime``; a ``datetime.date`` for the day events
            (:attr:`EventKind.day_event`).
        follows: the id of the event it follows (a notice, a complaint, a visit done), for
            the kinds that follow one (:attr:`EventKind.follows_another`); else ``None``.
        details: the kind's details (:class:`NoticeDetails` for a NOTICE, …), or ``None``
            for the kinds that have none.

    Raises:
        LedgerInputError: any field that is not acceptable, naming ``Event(id).field``
            (:class:`~revisit_rules.LedgerTypeError` for a wrong type).
    """

    id: str
    project_id: str
    kind: EventKind
    at: dt.datetime | dt.date
    follows: str | None = attrs.field(default=None, kw_only=True)
    details: Details | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        """Check every field, the id first so that every message can name the event."""
        if not isinstance(self.id, str) or not self.id.strip():
            error = LedgerInputError if isinstance(self.id, str) else LedgerTypeError
            raise error("Event.id", self.id, "a non-empty str", rule=_RULE)
        _text(self.id, "project_id", self.project_id)
        if not isinstance(self.kind, EventKind):
            raise LedgerTypeError(
                _event_field(self.id, "kind"), self.kind, "an EventKind", rule=_RULE
            )
        self._check_at()
        self._check_follows()
        self._check_details()

    def _check_at(self) -> None:
        field = _event_field(self.id, "at")
        if self.kind.day_event:
            if isinstance(self.at, dt.datetime) or not isinstance(self.at, dt.date):
                raise LedgerTypeError(
                    field,
                    self.at,
                    f"a datetime.date: {self.kind.name} is a day event",
                    rule="LED-CLOCKS",
                )
            return
        if not isinstance(self.at, dt.datetime):
            raise LedgerTypeError(
                field,
                self.at,
                f"a time-zone-aware datetime: {self.kind.name} is an instant",
                rule="LED-CLOCKS",
            )
        if self.at.utcoffset() is None:
            raise LedgerInputError(
                field,
                self.at,
                "a time-zone-aware datetime, not a naive one "
                "(e.g. tzinfo=ZoneInfo('Asia/Shanghai'))",
                rule=_RULE,
            )

    def _check_follows(self) -> None:
        field = _event_field(self.id, "follows")
        if self.kind.follows_another:  # LED-EVENTS: it names the event it follows
            if not isinstance(self.follows, str) or not self.follows.strip():
                error = (
                    LedgerInputError if isinstance(self.follows, str | None) else LedgerTypeError
                )
                raise error(
                    field,
                    self.follows,
                    f"the id of the event a {self.kind.name} follows",
                    rule="LED-EVENTS",
                )
            if self.follows == self.id:
                raise LedgerInputError(field, self.follows, "another event's id", rule=_RULE)
        elif self.follows is not None:
            raise LedgerInputError(
                field, self.follows, f"None: a {self.kind.name} follows no event", rule=_RULE
            )

    def _check_details(self) -> None:
        field = _event_field(self.id, "details")
        kind, required = _DETAILS.get(self.kind, (type(None), False))
        if self.details is None:
            if required:
                raise LedgerInputError(
                    field, None, f"a {kind.__name__} for a {self.kind.name}", rule=_RULE
                )
            return
        if not isinstance(self.details, kind):
            what = f"a {kind.__name__}" if kind is not type(None) else "None"
            raise LedgerTypeError(field, self.details, f"{what} for a {self.kind.name}", rule=_RULE)
        if isinstance(self.details, Survey):
            sent = self.kind is EventKind.SURVEY_SENT
            if sent != (self.details.returned is None):
                expected = (
                    "None: the forms come back on SURVEY_RETURNED"
                    if sent
                    else "how many forms came back"
                )
                raise LedgerInputError(
                    f"{field}.returned", self.details.returned, expected, rule="SAT-RESPONSE"
                )

    # --- named constructors ---------------------------------------------------------------

    @classmethod
    def notice(
        cls,
        id: str,  # noqa: A002 - the field's name
        project_id: str,
        at: dt.datetime,
        *,
        category: Category,
        emergency: bool = False,
        repair_kind: RepairKind = RepairKind.OTHER,
        scale: RepairScale | None = None,
        structural: bool = False,
    ) -> Event:
        """A repair notice to the contractor (保修通知; a phone notice starts the clock)."""
        details = _built(
            id,
            NoticeDetails,
            category,
            emergency=emergency,
            repair_kind=repair_kind,
            scale=scale,
            structural=structural,
        )
        return cls(id, project_id, EventKind.NOTICE, at, details=details)

    @classmethod
    def complaint(
        cls,
        id: str,  # noqa: A002 - the field's name
        project_id: str,
        at: dt.datetime,
        *,
        severity: ComplaintSeverity = ComplaintSeverity.MINOR,
        is_defect: bool | None = None,
    ) -> Event:
        """An owner's complaint to the property manager (S001 投诉处理)."""
        details = _built(id, ComplaintDetails, severity, is_defect=is_defect)
        return cls(id, project_id, EventKind.COMPLAINT, at, details=details)

    @classmethod
    def following(
        cls,
        kind: EventKind,
        id: str,  # noqa: A002 - the field's name
        follows: Event | str,
        at: dt.datetime | dt.date,
        *,
        project_id: str | None = None,
        details: Details | None = None,
    ) -> Event:
        """An event that follows ``follows`` (an Event, whose project it takes, or an id).

        Raises:
            LedgerInputError: ``project_id`` missing with an id, or not the followed
                event's project.
            LedgerTypeError: ``follows`` neither an Event nor an id.
        """
        if not isinstance(follows, Event | str):
            raise LedgerTypeError(
                _event_field(id, "follows"),
                follows,
                "the Event it follows, or that event's id",
                rule="LED-EVENTS",
            )
        if isinstance(follows, Event):
            if project_id is not None and project_id != follows.project_id:
                raise LedgerInputError(
                    _event_field(id, "project_id"),
                    project_id,
                    f"the project of the event it follows ({follows.project_id})",
                    rule=_RULE,
                )
            project_id, follows = follows.project_id, follows.id
        if project_id is None:
            raise LedgerInputError(
                _event_field(id, "project_id"),
                None,
                "the project's id (or pass the followed Event itself)",
                rule=_RULE,
            )
        return cls(id, project_id, kind, at, follows=follows, details=details)

    @classmethod
    def repair_done(
        cls,
        id: str,  # noqa: A002 - the field's name
        follows: Event | str,
        at: dt.datetime,
        *,
        ok: bool = True,
        project_id: str | None = None,
    ) -> Event:
        """A repair done, ``ok`` whether the owner found it right (MEAS 11)."""
        details = _built(id, RepairDone, ok)
        return cls.following(
            EventKind.REPAIR_DONE, id, follows, at, project_id=project_id, details=details
        )

    @classmethod
    def repair_revisited(
        cls,
        id: str,  # noqa: A002 - the field's name
        follows: Event | str,
        at: dt.datetime,
        *,
        role: RevisitRole,
        problem: bool = False,
        project_id: str | None = None,
    ) -> Event:
        """A repair revisit by ``role``; ``problem`` if it found one (SLA-REVISIT-FIX)."""
        details = _built(id, RepairRevisit, role, problem=problem)
        return cls.following(
            EventKind.REPAIR_REVISITED, id, follows, at, project_id=project_id, details=details
        )

    @classmethod
    def visit_done(
        cls,
        id: str,  # noqa: A002 - the field's name
        project_id: str,
        at: dt.datetime,
        *,
        visit_ids: Iterable[str] = (),
    ) -> Event:
        """A revisit done, discharging the planned visits ``visit_ids`` (their uids)."""
        details = _built(id, VisitDone, visit_ids)
        return cls(id, project_id, EventKind.VISIT_DONE, at, details=details)

    @classmethod
    def on_day(
        cls,
        kind: EventKind,
        id: str,  # noqa: A002 - the field's name
        project_id: str,
        day: dt.date,
        *,
        details: Details | None = None,
    ) -> Event:
        """A day event: the certificate issued or delivered, the site cleared, the plan made."""
        return cls(id, project_id, kind, day, details=details)


def _built(event_id: str, kind: type[Any], *args: object, **kwargs: object) -> Any:  # noqa: ANN401
    """``kind(*args, **kwargs)``, its errors naming the event (``Event(id).details.x``)."""
    try:
        return kind(*args, **kwargs)
    except InvalidInputError as err:
        name = err.field.partition(".")[2] or err.field
        error = LedgerTypeError if isinstance(err, TypeError) else LedgerInputError
        raise error(
            _event_field(event_id, f"details.{name}"), err.value, err.expected, rule=err.rule
        ) from None
