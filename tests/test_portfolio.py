"""Reading a portfolio CSV into projects (revisit_rules.portfolio; VIS-ANNUAL, decisions § 9).

Every column form the module docstring documents is read here, and every wrong input
is refused with a PortfolioRowError naming the row, the line, the column and the value.
"""

import datetime as dt
import io
import pickle
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import revisit_rules as rr
from revisit_rules.portfolio import (
    CATEGORY_LABELS,
    COLUMNS,
    REQUIRED_COLUMNS,
    PortfolioRowError,
    example_portfolio,
    project_from_row,
    read_portfolio,
)
from revisit_rules.project import CustomerClass
from revisit_rules.revisits import annual_plan
from revisit_rules.warranty import BELOW_STATUTORY_MINIMUM

C = rr.Category
D = dt.date
HEAD = "id,accepted_on,region,categories"
ROOT = Path(__file__).resolve().parent.parent


def one(text):
    """The single project of ``text``."""
    (project,) = read_portfolio(text)
    return project


def row(**cells):
    """A portfolio of one row: the required cells, with ``cells`` added or replacing them."""
    base = {"id": "P-1", "accepted_on": "2024-06-28", "region": "beijing", "categories": "装修"}
    base.update(cells)
    head = ",".join(base)
    body = ",".join(f'"{v}"' for v in base.values())
    return f"{head}\n{body}\n"


# --- the example portfolio ----------------------------------------------------------------


class TestExample:
    """The example portfolio shipped with the package."""

    def test_projects(self):
        """Eleven projects with unique ids, accepted from 2021 to 2026."""
        projects = example_portfolio()

        assert 11 == len(projects)
        assert len(projects) == len({p.id for p in projects})
        assert {2021, 2022, 2023, 2024, 2025, 2026} == {p.accepted_on.year for p in projects}
        assert all(p.name for p in projects)

    def test_mix(self):
        """Classes A, B, C; a structure-only project; commissioning and new techniques."""
        projects = example_portfolio()

        assert set(CustomerClass) == {p.customer_class for p in projects}
        assert [frozenset({C.FOUNDATION_STRUCTURE})] == [
            p.categories for p in projects if p.categories == {C.FOUNDATION_STRUCTURE}
        ]
        assert any(p.operation_started_on and p.new_techniques for p in projects)

    def test_heating_only_in_the_north(self):
        """Projects with HEATING are in regions with a heating season; others may be south."""
        projects = example_portfolio()
        heated = [p for p in projects if C.HEATING in p.categories]
        southern = [p for p in projects if rr.REGIONS[p.region].heating is None]

        assert all(rr.REGIONS[p.region].heating is not None for p in heated)
        assert southern
        assert all(C.HEATING not in p.categories for p in southern)

    def test_terms_below_the_minimum(self):
        """Some contract terms follow S000's one-year template and are flagged."""
        flagged = [
            (p.id, e.category)
            for p in example_portfolio()
            for e in rr.warranty_schedule(p)
            if BELOW_STATUTORY_MINIMUM in e.findings
        ]

        assert len(flagged) >= 3

    @pytest.mark.parametrize("year", [2026, 2027])
    def test_plans_are_not_empty(self, year):
        """The plans of 2026 and 2027 have visits, of several projects."""
        plan = annual_plan(example_portfolio(), year)

        assert len({v.project_id for v in plan}) >= 5

    def test_packaged_file_is_shipped_data(self):
        """The data file is a package resource, read without any path relative to cwd."""
        resource = resources.files("revisit_rules").joinpath("data/example_portfolio.csv")

        assert example_portfolio() == read_portfolio(resource.read_text(encoding="utf-8"))

    def test_readers_copy_is_the_same(self):
        """examples/example_portfolio.csv is a byte-for-byte copy of the packaged file."""
        resource = resources.files("revisit_rules").joinpath("data/example_portfolio.csv")

        assert resource.read_bytes() == (ROOT / "examples" / "example_portfolio.csv").read_bytes()

    def test_header_lists_every_column(self):
        """The example has every column, in the order of COLUMNS."""
        resource = resources.files("revisit_rules").joinpath("data/example_portfolio.csv")
        lines = resource.read_text(encoding="utf-8").splitlines()
        header = next(line for line in lines if not line.startswith("#"))

        assert ",".join(COLUMNS) == header


# --- every column form ---------------------------------------------------------------------


