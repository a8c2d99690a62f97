"""The documentation's generated content, as plain data: no Sphinx here.

The Sphinx extension (``revisit_sphinx``) turns what this module returns into doctree
nodes; the tests (``tests/test_docs.py``) call it directly, without importing Sphinx.
Everything is read from the package and the repository at build time, never hand-copied:

- the rule tables, one per area, from :func:`revisit_rules.rules.rule_rows` (the rows
  that :func:`revisit_rules.rule_table` formats too);
- the golden cases, one section per ``tests/cases/*.toml`` (format: ``tests/cases/README.md``),
  each file checked by ``revisit_rules.io.golden`` (the checker the tests use) before it renders;
- the API reference, one section per defining module, over ``revisit_rules.__all__``;
- the CLI reference, from the ``argparse`` parser, with example output of real runs.
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import enum
import importlib
import inspect
import io
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

import revisit_rules
from revisit_rules import cli, liability, rules
from revisit_rules.io import golden as golden_format
from revisit_rules.service_ledger.obligations import CLOCKS

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"

# --- rule tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSection:
    """One area of the rule book: its prefix, its title and its rows."""

    area: str
    title: str
    rows: tuple[rules.RuleRow, ...]


def rule_sections(area: str | None = None) -> list[RuleSection]:
    """The rule tables by area (all areas with at least one rule, or just ``area``)."""
    keys = [area] if area is not None else list(rules.AREAS)
    out = [RuleSection(k, rules.AREAS[k], rules.rule_rows(area=k)) for k in keys]
    return [s for s in out if s.rows or area is not None]


def rule_anchor(rule_id: str) -> str:
    """The HTML id of a rule's row on the rule table page (``WTY-MIN`` → ``rule-wty-min``)."""
    return "rule-" + rule_id.lower()


def region_rows() -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The season table of :data:`revisit_rules.REGIONS`: a header and one row per region."""
    names = [f.name for f in attrs.fields(revisit_rules.Region)]
    rows = [
        tuple(_show(getattr(region, name)) for name in names)
        for region in revisit_rules.REGIONS.values()
    ]
    return tuple(names), rows


def _show(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, enum.Enum):
        return value.name
    return str(value)


# --- the LIA table --------------------------------------------------------------------------

#: The columns of :func:`lia_rows`.
LIA_COLUMNS = (
    "cause",
    "procured by",
    "rule",
    "repairs",
    "liable (pays from)",
    "pays first (fund)",
    "recovers",
)


def _party(party: Any) -> str:  # noqa: ANN401 - a Party or None
    return "—" if party is None else f"{party.role.name} {party.role.zh}"


def lia_rows() -> list[tuple[str, ...]]:
    """The LIA table as the procedure reads it (``liability._TABLE``), one row per key.

    Generated, so that the page shows the data the code decides by, not a copy of it.
    """
    rows = []
    table = liability._TABLE  # noqa: SLF001 - the page shows the data the procedure reads
    for (cause, procured), row in table.items():
        liable = "; ".join(f"{r.name} ({f.name} {f.zh})" for r, f in row.liable.items())
        payer = "—" if row.payer is None else f"{_party(row.payer[0])} ({row.payer[1].name})"
        rows.append(
            (
                f"{cause.name} {cause.zh}",
                "—" if procured is None else f"{procured.name} {procured.zh}",
                row.rule,
                _party(row.repairer),
                liable or "—",
                payer,
                _party(row.creditor),
            )
        )
    return rows


# --- the ledger's clocks ---------------------------------------------------------------------

#: The columns of :func:`clock_rows`.
CLOCK_COLUMNS = ("rule", "规则", "counted by", "length (default)", "discharged by", "owed by")


def clock_rows() -> list[tuple[str, ...]]:
    """The ledger's clock table (``service_ledger.obligations.CLOCKS``), one row per rule."""
    policy = revisit_rules.Policy()
    rows = []
    for rule, clock in CLOCKS.items():
        if clock.deadline is None:
            counted, length = "its own window", "—"
        else:
            counted = f"Deadline.{clock.deadline.name}"
            value = getattr(policy, clock.deadline.policy_field)
            unit = clock.deadline.unit.value.replace("_", " ")
            length = "set by the company" if value is None else f"{value} {unit}"
        rows.append(
            (
                rule,
                revisit_rules.RULES[rule].title_zh,
                counted,
                length,
                ", ".join(sorted(k.name for k in clock.discharged_by)),
                f"{clock.obligor.name} {clock.obligor.zh}",
            )
        )
    return rows


