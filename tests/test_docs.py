"""Tests of the documentation: generated rule tables, golden case rendering, references.

The docs' generated content comes from ``docs/_ext/revisit_docgen.py`` (no Sphinx) and is
turned into pages by ``docs/_ext/revisit_sphinx.py``. Only one test runs Sphinx, in a
subprocess (its deprecation warnings must not reach this run, where warnings are
errors): it builds the real rule table page and a golden case page in a temporary
project and checks the HTML with the same checker the browser check uses.
"""

import datetime as dt
import importlib
import importlib.util
import inspect
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

import revisit_rules as rr
from revisit_rules import liability
from revisit_rules.errors import InvalidInputError
from revisit_rules.io import golden as fmt
from revisit_rules.rules import AREAS, DOCUMENTS, area_of, rule_rows, rule_table
from revisit_rules.seasons import REGIONS, SeasonStatus
from revisit_rules.service_ledger.obligations import CLOCKS

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _load(name, path):
    """Import a module of the scripts folder by its path."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


gen = _load("revisit_docgen", DOCS / "_ext" / "revisit_docgen.py")
render = _load("check_docs_render", ROOT / "scripts" / "check_docs_render.py")


# --- the LIA table ----------------------------------------------------------------------------


def test_lia_table_is_the_procedures_data():
    """The page's LIA table has one row per key of the table the procedure reads, in order."""
    rows = gen.lia_rows()
    keys = [(c.name, p.name if p else "—") for c, p in liability._TABLE]

    assert keys == [(r[0].split()[0], r[1].split()[0]) for r in rows]
    assert [row.rule for row in liability._TABLE.values()] == [r[2] for r in rows]
    assert all(r[2] in rr.RULES for r in rows)
    assert len(gen.LIA_COLUMNS) == len(rows[0])


def test_clock_table_is_the_ledgers_data():
    """The ledger page's clock table has one row per rule of CLOCKS, its obligor and kinds."""
    rows = gen.clock_rows()

    assert list(CLOCKS) == [r[0] for r in rows]
    assert [f"{c.obligor.name} {c.obligor.zh}" for c in CLOCKS.values()] == [r[5] for r in rows]
    assert "set by the company" == {r[0]: r[3] for r in rows}["SLA-SIMPLE"]


# --- the rule tables' rows --------------------------------------------------------------------


@pytest.mark.parametrize("row", rule_rows(), ids=lambda row: row.id)
def test_every_row_has_titles_and_sources(row):
    """Each row of the rule tables has both titles and sources that say where they come from."""
    assert row.title_zh.strip()
    assert row.title_en.strip()
    assert row.value.strip()
    assert len(row.sources) >= 1
    assert [] == [s for s in row.sources if s.document not in DOCUMENTS]
    assert [] == [s for s in row.sources if not (s.ref or s.quote)]  # where in the document
    assert row.checked_on == dt.date.fromisoformat(row.checked_on).isoformat()


def test_a_rule_without_sources_is_refused():
    """A Rule with no source cannot be built, so no table row can lack one."""
    with pytest.raises(InvalidInputError, match="sources"):
        rr.Rule("WTY-X", "标题", "Title", "statement", "value", (), checked_on=dt.date(2026, 12, 1))


def test_areas_partition_the_registry():
    """Every rule belongs to one area of AREAS; the areas' rows are all rows, in order."""
    by_area = [row.id for area in AREAS for row in rule_rows(area=area)]

    assert [] == [r for r in rr.RULES if area_of(r) not in AREAS]
    assert sorted(rr.RULES) == sorted(by_area)
    assert list(rr.RULES) == [row.id for row in rule_rows()]


@pytest.mark.parametrize("area", list(AREAS))
def test_area_filter_matches_the_full_table(area):
    """rule_table(area=...) holds exactly the full table's lines of that area."""
    full = rule_table("csv").splitlines()
    part = rule_table("csv", area=area).splitlines()

    assert full[0] == part[0]
    assert [line for line in full[1:] if line.startswith(area + "-")] == part[1:]


@pytest.mark.parametrize("area", ["", "wty", "WTY-", "XYZ", "WTYS"])
def test_unknown_area_is_refused(area):
    """An area that is not a key of AREAS raises, naming the accepted keys."""
    with pytest.raises(InvalidInputError, match="one of WTY, CAL"):
        rule_rows(area=area)
    with pytest.raises(InvalidInputError, match="area"):
        rule_table("markdown", area=area)