class TestColumns:
    """Each column's accepted forms."""

    def test_minimal(self):
        """The required columns alone: defaults for the rest."""
        expected = rr.Project("P-1", D(2024, 6, 28), "beijing", {C.DECORATION})

        assert expected == one(row())

    def test_every_column(self):
        """A row with every column builds the same project as the constructor."""
        text = row(
            name="北京 住宅楼, 一期",
            design_life_years="50",
            categories="FOUNDATION_STRUCTURE;WATERPROOFING;HEATING;EQUIPMENT_INSTALLATION",
            contract_terms="WATERPROOFING=8y;HEATING=3hs",
            operation_started_on="2024-09-02",
            new_techniques="true",
            customer_class="A",
        )
        expected = rr.Project(
            "P-1",
            D(2024, 6, 28),
            "beijing",
            {C.FOUNDATION_STRUCTURE, C.WATERPROOFING, C.HEATING, C.EQUIPMENT_INSTALLATION},
            design_life_years=50,
            contract_terms={C.WATERPROOFING: rr.Years(8), C.HEATING: rr.HeatingSeasons(3)},
            operation_started_on=D(2024, 9, 2),
            new_techniques=True,
            customer_class=CustomerClass.A,
            name="北京 住宅楼, 一期",
        )

        assert expected == one(text)

    @pytest.mark.parametrize("region", ["beijing", "BEIJING", " beijing ", "北京"])
    def test_region(self, region):
        """A region key (any case) or its Chinese name; stored as the key."""
        assert "beijing" == one(row(region=region)).region

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("DECORATION", {C.DECORATION}),
            ("decoration", {C.DECORATION}),
            ("WATERPROOFING;DECORATION", {C.WATERPROOFING, C.DECORATION}),
            ("WATERPROOFING|DECORATION", {C.WATERPROOFING, C.DECORATION}),
            (" WATERPROOFING ; DECORATION ", {C.WATERPROOFING, C.DECORATION}),
            ("防水|装修", {C.WATERPROOFING, C.DECORATION}),
            ("装修工程", {C.DECORATION}),
            ("电气管线、给排水管道", {C.ELECTRICAL_PLUMBING}),
            ("供热;供冷;设备安装", {C.HEATING, C.COOLING, C.EQUIPMENT_INSTALLATION}),
        ],
    )
    def test_categories(self, cell, expected):
        """Enum names in any case, Chinese labels, short labels; ';' or '|' between."""
        assert expected == one(row(categories=cell)).categories

    def test_every_category_has_its_labels(self):
        """Each category is read from its name and from its full Chinese label."""
        for category in C:
            for cell in (category.name, category.zh):
                terms = "OTHER=1y" if category is C.OTHER else ""
                life = "50" if category is C.FOUNDATION_STRUCTURE else ""
                text = row(categories=cell, contract_terms=terms, design_life_years=life)

                assert {category} == one(text).categories

    def test_short_labels(self):
        """Every short label names one category."""
        assert set(C) == set(CATEGORY_LABELS.values())

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("1y", rr.Years(1)),
            ("3Y", rr.Years(3)),
            ("6m", rr.Months(6)),
            ("90d", rr.Days(90)),
            ("3hs", rr.HeatingSeasons(3)),
            ("3cs", rr.CoolingSeasons(3)),
            ("3 y", rr.Years(3)),
            ("3年", rr.Years(3)),
            ("6个月", rr.Months(6)),
            ("6月", rr.Months(6)),
            ("90日", rr.Days(90)),
            ("90天", rr.Days(90)),
            ("3个采暖期", rr.HeatingSeasons(3)),
            ("3个供冷期", rr.CoolingSeasons(3)),
        ],
    )
    def test_contract_term_units(self, cell, expected):
        """Every unit, Latin and Chinese."""
        categories = "DECORATION;HEATING;COOLING"
        category = {rr.HeatingSeasons: C.HEATING, rr.CoolingSeasons: C.COOLING}.get(
            type(expected), C.DECORATION
        )
        text = row(categories=categories, contract_terms=f"{category.name}={cell}")

        assert {category: expected} == dict(one(text).contract_terms)

    def test_contract_terms_separators_and_labels(self):
        """Entries split on ';' or '|'; categories named by Chinese labels too."""
        text = row(categories="防水;装修;其他", contract_terms="防水=6y | 装修=3y;OTHER=6m")
        expected = {C.WATERPROOFING: rr.Years(6), C.DECORATION: rr.Years(3), C.OTHER: rr.Months(6)}

        assert expected == dict(one(text).contract_terms)

    @pytest.mark.parametrize("cell", ["design-life", "DESIGN_LIFE", "设计使用年限"])
    def test_contract_term_design_life(self, cell):
        """A structure's contract term may be the design working life."""
        text = row(
            categories="FOUNDATION_STRUCTURE",
            design_life_years="50",
            contract_terms=f"FOUNDATION_STRUCTURE={cell}",
        )

        assert {C.FOUNDATION_STRUCTURE: rr.DesignLife()} == dict(one(text).contract_terms)

    @pytest.mark.parametrize(("cell", "expected"), [("", None), ("50", 50), (" 100 ", 100)])
    def test_design_life(self, cell, expected):
        """Blank is none; else whole years."""
        assert expected == one(row(design_life_years=cell)).design_life_years

    @pytest.mark.parametrize(("cell", "expected"), [("", None), ("2024-09-02", D(2024, 9, 2))])
    def test_operation_started_on(self, cell, expected):
        """Blank is none; else an ISO day."""
        assert expected == one(row(operation_started_on=cell)).operation_started_on

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("", False),
            ("true", True),
            ("TRUE", True),
            ("yes", True),
            ("1", True),
            ("是", True),
            ("false", False),
            ("False", False),
            ("no", False),
            ("0", False),
            ("否", False),
        ],
    )
    def test_new_techniques(self, cell, expected):
        """true/false, yes/no, 1/0, 是/否; blank is false."""
        assert expected == one(row(new_techniques=cell)).new_techniques

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("", CustomerClass.B),
            ("A", CustomerClass.A),
            ("b", CustomerClass.B),
            ("C", CustomerClass.C),
            ("AAA", CustomerClass.A),
            ("aa", CustomerClass.A),
            ("BBB", CustomerClass.B),
        ],
    )
    def test_customer_class(self, cell, expected):
        """A, B or C in any case, or a tier read as its class; blank is B."""
        assert expected == one(row(customer_class=cell)).customer_class

    @pytest.mark.parametrize("column", ["many_complaints", "serious_problem"])
    @pytest.mark.parametrize(("cell", "expected"), [("", False), ("true", True), ("否", False)])
    def test_vis_owner_flags(self, column, cell, expected):
        """many_complaints, serious_problem: flags as new_techniques; blank is false."""
        assert expected == getattr(one(row(**{column: cell})), column)

    def test_header_case_order_and_spaces(self):
        """Columns in any order and letter case, with spaces around."""
        text = " Categories ,REGION,Accepted_On , ID\n装修,北京,2024-06-28,P-1\n"

        assert one(row()) == one(text)

    def test_byte_order_mark(self):
        """Excel's UTF-8 byte-order mark before the header is ignored."""
        assert one(row()) == one("\ufeff" + row())

    def test_comments_and_blank_lines(self):
        """Blank lines and rows whose first cell starts with '#' are skipped."""
        text = (
            "# from the 2026 register\n\n"
            + HEAD
            + "\n\n# a note, with commas\nP-1,2024-06-28,北京,装修\n\n"
        )

        assert one(row()) == one(text)

    def test_quoted_cells(self):
        """Quoted cells may hold commas, quotes and line breaks."""
        text = f'{HEAD},name\nP-1,2024-06-28,北京,装修,"A ""quoted"", two-line\nname"\n'

        assert 'A "quoted", two-line\nname' == one(text).name

    def test_short_row_takes_defaults(self):
        """A row with fewer cells than the header: the missing optional cells are blank."""
        text = f"{HEAD},name,customer_class\nP-1,2024-06-28,北京,装修\n"

        assert one(row()) == one(text)

    def test_empty_portfolio(self):
        """A header and no rows: no project."""
        assert () == read_portfolio(HEAD + "\n")

    def test_order_is_kept(self):
        """The projects come in the order of the rows."""
        text = f"{HEAD}\nB,2024-06-28,北京,装修\nA,2024-06-28,北京,装修\n"

        assert ["B", "A"] == [p.id for p in read_portfolio(text)]

    @pytest.mark.parametrize(
        "source",
        [
            pytest.param(lambda text: text, id="str"),
            pytest.param(lambda text: text.splitlines(keepends=True), id="list"),
            pytest.param(lambda text: io.StringIO(text, newline=""), id="file"),
            pytest.param(lambda text: iter(text.splitlines()), id="iterator-no-ends"),
        ],
    )
    def test_sources(self, source):
        """Text, a list of lines, a file object, an iterator of lines without their ends."""
        assert one(row()) == one(source(row()))

    def test_file_on_disk(self, tmp_path):
        """A file the caller opened (UTF-8, newline='') is read line by line."""
        path = tmp_path / "p.csv"
        path.write_text(row(name="上海"), encoding="utf-8")

        with path.open(encoding="utf-8", newline="") as file:
            assert "上海" == one(file).name

    def test_policy_allows_a_southern_heating_season(self):
        """A policy that gives Shanghai a heating season lets a HEATING row there be read."""
        policy = rr.Policy(heating_seasons={"shanghai": rr.SeasonSpan.parse("12-01", "02-28")})
        text = row(region="上海", categories="HEATING")

        (project,) = read_portfolio(text, policy=policy)

        assert "shanghai" == project.region