# --- golden cases --------------------------------------------------------------------------

#: The error of a golden file that does not follow the format (``tests/cases/README.md``).
GoldenFormatError = golden_format.GoldenFormatError


@dataclass(frozen=True)
class GoldenCase:
    """One case of a golden file, its cells ready for a table row."""

    id: str
    title: str
    call: str
    input: list[str]
    expected: list[str]
    rules: list[str]
    source: str


@dataclass(frozen=True)
class GoldenFile:
    """One ``tests/cases/*.toml`` file."""

    path: Path
    area: str
    title: str
    description: str
    cases: list[GoldenCase] = field(default_factory=list)


def golden_paths(directory: Path = CASES) -> list[Path]:
    """The golden case files, sorted by name; none if the directory does not exist."""
    return sorted(directory.glob("*.toml")) if directory.is_dir() else []


def format_value(value: object) -> str:
    """A TOML value as one line of TOML-like text (dates ISO, strings quoted)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {format_value(v)}" for k, v in value.items()) + "}"
    return str(value)


def _lines(table: dict[str, Any]) -> list[str]:
    return [f"{k} = {format_value(v)}" for k, v in table.items()]


def load_golden(path: Path) -> GoldenFile:
    """Read one golden file, checked as the tests check it, as rows for a table.

    Raises:
        GoldenFormatError: the file is not valid TOML or does not follow the format
            (``golden_format.read_file``; the message names the file and the case).
    """
    data = golden_format.read_file(path)
    cases = [
        GoldenCase(
            id=raw["id"],
            title=raw["title"],
            call=raw["call"],
            input=_lines(raw["input"]),
            expected=_lines(raw["expected"]),
            rules=list(raw["rules"]),
            source=raw["source"],
        )
        for raw in data["case"]
    ]
    return GoldenFile(path, data["area"], data["title"], data["description"], cases)


# --- API reference -------------------------------------------------------------------------

#: The order of the API reference's sections; modules not named here follow, by name.
MODULE_ORDER = (
    "revisit_rules.calendar",
    "revisit_rules.durations",
    "revisit_rules.periods",
    "revisit_rules.categories",
    "revisit_rules.regions",
    "revisit_rules.seasons",
    "revisit_rules.project",
    "revisit_rules.warranty",
    "revisit_rules.revisits.visits",
    "revisit_rules.revisits.plan",
    "revisit_rules.revisits.status",
    "revisit_rules.liability",
    "revisit_rules.liability_values",
    "revisit_rules.money",
    "revisit_rules.settlement",
    "revisit_rules.deadlines",
    "revisit_rules.service_ledger.events",
    "revisit_rules.service_ledger.details",
    "revisit_rules.grading",
    "revisit_rules.rates",
    "revisit_rules.policy",
    "revisit_rules.rulebook",
    "revisit_rules.rules",
    "revisit_rules.tracing",
    "revisit_rules.render.plain",
    "revisit_rules.errors",
)


@dataclass(frozen=True)
class ApiEntry:
    """A public name: ``kind`` is class, enum, exception, function or data."""

    name: str
    kind: str
    module: str


@dataclass(frozen=True)
class ApiSection:
    """The public names a module defines, with the module's one-line title."""

    module: str
    title: str
    entries: list[ApiEntry]


def _kind(obj: object) -> str:
    if inspect.isclass(obj):
        if issubclass(obj, BaseException):
            return "exception"
        if issubclass(obj, enum.Enum):
            return "enum"
        return "class"
    if callable(obj):
        return "function"
    return "data"


def _submodules() -> Iterator[Any]:
    """Every module of the package that is imported, the package itself last."""
    for name, module in sorted(sys.modules.items()):
        if name.startswith("revisit_rules.") and module is not None:
            yield module
    yield revisit_rules


