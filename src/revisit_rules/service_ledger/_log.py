"""The event log, checked and indexed (LED-CHECK): the checks that need the whole log.

An :class:`~revisit_rules.Event` checks itself when built; here the log is checked as a
whole, and refused with a :class:`~revisit_rules.LedgerInputError` naming the event and
the field: an event of an unknown project, an event following an unknown event or one of
another project, an event before the acceptance (but the certificate issued, the revisit
plan made and the site cleared, which may rightly come first) or before the event it
follows, a duplicated id. Events may come in any order: the log sorts them by time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

from revisit_rules.errors import LedgerInputError, LedgerTypeError
from revisit_rules.service_ledger.events import Event, EventKind

if TYPE_CHECKING:
    from collections.abc import Iterator
    from zoneinfo import ZoneInfo

    from revisit_rules.project import Project

_RULE: Final = "LED-CHECK"
_EARLY: Final = frozenset(
    {EventKind.CERTIFICATE_ISSUED, EventKind.REVISIT_PLAN_MADE, EventKind.SITE_CLEARED}
)


def start_of(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """00:00 of ``day`` in ``zone``."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=zone)


def end_of(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """24:00 of ``day`` in ``zone`` (CC Art. 203), as 00:00 of the next day: a day rule's due."""
    return start_of(day + dt.timedelta(days=1), zone)


class Log:
    """The checked events of a portfolio, seen as of an instant, indexed for the clocks."""

    def __init__(
        self,
        projects: Mapping[str, Project],
        events: Iterable[Event],
        as_of: dt.datetime,
        zone: ZoneInfo,
    ) -> None:
        """Check ``events`` against ``projects``; keep those at or before ``as_of``."""
        self.zone = zone
        self.as_of = as_of
        self.projects = projects
        by_id: dict[str, Event] = {}
        for event in _events(events):
            if event.id in by_id:
                raise LedgerInputError(
                    f"Event({event.id}).id", event.id, "an id no other event has", rule=_RULE
                )
            by_id[event.id] = event
        self.by_id = by_id
        for event in by_id.values():
            self._check(event)
        ordered = sorted(by_id.values(), key=lambda e: (self.instant(e), e.id))
        self.seen: tuple[Event, ...] = tuple(e for e in ordered if self.instant(e) <= as_of)
        self.children: dict[str, list[Event]] = {}
        self.by_project: dict[str, list[Event]] = {}
        for event in self.seen:
            if event.follows is not None:
                self.children.setdefault(event.follows, []).append(event)
            self.by_project.setdefault(event.project_id, []).append(event)

    def instant(self, event: Event) -> dt.datetime:
        """When ``event`` happened: its instant, or 00:00 of its day."""
        at = event.at
        return at if isinstance(at, dt.datetime) else start_of(at, self.zone)

    def day(self, event: Event) -> dt.date:
        """The day ``event`` happened on, in the ledger's time zone."""
        at = event.at
        return at.astimezone(self.zone).date() if isinstance(at, dt.datetime) else at

    def _check(self, event: Event) -> None:
        project = self.projects.get(event.project_id)
        if project is None:
            raise LedgerInputError(
                f"Event({event.id}).project_id",
                event.project_id,
                "the id of a project of the portfolio",
                rule=_RULE,
            )
        if event.kind not in _EARLY and self.day(event) < project.accepted_on:
            raise LedgerInputError(
                f"Event({event.id}).at",
                event.at,
                f"a time on or after project {project.id}'s acceptance day ({project.accepted_on})",
                rule=_RULE,
            )
        if event.follows is None:
            return
        followed = self.by_id.get(event.follows)
        if followed is None:
            raise LedgerInputError(
                f"Event({event.id}).follows",
                event.follows,
                "the id of an event of the log",
                rule=_RULE,
            )
        if followed.project_id != event.project_id:
            raise LedgerInputError(
                f"Event({event.id}).follows",
                event.follows,
                f"an event of project {event.project_id} (it is of {followed.project_id})",
                rule=_RULE,
            )
        if self.instant(event) < self.instant(followed):
            raise LedgerInputError(
                f"Event({event.id}).at",
                event.at,
                f"a time on or after the event it follows ({followed.id}: {followed.at})",
                rule=_RULE,
            )

    def descendants(self, event_id: str) -> Iterator[Event]:
        """The seen events that follow ``event_id``, directly or through others, in time order."""
        found = followers(self.children, event_id)
        found.sort(key=lambda e: (self.instant(e), e.id))
        yield from found


def followers(children: Mapping[str, list[Event]], event_id: str) -> list[Event]:
    """The events that follow ``event_id`` directly or through others (``children``: by id)."""
    found: list[Event] = []
    stack = [event_id]
    while stack:
        for child in children.get(stack.pop(), ()):
            found.append(child)
            stack.append(child.id)
    return found


def _events(events: object) -> Iterable[Event]:
    if not isinstance(events, Iterable) or isinstance(events, str | Event):
        raise LedgerTypeError("events", events, "an iterable of revisit_rules.Event", rule=_RULE)
    for event in events:
        if not isinstance(event, Event):
            raise LedgerTypeError("events[]", event, "a revisit_rules.Event", rule=_RULE)
        yield event
