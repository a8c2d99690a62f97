"""Command line: ``revisit-rules`` (also ``python -m revisit_rules``).

Subcommands:

- ``revisit-rules plan [PORTFOLIO.csv] --year YYYY [--format table|csv|ics|json]``: the
  year's revisit plan of a portfolio (VIS-ANNUAL); every visit targeted in the year.
- ``revisit-rules expiry [PORTFOLIO.csv] [--format table|csv|json]``: every project's
  warranties, one row per project and category (WTY-MIN).
- ``revisit-rules rules [--format markdown|csv|html] [--area CAL|SEA|WTY|…]``: the rule
  table under the default policy, or one area's part of it.
- ``revisit-rules grade SCORE SERVICE [--format table|json]``: a revisit's grade A/B/C
  from the quality score (0–100) and the service rating (``EXCELLENT`` … ``POOR`` or
  优秀/良好/一般/较差; SAT-ABC).

Without a file, ``plan`` and ``expiry`` read the example portfolio shipped with the
package. The portfolio's columns are described in :mod:`revisit_rules.portfolio`.

Formats: ``table`` is aligned text for a terminal (CJK characters count two columns);
``csv`` is a header and one row per record, lists joined with ``;``; ``json`` is a list
of records (dates ISO, lists as arrays); ``ics`` is an RFC 5545 calendar, written byte
for byte (CRLF line ends). Output is UTF-8 whatever the terminal's locale.

Wrong input (a bad row, an unknown region, a bad year, a missing file) is reported on
stderr as ``revisit-rules: error: …`` with exit status 2, never with a traceback.

>>> main(["grade", "85", "优秀"])
grade     A  (A级)
quality   A  (score 85)
service   A  (EXCELLENT 优秀)
rules     SAT-ABC
0
"""

from __future__ import annotations

import argparse
import os
import sys
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final, TextIO

import attrs

from revisit_rules.__about__ import __version__
from revisit_rules.calendar import china_calendar
from revisit_rules.errors import InvalidInputError, RevisitRulesError
from revisit_rules.grading import ServiceRating, grade_visit
from revisit_rules.portfolio import example_portfolio, read_portfolio
from revisit_rules.render.report import (
    EXPIRY_HEAD,
    csv_records,
    expiry_records,
    expiry_table,
    grade_record,
    grade_table,
    json_records,
    plan_table,
)
from revisit_rules.render.tables import FORMATS
from revisit_rules.revisits import Visit, annual_plan
from revisit_rules.rules import AREAS, rule_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from revisit_rules.project import Project

__all__ = ["main"]

_PROG: Final = "revisit-rules"


# --- input ------------------------------------------------------------------------------


def _read(path: str | None) -> tuple[tuple[Project, ...], str]:
    """The projects of the portfolio at ``path`` (the packaged example if ``None``)."""
    if path is None:
        return example_portfolio(), "example portfolio"
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:  # noqa: PTH123 - a CLI path
            return read_portfolio(file), path
    except UnicodeDecodeError as err:
        raise _CliError(
            f"{path}: not UTF-8 text (byte {err.start}); save the table as 'CSV UTF-8'"
        ) from None
    except OSError as err:
        raise _CliError(f"cannot read {path}: {err.strerror or err}") from None


def _year(text: str) -> int:
    """The ``--year`` argument: a year the working-day calendar covers (CAL-CN)."""
    cal = china_calendar()
    lo, hi = cal.first_day.year, cal.last_day.year
    if not (text.isascii() and text.isdigit()) or not lo <= int(text) <= hi:
        raise InvalidInputError(
            "--year", text, f"a year from {lo} to {hi} (the calendar's data)", rule="VIS-ANNUAL"
        )
    return int(text)