# --- wrong input ---------------------------------------------------------------------------


def refused(text):
    """The PortfolioRowError that reading ``text`` raises."""
    with pytest.raises(PortfolioRowError) as info:
        read_portfolio(text)
    return info.value


BAD_CELLS = [
    # (column, cell, other cells, field named in the error)
    ("id", "", {}, "id"),
    ("id", "   ", {}, "id"),
    ("id", "P\n1", {}, "id"),  # a quoted cell over two lines
    ("id", "P\r1", {}, "id"),
    ("id", "P\t1", {}, "id"),
    ("id", "P\x001", {}, "id"),
    ("id", "P\x7f1", {}, "id"),
    ("accepted_on", "", {}, "accepted_on"),
    ("accepted_on", "2024/06/28", {}, "accepted_on"),
    ("accepted_on", "20240628", {}, "accepted_on"),
    ("accepted_on", "2024-02-30", {}, "accepted_on"),
    ("accepted_on", "2024-6-28", {}, "accepted_on"),
    ("region", "", {}, "region"),
    ("region", "mars", {}, "region"),
    ("categories", "", {}, "categories"),
    ("categories", "ROOF", {}, "categories"),
    ("categories", "DECORATION;", {}, "categories"),
    ("categories", "DECORATION;装修", {}, "categories"),
    ("categories", "DECORATION,WATERPROOFING", {}, "categories"),
    ("design_life_years", "0", {}, "design_life_years"),
    ("design_life_years", "-50", {}, "design_life_years"),
    ("design_life_years", "50.0", {}, "design_life_years"),
    ("design_life_years", "fifty", {}, "design_life_years"),
    ("design_life_years", "５０", {}, "design_life_years"),
    ("contract_terms", "DECORATION", {}, "contract_terms"),
    ("contract_terms", "=3y", {}, "contract_terms"),
    ("contract_terms", "ROOF=3y", {}, "contract_terms"),
    ("contract_terms", "DECORATION=3y;装修=4y", {}, "contract_terms"),
    ("contract_terms", "DECORATION=0y", {}, "contract_terms[DECORATION]"),
    ("contract_terms", "DECORATION=3w", {}, "contract_terms[DECORATION]"),
    ("contract_terms", "DECORATION=y", {}, "contract_terms[DECORATION]"),
    ("contract_terms", "DECORATION=1.5y", {}, "contract_terms[DECORATION]"),
    ("contract_terms", "WATERPROOFING=5y", {}, "contract_terms"),  # not a category of P-1
    ("operation_started_on", "soon", {}, "operation_started_on"),
    ("operation_started_on", "2024-06-27", {}, "operation_started_on"),  # before acceptance
    ("new_techniques", "maybe", {}, "new_techniques"),
    ("new_techniques", "2", {}, "new_techniques"),
    ("customer_class", "D", {}, "customer_class"),
    ("customer_class", "A+", {}, "customer_class"),
    ("many_complaints", "often", {}, "many_complaints"),
    ("serious_problem", "2", {}, "serious_problem"),
    # the warranties of the row: checked as it is read
    ("categories", "FOUNDATION_STRUCTURE", {}, "design_life_years"),
    ("categories", "OTHER", {}, "contract_terms[OTHER]"),
    ("categories", "HEATING", {"region": "上海"}, "region"),
    ("contract_terms", "DECORATION=2hs", {"region": "guangzhou"}, "region"),
]