def test_rule_table_is_formatted_from_the_rows():
    """The csv table's body is the rows' cells: one implementation for docs and CLI."""
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    body = list(csv.reader(io.StringIO(rule_table("csv"))))[1:]

    assert [list(row.cells()) for row in rule_rows()] == body


def test_rule_rows_follow_the_policy():
    """A row's value is the one in force under the policy given."""
    import attrs  # noqa: PLC0415

    policy = attrs.evolve(rr.Policy(), roll_to_working_day=False)
    default = {row.id: row.value for row in rule_rows()}
    changed = {row.id: row.value for row in rule_rows(policy=policy)}

    assert "roll_to_working_day=True" in default["CAL-PERIOD"]
    assert "roll_to_working_day=False" in changed["CAL-PERIOD"]


@pytest.mark.parametrize("area", list(AREAS))
def test_every_area_has_a_page_with_its_table(area):
    """Some page of docs/ embeds the area's rule table (rules.md holds them all)."""
    pages = [p.name for p in DOCS.glob("*.md") if f"```{{rule-table}} {area}\n" in p.read_text()]

    assert len(pages) == 1, pages
    assert "```{rule-table}\n```" in (DOCS / "rules.md").read_text()


def test_every_page_is_in_the_toctree():
    """Every page of docs/ is listed in index.md (Sphinx -W would fail on an orphan)."""
    index = (DOCS / "index.md").read_text()
    listed = set(re.findall(r"^([a-z_]+)$", index, flags=re.MULTILINE))

    assert {p.stem for p in DOCS.glob("*.md")} - {"index"} == listed


# --- the decisions page -----------------------------------------------------------------------

DECISIONS_PAGE = DOCS / "decisions.md"
#: A section of the decisions page: its label, then its heading with the same number.
DECISION_SECTION = re.compile(r"^\(decisions-(\d+)\)=\n## § (\d+) (.+)$", flags=re.MULTILINE)
#: A rule ID anywhere in a text (as tests/test_rules_registry.py finds them).
RULE_ID = re.compile(r"\b(?:" + "|".join(AREAS) + r")-[A-Z0-9]+(?:-[A-Z0-9]+)*\b")
#: A citation of the decisions page in prose: "decisions § 5", "decisions § 2, § 4".
DECISIONS_CITED = re.compile(r"\bdecisions ((?:§ \d+(?:, | and )?)+)")
#: The sections of the page where each area's rules are decided (CAL is split, as the
#: rule book splits it: periods in § 2, the working-day calendar in § 4).
AREA_SECTIONS = {
    "WTY": {1},
    "CAL": {2, 4},
    "SEA": {3},
    "VIS": {5},
    "LIA": {6},
    "SLA": {7},
    "SAT": {8},
    "LED": {10},
}


def decision_sections(text=None):
    """Section number -> its text (heading included), from the page's labels."""
    text = DECISIONS_PAGE.read_text(encoding="utf-8") if text is None else text
    starts = [(int(m[1]), m.start()) for m in DECISION_SECTION.finditer(text)]
    ends = [start for _, start in starts[1:]] + [len(text)]
    return {n: text[start:end] for (n, start), end in zip(starts, ends, strict=True)}


def _decisions_sources():
    """(rule ID, ref) of every source of the registry that cites the decisions page."""
    return [
        (r.id, s.ref) for r in rr.RULES.values() for s in r.sources if s.document == "DECISIONS"
    ]


def test_decisions_page_sections_are_numbered_and_anchored():
    """Every section heading has its stable label (decisions-N) and the same number, 0-10."""
    text = DECISIONS_PAGE.read_text(encoding="utf-8")
    matches = DECISION_SECTION.findall(text)

    assert [(str(n), str(n)) for n in range(11)] == [(label, num) for label, num, _ in matches]
    assert len(matches) == len(re.findall(r"^## ", text, flags=re.MULTILINE))
    assert list(range(11)) == list(decision_sections())


def test_the_decisions_document_is_the_page():
    """The registry's DECISIONS document names this page, and some rules cite it."""
    assert "docs/decisions.md" in DOCUMENTS["DECISIONS"]
    assert "DOMAIN" not in DOCUMENTS
    assert DECISIONS_PAGE.is_file()
    assert len(_decisions_sources()) >= 10


