"""Tests of the rule registry (STYLE.md habit 3): walks over RULES, never fixed counts.

Other areas (WTY, VIS, LIA, SLA, SAT) add their rules as they are built, so every test
here walks whatever the registry and the source hold at the time.
"""

import csv
import datetime as dt
import io
import itertools
import pathlib
import re
import subprocess
import sys
from typing import ClassVar

import attrs
import pytest

import revisit_rules as rr
from revisit_rules.ruledata._borrowed import NON_CONSTRUCTION
from revisit_rules.rules import DOCUMENTS

SRC = pathlib.Path(rr.__file__).parent
DECISIONS_PAGE = pathlib.Path(__file__).resolve().parents[1] / "docs" / "decisions.md"
DOMAIN_MD = pathlib.Path(__file__).resolve().parents[2] / "shared" / "DOMAIN.md"
SEEDS = DOMAIN_MD.parent / "seeds"
#: The shared rule book and its seeds stand beside the repository in CI and in a working
#: copy, not in an sdist or a lone clone: the checks against them skip there, saying why.
needs_shared = pytest.mark.skipif(
    not (DOMAIN_MD.is_file() and SEEDS.is_dir()),
    reason="../shared (DOMAIN.md and seeds/) is not beside the repository; CI has it",
)


def _seed_texts():
    """Seed key (S000 …) -> the seed's text."""
    return {f"S{p.name[:3]}": p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}


#: Rules the registry holds that DOMAIN.md states in prose without an ID of their own.
EXTRA_IDS = {
    # § 1: "The warranty period starts on the day the completion acceptance is passed".
    "WTY-START",
}
AREAS = ("CAL", "SEA", "WTY", "VIS", "LIA", "SLA", "SAT", "LED")
_AREA = "(?:" + "|".join(AREAS) + ")"
#: A citation: a rule ID as a whole double-quoted string literal (``rule="CAL-CN"``).
CITATION = re.compile(rf'"({_AREA}-[A-Z0-9-]+)"')
#: A rule ID anywhere: in code, messages, docstrings and comments.
RULE_ID = re.compile(rf"\b{_AREA}-[A-Z0-9]+(?:-[A-Z0-9]+)*\b")


def _code_files(root=SRC):
    """Every module of the package under ``root`` outside ruledata/."""
    return sorted(p for p in root.rglob("*.py") if "ruledata" not in p.relative_to(root).parts)


def _scan(pattern, root=SRC):
    """Rule ID -> the files (relative to ``root``) where ``pattern`` finds it."""
    found: dict[str, set[str]] = {}
    for path in _code_files(root):
        for rule_id in pattern.findall(path.read_text(encoding="utf-8")):
            found.setdefault(rule_id, set()).add(str(path.relative_to(root)))
    return found


def _citations(root=SRC):
    """Rule ID -> the files citing it as a string literal."""
    return _scan(CITATION, root)


CITED = _citations()
MENTIONED = _scan(RULE_ID)
POLICY_FIELDS = attrs.fields_dict(rr.Policy)

#: Rules in RULES that no code cites yet, each with the issue that will compute it (strict
#: xfail: the day the code cites one, its test passes and must leave this list).
_LEDGER = "the service ledger issue computes it"
UNCITED_KNOWN: dict[str, str] = {
    "SLA-TWO-FAILURES": _LEDGER,
}


