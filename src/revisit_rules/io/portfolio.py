"""Portfolio: a table of completed projects, read from CSV into :class:`~revisit_rules.Project`.

The engineering department keeps its completed projects in a spreadsheet; at the start
of each year it lists those still in warranty and makes the year's revisit plan (S002
1.2, S004 4.1; VIS-ANNUAL). This module reads such a table, saved as CSV (UTF-8, with or
without the byte-order mark Excel writes), into projects. It does no file I/O: the
caller passes the text, or the lines of a file it opened (``newline=""``, as the
:mod:`csv` module asks). :func:`example_portfolio` is a small realistic portfolio shipped
with the package.

The columns (a header row names them, in any order, in any letter case):

=====================  ========  ==============================================================
column                 required  cell
=====================  ========  ==============================================================
id                     yes       the project's identifier, unique in the file; no line breaks,
                                 tabs or other control characters
name                   no        a readable name (``北京朝阳区住宅楼``)
accepted_on            yes       the completion acceptance day, ISO ``YYYY-MM-DD`` (WTY-START)
region                 yes       a key (``beijing``) or Chinese name (``北京``) of ``REGIONS``
categories             yes       categories of work, separated by ``;`` or ``|``: the enum name
                                 (``WATERPROOFING``, any case), its Chinese label, or a short
                                 label (``防水``, ``装修``; see :data:`CATEGORY_LABELS`)
design_life_years      no        the design working life in whole years; blank: none
                                 (needed with FOUNDATION_STRUCTURE, WTY-DESIGN-LIFE)
contract_terms         no        the warranty of the contract, ``CATEGORY=<n><unit>`` separated
                                 by ``;`` or ``|``, e.g. ``WATERPROOFING=1y;OTHER=6m``; units
                                 ``y`` years, ``m`` months, ``d`` days, ``hs`` heating seasons,
                                 ``cs`` cooling seasons (or 年, 个月/月, 日/天, 个采暖期,
                                 个供冷期); ``CATEGORY=design-life`` for the design working life
operation_started_on   no        the day MEP systems started running, ISO; blank: none
                                 (VIS-COMMISSIONING)
new_techniques         no        new materials, techniques, processes or equipment (四新):
                                 ``true``/``false``, ``yes``/``no``, ``1``/``0``, ``是``/``否``;
                                 blank: false (VIS-TECHNICAL)
customer_class         no        ``A``, ``B`` or ``C`` (or a tier ``AAA`` … ``BB``, read as its
                                 class); blank: B (SAT-CLASS, VIS-OWNER)
many_complaints        no        the customer complained about the service many times: a flag
                                 as ``new_techniques``; its visits are led by the department
                                 manager (VIS-OWNER)
serious_problem        no        the project has a serious problem: likewise (VIS-OWNER)
=====================  ========  ==============================================================

Blank lines are skipped, and so is a row whose first cell starts with ``#`` (a comment,
e.g. where the data came from). Blank cells of optional columns take the default. Each
row is checked as it is read: the cells, the project they make, and its warranties (a
structure without a design life, HEATING in a region without a heating season, OTHER
without a contract term) under the policy given. A bad row raises
:class:`PortfolioRowError`, whose message names the data row (1-based, the header not
counted), the line of the file it starts on, the column and the value; so do an unknown
or missing column and a duplicate id. Nothing is guessed or silently dropped.

Sources: S002 1.2 and S004 4.1 (年度回访计划); decisions § 9 (wrong input).

>>> from revisit_rules.portfolio import read_portfolio
>>> text = '''id,name,accepted_on,region,categories,contract_terms
... P-1,上海办公楼,2025-05-20,上海,WATERPROOFING;DECORATION,WATERPROOFING=1y
... '''
>>> (project,) = read_portfolio(text)
>>> project.region, sorted(c.name for c in project.categories)
('shanghai', ['DECORATION', 'WATERPROOFING'])
>>> dict(project.contract_terms)
{<Category.WATERPROOFING: 'waterproofing'>: Years(n=1)}
>>> read_portfolio(text.replace("2025-05-20", "2025-05-32"))
Traceback (most recent call last):
...
revisit_rules.errors.PortfolioRowError: row 1 (line 2): accepted_on = '2025-05-32': expected ...
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Final

from revisit_rules.categories import CATEGORY_LABELS
from revisit_rules.errors import InvalidInputError, InvalidTypeError, PortfolioRowError
from revisit_rules.io.text import member_from_text
from revisit_rules.periods import (
    Period,
)
from revisit_rules.project import CustomerClass, CustomerTier, Project
from revisit_rules.regions import region_of
from revisit_rules.warranty import Category, warranty_schedule

if TYPE_CHECKING:
    from revisit_rules.policy import Policy

__all__ = [
    "CATEGORY_LABELS",
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "PortfolioRowError",
    "example_portfolio",
    "project_from_row",
    "read_portfolio",
]

#: Every column a portfolio CSV may have, in the order of the packaged example.
COLUMNS: Final = (
    "id",
    "name",
    "accepted_on",
    "region",
    "categories",
    "design_life_years",
    "contract_terms",
    "operation_started_on",
    "new_techniques",
    "customer_class",
    "many_complaints",
    "serious_problem",
)
#: The columns every portfolio CSV must have.
REQUIRED_COLUMNS: Final = ("id", "accepted_on", "region", "categories")

_TRUE: Final = frozenset({"true", "yes", "y", "1", "是"})
_FALSE: Final = frozenset({"false", "no", "n", "0", "否", ""})
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_SEPARATORS: Final = re.compile(r"[;|]")
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")


# --- cells -----------------------------------------------------------------------------


class _CellError(Exception):
    """A cell that does not parse; :func:`project_from_row` adds the row."""

    def __init__(self, field: str, value: object, expected: str, rule: str = "") -> None:
        super().__init__(field)
        self.field, self.value, self.expected, self.rule = field, value, expected, rule


def _date(field: str, text: str, rule: str) -> dt.date:
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise _CellError(field, text, "a day as YYYY-MM-DD that exists", rule)


def _category(field: str, text: str) -> Category:
    try:
        return Category.from_text(text, field=field)
    except InvalidInputError as err:
        raise _CellError(field, text, err.expected, err.rule) from None


def _items(text: str) -> list[str]:
    return [item.strip() for item in _SEPARATORS.split(text)]


def _categories(text: str) -> frozenset[Category]:
    items = _items(text)
    if not text.strip() or any(not item for item in items):
        raise _CellError(
            "categories",
            text,
            "one or more categories separated by ';' or '|', none empty",
            "WTY-MIN",
        )
    seen: dict[Category, str] = {}
    for item in items:
        category = _category("categories", item)
        if category in seen:
            raise _CellError(
                "categories",
                text,
                f"each category once ({item!r} repeats {seen[category]!r})",
                "WTY-MIN",
            )
        seen[category] = item
    return frozenset(seen)


def _term(field: str, text: str) -> Period:
    try:
        term = Period.from_text(text, field=field)
    except InvalidInputError as err:
        raise _CellError(field, text, err.expected, "WTY-MIN") from None
    if getattr(term, "n", 1) <= 0:
        raise _CellError(field, text, "a period longer than 0", "WTY-MIN")
    return term


def _contract_terms(text: str) -> dict[Category, Period]:
    terms: dict[Category, Period] = {}
    if not text.strip():
        return terms
    for item in _items(text):
        name, equals, term = item.partition("=")
        if not equals or not name.strip():
            raise _CellError(
                "contract_terms",
                text,
                "CATEGORY=<n><unit> entries separated by ';' or '|', e.g. "
                "'WATERPROOFING=1y;OTHER=6m'",
                "WTY-MIN",
            )
        category = _category("contract_terms", name)
        if category in terms:
            raise _CellError(
                "contract_terms", text, f"one term per category ({category.name} twice)", "WTY-MIN"
            )
        terms[category] = _term(f"contract_terms[{category.name}]", term)
    return terms


def _design_life_years(text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or not text.isascii() or int(text) < 1:
        raise _CellError(
            "design_life_years",
            text,
            "a whole number of years >= 1 (GB 50068: 5, 25, 50, 100), or blank",
            "WTY-DESIGN-LIFE",
        )
    return int(text)


def _flag(column: str, text: str, rule: str) -> bool:
    key = text.lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise _CellError(column, text, "true/false, yes/no, 1/0, 是/否, or blank (false)", rule)


def _customer_class(text: str) -> CustomerClass:
    if not text:
        return CustomerClass.B
    try:
        tier = member_from_text(CustomerTier, text, field="customer_class", rule="SAT-CLASS")
    except InvalidInputError:
        raise _CellError(
            "customer_class",
            text,
            "A, B or C (or a tier AAA, AA, BBB, BB), or blank (B)",
            "SAT-CLASS",
        ) from None
    return tier.customer_class


def _cells(row: Mapping[str, str | None]) -> dict[str, str]:
    """The row's cells, stripped; a typed error for a missing or an unknown column."""
    unknown = [k for k in row if k not in COLUMNS]
    if unknown:
        raise _CellError("columns", unknown[0], f"the columns {', '.join(COLUMNS)}", "VIS-ANNUAL")
    cells: dict[str, str] = {}
    for column in COLUMNS:
        value = row.get(column)
        if value is None:
            if column in REQUIRED_COLUMNS:
                raise _CellError(column, None, "a cell in this required column", "VIS-ANNUAL")
            value = ""
        if not isinstance(value, str):
            raise _CellError(column, value, "a str cell", "VIS-ANNUAL")
        cells[column] = value.strip()
    return cells


