"""Actuals: where each planned visit stands on a given day (VIS-RECORD)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping

import attrs

from revisit_rules._check import RULE_IDS, check_date, instance, member, tuple_of
from revisit_rules.errors import (
    InvalidInputError,
    InvalidTypeError,
)
from revisit_rules.grading import Grade
from revisit_rules.policy import Policy, policy_or_default
from revisit_rules.revisits.visits import (
    Visit,
)

__all__ = ["VisitRecord", "VisitState", "VisitStatus", "visit_status"]


# --- actuals -------------------------------------------------------------------------------


class VisitStatus(enum.Enum):
    """Where a planned visit stands on a given day."""

    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"
    DONE_LATE = "done_late"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {
            "upcoming": "未到期",
            "due": "待回访",
            "overdue": "逾期未回访",
            "done": "已回访",
            "done_late": "逾期后已回访",
        }[self.value]


@attrs.frozen
class VisitRecord:
    """A visit done: which planned visit, the day it was done, and its grade if graded."""

    project_id: str
    visit: Visit
    done_on: dt.date = attrs.field(
        validator=lambda _i, _a, v: check_date("VisitRecord.done_on", v, rule="VIS-RECORD")
    )
    grade: Grade | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        """Every field of its type; the record belongs to the visit's project."""
        if not isinstance(self.visit, Visit):
            raise InvalidTypeError(
                "VisitRecord.visit", self.visit, "a revisit_rules.Visit", rule="VIS-RECORD"
            )
        if self.grade is not None and not isinstance(self.grade, Grade):
            raise InvalidTypeError(
                "VisitRecord.grade", self.grade, "a Grade (A, B, C) or None", rule="SAT-ABC"
            )
        if self.project_id != self.visit.project_id:
            raise InvalidInputError(
                "VisitRecord.project_id",
                self.project_id,
                f"the visit's project ({self.visit.project_id})",
                rule="VIS-RECORD",
            )


@attrs.frozen
class VisitState:
    """A planned visit's status on a day, with the record that closed it, if any."""

    visit: Visit = attrs.field(validator=instance("VisitState.visit", Visit, rule="VIS-RECORD"))
    status: VisitStatus = attrs.field(
        validator=member("VisitState.status", VisitStatus, rule="VIS-RECORD")
    )
    record: VisitRecord | None = attrs.field(
        validator=instance("VisitState.record", VisitRecord, rule="VIS-RECORD", optional=True)
    )
    rules: tuple[str, ...] = attrs.field(
        validator=tuple_of("VisitState.rules", str, rule="VIS-RECORD", what=RULE_IDS)
    )


def _iterable(field: str, value: object) -> tuple[object, ...]:
    """The items of ``value``, an iterable other than a str or a mapping; else a typed error."""
    if isinstance(value, str | Mapping) or not isinstance(value, Iterable):
        raise InvalidTypeError(field, value, "an iterable (list, tuple)", rule="VIS-RECORD")
    return tuple(value)


def visit_status(
    visits: Iterable[Visit],
    records: Iterable[VisitRecord],
    on: dt.date,
    *,
    policy: Policy | None = None,
) -> tuple[VisitState, ...]:
    """Each planned visit's status on day ``on``: done, due, overdue or upcoming.

    A visit is *due* from ``policy.reminder_days`` before its window opens through its
    last day, *overdue* after that, *done* once a record names it (*done late* if the
    record's day is after the window). Records that name no planned visit are an error.

    Raises:
        InvalidTypeError: ``visits`` or ``records`` not an iterable (a str or a mapping
            is refused), an item that is not a :class:`Visit` or a :class:`VisitRecord`,
            ``on`` not a date.
        InvalidInputError: a record of a visit that is not among ``visits``.
    """
    day = check_date("on", on, rule="VIS-TARGET")
    pol = policy_or_default(policy, rule="VIS-RECORD")
    planned: list[Visit] = []
    for visit in _iterable("visits", visits):
        if not isinstance(visit, Visit):
            raise InvalidTypeError("visits[]", visit, "a revisit_rules.Visit", rule="VIS-RECORD")
        planned.append(visit)
    by_visit: dict[Visit, VisitRecord] = {}
    known = set(planned)
    for record in _iterable("records", records):
        if not isinstance(record, VisitRecord):
            raise InvalidTypeError("records[]", record, "a VisitRecord", rule="VIS-RECORD")
        if record.visit not in known:
            raise InvalidInputError(
                "records[].visit", record.visit.uid, "a visit of the plan", rule="VIS-RECORD"
            )
        by_visit[record.visit] = record
    lead = dt.timedelta(days=pol.reminder_days)
    states = []
    for visit in planned:
        done = by_visit.get(visit)
        if done is not None:
            status = VisitStatus.DONE_LATE if done.done_on > visit.latest else VisitStatus.DONE
        elif day > visit.latest:
            status = VisitStatus.OVERDUE
        elif day >= visit.earliest - lead:
            status = VisitStatus.DUE
        else:
            status = VisitStatus.UPCOMING
        states.append(VisitState(visit, status, done, ("VIS-TARGET", "VIS-RECORD")))
    return tuple(states)
