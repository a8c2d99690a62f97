"""Obligations: what a rule made someone owe, by when, and how it stands (LED-OBLIGATION).

An :class:`Obligation` arises when its trigger happens: the acceptance, a repair notice, a
complaint, a repair done, a planned visit's window, a year's fourth quarter. It names the
rule, who owes it (its obligor), when its clock started and when it is due, and, as of the
ledger's instant, its :class:`ObligationState`. The clock table of LED-CLOCKS is data here
(:data:`CLOCKS`): per rule, the deadline that counts it, the events that discharge it and
who owes it.

Who owes what is the ledger's decision where the sources name no one (decisions § 10): the
contractor (施工单位) owes the arrivals, plans, dispatches, repairs, certificate, site and
revisits of its works; its project manager the arrival to fix liability (SLA-PM-ARRIVE);
the owner the structural report (MEAS 10); the property manager (物业公司) what its own
procedures (S001) promise the owner: notifying the contractor, answering, contacting,
starting the repair, and the revisits after repairs and complaints.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo

import attrs

from revisit_rules._check import (
    RULE_IDS,
    check_aware,
    check_bool,
    check_instance,
    check_member,
    check_str,
    check_tuple,
)
from revisit_rules.deadlines import Deadline
from revisit_rules.liability_values import Role
from revisit_rules.service_ledger.events import EventKind

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["CLOCKS", "Clock", "Obligation", "ObligationState"]


class ObligationState(enum.Enum):
    """Where an obligation stands as of the ledger's instant (LED-STATE)."""

    MET = "met"
    LATE = "late"
    OVERDUE = "overdue"
    OPEN = "open"
    EXCUSED = "excused"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {
            "met": "按时完成",
            "late": "逾期完成",
            "overdue": "已逾期",
            "open": "未到期",
            "excused": "允许例外",
        }[self.value]

    @property
    def final(self) -> bool:
        """Whether no later event can change it (MET, LATE, EXCUSED)."""
        return self in {ObligationState.MET, ObligationState.LATE, ObligationState.EXCUSED}


@attrs.frozen
class Clock:
    """One row of the clock table: how a rule's obligation is counted and discharged.

    Attributes:
        deadline: the :class:`~revisit_rules.Deadline` that counts it, or ``None`` where
            the obligation has a window of its own (a planned visit, the Q4 survey).
        discharged_by: the kinds of event that discharge it (the first one following the
            trigger, LED-CLOCKS).
        obligor: who owes it.
    """

    deadline: Deadline | None
    discharged_by: frozenset[EventKind]
    obligor: Role


def _clock(deadline: Deadline | None, obligor: Role, *kinds: EventKind) -> Clock:
    return Clock(deadline, frozenset(kinds), obligor)


#: The zones whose instants always have an offset: aware without asking (a hot path).
_ZONES: Final = frozenset({ZoneInfo, dt.timezone})

_GC, _PM, _OWNER, _PROP = (
    Role.GENERAL_CONTRACTOR,
    Role.PROJECT_MANAGER,
    Role.OWNER,
    Role.PROPERTY_MANAGER,
)
K = EventKind

#: The clock table of LED-CLOCKS (decisions § 10), by rule.
CLOCKS: Final[Mapping[str, Clock]] = {
    # a receipt: a NOTICE, or the CONTRACTOR_NOTIFIED of a routed complaint
    "SLA-EMERGENCY": _clock(Deadline.EMERGENCY_ARRIVAL, _GC, K.ARRIVED),
    "SLA-ARRIVE": _clock(Deadline.ARRIVAL, _GC, K.ARRIVED),
    "SLA-PLAN": _clock(Deadline.REPAIR_PLAN, _GC, K.PLAN_ISSUED),
    "SLA-STRUCTURAL-REPORT": _clock(Deadline.STRUCTURAL_REPORT, _OWNER, K.PLAN_ISSUED),
    "SLA-DISPATCH": _clock(Deadline.DISPATCH, _GC, K.DISPATCHED, K.ARRIVED),
    "SLA-PM-ARRIVE": _clock(Deadline.PM_ARRIVAL, _PM, K.PM_ARRIVED),
    "SLA-SIMPLE": _clock(Deadline.SIMPLE_REPAIR, _GC, K.REPAIR_DONE),
    "SLA-MAJOR": _clock(Deadline.MAJOR_REPAIR, _GC, K.REPAIR_DONE),
    # the property manager's notice to the contractor
    "SLA-SUB-NOACTION": _clock(
        Deadline.SUB_NO_ACTION, _GC, K.DISPATCHED, K.ARRIVED, K.REPAIR_STARTED
    ),
    # a complaint
    "SLA-PM-NOTIFY": _clock(Deadline.PM_NOTIFY, _PROP, K.CONTRACTOR_NOTIFIED),
    "SLA-REPAIR-START": _clock(Deadline.REPAIR_START, _PROP, K.REPAIR_STARTED),
    "SLA-NOT-DEFECT-REPLY": _clock(Deadline.NOT_DEFECT_REPLY, _PROP, K.COMPLAINT_ANSWERED),
    "SLA-COMPLAINT": _clock(
        Deadline.COMPLAINT_CONTACT, _PROP, K.COMPLAINT_CONTACTED, K.COMPLAINT_ANSWERED
    ),
    "SLA-COMPLAINT-REVISIT": _clock(Deadline.COMPLAINT_REVISIT, _PROP, K.COMPLAINT_REVISITED),
    # a repair done, a repair revisit that found a problem, a visit done
    "SLA-REPAIR-REVISIT": _clock(Deadline.REPAIR_REVISIT, _PROP, K.REPAIR_REVISITED),
    "SLA-REVISIT-FIX": _clock(Deadline.REVISIT_FIX, _PROP, K.FIX_NOTICE_SENT),
    "VIS-RECORD": _clock(Deadline.VISIT_RECORD, _GC, K.VISIT_RECORDED),
    # the acceptance day
    "SLA-CERTIFICATE": _clock(Deadline.CERTIFICATE, _GC, K.CERTIFICATE_ISSUED),
    "SLA-CERTIFICATE-DELIVERY": _clock(Deadline.CERTIFICATE_DELIVERY, _GC, K.CERTIFICATE_DELIVERED),
    "SLA-SITE-CLEAR": _clock(Deadline.SITE_CLEAR, _GC, K.SITE_CLEARED),
    "SLA-REVISIT-PLAN": _clock(Deadline.REVISIT_PLAN, _GC, K.REVISIT_PLAN_MADE),
    # windows of their own: each planned visit (VIS-TARGET), each year's survey
    "VIS-TARGET": _clock(None, _GC, K.VISIT_DONE),
    "SAT-SURVEY": _clock(None, _GC, K.SURVEY_SENT),
}


