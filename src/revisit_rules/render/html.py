"""HTML tables for notebooks and the docs: one builder, every cell escaped."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["html_table"]


def html_table(
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    caption: str | None = None,
    css_class: str | None = None,
    notes: Iterable[str] = (),
    row_styles: Sequence[str] | None = None,
) -> str:
    """A ``<table>`` of ``head`` and ``rows``, with an optional caption, class and notes.

    Every text is escaped; ``notes``, if any, follow the table as a ``<ul>``;
    ``row_styles``, one CSS declaration per row, colour the rows (``background:#fdd``).

    >>> table = html_table(("a", "b"), [("1", "<2>")], caption="x & y")
    >>> table.split("<thead>")[0], table.split("<tbody>")[1]
    ('<table><caption>x &amp; y</caption>', '<tr><td>1</td><td>&lt;2&gt;</td></tr></tbody></table>')
    """
    cls = f' class="{html.escape(css_class)}"' if css_class else ""
    cap = f"<caption>{html.escape(caption)}</caption>" if caption is not None else ""
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    cells = ["".join(f"<td>{html.escape(c)}</td>" for c in row) for row in rows]
    styles = list(row_styles) if row_styles is not None else [""] * len(cells)
    body = "".join(
        (f'<tr style="{html.escape(style)}">' if style else "<tr>") + row + "</tr>"
        for row, style in zip(cells, styles, strict=True)
    )
    items = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
    return f"<table{cls}>{cap}<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>" + (
        f"<ul>{items}</ul>" if items else ""
    )