@pytest.mark.parametrize(("rule_id", "ref"), _decisions_sources(), ids=lambda x: x[:24])
def test_registry_cites_sections_that_exist(rule_id, ref):
    """A DECISIONS source names existing sections ("§ 5 …"), and its rule IDs are decided there."""
    sections = decision_sections()
    numbers = [int(n) for n in re.findall(r"§ (\d+)", ref)]

    assert re.match(r"§ \d+", ref), f"{rule_id}: {ref!r} does not begin with a section"
    assert [] == [n for n in numbers if n not in sections]
    text = "".join(sections[n] for n in numbers)
    assert [] == [r for r in RULE_ID.findall(ref) if not re.search(rf"\b{r}\b", text)]
    assert re.search(rf"\b{rule_id}\b", text), f"{rule_id} is not on the page's § {numbers}"


def _citing_files():
    """The repository's files that cite the decisions page in prose."""
    package = pathlib.Path(rr.__file__).parent
    return sorted(
        [
            *(package / "ruledata").glob("*.py"),
            package / "rules.py",
            *(ROOT / "tests" / "cases").glob("*.toml"),
            ROOT / "tests" / "cases" / "README.md",
        ]
    )


@pytest.mark.parametrize("path", _citing_files(), ids=lambda p: p.name)
def test_citations_of_the_decisions_page_name_existing_sections(path):
    """Every "decisions § N" in the registry and the golden cases names a section of the page."""
    sections = decision_sections()
    text = path.read_text(encoding="utf-8")
    cited = [int(n) for run in DECISIONS_CITED.findall(text) for n in re.findall(r"\d+", run)]

    assert [] == [n for n in cited if n not in sections]
    assert "DOMAIN.md" not in text


def test_citation_walk_finds_citations():
    """The walk reads the files and finds every section cited; a run "§ 2, § 4" is one citation."""
    found = set()
    for path in _citing_files():
        for run in DECISIONS_CITED.findall(path.read_text(encoding="utf-8")):
            found.update(int(n) for n in re.findall(r"\d+", run))
    planted = decision_sections("(decisions-1)=\n## § 1 One\n\nx\n(decisions-3)=\n## § 3 T\n")

    assert set(range(11)) == found
    assert [1, 3] == list(planted)
    assert ["§ 2, § 4"] == DECISIONS_CITED.findall("(decisions § 2, § 4).")


@pytest.mark.parametrize("rule_id", list(rr.RULES))
def test_every_rule_is_decided_in_its_area_section(rule_id):
    """Each rule of the registry is named in its area's section of the decisions page."""
    sections = decision_sections()
    text = "".join(sections[n] for n in sorted(AREA_SECTIONS[area_of(rule_id)]))

    assert re.search(rf"\b{rule_id}\b", text)


def test_decisions_page_names_only_registered_rules():
    """No rule ID on the decisions page is unknown to the registry."""
    text = DECISIONS_PAGE.read_text(encoding="utf-8")

    assert [] == sorted(set(RULE_ID.findall(text)) - set(rr.RULES))


@pytest.mark.parametrize("status", [SeasonStatus.VERIFIED, SeasonStatus.CUSTOMARY])
def test_decisions_page_lists_the_season_table(status):
    """§ 3 lists every heating season of REGIONS under its status, with the table's dates."""
    section = decision_sections()[3]
    heading = {SeasonStatus.VERIFIED: "verified", SeasonStatus.CUSTOMARY: "customary"}
    items = [item.split("\n- ")[0] for item in re.split(r"\n  - ", section)[1:]]
    (item,) = [item for item in items if item.startswith(heading[status])]
    rows = [r for r in REGIONS.values() if r.heating_status is status]

    assert rows
    assert [] == [
        r.name_zh for r in rows if f"{r.name_zh} {r.heating}" not in " ".join(item.split())
    ]
    assert len(rows) == item.count("→")


# --- golden cases -----------------------------------------------------------------------------