class TestEveryRule:
    """Every Rule carries an ID, titles, a statement and sources."""

    @pytest.mark.parametrize("rule_id", list(rr.RULES))
    def test_complete(self, rule_id):
        """Non-empty id, titles, statement, value and sources; the key is the rule's id."""
        rule = rr.RULES[rule_id]

        assert rule_id == rule.id
        assert RULE_ID.fullmatch(rule.id)
        assert rule.title_zh.strip()
        assert rule.title_en.strip()
        assert rule.statement.strip()
        assert rule.value.strip()
        assert len(rule.sources) >= 1
        assert [] == [s.document for s in rule.sources if s.document not in DOCUMENTS]

    @pytest.mark.parametrize("rule_id", list(rr.RULES))
    def test_policy_fields_exist(self, rule_id):
        """Every name in Rule.policy_fields is a Policy attribute."""
        rule = rr.RULES[rule_id]

        assert [] == [f for f in rule.policy_fields if f not in POLICY_FIELDS]

    def test_checked_after_effective(self):
        """A rule is checked on or after the day it took effect."""
        late = [
            r.id
            for r in rr.RULES.values()
            if r.effective_from is not None and r.checked_on < r.effective_from
        ]

        assert [] == late

    def test_rule_needs_a_source(self):
        """A Rule without sources is refused at construction."""
        with pytest.raises(rr.InvalidInputError, match="sources"):
            rr.Rule(
                id="CAL-X",
                title_zh="x",
                title_en="x",
                statement="x",
                value="x",
                sources=(),
                checked_on=dt.date(2026, 12, 1),
            )

    def test_rule_names_its_own_checked_day(self):
        """Rule.checked_on has no blanket default: each entry names the day it was checked."""
        source = rr.Source("DECISIONS", "§ 2")
        with pytest.raises(TypeError, match="checked_on"):
            rr.Rule(
                id="CAL-X", title_zh="x", title_en="x", statement="x", value="x", sources=(source,)
            )  # type: ignore[call-arg]
        for rule in rr.RULES.values():
            assert rule.effective_from is None or rule.effective_from <= rule.checked_on
        # The rules of rule book v2 were checked on their own day, the others before.
        assert rr.RULES["VIS-WINTER"].checked_on > rr.RULES["LIA-SUB"].checked_on

    def test_source_needs_a_known_document(self):
        """A Source citing an unknown document key is refused."""
        with pytest.raises(rr.InvalidInputError, match=r"Source\.document"):
            rr.Source("NOPE")


def _registry_params():
    params = []
    for rule_id in rr.RULES:
        marks = ()
        if rule_id in UNCITED_KNOWN:
            marks = pytest.mark.xfail(reason=UNCITED_KNOWN[rule_id], strict=True)
        params.append(pytest.param(rule_id, marks=marks, id=rule_id))
    return params


class TestCitations:
    """Code and registry agree: every cited ID exists, every rule is cited or documentary."""

    def test_walk_finds_code(self):
        """The walk reads the package's modules and finds the calendar's citations."""
        assert "calendar.py" in {p.name for p in _code_files()}
        assert {"calendar.py", "periods.py"} <= CITED["CAL-CN"]
        assert "seasons.py" in CITED["SEA-NO-SEASON"]

    def test_walk_can_fail(self, tmp_path):
        """Planted in a package, an unknown ID is found; ruledata/ and non-literals are not."""
        (tmp_path / "ruledata").mkdir()
        (tmp_path / "ruledata" / "cal.py").write_text('RULE = "CAL-ONLY-IN-DATA"\n')
        (tmp_path / "mod.py").write_text(
            'def f():\n    """Cites CAL-IN-DOCSTRING."""\n    raise E("x", rule="CAL-NOPE")\n'
        )

        assert {"CAL-NOPE": {"mod.py"}} == _citations(tmp_path)
        assert {"CAL-NOPE", "CAL-IN-DOCSTRING"} == set(_scan(RULE_ID, tmp_path))
        assert "CAL-NOPE" not in rr.RULES  # test_cited_id_exists would fail on it

    @pytest.mark.parametrize("rule_id", sorted(CITED))
    def test_cited_id_exists(self, rule_id):
        """A rule ID cited in src (outside ruledata/) is in RULES."""
        assert rule_id in rr.RULES, f"{rule_id} cited in {sorted(CITED[rule_id])}"

    def test_every_mentioned_id_exists(self):
        """Every rule ID anywhere in src (messages, docstrings, comments) is in RULES."""
        unknown = {k: sorted(v) for k, v in MENTIONED.items() if k not in rr.RULES}

        assert {} == unknown

    @pytest.mark.parametrize("rule_id", _registry_params())
    def test_rule_is_cited_or_documentary(self, rule_id):
        """A rule in RULES is cited by code outside ruledata/, or is documentary."""
        rule = rr.RULES[rule_id]

        assert rule.documentary or rule_id in CITED

    def test_rules_not_yet_computed_are_not_documentary(self):
        """A rule waiting for later work is not marked documentary: it will be computed."""
        assert [] == [r for r in UNCITED_KNOWN if rr.RULES[r].documentary]

    @needs_shared
    @pytest.mark.parametrize("area", AREAS)
    def test_domain_rules_of_this_area_are_registered(self, area):
        """The rules of DOMAIN.md and those of the registry are the same IDs, per area."""
        text = DOMAIN_MD.read_text(encoding="utf-8")
        in_domain = {r for r in RULE_ID.findall(text) if r.startswith(f"{area}-")}
        registered = {r for r in rr.RULES if r.startswith(f"{area}-")}

        assert in_domain  # the walk reads DOMAIN.md
        assert sorted(in_domain) == sorted(registered - EXTRA_IDS)

    @needs_shared
    def test_decisions_page_keeps_the_rule_books_sections(self):
        """The decisions page has DOMAIN.md's sections, by number, each naming its rules.

        References such as "decisions § 5" keep their meaning only while the page's section
        N is the rule book's section N: every rule ID the rule book names in a section is
        named in the page's section of the same number.
        """
        in_book = _ids_by_section(r"^## (\d+)\. .*$", DOMAIN_MD)
        in_page = _ids_by_section(r"^\(decisions-(\d+)\)=$", DECISIONS_PAGE)

        assert list(range(11)) == sorted(in_book)  # the walk reads the rule book
        assert sorted(in_book) == sorted(in_page)
        assert {} == {n: sorted(ids - in_page[n]) for n, ids in in_book.items() if ids - in_page[n]}

    @needs_shared
    def test_seed_quotes_are_verbatim(self):
        """Every quote of a seed document (S000-S004) in any rule stands in that seed, verbatim."""
        texts = _seed_texts()
        quoted = [
            (rule.id, s.document, s.quote)
            for rule in rr.RULES.values()
            for s in rule.sources
            if s.document.startswith("S0") and s.quote
        ]

        assert {"S000", "S001", "S002", "S003", "S004"} == set(texts)  # the seeds were read
        assert len(rr.RULES) <= len(quoted)
        assert [] == [q for q in quoted if q[2] not in texts[q[1]]]


