"""Sphinx directives for the generated parts of the revisit_rules documentation.

Each directive reads the package (or the golden case files) at build time through
``revisit_docgen`` and returns doctree nodes, so no table is ever hand-copied:

``rule-table [AREA]``
    The rule table of one area (``WTY``, ``CAL``, …), or, without an argument, one
    section per area with its table. Every row has the anchor ``rule-<id>``.
``source-documents``
    The documents the rules cite (``revisit_rules.rules.DOCUMENTS``).
``region-table``
    The season table of ``revisit_rules.REGIONS``.
``golden-cases``
    One section per ``tests/cases/*.toml`` with a table of its cases, each file checked
    first by ``revisit_rules.io.golden`` (the module the tests check the files with).
``api-reference``
    autodoc entries for every name of ``revisit_rules.__all__``, by defining module.
``cli-help [SUBCOMMAND]`` / ``cli-run ARG...``
    The ``--help`` text of the command line, and the output of a real run.

A problem in the data (a malformed golden file, a failing example run) is a Sphinx
warning, so ``sphinx-build -W`` fails on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import revisit_docgen as gen
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

from revisit_rules import rules

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

LOG = logging.getLogger(__name__)
RULE_PAGE = "rules"  # the document holding every rule table (docs/rules.md)


# --- node helpers ----------------------------------------------------------------------------


def _para(*children: nodes.Node | str) -> nodes.paragraph:
    para = nodes.paragraph()
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def _entry(*content: nodes.Node | str) -> nodes.entry:
    entry = nodes.entry()
    for item in content:
        entry += _para(item) if isinstance(item, str) else item
    return entry


def _table(
    head: Sequence[str], rows: Sequence[nodes.row], widths: Sequence[int], cls: str
) -> nodes.table:
    table = nodes.table(classes=[cls, "colwidths-given"])
    group = nodes.tgroup(cols=len(head))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    thead = nodes.thead()
    thead += _row([_entry(h) for h in head])
    group += thead
    body = nodes.tbody()
    body.extend(rows)
    group += body
    return table


def _row(entries: Sequence[nodes.entry], ids: Sequence[str] = ()) -> nodes.row:
    row = nodes.row(ids=list(ids))
    row.extend(entries)
    return row


def _lines(lines: Sequence[str]) -> nodes.entry:
    """A cell with one line per item, in a literal font (``k = v`` lines)."""
    entry = nodes.entry()
    block = nodes.line_block()
    for text in lines:
        line = nodes.line()
        line += nodes.literal(text, text)
        block += line
    entry += block
    return entry


def _section(directive: SphinxDirective, title: str, key: str) -> nodes.section:
    section = nodes.section()
    section["ids"].append(nodes.make_id(key))
    section["names"].append(nodes.fully_normalize_name(key))
    section += nodes.title(title, title)
    directive.state.document.note_implicit_target(section)
    return section


def _rule_link(directive: SphinxDirective, rule_id: str) -> nodes.Node:
    """A link to the rule's row on the rule table page."""
    builder = directive.env.app.builder
    uri = builder.get_relative_uri(directive.env.docname, RULE_PAGE)
    ref = nodes.reference("", "", refuri=f"{uri}#{gen.rule_anchor(rule_id)}", internal=True)
    ref += nodes.literal(rule_id, rule_id)
    return ref


def _note_package(directive: SphinxDirective) -> None:
    """Rebuild the page when the package's rules or their values change."""
    package = Path(rules.__file__).parent
    for path in (package / "ruledata").glob("*.py"):
        directive.env.note_dependency(str(path))
    for name in ("rules.py", "policy.py", "regions.py", "liability.py"):
        directive.env.note_dependency(str(package / name))


# --- rule tables -----------------------------------------------------------------------------


def _source_entry(sources: Sequence[rules.Source]) -> nodes.entry:
    entry = nodes.entry()
    for source in sources:
        para = _para(nodes.strong(source.document, source.document))
        if source.ref:
            para += nodes.Text(" " + source.ref)
        if source.quote:
            para += nodes.Text(": ")
            para += nodes.emphasis("", f"“{source.quote}”")
        entry += para
    return entry