def _good_case(n, call="warranty_expiry", inputs=None, expected=None, rules=None):
    """One well-formed [[case]] of warranty.toml, as TOML text."""
    expected = expected or "last_day = 2025-06-30\nfindings = []"
    rules = rules or '["WTY-WATERPROOF", "CAL-PERIOD"]'
    if inputs is None:
        inputs = (
            f'project = {{ id = "P-{n}", accepted_on = 2020-06-30, region = "beijing", '
            'categories = ["WATERPROOFING"] }\ncategory = "WATERPROOFING"'
        )
    return f"""
[[case]]
id = "WTY-G{n:02d}"
title = "Waterproofing: 5 years from acceptance"
rules = {rules}
source = "REG Art. 40(2); decisions § 1"
call = "{call}"
[case.input]
{inputs}
[case.expected]
{expected}
"""


HEAD = """\
area = "warranty"
title = "Warranty expiry (保修期)"
description = "Last days of the warranty."
"""

#: A file that follows the format (tests/cases/README.md): the checker the tests use
#: accepts it, and its expected values are the library's answers.
GOOD = HEAD + "".join(_good_case(n) for n in range(1, fmt.MIN_CASES + 1))


def _write(directory, name, text):
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_fixture_is_a_valid_and_true_golden_file(tmp_path):
    """GOOD passes the strict checker, and each case's call gives its expected values."""
    data = fmt.read_file(_write(tmp_path, "warranty.toml", GOOD))

    for case in data["case"]:
        result = fmt.resolve(case["call"])(**fmt.inputs(case))
        assert dt.date(2025, 6, 30) == result.last_day
        assert () == result.findings
        assert set(case["rules"]) <= set(rr.Trace.of(result).rules)


def test_golden_file_is_read_as_rows(tmp_path):
    """A file of the format (tests/cases/README.md) gives one row per case, one 'k = v' a line."""
    golden = gen.load_golden(_write(tmp_path, "warranty.toml", GOOD))

    assert ("warranty", "Warranty expiry (保修期)") == (golden.area, golden.title)
    assert [f"WTY-G{n:02d}" for n in range(1, fmt.MIN_CASES + 1)] == [c.id for c in golden.cases]
    first = golden.cases[0]
    assert [
        (
            'project = {id = "P-1", accepted_on = 2020-06-30, region = "beijing", '
            'categories = ["WATERPROOFING"]}'
        ),
        'category = "WATERPROOFING"',
    ] == first.input
    assert ["last_day = 2025-06-30", "findings = []"] == first.expected
    assert ["WTY-WATERPROOF", "CAL-PERIOD"] == first.rules
    assert "warranty_expiry" == first.call
    assert "REG Art. 40(2); decisions § 1" == first.source


def test_golden_call_may_be_a_method_of_a_public_result(tmp_path):
    """A method of a public result (china_calendar().is_working_day) is a valid call."""
    method = _good_case(
        1,
        call="china_calendar().is_working_day",
        inputs="day = 2026-10-08",
        expected="result = true",
        rules='["CAL-CN"]',
    )
    text = HEAD + method + "".join(_good_case(n) for n in range(2, fmt.MIN_CASES + 1))
    golden = gen.load_golden(_write(tmp_path, "warranty.toml", text))

    assert "china_calendar().is_working_day" == golden.cases[0].call
    assert ["day = 2026-10-08"] == golden.cases[0].input


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('rules = ["WTY-WATERPROOF", "CAL-PERIOD"]', 'rules = ["WTY-NOPE"]'), "not in revisit"),
        (('rules = ["WTY-WATERPROOF", "CAL-PERIOD"]', "rules = []"), "non-empty"),
        (('call = "warranty_expiry"', 'call = "os_system"'), "not a public function"),
        (('call = "warranty_expiry"', 'call = "().x"'), "not an argument-free function"),
        (('call = "warranty_expiry"', 'call = "_check.x"'), "not a public function"),
        (('call = "warranty_expiry"', 'call = "period_end"'), r"takes no argument \['project'"),
        (('id = "WTY-G02"', 'id = "WTY-G01"'), "duplicate case id WTY-G01"),
        (('area = "warranty"', 'area = "revisits"'), "expected 'warranty'"),
        (('source = "REG Art. 40(2); decisions § 1"\n', ""), r"missing keys \['source'\]"),
        (('description = "Last days of the warranty."\n', ""), "description"),
        (('category = "WATERPROOFING"\n', 'colour = "red"\n'), r"takes no argument \['colour'"),
        (("[[case]]", "[[case"), "not valid TOML"),
        (("description = ", "version = 2\ndescription = "), r"top-level keys \[.*'version'"),
    ],
)
def test_malformed_golden_file_is_refused(tmp_path, change, message):
    """The docs refuse what the tests refuse: the same checker, naming the file and problem."""
    old, new = change
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    path = _write(tmp_path, "warranty.toml", text)

    with pytest.raises(gen.GoldenFormatError, match=message) as docs:
        gen.load_golden(path)
    with pytest.raises(fmt.GoldenFormatError) as tests:
        fmt.read_file(path)

    assert str(tests.value) == str(docs.value)
    assert str(docs.value).startswith("warranty.toml: ")