def _ids_by_section(heading, path):
    """Section number -> the rule IDs named in it, the sections found by ``heading``."""
    parts = re.split(heading, path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return {int(n): set(RULE_ID.findall(s)) for n, s in zip(parts[1::2], parts[2::2], strict=True)}


def _sections(texts):
    """Seed -> the (start, end) character offsets of its non-construction sections."""
    out = {}
    for section in NON_CONSTRUCTION:
        text = texts[section.seed]
        lines = text.splitlines(keepends=True)
        offsets = list(itertools.accumulate((len(line) for line in lines), initial=0))
        after = max((end for _, end in out.get(section.seed, [])), default=0)
        first = next(
            i
            for i, line in enumerate(lines)
            if offsets[i] >= after and line.startswith(section.first)
        )
        last = next(i for i in range(first, len(lines)) if lines[i].startswith(section.last))
        out.setdefault(section.seed, []).append((offsets[first], offsets[last + 1]))
    return out


@needs_shared
class TestBorrowed:
    """Rules from other trades' templates are marked borrowed; no other rule cites them."""

    TEXTS: ClassVar = _seed_texts() if SEEDS.is_dir() else {}

    def test_the_sections_are_found_in_order(self):
        """Each row of the table names a section of its seed: one per row, in order, apart."""
        sections = _sections(self.TEXTS)

        assert len(NON_CONSTRUCTION) == sum(len(v) for v in sections.values())
        for spans in sections.values():
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
        # S002's tax firm's plan runs from its heading to the seed's end.
        (tax,) = sections["S002"]
        assert "税务问题或者会计问题" in self.TEXTS["S002"][slice(*tax)]
        assert "保修期满一个月前" not in self.TEXTS["S002"][slice(*tax)]

    def test_only_borrowed_rules_cite_other_trades(self):
        """A rule quoting a non-construction section is borrowed=True, and only such a rule."""
        sections = _sections(self.TEXTS)

        def borrowed_quotes(rule):
            for source in rule.sources:
                text = self.TEXTS.get(source.document)
                if not (text and source.quote):
                    continue
                start = text.find(source.quote)
                while start != -1:
                    if any(a <= start < b for a, b in sections.get(source.document, [])):
                        yield source.quote
                    start = text.find(source.quote, start + 1)

        citing = {r.id for r in rr.RULES.values() if any(borrowed_quotes(r))}
        assert {"SAT-CLASS"} == citing
        assert citing == {r.id for r in rr.RULES.values() if r.borrowed}


def _rows(fmt):
    """The table's (ID, value in force) rows for ``fmt``, parsed back."""
    text = rr.rule_table(fmt)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        return rows[0], [(r[0], r[3]) for r in rows[1:]]
    if fmt == "markdown":
        lines = text.splitlines()
        assert re.fullmatch(r"\|(---\|)+", lines[1])
        split = [re.split(r"(?<!\\)\|", line)[1:-1] for line in lines]
        head = [c.strip() for c in split[0]]
        return head, [(r[0].strip(), r[3].strip()) for r in split[2:]]
    head = re.findall(r"<th>(.*?)</th>", text)
    body = re.findall(r"<tr>((?:<td>.*?</td>)+)</tr>", text)
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in body]
    return head, [(c[0], c[3]) for c in cells]