def project_from_row(
    row: Mapping[str, str | None],
    *,
    row_number: int,
    line: int | None = None,
    policy: Policy | None = None,
) -> Project:
    """The :class:`~revisit_rules.Project` of one portfolio row (column name -> cell text).

    The row is checked: each cell, the project it makes, and the project's warranties
    under ``policy`` (so that a row that cannot be planned is refused here, with its row
    number, rather than later in the middle of a plan).

    Args:
        row: the cells by column name (the keys of :data:`COLUMNS`); missing optional
            columns take their defaults.
        row_number: the 1-based data row, for the error message.
        line: the 1-based line of the file the row starts on, if known.
        policy: the policy the warranties are checked under (default ``Policy()``).

    Raises:
        PortfolioRowError: a cell that does not parse, a project the cells cannot make, a
            warranty that cannot be computed; the message names the row, the column and
            the value.

    >>> p = project_from_row(
    ...     {"id": "P-7", "accepted_on": "2024-06-28", "region": "北京", "categories": "防水|供热"},
    ...     row_number=7,
    ... )
    >>> p.region, sorted(c.name for c in p.categories), p.customer_class
    ('beijing', ['HEATING', 'WATERPROOFING'], <CustomerClass.B: 'B'>)
    """
    if not isinstance(row, Mapping):
        raise InvalidTypeError("row", row, "a mapping column -> cell text", rule="VIS-ANNUAL")
    where = {"row": row_number, "line": line if line is not None else row_number + 1}
    try:
        cells = _cells(row)
        accepted_on = _date("accepted_on", cells["accepted_on"], "WTY-START")
        started = cells["operation_started_on"]
        project = Project(
            _id(cells["id"]),
            accepted_on,
            _region(cells["region"]),
            _categories(cells["categories"]),
            design_life_years=_design_life_years(cells["design_life_years"]),
            contract_terms=_contract_terms(cells["contract_terms"]),
            operation_started_on=(
                _date("operation_started_on", started, "VIS-COMMISSIONING") if started else None
            ),
            new_techniques=_flag("new_techniques", cells["new_techniques"], "VIS-TECHNICAL"),
            customer_class=_customer_class(cells["customer_class"]),
            many_complaints=_flag("many_complaints", cells["many_complaints"], "VIS-OWNER"),
            serious_problem=_flag("serious_problem", cells["serious_problem"], "VIS-OWNER"),
            name=cells["name"],
        )
        warranty_schedule(project, policy=policy)  # every category's last day can be found
    except _CellError as err:
        raise PortfolioRowError(
            err.field, err.value, err.expected, rule=err.rule, **where
        ) from None
    except InvalidInputError as err:
        field = err.field.removeprefix("Project.")
        raise PortfolioRowError(field, err.value, err.expected, rule=err.rule, **where) from err
    return project