def test_docs_and_tests_share_one_error_class():
    """The docs' error is the checker's: one class, so one message format."""
    assert fmt.GoldenFormatError is gen.GoldenFormatError


@pytest.mark.parametrize("count", [fmt.MIN_CASES - 1, fmt.MIN_CASES])
def test_docs_need_as_many_cases_as_the_tests(tmp_path, count):
    """A file with MIN_CASES - 1 cases is refused by the docs too; MIN_CASES renders."""
    text = HEAD + "".join(_good_case(n) for n in range(1, count + 1))
    path = _write(tmp_path, "warranty.toml", text)

    if count < fmt.MIN_CASES:
        with pytest.raises(gen.GoldenFormatError, match="at least"):
            gen.load_golden(path)
    else:
        assert count == len(gen.load_golden(path).cases)


def test_no_golden_directory_means_no_files(tmp_path):
    """A missing or empty cases directory gives no file (the page then says so)."""
    assert [] == gen.golden_paths(tmp_path / "absent")
    assert [] == gen.golden_paths(tmp_path)


def test_repository_golden_files_render():
    """Every tests/cases/*.toml of the repository reads without a format error."""
    problems = []
    for path in gen.golden_paths():
        try:
            gen.load_golden(path)
        except gen.GoldenFormatError as err:
            problems.append(str(err))

    assert [] == problems


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.date(2025, 6, 30), "2025-06-30"),
        ('a"b', '"a\\"b"'),
        (True, "true"),
        (False, "false"),
        (3, "3"),
        ("123.45", '"123.45"'),
        ([1, "x"], '[1, "x"]'),
        ({"n": 5, "d": dt.date(2020, 2, 29)}, "{n = 5, d = 2020-02-29}"),
        ([{"k": []}], "[{k = []}]"),
    ],
)
def test_format_value(value, text):
    """TOML values are shown as TOML-like text on one line."""
    assert text == gen.format_value(value)


# --- API and CLI reference --------------------------------------------------------------------


def test_api_reference_lists_every_public_name_once():
    """The API page's sections hold each name of revisit_rules.__all__ exactly once."""
    names = [e.name for s in gen.api_sections() for e in s.entries]

    assert sorted(rr.__all__) == sorted(names)


def _own_doc(obj):
    if inspect.isclass(obj):
        doc = obj.__dict__.get("__doc__")
        return None if doc == "An enumeration." else doc
    return getattr(obj, "__doc__", None)


@pytest.mark.parametrize("name", [n for n in rr.__all__ if gen._kind(getattr(rr, n)) != "data"])
def test_public_name_has_its_own_docstring(name):
    """The API reference is made from docstrings: every public class and function has one."""
    doc = _own_doc(getattr(rr, name))

    assert doc
    assert doc.strip()


@pytest.mark.parametrize("name", [n for n in rr.__all__ if gen._kind(getattr(rr, n)) == "data"])
def test_public_data_is_described(name):
    """Public data (RULES, REGIONS, …) has a description from its module."""
    assert gen.data_doc(name).strip()


@pytest.mark.parametrize("sub", list(gen.cli_subcommands()))
def test_cli_page_documents_every_subcommand(sub):
    """docs/cli.md has a section, the help text and an example run of every subcommand."""
    page = (DOCS / "cli.md").read_text()

    assert f"\n## {sub}\n" in page
    assert f"```{{cli-help}} {sub}\n" in page
    assert f"```{{cli-run}} {sub}" in page


def test_cli_run_captures_the_output():
    """An example run shows the command line, then the command's output."""
    text = gen.cli_run(["grade", "85", "优秀"])

    assert "$ revisit-rules grade 85 优秀" == text.splitlines()[0]
    assert ["grade", "A"] == text.splitlines()[1].split()[:2]


