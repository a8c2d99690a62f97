"""Input checks shared by every module: each raises a typed error naming field, value, rule."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar

from revisit_rules.errors import InvalidInputError, InvalidTypeError

if TYPE_CHECKING:
    from decimal import Decimal

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")
M = TypeVar("M", bound=enum.Enum)

#: An attrs validator: called with the instance, the attribute and the value. The value is
#: ``Any`` so that a field keeps the type it is declared with (attrs infers it from here).
Validator = Callable[[object, object, Any], None]


def check_date(field: str, value: object, *, rule: str = "") -> dt.date:
    """``value`` if it is a ``date`` (not a ``datetime``); else an :class:`InvalidTypeError`."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(field, value, "a datetime.date (not a datetime)", rule=rule)
    return value


#: The most digits, and the largest exponent (either sign), of a Decimal the package turns
#: into an exact fraction. Decimal("1E-999999999") would become a fraction over a
#: billion-digit power of ten (a hang), Decimal("1E+5000") an int too long to print; no
#: amount, share or weight of this field comes near either bound.
MAX_DECIMAL_DIGITS: Final = 1000


def check_decimal_size(field: str, value: Decimal, *, rule: str = "", why: str = "") -> Decimal:
    """``value`` if its digits and its exponent are within :data:`MAX_DECIMAL_DIGITS`.

    Checked before a ``Decimal`` is turned into a ``Fraction`` or an ``int``, whose cost
    grows with the exponent; ``why`` ends the message (what the value is for).
    """
    sign, digits, exponent = value.as_tuple()
    del sign
    most = MAX_DECIMAL_DIGITS
    if not isinstance(exponent, int) or abs(exponent) > most or len(digits) > most:
        raise InvalidInputError(
            field,
            value,
            f"a Decimal of at most {most} digits with an exponent from -{most} to {most}{why}",
            rule=rule,
        )
    return value