class TestRuleTable:
    """rule_table: one row per rule, the ID first, in markdown, csv and html."""

    @pytest.mark.parametrize("fmt", ["markdown", "csv", "html"])
    def test_one_row_per_rule(self, fmt):
        """Each format has a header with ID first and one row per rule, in registry order."""
        head, rows = _rows(fmt)

        assert "ID" == head[0]
        assert list(rr.RULES) == [rule_id for rule_id, _ in rows]

    def test_default_format_is_markdown(self):
        """Without fmt the table is markdown."""
        assert rr.rule_table("markdown") == rr.rule_table()

    def test_values_in_force(self):
        """The value column shows the policy's values where the rule names policy fields."""
        policy = rr.Policy(count_partial_season=True)
        default = dict(_rows("csv")[1])
        text = rr.rule_table("csv", policy=policy)
        changed = {r[0]: r[3] for r in list(csv.reader(io.StringIO(text)))[1:]}

        assert "count_partial_season=False" == default["SEA-COUNT"]
        assert "count_partial_season=True" == changed["SEA-COUNT"]
        assert "convention=CIVIL_CODE" in default["CAL-PERIOD"]

    def test_assumptions_are_marked(self):
        """Rules flagged as assumptions say so in the value column."""
        values = dict(_rows("csv")[1])

        assert [r.id for r in rr.RULES.values() if r.assumption] == [
            rule_id for rule_id, value in values.items() if value.endswith("(assumption)")
        ]

    def test_html_shape(self):
        """The html table is one table: a header row and a row per rule."""
        text = rr.rule_table("html")

        assert text.startswith('<table class="revisit-rules-rules">')
        assert text.count("<tr>") == len(rr.RULES) + 1

    @pytest.mark.parametrize("fmt", ["json", "MARKDOWN", "", None, 0])
    def test_unknown_format(self, fmt):
        """An unknown format raises InvalidInputError naming fmt."""
        with pytest.raises(rr.InvalidInputError, match="fmt"):
            rr.rule_table(fmt)


class TestCommandLine:
    """``python -m revisit_rules rules``."""

    def test_rules_csv(self):
        """`revisit-rules rules --format csv` exits 0 and prints the header and every rule."""
        done = subprocess.run(
            [sys.executable, "-m", "revisit_rules", "rules", "--format", "csv"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )

        assert 0 == done.returncode, done.stderr
        lines = done.stdout.splitlines()
        assert "ID,中文,English,value in force,sources,effective from,checked on" == lines[0]
        assert rr.rule_table("csv") == done.stdout


@pytest.mark.parametrize(
    ("call", "field", "error"),
    [
        (lambda: rr.rule_table("pdf"), "fmt", rr.InvalidInputError),
        (lambda: rr.rule_table(["csv"]), "fmt", rr.InvalidTypeError),
        (lambda: rr.rule_table(policy="strict"), "policy", rr.InvalidTypeError),
        (lambda: rr.rule_rows(area="XYZ"), "area", rr.InvalidInputError),
        (lambda: rr.rule_rows(area=[1]), "area", rr.InvalidTypeError),
        (lambda: rr.rule_rows(policy=5), "policy", rr.InvalidTypeError),
    ],
)
def test_table_arguments_are_checked(call, field, error):
    """rule_table and rule_rows refuse bad arguments with typed errors naming the field."""
    with pytest.raises(error) as info:
        call()

    assert field == info.value.field
    assert "[rule registry]" in str(info.value)


def test_a_borrowed_rule_says_so_in_the_table():
    """The value in force of a borrowed rule carries the note; no other rule's does."""
    noted = {row.id for row in rr.rule_rows() if "borrowed" in row.value}

    assert {"SAT-CLASS"} == {r.id for r in rr.RULES.values() if r.borrowed} == noted