def test_cli_run_truncates_and_says_so():
    """A long output is cut at max_lines, with the number of lines left out."""
    full = gen.cli_run(["rules", "--format", "csv"]).splitlines()
    cut = gen.cli_run(["rules", "--format", "csv"], max_lines=2).splitlines()

    assert full[:3] == cut[:3]
    assert f"… ({len(full) - 3} more lines)" == cut[3]
    assert 4 == len(cut)


@pytest.mark.parametrize("argv", [["grade", "101", "优秀"], ["plan"], ["nosuch"]])
def test_cli_run_fails_on_an_error(argv):
    """A failing example (bad input, usage error) is an error, so the docs build warns."""
    with pytest.raises(RuntimeError, match="exited with 2"):
        gen.cli_run(argv)


def test_cli_help_is_the_parsers():
    """The help text is argparse's, for the CLI and each subcommand; unknown ones raise."""
    assert gen.cli_help().startswith("usage: revisit-rules")
    assert gen.cli_help("plan").startswith("usage: revisit-rules plan")
    with pytest.raises(KeyError, match="no subcommand"):
        gen.cli_help("nosuch")


# --- the render checker -----------------------------------------------------------------------


def _dom(rows_by_area):
    tables = "".join(
        '<table class="docutils rule-table"><thead><tr><th>ID</th></tr></thead><tbody>'
        + "".join(
            f'<tr id="rule-{r.lower()}"><td><code><span>{r}</span></code></td><td>x</td></tr>'
            for r in rows
        )
        + "</tbody></table>"
        for rows in rows_by_area
    )
    return f"<html><body>{tables}</body></html>"


def _by_area():
    return [[r for r in rr.RULES if area_of(r) == a] for a in AREAS]


def test_checker_accepts_a_complete_page():
    """Every rule in its area's table: no problem."""
    assert [] == render.check_dom(_dom(_by_area()))


def test_checker_finds_a_missing_rule():
    """A rule left out of its table is named."""
    tables = _by_area()
    dropped = tables[0].pop()

    assert [f"rules missing from the rendered page: {dropped}"] == render.check_dom(_dom(tables))


def test_checker_finds_a_missing_table_and_mixed_areas():
    """Two areas in one table: a table too few, and the mix is named."""
    tables = _by_area()
    merged = [tables[0] + tables[1], *tables[2:]]

    problems = render.check_dom(_dom(merged))

    assert f"{len(merged)} rule tables rendered, expected {len(tables)}" == problems[0]
    assert any("mixes areas" in p for p in problems)


def test_checker_finds_unknown_and_repeated_rows():
    """A row that is no rule, and a rule shown twice, are named."""
    tables = _by_area()
    tables[0] += ["WTY-NOPE", tables[0][0]]

    problems = render.check_dom(_dom(tables))

    assert "rows that are no rule of RULES: WTY-NOPE" in problems
    assert f"rules shown twice: {tables[0][0]}" in problems


def test_render_check_skips_when_no_browser_is_found(tmp_path, capsys, monkeypatch):
    """None found (no --chromium): a clear SKIPPED line and exit status 0."""
    _write(tmp_path, "rules.html", _dom(_by_area()))
    monkeypatch.setattr(render, "find_chromium", lambda: None)

    status = render.main(["--html", str(tmp_path)])

    assert 0 == status
    assert "SKIPPED" in capsys.readouterr().out


def test_render_check_fails_when_the_given_browser_is_missing(tmp_path, capsys, monkeypatch):
    """--chromium PATH that does not exist is an error (status 2), never a skip."""
    _write(tmp_path, "rules.html", _dom(_by_area()))
    monkeypatch.setattr(render, "find_chromium", lambda: None)
    missing = tmp_path / "none"

    status = render.main(["--html", str(tmp_path), "--chromium", str(missing)])

    out, err = capsys.readouterr()
    assert 2 == status
    assert f"--chromium {missing}: no such executable" in err
    assert "SKIPPED" not in out


def test_render_check_fails_when_the_given_browser_is_not_executable(tmp_path, capsys):
    """--chromium naming a file that cannot run is an error too."""
    _write(tmp_path, "rules.html", _dom(_by_area()))
    plain = _write(tmp_path, "chromium", "not a program")
    plain.chmod(0o644)

    status = render.main(["--html", str(tmp_path), "--chromium", str(plain)])

    assert 2 == status
    assert "no such executable" in capsys.readouterr().err