@pytest.mark.parametrize(
    ("column", "cell", "others", "field"),
    BAD_CELLS,
    ids=[f"{c}={v!r}" for c, v, _, _ in BAD_CELLS],
)
def test_bad_cell(column, cell, others, field):
    """A bad cell names the row, the line, the column and the value."""
    err = refused(row(**{column: cell}, **others))

    assert (field, 1, 2) == (err.field, err.row, err.line)
    assert str(err).startswith(f"row 1 (line 2): {field} = ")
    assert isinstance(err, rr.InvalidInputError)


def test_bad_cell_value_is_quoted():
    """The message quotes the value as written in the cell."""
    err = refused(row(accepted_on="2024/06/28"))

    assert "'2024/06/28'" in str(err)
    assert "YYYY-MM-DD" in str(err)


def test_row_and_line_numbers():
    """Rows count data rows from 1; lines count every line, comments and blanks included."""
    text = "# note\n" + HEAD + "\nP-1,2024-06-28,北京,装修\n\nP-2,2024-13-01,北京,装修\n"

    err = refused(text)

    assert (2, 5) == (err.row, err.line)


def test_line_after_a_multi_line_cell():
    """A row's line is the line it starts on, after a quoted cell that spans lines."""
    text = f'{HEAD},name\nP-1,2024-06-28,北京,装修,"two\nlines"\nP-2,2024-06-28,火星,装修,x\n'

    err = refused(text)

    assert (2, 4, "region") == (err.row, err.line, err.field)