def _id(text: str) -> str:
    if not text:
        raise _CellError("id", text, "a non-empty project id", "VIS-ANNUAL")
    if _CONTROL.search(text):
        # A line break or tab in an id is a mis-split cell; it would break the plan's
        # tables and calendar lines.
        raise _CellError(
            "id", text, "a project id without line breaks, tabs or control characters", "VIS-ANNUAL"
        )
    return text


def _region(text: str) -> str:
    return region_of(text, field="region").key


# --- the file ----------------------------------------------------------------------------


def _header(cells: list[str], line: int) -> list[str]:
    names = [c.strip().lower() for c in cells]
    if names:
        names[0] = names[0].removeprefix("\ufeff").strip()  # Excel's UTF-8 byte-order mark
    for name in names:
        if name not in COLUMNS:
            raise PortfolioRowError(
                "columns",
                name,
                f"the columns {', '.join(COLUMNS)} (required: {', '.join(REQUIRED_COLUMNS)})",
                rule="VIS-ANNUAL",
                line=line,
            )
        if names.count(name) > 1:
            raise PortfolioRowError(
                "columns", name, "each column once", rule="VIS-ANNUAL", line=line
            )
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise PortfolioRowError(
            "columns",
            ", ".join(names),
            f"the required columns {', '.join(REQUIRED_COLUMNS)} (missing: {', '.join(missing)})",
            rule="VIS-ANNUAL",
            line=line,
        )
    return names


