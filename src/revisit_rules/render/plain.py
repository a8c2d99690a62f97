"""Values to plain, JSON-able data: the conversion behind the package's JSON exports.

It dispatches on the kind of a value (numbers, dates, enum members, periods, season spans,
policies, calendars, attrs values, collections), never on the types of an area's rules:
any attrs value of the package converts as its public fields.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from revisit_rules._check import check_bool, check_str
from revisit_rules.calendar import WorkCalendar, china_calendar
from revisit_rules.durations import Period
from revisit_rules.errors import InvalidTypeError
from revisit_rules.policy import Policy
from revisit_rules.regions import SeasonSpan

__all__ = ["to_plain"]

# The rule tag of errors about the conversion itself (not a rule of the registry).
_PLAIN_RULE: Final = "trace"

_DEFAULT_POLICY: Final = Policy()


def to_plain(value: object, *, labels: bool = True, field: str = "value") -> Any:  # noqa: ANN401 - JSON-able data
    """``value`` as plain JSON-able data: the conversion behind the package's JSON exports.

    :meth:`Trace.to_dict` and :meth:`Trace.to_json` use it, and so does the command
    line's ``--format json``. The other exports have their own, simpler cell formats and do
    not go through it: the command line's CSV cells and tables, :meth:`Plan.to_records
    <revisit_rules.Plan.to_records>` (Python values: dates stay ``datetime.date``, kinds
    are tuples of names, for pandas), :meth:`Plan.to_ics <revisit_rules.Plan.to_ics>` and
    :func:`~revisit_rules.rule_table`.

    * ``None``, ``bool``, ``int``, ``str`` stay as they are; a ``float`` is refused (not
      exact: money and scores are ``Decimal``).
    * ``datetime.date`` and ``datetime.datetime``: ISO 8601 strings (with the offset).
    * ``Decimal`` and ``Fraction``: their exact text, ``"666.67"``, ``"1/3"``.
    * An enum member: ``{"name": …, "zh": …}`` (its name and Chinese label); just the name
      with ``labels=False`` (for tables and records).
    * A :class:`~revisit_rules.Policy`: its fields that differ from ``Policy()`` only.
    * A period: ``{"type": "Years", "n": 5}``; a :class:`~revisit_rules.SeasonSpan`:
      ``{"start": "11-15", "end": "03-15"}``; a :class:`~revisit_rules.WorkCalendar`: its
      name, years and published years, and the days it adds to or removes from
      :func:`~revisit_rules.china_calendar`.
    * Any other attrs instance (``Project``, ``Party``, ``Defect``, ``Visit`` …): a dict of
      its public fields, converted in turn.
    * Tuples and lists: lists. Sets: lists, sorted (enum members in their enum's order).
    * Mappings: dicts when the keys are strings or enum members (by name); otherwise a
      list of ``{"key": …, "value": …}`` in the mapping's order (e.g. ``Party -> share``).

    Args:
        value: the value to convert.
        labels: whether enum members carry their Chinese label.
        field: the value's name, used in error messages (nested values extend it).

    Raises:
        InvalidTypeError: a float, or a value of a type the package does not export; the
            message names the (nested) field and the rule tag ``trace`` (inside a
            :class:`Trace`, the first rule of its result). Also ``labels`` not a bool,
            ``field`` not a str.

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> import revisit_rules as rr
    >>> to_plain({"cost": Decimal("1000.00"), "on": dt.date(2026, 5, 6)})
    {'cost': '1000.00', 'on': '2026-05-06'}
    >>> to_plain(rr.Grade.A), to_plain(rr.Grade.A, labels=False)
    ({'name': 'A', 'zh': 'A级'}, 'A')
    >>> to_plain(rr.Party(rr.Role.SUBCONTRACTOR, "防水分包"), labels=False)
    {'role': 'SUBCONTRACTOR', 'name': '防水分包'}
    """
    check_bool("labels", labels, rule=_PLAIN_RULE)
    check_str("field", field, rule=_PLAIN_RULE)
    return _plain(value, labels=labels, field=field, rule=_PLAIN_RULE)


def _plain(value: object, *, labels: bool, field: str, rule: str) -> Any:  # noqa: ANN401, C901, PLR0911, PLR0912 - one dispatch over the value types
    """:func:`to_plain`, its errors naming ``rule``."""

    def sub(item: object, name: str) -> Any:  # noqa: ANN401 - JSON-able data
        return _plain(item, labels=labels, field=name, rule=rule)

    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        raise InvalidTypeError(
            field,
            value,
            "an exact value (int, decimal.Decimal, fractions.Fraction), not a float",
            rule=rule,
        )
    if isinstance(value, dt.date):  # a datetime is a date: isoformat keeps its time and offset
        return value.isoformat()
    if isinstance(value, Decimal | Fraction):
        return str(value)
    if isinstance(value, enum.Enum):
        if not labels:
            return value.name
        return {"name": value.name, "zh": getattr(value, "zh", None)}
    if isinstance(value, Policy):
        return {
            f.name: sub(getattr(value, f.name), f"{field}.{f.name}")
            for f in attrs.fields(Policy)
            if getattr(value, f.name) != getattr(_DEFAULT_POLICY, f.name)
        }
    if isinstance(value, Period):
        return {"type": type(value).__name__, **_fields(value, sub, field)}
    if isinstance(value, SeasonSpan):
        return {
            "start": "{:02d}-{:02d}".format(*value.start),
            "end": "{:02d}-{:02d}".format(*value.end),
        }
    if isinstance(value, WorkCalendar):
        return _calendar(value)
    if attrs.has(type(value)):
        return _fields(value, sub, field)
    if isinstance(value, Mapping):
        keys = list(value)
        if all(isinstance(k, str) for k in keys):
            return {k: sub(value[k], f"{field}[{k!r}]") for k in keys}
        if all(isinstance(k, enum.Enum) for k in keys):
            return {k.name: sub(value[k], f"{field}[{k.name}]") for k in keys}
        return [
            {"key": sub(k, f"{field} key"), "value": sub(value[k], f"{field}[{k!r}]")} for k in keys
        ]
    if isinstance(value, tuple | list):
        return [sub(item, f"{field}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, frozenset | set):
        return _sorted(value, sub, field)
    raise InvalidTypeError(
        field,
        value,
        "a value of revisit_rules (a result, Project, Party, Defect, Policy, enum member, "
        "date, Decimal, …) or None, bool, int, str, a tuple, set or mapping of them",
        rule=rule,
    )


def _public_fields(value: object) -> list[str]:
    """The names of the public attrs fields of ``value`` (an attrs instance)."""
    cls: Any = type(value)
    return [f.name for f in attrs.fields(cls) if not f.name.startswith("_")]


def _fields(value: object, sub: Callable[[object, str], Any], field: str) -> dict[str, Any]:
    return {name: sub(getattr(value, name), f"{field}.{name}") for name in _public_fields(value)}


def _sorted(
    items: frozenset[object] | set[object], sub: Callable[[object, str], Any], field: str
) -> list[Any]:
    members = [m for m in items if isinstance(m, enum.Enum)]
    if members and len(members) == len(items) and len({type(m) for m in members}) == 1:
        order: list[enum.Enum] = list(type(members[0]))
        return [sub(m, f"{field}[{m.name}]") for m in sorted(members, key=order.index)]
    plain = [sub(m, f"{field}[]") for m in items]
    return sorted(plain, key=lambda p: json.dumps(p, sort_keys=True, ensure_ascii=False))


def _calendar(calendar: WorkCalendar) -> dict[str, Any]:
    """A calendar by its range, its published years and its difference from china_calendar()."""
    base = china_calendar()

    def days(found: frozenset[dt.date]) -> list[str]:
        return [d.isoformat() for d in sorted(found)]

    return {
        "name": calendar.name,
        "first_year": calendar.first_year,
        "last_year": calendar.last_year,
        "published_years": sorted(calendar.published_years),
        "rest_days_added": days(calendar.rest_days - base.rest_days),
        "rest_days_removed": days(base.rest_days - calendar.rest_days),
        "working_days_added": days(calendar.working_days - base.working_days),
        "working_days_removed": days(base.working_days - calendar.working_days),
    }