def check_aware(field: str, value: object, *, rule: str = "", why: str = "") -> dt.datetime:
    """``value`` if it is a time-zone-aware ``datetime``; otherwise a typed error.

    ``why``, if given, says in the message why an instant is needed.
    """
    note = f" ({why})" if why else ""
    if not isinstance(value, dt.datetime):
        raise InvalidTypeError(
            field, value, f"a time-zone-aware datetime.datetime{note}", rule=rule
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInputError(
            field,
            value,
            f"a time-zone-aware datetime, not a naive one{note}; e.g. "
            "tzinfo=ZoneInfo('Asia/Shanghai')",
            rule=rule,
        )
    return value


def check_int(
    field: str,
    value: object,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    rule: str = "",
) -> int:
    """``value`` if it is an ``int`` (not a ``bool``) from ``minimum`` to ``maximum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(field, value, "a whole number (int)", rule=rule)
    if minimum is not None and value < minimum:
        raise InvalidInputError(field, value, f"a whole number >= {minimum}", rule=rule)
    if maximum is not None and value > maximum:
        raise InvalidInputError(field, value, f"a whole number <= {maximum}", rule=rule)
    return value


def flag(field: str, *, rule: str) -> Validator:
    """An attrs validator: the value is a ``bool``, else a typed error naming ``field``.

    Used as ``attrs.field(default=..., kw_only=True, validator=flag(...))``, written out at
    each field so that type checkers see the keyword-only flag the runtime has.
    """

    def check(_instance: object, _attribute: object, value: object) -> None:
        check_bool(field, value, rule=rule)

    return check


def member_names(kind: type[enum.Enum]) -> str:
    """The members of an enum as the error messages write them: ``Kind.A, Kind.B``."""
    return ", ".join(f"{kind.__name__}.{m.name}" for m in kind)


def check_member(field: str, value: object, kind: type[M], *, rule: str = "") -> M:
    """``value`` if it is a member of the enum ``kind``; otherwise a typed error naming all."""
    if not isinstance(value, kind):
        raise InvalidTypeError(field, value, f"one of {member_names(kind)}", rule=rule)
    return value


def check_bool(field: str, value: object, *, rule: str = "") -> bool:
    """``value`` if it is a ``bool``."""
    if not isinstance(value, bool):
        raise InvalidTypeError(field, value, "True or False", rule=rule)
    return value


def check_str(field: str, value: object, *, rule: str = "", nonempty: bool = False) -> str:
    """``value`` if it is a ``str``; with ``nonempty``, one that is not blank."""
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, "a non-empty str" if nonempty else "a str", rule=rule)
    if nonempty and not value.strip():
        raise InvalidInputError(field, value, "a non-empty str", rule=rule)
    return value


def _named(kind: type) -> str:
    """``a str``, ``a decimal.Decimal``, ``a revisit_rules.Party``: a class as messages say it."""
    package = kind.__module__.partition(".")[0]
    return f"a {kind.__name__}" if package == "builtins" else f"a {package}.{kind.__name__}"


def check_instance(
    field: str, value: object, kind: type[T], *, rule: str = "", optional: bool = False
) -> T | None:
    """``value`` if it is an instance of ``kind`` (or ``None``, with ``optional``)."""
    if isinstance(value, kind) or (optional and value is None):
        return value
    expected = _named(kind) + (" or None" if optional else "")
    raise InvalidTypeError(field, value, expected, rule=rule)


def check_tuple(
    field: str, value: object, kind: type[T], *, rule: str = "", what: str = ""
) -> tuple[T, ...]:
    """``value`` if it is a tuple of instances of ``kind`` (``what`` names them in words)."""
    if not isinstance(value, tuple) or not all(isinstance(item, kind) for item in value):
        items = what or _named(kind).removeprefix("a ")
        raise InvalidTypeError(field, value, f"a tuple of {items}", rule=rule)
    return value


def check_mapping(
    field: str, value: object, key: type[K], item: type[V], *, rule: str = ""
) -> Mapping[K, V]:
    """``value`` if it is a mapping of ``key`` instances to ``item`` instances."""
    if not isinstance(value, Mapping) or not all(
        isinstance(k, key) and isinstance(v, item) for k, v in value.items()
    ):
        what = f"a mapping {_named(key).removeprefix('a ')} -> {_named(item).removeprefix('a ')}"
        raise InvalidTypeError(field, value, what, rule=rule)
    return value


# --- attrs validators built from the checks above, one per field -----------------------


def text(field: str, *, rule: str, nonempty: bool = False) -> Validator:
    """An attrs validator: the value is a ``str`` (non-blank with ``nonempty``)."""

    def check(_instance: object, _attribute: object, value: object) -> None:
        check_str(field, value, rule=rule, nonempty=nonempty)

    return check


def dated(field: str, *, rule: str, optional: bool = False) -> Validator:
    """An attrs validator: the value is a ``date`` (not a ``datetime``), or None if optional."""

    def check(_instance: object, _attribute: object, value: object) -> None:
        if not (optional and value is None):
            check_date(field, value, rule=rule)

    return check


def member(field: str, kind: type[enum.Enum], *, rule: str, optional: bool = False) -> Validator:
    """An attrs validator: the value is a member of the enum ``kind``, or None if optional."""

    def check(_instance: object, _attribute: object, value: object) -> None:
        if not (optional and value is None):
            check_member(field, value, kind, rule=rule)

    return check


def instance(field: str, kind: type, *, rule: str, optional: bool = False) -> Validator:
    """An attrs validator: the value is an instance of ``kind``, or None if optional.

    Unlike ``attrs.validators.instance_of``, it raises the package's typed error, naming
    ``field`` and ``rule``.
    """

    def check(_instance: object, _attribute: object, value: object) -> None:
        check_instance(field, value, kind, rule=rule, optional=optional)

    return check


def aware(field: str, *, rule: str) -> Validator:
    """An attrs validator: the value is a time-zone-aware ``datetime``."""

    def check(_instance: object, _attribute: object, value: object) -> None:
        check_aware(field, value, rule=rule)

    return check


def mapping_of(field: str, key: type, item: type, *, rule: str) -> Validator:
    """An attrs validator: the value is a mapping of ``key`` instances to ``item`` instances."""

    def check(_instance: object, _attribute: object, value: object) -> None:
        check_mapping(field, value, key, item, rule=rule)

    return check


def tuple_of(field: str, kind: type, *, rule: str, what: str = "") -> Validator:
    """An attrs validator: the value is a tuple of instances of ``kind``."""

    def check(_instance: object, _attribute: object, value: object) -> None:
        check_tuple(field, value, kind, rule=rule, what=what)

    return check


#: ``what`` of a tuple of rule IDs or of findings, as the messages say it.
RULE_IDS: Final = "rule IDs (str)"
CODES: Final = "finding codes (str)"


class FrozenMap(Mapping[K, V]):
    """An immutable, hashable mapping, so that frozen value classes can hold one.

    >>> m = FrozenMap({"b": 2, "a": 1})
    >>> m["a"], len(m), hash(m) == hash(FrozenMap({"a": 1, "b": 2}))
    (1, 2, True)
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[K, V] | None = None) -> None:
        """Copy ``data`` (any mapping) into a new frozen mapping."""
        self._data: dict[K, V] = dict(data or {})
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        """The value for ``key``."""
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        """The keys, in insertion order."""
        return iter(self._data)

    def __len__(self) -> int:
        """The number of keys."""
        return len(self._data)

    def __hash__(self) -> int:
        """Hash of the items, independent of their order."""
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        """Equal to any mapping with the same items."""
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        """Like a dict's."""
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle as the plain dict of its items."""
        return (FrozenMap, (self._data,))
