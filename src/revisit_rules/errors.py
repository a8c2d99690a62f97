"""Errors: the typed exceptions the package raises on purpose.

Every error the package raises on purpose derives from :class:`RevisitRulesError`, and
each is also the builtin that fits (:class:`ValueError` or :class:`TypeError`), so that
``except ValueError`` keeps working for callers that do not know this package. Messages
name the field, the value, what is accepted and the rule (decisions § 9): nothing is
clamped, guessed or silently dropped.

>>> from revisit_rules.errors import InvalidInputError
>>> err = InvalidInputError("n", -1, "a whole number >= 0", rule="CAL-PERIOD")
>>> str(err)
'n = -1: expected a whole number >= 0 [rule CAL-PERIOD]'
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "CalendarRangeError",
    "DateRangeError",
    "InvalidInputError",
    "InvalidTypeError",
    "LedgerInputError",
    "LedgerTypeError",
    "MissingDesignLifeError",
    "NoSeasonError",
    "PortfolioRowError",
    "RevisitRulesError",
    "UnknownRegionError",
]


class RevisitRulesError(Exception):
    """Base of every error that ``revisit_rules`` raises on purpose."""


class InvalidInputError(RevisitRulesError, ValueError):
    """An input value is not acceptable to the rule that reads it.

    Args:
        field: the name of the argument or attribute, as the caller wrote it.
        value: the offending value (shown with ``repr``).
        expected: what the rule accepts, in words.
        rule: the ID of the rule that refuses it (see ``revisit_rules.RULES``).
    """

    def __init__(self, field: str, value: object, expected: str, *, rule: str = "") -> None:
        """Build the message from the field, the value, what is expected and the rule."""
        self.field = field
        self.value = value
        self.expected = expected
        self.rule = rule
        where = f" [rule {rule}]" if rule else ""
        super().__init__(f"{field} = {shown(value)}: expected {expected}{where}")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the keyword ``rule`` kept (``Exception`` pickles ``args`` only)."""
        return (_rebuild, (type(self), self.field, self.value, self.expected, self.rule))


def shown(value: object) -> str:
    """``repr(value)``, or a short description where Python refuses to print it.

    An int of more than ``sys.get_int_max_str_digits()`` digits (4300 by default) cannot be
    turned into text; the error must still say what it was given.
    """
    try:
        return repr(value)
    except ValueError:
        if isinstance(value, int):
            digits = int(abs(value).bit_length() * 0.30103) + 1  # log10(2): about this many
            sign = "a negative" if value < 0 else "an"
            return f"<{sign} int of about {digits} digits, too long to print>"
        return f"<a {type(value).__name__} too long to print>"


def _rebuild(
    cls: type[InvalidInputError], field: str, value: object, expected: str, rule: str
) -> InvalidInputError:
    return cls(field, value, expected, rule=rule)


class InvalidTypeError(InvalidInputError, TypeError):
    """An input has the wrong type: a ``datetime`` where a ``date`` is meant, a float for money."""


class UnknownRegionError(InvalidInputError):
    """A region name that is neither a key nor a Chinese name in ``REGIONS``."""


class MissingDesignLifeError(InvalidInputError):
    """A structure period was asked for, but the project states no design working life."""


class NoSeasonError(InvalidInputError):
    """A season-counted period in a region that has no such season (SEA-NO-SEASON)."""


class CalendarRangeError(InvalidInputError):
    """A day outside the years the working-day calendar covers (CAL-CN)."""


class BlankInSourceError(InvalidInputError):
    """A number the source leaves blank (``____``) is needed, and the policy has none.

    The field stays None until the company sets it: a range "a~____" means within its
    blank upper bound, which no default may guess (decisions § 7).
    """


class DateRangeError(InvalidInputError):
    """A date that would fall outside ``datetime.date``'s years 1-9999.

    Not raised for a day past the working-day calendar's data (2100-12-31): a warranty's
    last day there, and the revisits before it, are computed without the holiday roll and
    marked provisional (``BEYOND_CALENDAR``); a deadline or ``period_end`` that must roll
    on the calendar past its data raises :class:`CalendarRangeError` instead.
    """


class PortfolioRowError(InvalidInputError):
    """A portfolio CSV has a bad row, a bad header or a duplicate id.

    The message starts with where: ``row N (line L)`` for a data row (N counts data rows
    from 1, the header not counted; L is the line of the file the row starts on), or
    ``line L`` for the header. Then the column, the value and what is accepted.

    Attributes:
        row: the 1-based data row, or ``None`` for the header.
        line: the 1-based line of the file.

    >>> err = PortfolioRowError("region", "mars", "a region", row=3, line=5)
    >>> str(err), err.field, isinstance(err, ValueError)
    ("row 3 (line 5): region = 'mars': expected a region", 'region', True)
    """

    def __init__(
        self,
        field: str,
        value: object,
        expected: str,
        *,
        rule: str = "",
        row: int | None = None,
        line: int | None = None,
    ) -> None:
        """Build the message: where, then the base error's ``field = value: expected``."""
        super().__init__(field, value, expected, rule=rule)
        self.row = row
        self.line = line
        where = f"row {row} (line {line})" if row is not None else f"line {line}"
        self.args = (f"{where}: {self.args[0]}",)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the row and the line kept."""
        return (
            _rebuild_row_error,
            (self.field, self.value, self.expected, self.rule, self.row, self.line),
        )


def _rebuild_row_error(  # noqa: PLR0917 - the pickled state, positionally
    field: str, value: object, expected: str, rule: str, row: int | None, line: int | None
) -> PortfolioRowError:
    return PortfolioRowError(field, value, expected, rule=rule, row=row, line=line)


class LedgerInputError(InvalidInputError):
    """An event of the service log that is not acceptable (LED-CHECK).

    The field names the event by its id (``Event(N-1).at``), then the field, so that a log
    of thousands of events says which one is wrong.
    """


class LedgerTypeError(LedgerInputError, InvalidTypeError):
    """An event's field of the wrong type (a naive or plain value where a type is meant)."""