def rule_table_node(rows: Sequence[rules.RuleRow]) -> nodes.table:
    """The table of ``rows``, columns as in :data:`revisit_rules.rules.RULE_COLUMNS`."""
    body = [
        _row(
            [
                _entry(nodes.literal(row.id, row.id)),
                _entry(row.title_zh),
                _entry(row.title_en),
                _entry(row.value),
                _source_entry(row.sources),
                _entry(row.effective_from or "—"),
                _entry(row.checked_on),
            ],
            ids=[gen.rule_anchor(row.id)],
        )
        for row in rows
    ]
    return _table(rules.RULE_COLUMNS, body, (11, 13, 13, 15, 32, 8, 8), "rule-table")


class RuleTable(SphinxDirective):
    """``rule-table [AREA]``: one area's rule table, or every area as a section."""

    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        """Build the table(s) from :func:`revisit_rules.rules.rule_rows`."""
        _note_package(self)
        area = self.arguments[0] if self.arguments else None
        if area is not None and area not in rules.AREAS:
            LOG.warning(
                "rule-table: unknown area %r; one of %s",
                area,
                ", ".join(rules.AREAS),
                location=self.get_location(),
            )
            return []
        sections = gen.rule_sections(area)
        if area is not None:
            return [rule_table_node(sections[0].rows)]
        out: list[nodes.Node] = []
        for sec in sections:
            section = _section(self, f"{sec.area}: {sec.title}", f"rules-{sec.area.lower()}")
            count = len(sec.rows)
            section += _para(f"{count} rule{'s' if count != 1 else ''}.")
            section += rule_table_node(sec.rows)
            out.append(section)
        return out


class SourceDocuments(SphinxDirective):
    """``source-documents``: the table of document keys the rules cite."""

    def run(self) -> list[nodes.Node]:
        """One row per key of :data:`revisit_rules.rules.DOCUMENTS`."""
        _note_package(self)
        body = [
            _row([_entry(nodes.literal(key, key)), _entry(title)])
            for key, title in rules.DOCUMENTS.items()
        ]
        return [_table(("key", "document"), body, (10, 90), "source-documents")]


class RegionTable(SphinxDirective):
    """``region-table``: every region of the season table with its seasons."""

    def run(self) -> list[nodes.Node]:
        """One row per region of :data:`revisit_rules.REGIONS`."""
        _note_package(self)
        head, rows = gen.region_rows()
        body = [_row([_entry(c) for c in row]) for row in rows]
        return [_table(head, body, [1] * len(head), "region-table")]


class LiaTable(SphinxDirective):
    """``lia-table``: the LIA table the procedure reads, one row per (cause, procured by)."""

    def run(self) -> list[nodes.Node]:
        """One row per key of ``liability._TABLE``."""
        _note_package(self)
        body = [_row([_entry(c) for c in row]) for row in gen.lia_rows()]
        return [_table(gen.LIA_COLUMNS, body, (16, 12, 12, 14, 22, 14, 10), "lia-table")]


class ClockTable(SphinxDirective):
    """``clock-table``: the ledger's clocks, one row per rule, lengths as by default."""

    def run(self) -> list[nodes.Node]:
        """One row per rule of ``service_ledger.obligations.CLOCKS``."""
        _note_package(self)
        body = [_row([_entry(c) for c in row]) for row in gen.clock_rows()]
        return [_table(gen.CLOCK_COLUMNS, body, (16, 16, 20, 14, 22, 12), "clock-table")]


# --- golden cases ----------------------------------------------------------------------------


