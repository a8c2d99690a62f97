"""A table of text cells written as Markdown, CSV or HTML: the rule table's formats."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Final

from revisit_rules.render.html import html_table

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["FORMATS", "csv_table", "markdown_table", "write_table"]

#: The formats :func:`write_table` writes.
FORMATS: Final = ("markdown", "csv", "html")


def markdown_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    r"""A Markdown (GFM) table; ``|`` in a cell is escaped, line breaks become spaces.

    >>> print(markdown_table(("ID", "value"), [("A-1", "x|y")]), end="")
    | ID | value |
    |---|---|
    | A-1 | x\|y |
    """

    def cell(text: str) -> str:
        return text.replace("|", r"\|").replace("\n", " ")

    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def csv_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    r"""CSV with a header row, ``\\n`` line ends (the csv module's quoting)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(head)
    writer.writerows(rows)
    return buf.getvalue()


def write_table(
    fmt: str, head: Sequence[str], rows: Sequence[Sequence[str]], *, css_class: str | None = None
) -> str:
    """``head`` and ``rows`` in ``fmt``, one of :data:`FORMATS` (checked by the caller)."""
    if fmt == "markdown":
        return markdown_table(head, rows)
    if fmt == "csv":
        return csv_table(head, rows)
    return html_table(head, rows, css_class=css_class)