def _score(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise InvalidInputError(
            "SCORE", text, "a number from 0 to 100, e.g. 85 or 84.5", rule="SAT-ABC"
        ) from None


class _CliError(Exception):
    """An error of the command line itself (a file that cannot be read)."""


# --- output -----------------------------------------------------------------------------


def _emit(text: str, stream: TextIO | None = None) -> None:
    """Write ``text`` to ``stream`` (stdout) as UTF-8, byte for byte (no newline translation)."""
    stream = sys.stdout if stream is None else stream
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # pragma: no cover - a stream replaced by a plain text stream
        stream.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


# --- plan -------------------------------------------------------------------------------


def _plan(args: argparse.Namespace) -> str:
    year = _year(args.year)
    projects, source = _read(args.portfolio)
    plan = annual_plan(projects, year)
    if args.format == "ics":
        return plan.to_ics()
    if args.format == "table":
        return plan_table(plan, projects, source)
    records = plan.to_records()
    if args.format == "json":
        return json_records(records)
    # The keys of Plan.to_records are Visit's attribute names: a header even with no visit.
    return csv_records(records, [a.name for a in attrs.fields(Visit)])


# --- expiry -----------------------------------------------------------------------------


def _expiry(args: argparse.Namespace) -> str:
    projects, source = _read(args.portfolio)
    records = expiry_records(projects)
    if args.format == "json":
        return json_records(records)
    if args.format == "csv":
        return csv_records(records, EXPIRY_HEAD)

    return expiry_table(records, len(projects), source)


# --- grade and rules --------------------------------------------------------------------


def _grade(args: argparse.Namespace) -> str:
    score = _score(args.score)
    service = ServiceRating.from_text(args.service)
    grading = grade_visit(score, service)
    if args.format == "json":
        return json_records(grade_record(grading, score, service))
    return grade_table(grading, score, service)


def _rules(args: argparse.Namespace) -> str:
    return rule_table(args.format, area=args.area)


# --- the parser -------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Construction warranty (保修) and revisit (回访) rules of Chinese practice.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    portfolio_help = "a portfolio CSV (UTF-8); default: the example portfolio of the package"

    plan = sub.add_parser("plan", help="the year's revisit plan of a portfolio (VIS-ANNUAL)")
    plan.add_argument("portfolio", nargs="?", metavar="PORTFOLIO.csv", help=portfolio_help)
    plan.add_argument("--year", required=True, metavar="YYYY", help="the plan's year")
    plan.add_argument("--format", choices=("table", "csv", "ics", "json"), default="table")
    plan.set_defaults(run=_plan)

    expiry = sub.add_parser("expiry", help="every project's warranty last days (WTY-MIN)")
    expiry.add_argument("portfolio", nargs="?", metavar="PORTFOLIO.csv", help=portfolio_help)
    expiry.add_argument("--format", choices=("table", "csv", "json"), default="table")
    expiry.set_defaults(run=_expiry)

    rules = sub.add_parser("rules", help="print the rule table")
    rules.add_argument("--format", choices=FORMATS, default="markdown")
    rules.add_argument(
        "--area", choices=tuple(AREAS), help="one area's rules only (the rule IDs' prefix)"
    )
    rules.set_defaults(run=_rules)

    grade = sub.add_parser("grade", help="grade a revisit A/B/C (SAT-ABC)")
    grade.add_argument("score", metavar="SCORE", help="the quality score, 0 to 100")
    grade.add_argument(
        "service", metavar="SERVICE", help="EXCELLENT, GOOD, AVERAGE, POOR or 优秀/良好/一般/较差"
    )
    grade.add_argument("--format", choices=("table", "json"), default="table")
    grade.set_defaults(run=_grade)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad input).

    Usage errors exit through :mod:`argparse` (status 2, with the usage line).
    """
    args = _parser().parse_args(argv)
    try:
        _emit(args.run(args))
    except (RevisitRulesError, _CliError) as err:
        _emit(f"{_PROG}: error: {err}\n", sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        # Python's advice: point stdout at devnull so that the exit flush does not fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return 0