def test_duplicate_id():
    """A repeated id names both rows."""
    text = f"{HEAD}\nP-1,2024-06-28,北京,装修\nP-2,2024-06-28,北京,装修\nP-1,2025-01-02,上海,装修\n"

    err = refused(text)

    assert ("id", "P-1", 3, 4) == (err.field, err.value, err.row, err.line)
    assert "row 1 has it too" in str(err)


def test_too_many_cells():
    """A row with more cells than the header is refused (a stray comma)."""
    err = refused(f"{HEAD}\nP-1,2024-06-28,北京,装修,extra\n")

    assert ("cells", 5, 1) == (err.field, err.value, err.row)


def test_short_row_missing_a_required_cell():
    """A row too short to hold a required cell is refused."""
    err = refused(f"{HEAD}\nP-1,2024-06-28,北京\n")

    assert ("categories", None, 1) == (err.field, err.value, err.row)


@pytest.mark.parametrize(
    ("header", "value"),
    [
        (HEAD + ",colour", "colour"),
        (HEAD + ",", ""),
        (HEAD + ",region", "region"),
        ("id,accepted_on,region", "id, accepted_on, region"),
        ("id,name", "id, name"),
    ],
)
def test_bad_header(header, value):
    """Unknown, empty, repeated and missing columns are refused, naming line 1."""
    err = refused(header + "\nP-1,2024-06-28,北京,装修\n")

    assert ("columns", value, None, 1) == (err.field, err.value, err.row, err.line)
    assert str(err).startswith("line 1: columns = ")


def test_missing_columns_are_named():
    """The message lists the required columns that are missing."""
    err = refused("id,name\n")

    assert "missing: accepted_on, region, categories" in str(err)


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_no_header(text):
    """Text without a header row is refused."""
    err = refused(text)

    assert ("columns", 1) == (err.field, err.line)


def test_malformed_csv():
    """An unterminated quote is a CSV error, named with its line."""
    err = refused(f'{HEAD}\nP-1,2024-06-28,北京,装修\nP-2,"2024-06-28,北京,装修\n')

    assert ("csv", 3) == (err.field, err.line)


@pytest.mark.parametrize("junk", [None, 0, 1.5, b"id,accepted_on\n", [b"id\n"], [None]])
def test_junk_source(junk):
    """Neither text nor lines of text: a typed error naming the argument."""
    with pytest.raises(rr.InvalidTypeError) as info:
        read_portfolio(junk)

    assert info.value.field in {"lines", "lines[]"}