def _lines(source: object) -> Iterable[str]:
    if isinstance(source, str):
        return io.StringIO(source, newline="")
    if isinstance(source, bytes | bytearray) or not isinstance(source, Iterable):
        raise InvalidTypeError(
            "lines",
            source,
            "CSV text (str) or an iterable of lines (a file opened in text mode, newline='')",
            rule="VIS-ANNUAL",
        )
    return _checked_lines(source)


def _checked_lines(source: Iterable[object]) -> Iterable[str]:
    for line in source:
        if not isinstance(line, str):
            raise InvalidTypeError(
                "lines[]", line, "a str line (open the file in text mode)", rule="VIS-ANNUAL"
            )
        yield line


def read_portfolio(
    lines: str | Iterable[str], *, policy: Policy | None = None
) -> tuple[Project, ...]:
    r"""The projects of a portfolio CSV, in the order of its rows (columns: see the module).

    Args:
        lines: the CSV text, or its lines (e.g. a file object opened with ``newline=""``).
        policy: the policy each row's warranties are checked under (default ``Policy()``).

    Raises:
        PortfolioRowError: no header, an unknown, repeated or missing column, a row with
            more cells than the header, a bad cell, or an id that an earlier row has.
        InvalidTypeError: ``lines`` is neither text nor an iterable of str.

    >>> read_portfolio("id,accepted_on,region,categories\n")
    ()
    >>> read_portfolio("id,accepted_on,region\n")
    Traceback (most recent call last):
    ...
    revisit_rules.errors.PortfolioRowError: line 1: columns = 'id, accepted_on, region': ...
    """
    reader = csv.reader(_lines(lines), strict=True)
    header: list[str] | None = None
    first_row_of: dict[str, int] = {}
    projects: list[Project] = []
    row_number = 0
    ended = 0  # the last line of the previous record
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise PortfolioRowError(
                "csv",
                str(err),
                "well-formed CSV (quotes closed)",
                rule="VIS-ANNUAL",
                line=ended + 1,
            ) from None
        line, ended = ended + 1, reader.line_num
        if not any(c.strip() for c in cells) or cells[0].lstrip("\ufeff").startswith("#"):
            continue  # a blank line or a comment
        if header is None:
            header = _header(cells, line)
            continue
        row_number += 1
        if len(cells) > len(header):
            raise PortfolioRowError(
                "cells",
                len(cells),
                f"at most {len(header)} cells, one per column of the header",
                rule="VIS-ANNUAL",
                row=row_number,
                line=line,
            )
        row = dict(zip(header, cells, strict=False))
        project = project_from_row(row, row_number=row_number, line=line, policy=policy)
        if project.id in first_row_of:
            raise PortfolioRowError(
                "id",
                project.id,
                f"a unique project id (row {first_row_of[project.id]} has it too)",
                rule="VIS-ANNUAL",
                row=row_number,
                line=line,
            )
        first_row_of[project.id] = row_number
        projects.append(project)
    if header is None:
        raise PortfolioRowError(
            "columns",
            "",
            f"a header row naming the columns (required: {', '.join(REQUIRED_COLUMNS)})",
            rule="VIS-ANNUAL",
            line=1,
        )
    return tuple(projects)


@functools.cache
def example_portfolio() -> tuple[Project, ...]:
    """The example portfolio shipped with the package (``data/example_portfolio.csv``).

    Eleven projects across northern and southern China, accepted 2021–2026: contract
    terms below the statutory minimum (S000's one-year template), a structure-only
    viaduct, MEP commissioning and new techniques, customer classes A, B and C.

    >>> projects = example_portfolio()
    >>> len(projects), projects[0].id, projects[0].name
    (11, 'BJ-2021-01', '北京朝阳区望京住宅楼')
    """
    text = resources.files("revisit_rules").joinpath("data/example_portfolio.csv")
    return read_portfolio(text.read_text(encoding="utf-8"))