def test_render_check_fails_without_a_built_page(tmp_path, capsys):
    """No built page: exit status 1, saying to build the docs first."""
    status = render.main(["--html", str(tmp_path)])

    assert 1 == status
    assert "build the docs first" in capsys.readouterr().err


# --- one Sphinx build -------------------------------------------------------------------------

CONF = """\
import sys
sys.path.insert(0, {ext!r})
extensions = ["myst_parser", "revisit_sphinx"]
exclude_patterns = ["_build", "cases"]
myst_heading_anchors = 3
html_theme = "basic"
"""

INDEX = """\
# Test

```{toctree}
rules
golden
empty
```
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The real rules.md and golden.md, built by Sphinx (-W) in a temporary project."""
    if importlib.util.find_spec("sphinx") is None:  # pragma: no cover - docs extra missing
        pytest.skip("sphinx is not installed (the 'docs' extra)")
    src = tmp_path_factory.mktemp("docs")
    cases = src / "cases"  # the page's golden files and the format's README, as in tests/cases
    _write(cases, "warranty.toml", GOOD)
    shutil.copy(ROOT / "tests" / "cases" / "README.md", cases / "README.md")
    (src / "nocases").mkdir()
    shutil.copy(DOCS / "rules.md", src / "rules.md")
    golden = (DOCS / "golden.md").read_text(encoding="utf-8")
    assert ":path: ../tests/cases\n" in golden
    assert "```{include} ../tests/cases/README.md\n" in golden
    empty = golden.replace(":path: ../tests/cases", ":path: nocases")
    _write(src, "golden.md", golden.replace("../tests/cases", "cases"))
    _write(src, "empty.md", empty.replace("../tests/cases", "cases"))
    _write(src, "index.md", INDEX)
    _write(src, "conf.py", CONF.format(ext=str(DOCS / "_ext")))
    out = src / "_build"
    env = {**os.environ, "PYTHONWARNINGS": "ignore::DeprecationWarning"}
    done = subprocess.run(  # noqa: S603 - our own argument list
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src), str(out)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=300,
    )
    assert 0 == done.returncode, done.stderr
    return out


def test_built_rule_page_holds_every_rule(built):
    """The built rule table page has one table per area and a row for every rule of RULES."""
    html = (built / "rules.html").read_text(encoding="utf-8")

    assert [] == render.check_dom(html)
    assert [] == [r for r in rr.RULES if f'id="{gen.rule_anchor(r)}"' not in html]


def test_built_rule_page_shows_sources_and_dates(built):
    """Each rule's sources (document, article, quote) and dates are on the page."""
    html = (built / "rules.html").read_text(encoding="utf-8")
    rule = rr.RULES["WTY-START"]
    source = rule.sources[0]

    assert f"<strong>{source.document}</strong> {source.ref}" in html
    assert f"“{source.quote}”" in html
    assert rule.checked_on.isoformat() in html
    assert [] == [k for k in DOCUMENTS if f'<span class="pre">{k}</span>' not in html]


def test_built_golden_page_has_a_section_per_file(built):
    """The golden page renders each file as a section and each case as a row."""
    html = (built / "golden.html").read_text(encoding="utf-8")

    assert 'id="golden-warranty"' in html
    assert "Warranty expiry (保修期)" in html
    assert 'id="golden-wty-g01"' in html
    assert 'id="golden-wty-g02"' in html
    assert "rules.html#rule-wty-waterproof" in html
    assert "no golden case files yet" not in html


def test_built_golden_page_describes_the_format(built):
    """The page includes tests/cases/README.md: the format, under its own heading."""
    html = (built / "golden.html").read_text(encoding="utf-8")
    readme = (ROOT / "tests" / "cases" / "README.md").read_text(encoding="utf-8")

    assert 'id="the-file-format"' in html
    assert 'href="#the-file-format"' in html
    for heading in re.findall(r"^#{2,} (.+)$", readme, flags=re.MULTILINE):
        assert re.sub(r"`([^`]*)`", r"\1", heading) in re.sub(r"<[^>]+>", "", html), heading
    assert "GOLDEN_FORMAT" not in html


def test_built_golden_page_without_files_says_so(built):
    """With no golden file the page still builds, with a sentence saying there is none."""
    html = (built / "empty.html").read_text(encoding="utf-8")

    assert "There are no golden case files yet" in html
    assert "golden-table" not in html