class TestProjectFromRow:
    """The row constructor on its own."""

    def test_row_dict(self):
        """A dict of cells; missing optional columns take their defaults."""
        cells = {"id": "P-1", "accepted_on": "2024-06-28", "region": "北京", "categories": "装修"}

        assert one(row()) == project_from_row(cells, row_number=1)

    def test_line_defaults_to_row_plus_header(self):
        """Without a line, the line is the row number plus the header's line."""
        with pytest.raises(PortfolioRowError) as info:
            project_from_row({"id": "P-1"}, row_number=4)

        assert (4, 5, "accepted_on") == (info.value.row, info.value.line, info.value.field)

    def test_unknown_key(self):
        """A key that is not a column is refused."""
        cells = {"id": "P-1", "accepted_on": "2024-06-28", "region": "北京", "categories": "装修"}

        with pytest.raises(PortfolioRowError) as info:
            project_from_row({**cells, "colour": "red"}, row_number=1)

        assert ("columns", "colour") == (info.value.field, info.value.value)

    def test_not_a_mapping(self):
        """A row that is not a mapping is a type error."""
        with pytest.raises(rr.InvalidTypeError):
            project_from_row(["P-1"], row_number=1)

    def test_cells_must_be_text(self):
        """A cell that is not a str is refused."""
        with pytest.raises(PortfolioRowError) as info:
            project_from_row(
                {"id": "P-1", "accepted_on": dt.date(2024, 6, 28), "region": "北京"},
                row_number=1,
            )

        assert "accepted_on" == info.value.field


class TestError:
    """PortfolioRowError itself."""

    def test_is_a_value_error(self):
        """It is an InvalidInputError, hence a RevisitRulesError and a ValueError."""
        assert issubclass(PortfolioRowError, rr.InvalidInputError)
        assert issubclass(PortfolioRowError, ValueError)

    def test_pickles(self):
        """Pickling keeps the row, the line, the rule and the message."""
        err = refused(row(region="mars"))

        copy = pickle.loads(pickle.dumps(err))

        assert (str(err), err.row, err.line, err.rule) == (
            str(copy),
            copy.row,
            copy.line,
            copy.rule,
        )

    def test_header_error_pickles(self):
        """A header error (no row) pickles too."""
        err = PortfolioRowError("columns", "x", "known columns", line=1)

        assert str(err) == str(pickle.loads(pickle.dumps(err)))


def test_required_columns_are_columns():
    """The required columns are among the columns."""
    assert set(REQUIRED_COLUMNS) <= set(COLUMNS)


# --- a round trip ----------------------------------------------------------------------------

# Kept here until tests/strategies.py has a project strategy (one place for strategies).
_NORTH = sorted(k for k, r in rr.REGIONS.items() if r.heating is not None)
_PLAIN = [c for c in C if c not in {C.HEATING, C.FOUNDATION_STRUCTURE, C.OTHER}]


@st.composite
def rows(draw):
    """A valid portfolio row's cells and the project they describe."""
    categories = draw(st.frozensets(st.sampled_from(_PLAIN), min_size=1))
    region = draw(st.sampled_from(_NORTH))
    if draw(st.booleans()):
        categories |= {C.HEATING}
    accepted = draw(st.dates(min_value=D(2001, 1, 1), max_value=D(2030, 12, 31)))
    term_of = st.sampled_from([rr.Years(1), rr.Years(6), rr.Months(6), rr.Days(400)])
    terms = draw(
        st.dictionaries(st.sampled_from([c for c in C if c in categories - {C.HEATING}]), term_of)
    )
    unit = {rr.Years: "y", rr.Months: "m", rr.Days: "d"}
    cells = {
        "id": draw(st.text("ABC-0123456789", min_size=1, max_size=8)),
        "accepted_on": accepted.isoformat(),
        "region": draw(st.sampled_from([region, rr.REGIONS[region].name_zh])),
        "categories": draw(st.sampled_from([";", "|"])).join(c.name for c in categories),
        "contract_terms": ";".join(f"{c.name}={t.n}{unit[type(t)]}" for c, t in terms.items()),
        "new_techniques": draw(st.sampled_from(["", "true", "false", "是", "否"])),
        "customer_class": draw(st.sampled_from(["", "A", "B", "C"])),
    }
    project = rr.Project(
        cells["id"],
        accepted,
        region,
        categories,
        contract_terms=terms,
        new_techniques=cells["new_techniques"] in {"true", "是"},
        customer_class=CustomerClass(cells["customer_class"] or "B"),
    )
    return cells, project


@given(rows())
def test_rows_read_back(case):
    """A row written from a project's fields reads back as that project."""
    cells, expected = case

    assert expected == project_from_row(cells, row_number=1)