class GoldenCases(SphinxDirective):
    """``golden-cases``: one section per ``tests/cases/*.toml``, a table of its cases."""

    option_spec: ClassVar[dict[str, Any]] = {"path": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        """Read every golden file now; a malformed one is a warning (fatal under -W)."""
        directory = gen.CASES
        if "path" in self.options:
            directory = (Path(self.env.srcdir) / self.options["path"]).resolve()
        self.env.note_dependency(str(directory))
        paths = gen.golden_paths(directory)
        if not paths:
            return [
                _para(
                    "There are no golden case files yet: this page lists every "
                    "tests/cases/*.toml file when the documentation is built."
                )
            ]
        out: list[nodes.Node] = []
        for path in paths:
            self.env.note_dependency(str(path))
            try:
                golden = gen.load_golden(path)
            except gen.GoldenFormatError as err:
                LOG.warning("golden-cases: %s", err, location=self.get_location())
                continue
            out.append(self._file(golden))
        return out

    def _file(self, golden: gen.GoldenFile) -> nodes.section:
        section = _section(self, golden.title, f"golden-{golden.area}")
        section += _para(golden.description)
        section += _para(
            "File: ",
            nodes.literal("", f"tests/cases/{golden.path.name}"),
            f" — {len(golden.cases)} case{'s' if len(golden.cases) != 1 else ''}.",
        )
        rows = [
            _row(
                [
                    _entry(nodes.literal(case.id, case.id)),
                    _entry(case.title, _para("calls ", nodes.literal(case.call, case.call))),
                    _lines(case.input),
                    _lines(case.expected),
                    _entry(*[_para(_rule_link(self, r)) for r in case.rules]),
                    _entry(case.source),
                ],
                ids=[nodes.make_id(f"golden-{case.id}")],
            )
            for case in golden.cases
        ]
        # A checked file holds at least golden_format.MIN_CASES cases: never an empty table.
        section += _table(
            ("id", "title", "input", "expected", "rules", "source"),
            rows,
            (8, 18, 26, 22, 12, 14),
            "golden-table",
        )
        return section


# --- API and CLI reference -------------------------------------------------------------------

_AUTODOC = {
    "class": ("autoclass", [":members:"]),
    "enum": ("autoclass", [":members:", ":undoc-members:"]),
    "exception": ("autoexception", [":members:", ":show-inheritance:"]),
    "function": ("autofunction", []),
}


class ApiReference(SphinxDirective):
    """``api-reference``: every public name, by module, through autodoc."""

    def run(self) -> list[nodes.Node]:
        """Generate autodoc directives for ``revisit_rules.__all__`` and parse them."""
        lines: list[str] = []
        for section in gen.api_sections():
            short = section.title.split(":", 1)[0]
            title = f"{short} (``{section.module}``)"
            # CJK characters are two columns wide to docutils: underline generously.
            lines += [title, "-" * (2 * len(title)), ""]
            lines += [f".. automodule:: {section.module}", "   :no-index:", ""]
            for entry in section.entries:
                if entry.kind == "data":
                    lines += [f".. py:data:: revisit_rules.{entry.name}", ""]
                    lines += ["   " + gen.data_doc(entry.name), ""]
                    continue
                directive, options = _AUTODOC[entry.kind]
                lines += [f".. {directive}:: revisit_rules.{entry.name}"]
                lines += [f"   {option}" for option in options] + [""]
        container = nodes.section()
        container.document = self.state.document
        content = StringList(lines, source="<api-reference>")
        nested_parse_with_titles(self.state, content, container)
        return list(container.children)


class CliHelp(SphinxDirective):
    """``cli-help [SUBCOMMAND]``: the help text of ``revisit-rules`` from its parser."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        """A literal block of the parser's ``format_help()``."""
        sub = self.arguments[0] if self.arguments else None
        try:
            text = gen.cli_help(sub)
        except KeyError as err:
            LOG.warning("cli-help: %s", err.args[0], location=self.get_location())
            return []
        head = "$ revisit-rules " + (f"{sub} " if sub else "") + "--help\n"
        block = nodes.literal_block(head + text, head + text, language="text")
        return [block]


class CliRun(SphinxDirective):
    """``cli-run ARG...`` (option ``:lines: N``): the output of a real run, at build time."""

    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {"lines": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        """Run the command in process; a non-zero exit is a warning."""
        _note_package(self)
        argv = self.arguments[0].split()
        try:
            text = gen.cli_run(argv, self.options.get("lines"))
        except RuntimeError as err:
            LOG.warning("cli-run: %s", err, location=self.get_location())
            return []
        return [nodes.literal_block(text, text, language="text")]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives."""
    app.add_directive("rule-table", RuleTable)
    app.add_directive("source-documents", SourceDocuments)
    app.add_directive("region-table", RegionTable)
    app.add_directive("lia-table", LiaTable)
    app.add_directive("clock-table", ClockTable)
    app.add_directive("golden-cases", GoldenCases)
    app.add_directive("api-reference", ApiReference)
    app.add_directive("cli-help", CliHelp)
    app.add_directive("cli-run", CliRun)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
