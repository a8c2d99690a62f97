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
import csv
import datetime as dt
import io
import json
import os
import sys
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from revisit_rules.__about__ import __version__
from revisit_rules._text import table
from revisit_rules.calendar import china_calendar
from revisit_rules.errors import InvalidInputError, RevisitRulesError
from revisit_rules.portfolio import example_portfolio, read_portfolio
from revisit_rules.revisits import Plan, Visit, VisitKind, annual_plan
from revisit_rules.rules import AREAS, rule_table
from revisit_rules.satisfaction import ServiceRating, grade_visit
from revisit_rules.tracing import to_plain
from revisit_rules.warranty import Category, warranty_schedule

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


def _cell(value: object) -> str:
    if isinstance(value, tuple | list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _csv(records: list[dict[str, Any]], head: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(head)
    writer.writerows([_cell(r[k]) for k in head] for r in records)
    return buf.getvalue()


def _json(records: object) -> str:
    """Records as JSON through to_plain, as the JSON exports all are (dates ISO, enums by name)."""
    return json.dumps(to_plain(records, labels=False), ensure_ascii=False, indent=2) + "\n"


# --- plan -------------------------------------------------------------------------------

_PLAN_HEAD: Final = (
    "target",
    "project",
    "name",
    "kinds",
    "categories",
    "window",
    "lead",
)


# Short labels for a terminal's width; csv and json carry the enum names.
_KIND_SHORT: Final = {
    VisitKind.HANDOVER: "交工",
    VisitKind.PERIODIC: "定期",
    VisitKind.RAINY_SEASON: "雨季",
    VisitKind.HEATING_SEASON: "采暖期",
    VisitKind.WINTER: "冬季",
    VisitKind.COMMISSIONING: "运行后",
    VisitKind.TECHNICAL: "技术性",
    VisitKind.PRE_EXPIRY: "期满前",
}
_CATEGORY_SHORT: Final = {
    Category.FOUNDATION_STRUCTURE: "地基主体",
    Category.WATERPROOFING: "防水",
    Category.HEATING: "供热",
    Category.COOLING: "供冷",
    Category.ELECTRICAL_PLUMBING: "电气给排水",
    Category.EQUIPMENT_INSTALLATION: "设备安装",
    Category.DECORATION: "装修",
    Category.OTHER: "其他",
}


def _plan_table(plan: Plan, projects: Sequence[Project], source: str) -> str:
    names = {p.id: p.name for p in projects}
    rows = [
        (
            v.target.isoformat() + (" *" if v.provisional else ""),
            v.project_id,
            names.get(v.project_id, ""),
            "、".join(_KIND_SHORT[VisitKind[k]] for k in v.kind_names)
            + (" +调查" if v.survey else ""),
            "、".join(_CATEGORY_SHORT[Category[c]] for c in v.category_names),
            f"{v.earliest} – {v.latest}",
            v.lead.zh,
        )
        for v in plan
    ]
    lines = [f"回访计划 revisit plan {plan.year}: {len(plan)} visits, {source}"]
    lines += table(_PLAN_HEAD, rows) if rows else ["(no visit targeted in this year)"]
    if any(v.provisional for v in plan):
        lines.append("* provisional: the year's holiday arrangement is not yet published")
    if any(v.survey for v in plan):
        lines.append("+调查: the trip carries the end-of-warranty owner survey (SAT-SURVEY)")
    lines += [f"! {f.project_id} {f.code} ({f.rule}): {f.detail}" for f in plan.findings]
    return "\n".join(lines) + "\n"


def _plan(args: argparse.Namespace) -> str:
    year = _year(args.year)
    projects, source = _read(args.portfolio)
    plan = annual_plan(projects, year)
    if args.format == "ics":
        return plan.to_ics()
    if args.format == "table":
        return _plan_table(plan, projects, source)
    records = plan.to_records()
    if args.format == "json":
        return _json(records)
    # The keys of Plan.to_records are Visit's attribute names: a header even with no visit.
    return _csv(records, [a.name for a in attrs.fields(Visit)])


# --- expiry -----------------------------------------------------------------------------

_EXPIRY_HEAD: Final = (
    "project_id",
    "name",
    "accepted_on",
    "category",
    "statutory_period",
    "statutory_last_day",
    "contract_period",
    "contract_last_day",
    "last_day",
    "provisional",
    "findings",
    "rules",
)


def _expiry_records(projects: Sequence[Project]) -> list[dict[str, Any]]:
    return [
        {
            "project_id": project.id,
            "name": project.name,
            "accepted_on": project.accepted_on,
            "category": e.category.name,
            "statutory_period": str(e.statutory_period) if e.statutory_period else None,
            "statutory_last_day": e.statutory_last_day,
            "contract_period": str(e.contract_period) if e.contract_period else None,
            "contract_last_day": e.contract_last_day,
            "last_day": e.last_day,
            "provisional": e.provisional,
            "findings": e.findings,
            "rules": e.rules,
        }
        for project in projects
        for e in warranty_schedule(project)
    ]


def _expiry(args: argparse.Namespace) -> str:
    projects, source = _read(args.portfolio)
    records = _expiry_records(projects)
    if args.format == "json":
        return _json(records)
    if args.format == "csv":
        return _csv(records, _EXPIRY_HEAD)

    def day(value: dt.date | None) -> str:
        return value.isoformat() if value else "—"

    head = ("project", "category", "accepted", "statutory", "contract", "last day", "findings")
    rows = [
        (
            r["project_id"],
            r["category"],
            day(r["accepted_on"]),
            day(r["statutory_last_day"]),
            day(r["contract_last_day"]),
            day(r["last_day"]) + (" *" if r["provisional"] else ""),
            ", ".join(r["findings"]),
        )
        for r in records
    ]
    lines = [f"保修期 warranty expiry: {len(projects)} projects, {source}"]
    lines += table(head, rows) if rows else ["(no project)"]
    if any(r["provisional"] for r in records):
        lines.append("* provisional: rests on a year whose holiday arrangement is not published")
    return "\n".join(lines) + "\n"


# --- grade and rules --------------------------------------------------------------------


def _grade(args: argparse.Namespace) -> str:
    score = _score(args.score)
    service = ServiceRating.from_text(args.service)
    grading = grade_visit(score, service)
    if args.format == "json":
        return _json(
            {
                "quality_score": str(score),
                "service": service.name,
                "grade": grading.grade.value,
                "quality_grade": grading.quality_grade.value,
                "service_grade": grading.service_grade.value,
                "requires_corrective_action": grading.requires_corrective_action,
                "rules": grading.rules,
            }
        )
    rows = [
        ("grade", grading.grade.value, f"({grading.grade.zh})"),
        ("quality", grading.quality_grade.value, f"(score {score})"),
        ("service", grading.service_grade.value, f"({service.name} {service.zh})"),
        ("rules", ", ".join(grading.rules), ""),
    ]
    lines = table(rows[0], rows[1:])
    if grading.requires_corrective_action:
        lines.append("grade C: a corrective-action record is due (SAT-ACTION)")
    return "\n".join(lines) + "\n"


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
    rules.add_argument("--format", choices=("markdown", "csv", "html"), default="markdown")
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
