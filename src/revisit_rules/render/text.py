"""Plain-text tables for terminals: display width of CJK text, padding, aligned columns.

Chinese labels (装修工程) take two terminal columns per character, so ``str.ljust`` misaligns
them. The width follows Unicode's East Asian Width property (UAX #11): wide (W) and
fullwidth (F) characters take two columns, combining marks none, everything else one
(ambiguous characters such as ``—`` count as narrow, as most terminals show them).

Shared by the warranty schedule's text form and the command line; not part of the API.

>>> display_width("装修工程 2y")
11
>>> for line in table(("类别", "last day"), [("装修工程", "2027-03-01")]):
...     print(line)
类别      last day
装修工程  2027-03-01
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["display_width", "pad", "table"]

_WIDE: Final = frozenset({"W", "F"})


def display_width(text: str) -> int:
    """The number of terminal columns ``text`` takes (UAX #11: wide and fullwidth count two).

    >>> display_width("abc"), display_width("北京"), display_width("ｱ"), display_width("e\u0301")
    (3, 4, 1, 1)
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in _WIDE else 1
    return width


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` display columns (never cut).

    >>> pad("北京", 6) + "|"
    '北京  |'
    """
    return text + " " * (width - display_width(text))


def table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """The header and rows as lines of aligned columns, two spaces apart, right-stripped.

    Every row has as many cells as ``head``; a column is as wide as its widest cell.
    """
    widths = [max(display_width(r[i]) for r in (head, *rows)) for i in range(len(head))]
    return [
        "  ".join(pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in (head, *rows)
    ]
