"""iCalendar (RFC 5545): escaping, folding and a calendar of all-day events.

The writer behind :meth:`Plan.to_ics <revisit_rules.Plan.to_ics>`: each value class says
which events it is, this module says how an iCalendar file is written. Lines end in CRLF
and are folded at 75 octets (§ 3.1); TEXT is escaped (§ 3.3.11); control characters that
TEXT cannot carry are refused, never dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final

import attrs

from revisit_rules._check import check_aware, check_str
from revisit_rules.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["AllDayEvent", "calendar", "fold", "ics_text"]

_DAY: Final = dt.timedelta(days=1)


@attrs.frozen
class AllDayEvent:
    """One all-day VEVENT: its stable UID, its day and its texts (escaped when written).

    Attributes:
        uid: the stable UID.
        day: the event's day (DTSTART; DTEND is the next day).
        summary: the SUMMARY as parts ``(text, field)``, each escaped on its own and
            named by its field in an error (``("P-1", "Visit.project_id")``).
        description: the DESCRIPTION.
        categories: the CATEGORIES, each escaped.
    """

    uid: str
    day: dt.date
    summary: tuple[tuple[str, str], ...]
    description: str
    categories: tuple[str, ...]


def calendar(
    name: str, events: Iterable[AllDayEvent], *, product: str, stamp: dt.datetime, rule: str
) -> str:
    """An iCalendar file named ``name`` holding ``events``; ``stamp`` is every DTSTAMP.

    ``product`` completes the PRODID (``-//revisit-rules//{product}//ZH``).

    Raises:
        InvalidTypeError: ``stamp`` not a datetime, ``name`` not a str.
        InvalidInputError: ``stamp`` a naive datetime, or a text with a control
            character (naming the text's field and ``rule``).
    """
    check_aware("stamp", stamp, rule=rule, why="the DTSTAMP of every event")
    check_str("name", name, rule=rule)
    dtstamp = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//revisit-rules//{product}//ZH",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{ics_text(name, 'name')}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + _DAY:%Y%m%d}",
            "SUMMARY:" + "".join(ics_text(text, field) for text, field in event.summary),
            f"DESCRIPTION:{ics_text(event.description, 'description')}",
            f"CATEGORIES:{','.join(ics_text(n, 'kinds') for n in event.categories)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


#: A line break in text: CRLF, or a bare LF or CR (each becomes one escaped newline).
_ICS_BREAK: Final = re.compile(r"\r\n|[\r\n]")
#: Control characters RFC 5545 TEXT cannot carry at all (CTL but HTAB; § 3.3.11, § 3.1).
_ICS_CONTROL: Final = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def ics_text(text: str, field: str) -> str:
    r"""Escape TEXT per RFC 5545 § 3.3.11: backslash, ``;``, ``,`` and line breaks.

    Any line break (CRLF, LF or a bare CR) becomes ``\n``; a tab stays (it is allowed).
    Other control characters have no escape in iCalendar and would corrupt the content
    line: they are refused with an error naming ``field``, never dropped.

    >>> print(ics_text("a,b;c\\d\r\ne\rf", "name"))
    a\,b\;c\\d\ne\nf
    >>> ics_text("P\x00", "Visit.project_id")
    Traceback (most recent call last):
    ...
    revisit_rules.errors.InvalidInputError: Visit.project_id = 'P\x00': expected text ...
    """
    escaped = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    escaped = _ICS_BREAK.sub(lambda _: "\\n", escaped)
    if _ICS_CONTROL.search(escaped):
        raise InvalidInputError(
            field,
            text,
            "text without control characters other than tab and line breaks "
            "(RFC 5545 TEXT has no escape for them)",
            rule="VIS-ANNUAL",
        )
    return escaped


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 § 3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        width = len(ch.encode())
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)