def defining_module(name: str) -> str:
    """The module a public name is defined in (data: the module that exports or binds it).

    A module that both exports and binds a data name wins over one that only re-exports it
    (``revisit_rules.liability`` re-exports ``APPROVAL_CHAIN`` of ``settlement``).
    """
    obj = getattr(revisit_rules, name)
    if _kind(obj) != "data":
        return str(obj.__module__)
    candidates = [
        m for m in _submodules() if m is not revisit_rules and getattr(m, name, None) is obj
    ]
    exporting = [m for m in candidates if name in getattr(m, "__all__", ())]
    binding = [m for m in candidates if _assignment(m, name) is not None]
    found = [m for m in exporting if m in binding] or exporting or binding
    return str(found[0].__name__) if found else "revisit_rules"


def _assignment(module: Any, name: str) -> tuple[ast.Module, int] | None:  # noqa: ANN401
    """The parsed module and the index of its top-level statement that binds ``name``."""
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError):  # pragma: no cover - a module without source
        return None
    for index, node in enumerate(tree.body):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return tree, index
    return None


def api_sections() -> list[ApiSection]:
    """Every name of ``revisit_rules.__all__``, once, grouped by defining module."""
    groups: dict[str, list[ApiEntry]] = {}
    for name in revisit_rules.__all__:
        module = defining_module(name)
        groups.setdefault(module, []).append(
            ApiEntry(name, _kind(getattr(revisit_rules, name)), module)
        )
    order = [m for m in MODULE_ORDER if m in groups]
    order += sorted(m for m in groups if m not in MODULE_ORDER)
    return [ApiSection(m, module_title(m), groups[m]) for m in order]


def module_title(module: str) -> str:
    """The first line of a module's docstring, or its name."""
    doc = inspect.getdoc(importlib.import_module(module)) or ""
    return doc.splitlines()[0].rstrip(".") if doc else module


def data_doc(name: str) -> str:
    """The ``#:`` comment (or the string right after) of a public data name, in its module."""
    module = importlib.import_module(defining_module(name))
    found = _assignment(module, name)
    if found is not None:
        tree, index = found
        lines = inspect.getsource(module).splitlines()
        comments: list[str] = []
        line = tree.body[index].lineno - 2
        while line >= 0 and lines[line].lstrip().startswith("#:"):
            comments.insert(0, lines[line].lstrip()[2:].strip())
            line -= 1
        if comments:
            return " ".join(comments)
        after = tree.body[index + 1] if index + 1 < len(tree.body) else None
        if (
            isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            return inspect.cleandoc(after.value.value)
    return (inspect.getdoc(module) or name).splitlines()[0]


# --- CLI reference -------------------------------------------------------------------------


def cli_parser() -> Any:  # noqa: ANN401 - argparse.ArgumentParser, built by the CLI module
    """The ``revisit-rules`` parser, as the command line builds it."""
    return cli._parser()  # noqa: SLF001 - the docs render the CLI's own parser


def cli_subcommands() -> dict[str, Any]:
    """Subcommand name -> its parser."""
    parser = cli_parser()
    for action in parser._actions:  # noqa: SLF001 - argparse keeps subparsers here
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            return dict(choices)
    return {}


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    """Format argparse help at a fixed width, whatever the terminal."""
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


def cli_help(subcommand: str | None = None, width: int = 88) -> str:
    """The ``--help`` text of the CLI or one of its subcommands."""
    with _columns(width):
        if subcommand is None:
            return str(cli_parser().format_help())
        subs = cli_subcommands()
        if subcommand not in subs:
            raise KeyError(f"no subcommand {subcommand!r}; the CLI has {', '.join(subs)}")
        return str(subs[subcommand].format_help())


def cli_run(argv: Sequence[str], max_lines: int | None = None) -> str:
    """Run ``revisit-rules ARGV`` in process and return its output (and the command line).

    Raises:
        RuntimeError: the command exits with a non-zero status.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = cli.main(list(argv))
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 2
    if status != 0:
        raise RuntimeError(
            f"revisit-rules {' '.join(argv)} exited with {status}: {err.getvalue().strip()}"
        )
    lines = out.getvalue().rstrip("\n").splitlines()
    if max_lines is not None and len(lines) > max_lines:
        lines = [*lines[:max_lines], f"… ({len(lines) - max_lines} more lines)"]
    return "\n".join(["$ revisit-rules " + " ".join(argv), *lines])