@attrs.frozen
class Obligation:
    """One obligation of the ledger, as of its instant (LED-OBLIGATION, LED-STATE).

    Attributes:
        id: stable: ``rule:subject`` (``SLA-ARRIVE:N-1``, ``VIS-TARGET:P-1:HANDOVER:1``).
        project_id: the project.
        rule: the rule it arises under (a key of :data:`CLOCKS`).
        subject: what it is about: the triggering event's id, a planned visit's uid, or
            ``project:ACCEPTANCE`` / ``project:SURVEY:year``.
        obligor: who owes it.
        trigger: the id of the event that started it, or ``None`` for the acceptance day,
            a planned visit and the year's survey.
        starts: when its clock started (an aware datetime; a day at 00:00 of the policy's
            time zone).
        due_at: when it is due: an aware datetime; a day rule's due day ends at 24:00, so
            ``due_at`` is 00:00 of the next day.
        state: its state as of the ledger's instant.
        discharged_by: the id of the event that discharged it, or ``None``.
        lateness: how late a LATE obligation was discharged; ``None`` otherwise.
        provisional: the due day rests on a calendar year not yet published
            (CAL-PROVISIONAL).
        rules: the rules that produced it.
    """

    id: str
    project_id: str
    rule: str
    subject: str
    obligor: Role
    trigger: str | None
    starts: dt.datetime
    due_at: dt.datetime
    state: ObligationState
    discharged_by: str | None
    lateness: dt.timedelta | None
    provisional: bool
    rules: tuple[str, ...]

    def __attrs_post_init__(self) -> None:
        """Every field of its type, one look each: the ledger builds one per obligation.

        The rule IDs in ``rules`` are not looked at one by one where ``rules`` is a tuple
        (as :class:`~revisit_rules.DateResult` does); any other value is refused. An
        instant in a ``ZoneInfo`` or a ``timezone`` is aware without asking its offset
        (which costs more than the other looks together); any other zone is asked.
        """
        trigger, discharged_by, lateness = self.trigger, self.discharged_by, self.lateness
        if (
            type(self.id) is str
            and type(self.project_id) is str
            and type(self.rule) is str
            and type(self.subject) is str
            and self.id.strip()
            and self.project_id.strip()
            and self.rule.strip()
            and self.subject.strip()
            and type(self.obligor) is Role
            and (trigger is None or type(trigger) is str)
            and type(self.starts) is dt.datetime
            and type(self.due_at) is dt.datetime
            and type(self.starts.tzinfo) in _ZONES
            and type(self.due_at.tzinfo) in _ZONES
            and type(self.state) is ObligationState
            and (discharged_by is None or type(discharged_by) is str)
            and (lateness is None or type(lateness) is dt.timedelta)
            and type(self.provisional) is bool
            and type(self.rules) is tuple
        ):
            return
        _check_obligation(self)

    @property
    def due_day(self) -> dt.date:
        """The last day it may be discharged on, in its time zone (for tables and worklists)."""
        last = self.due_at - dt.timedelta(microseconds=1)
        return last.date()


def _check_obligation(obligation: Obligation) -> None:
    """The typed error for the first field of ``obligation`` of the wrong type, if any."""
    o, rule, state = obligation, "LED-OBLIGATION", "LED-STATE"
    for name in ("id", "project_id", "rule", "subject"):
        check_str(f"Obligation.{name}", getattr(o, name), rule=rule, nonempty=True)
    check_member("Obligation.obligor", o.obligor, Role, rule=rule)
    check_instance("Obligation.trigger", o.trigger, str, rule=rule, optional=True)
    check_aware("Obligation.starts", o.starts, rule=rule)
    check_aware("Obligation.due_at", o.due_at, rule=rule)
    check_member("Obligation.state", o.state, ObligationState, rule=state)
    check_instance("Obligation.discharged_by", o.discharged_by, str, rule=state, optional=True)
    check_instance("Obligation.lateness", o.lateness, dt.timedelta, rule=state, optional=True)
    check_bool("Obligation.provisional", o.provisional, rule="CAL-PROVISIONAL")
    check_tuple("Obligation.rules", o.rules, str, rule=rule, what=RULE_IDS)
