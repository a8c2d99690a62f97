"""The command line, run as users run it: ``python -m revisit_rules`` in a subprocess.

Every subcommand in every format; wrong input exits with status 2 and a one-line
message on stderr, never a traceback (decisions § 9).
"""

import csv
import functools
import io
import json
import subprocess
import sys

import pytest

import revisit_rules as rr
from revisit_rules.cli import main
from revisit_rules.portfolio import example_portfolio
from revisit_rules.revisits import annual_plan

HEAD = "id,accepted_on,region,categories"


@functools.cache
def run(*args):
    """Run ``python -m revisit_rules *args``; (status, stdout bytes, stderr text)."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "revisit_rules", *args],
        capture_output=True,
        check=False,
        timeout=120,
        env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "PATH": ""},  # a hostile locale
    )
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def ok(*args):
    """The stdout text of a run that must succeed with nothing on stderr."""
    status, out, err = run(*args)

    assert (0, "") == (status, err)
    return out.decode("utf-8")


def fails(*args):
    """The stderr of a run that must fail with status 2 and no traceback."""
    status, out, err = run(*args)

    assert 2 == status
    assert b"" == out
    assert "Traceback" not in err
    return err


def in_process(capsys, *args):
    """Run ``main(args)`` in this process: (status, stdout, stderr), for the many cases."""
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def portfolio(tmp_path, text, name="p.csv"):
    """A portfolio file in ``tmp_path``; its path as a str."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- plan -------------------------------------------------------------------------------


class TestPlan:
    """``revisit-rules plan``."""

    def test_table_is_the_default(self):
        """Without --format: an aligned table with a title, one line per visit."""
        out = ok("plan", "--year", "2026")
        plan = annual_plan(example_portfolio(), 2026)
        lines = out.splitlines()

        assert lines[0].startswith(f"回访计划 revisit plan 2026: {len(plan)} visits")
        assert lines[1].split() == [
            "target",
            "project",
            "name",
            "kinds",
            "categories",
            "window",
            "lead",
        ]
        # One line per visit, then a footnote per mark used and a line per finding.
        footer = lines[2 + len(plan) :]
        assert [f"! {f.project_id} {f.code} ({f.rule}): {f.detail}" for f in plan.findings] == [
            line for line in footer if line.startswith("!")
        ]
        assert all(line[0] in "!*+" for line in footer)
        assert ok("plan", "--year", "2026", "--format", "table") == out

    def test_table_columns_are_aligned(self):
        """Every row's project id starts in the same display column (CJK counts two)."""
        plan = annual_plan(example_portfolio(), 2026)
        lines = ok("plan", "--year", "2026").splitlines()[1 : 2 + len(plan)]
        starts = {line.index(line.split()[1]) for line in lines}

        assert {12} == starts

    def test_table_marks_provisional_days(self):
        """2027's arrangement is unpublished: targets are starred, with a footnote."""
        plan = annual_plan(example_portfolio(), 2027)
        lines = ok("plan", "--year", "2027").splitlines()

        assert all(line.split()[1] == "*" for line in lines[2 : 2 + len(plan)])
        assert any(line.startswith("* provisional") for line in lines[2 + len(plan) :])

    def test_table_marks_the_survey_trip(self):
        """SAT-SURVEY: the end-of-warranty survey trip is marked, with a footnote."""
        plan = annual_plan(example_portfolio(), 2026)
        lines = ok("plan", "--year", "2026").splitlines()
        marked = [line.split()[1] for line in lines[2 : 2 + len(plan)] if "+调查" in line]

        assert [v.project_id for v in plan if v.survey] == marked
        assert marked
        assert any(line.startswith("+调查") for line in lines[2 + len(plan) :])

    def test_table_ends_with_a_line_per_finding(self, tmp_path):
        """Plan findings: a one-month term gives SHORT_TERM lines under the table."""
        path = portfolio(tmp_path, f"{HEAD},contract_terms\nP-9,2026-10-11,北京,其他,OTHER=1m\n")
        lines = ok("plan", path, "--year", "2026").splitlines()

        assert [
            "! P-9 SHORT_TERM (VIS-IN-FORCE): HANDOVER",
            "! P-9 SHORT_TERM (VIS-IN-FORCE): PRE_EXPIRY OTHER",
        ] == [line.split(":")[0] + ": " + line.split(": ")[1] for line in lines if line[0] == "!"]

    def test_csv(self):
        """A header of Plan.to_records keys and one row per visit, lists joined with ';'."""
        plan = annual_plan(example_portfolio(), 2026)
        rows = list(csv.DictReader(io.StringIO(ok("plan", "--year", "2026", "--format", "csv"))))
        first = plan.to_records()[0]

        assert list(first) == list(rows[0])
        assert len(plan) == len(rows)
        assert first["target"].isoformat() == rows[0]["target"]
        assert ";".join(first["kinds"]) == rows[0]["kinds"]
        assert ";".join(first["categories"]) == rows[0]["categories"]
        assert str(first["provisional"]).lower() == rows[0]["provisional"]

    def test_json(self):
        """A list of records: dates ISO, tuples as lists, the same as Plan.to_records."""
        plan = annual_plan(example_portfolio(), 2026)
        records = json.loads(ok("plan", "--year", "2026", "--format", "json"))
        expected = [
            {
                k: v.isoformat()
                if hasattr(v, "isoformat")
                else list(v)
                if isinstance(v, tuple)
                else v
                for k, v in record.items()
            }
            for record in plan.to_records()
        ]

        assert expected == records

    def test_ics_is_written_byte_for_byte(self):
        """The ics output is exactly Plan.to_ics(), CRLF line ends kept."""
        status, out, _ = run("plan", "--year", "2026", "--format", "ics")
        plan = annual_plan(example_portfolio(), 2026)

        assert 0 == status
        assert plan.to_ics().encode("utf-8") == out

    def test_ics_shape(self):
        """CRLF everywhere, one VCALENDAR, one VEVENT per visit, lines of at most 75 octets."""
        _, out, _ = run("plan", "--year", "2026", "--format", "ics")
        lines = out.split(b"\r\n")
        plan = annual_plan(example_portfolio(), 2026)

        assert out.endswith(b"\r\n")
        assert b"\n" not in out.replace(b"\r\n", b"")
        assert b"\r" not in out.replace(b"\r\n", b"")
        assert (b"BEGIN:VCALENDAR", b"END:VCALENDAR") == (lines[0], lines[-2])
        assert len(plan) == lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT")
        assert [] == [line for line in lines if len(line) > 75]
        out.decode("utf-8")  # folding never splits a character

    def test_portfolio_file(self, tmp_path):
        """A portfolio file given: its plan, in the file's own terms."""
        path = portfolio(tmp_path, f"{HEAD},name\nP-9,2025-09-30,北京,装修,测试楼\n")

        records = json.loads(ok("plan", path, "--year", "2026", "--format", "json"))

        assert ["P-9"] == sorted({r["project_id"] for r in records})
        assert ok("plan", path, "--year", "2026").splitlines()[0].endswith(path)

    def test_example_file_is_the_default(self):
        """The readers' copy of the example gives the same plan as no file."""
        path = "examples/example_portfolio.csv"

        assert ok("plan", "--year", "2026", "--format", "csv") == ok(
            "plan", path, "--year", "2026", "--format", "csv"
        )

    def test_byte_order_mark(self, tmp_path):
        """A file saved by Excel as 'CSV UTF-8' (with a BOM) is read."""
        path = portfolio(tmp_path, "\ufeff" + f"{HEAD}\nP-9,2025-09-30,北京,装修\n")

        assert "P-9" in ok("plan", path, "--year", "2026", "--format", "csv")

    @pytest.mark.parametrize("fmt", ["table", "csv", "json", "ics"])
    def test_empty_plan(self, tmp_path, fmt):
        """A year without visits: a note, a header, an empty list, an empty calendar."""
        path = portfolio(tmp_path, f"{HEAD}\nP-9,2025-09-30,北京,装修\n")

        out = ok("plan", path, "--year", "2010", "--format", fmt)

        expected = {
            "table": "(no visit targeted in this year)",
            "csv": "project_id,kinds,categories,earliest,latest,target,lead,provisional,rules",
            "json": "[]",
            "ics": "END:VCALENDAR",
        }[fmt]
        assert expected in out
        assert "VEVENT" not in out


# --- expiry ------------------------------------------------------------------------------


class TestExpiry:
    """``revisit-rules expiry``."""

    def rows(self):
        """One expected (project, category) pair per project and category."""
        return [
            (p.id, e.category.name) for p in example_portfolio() for e in rr.warranty_schedule(p)
        ]

    def test_table(self):
        """An aligned table, one line per project and category."""
        lines = ok("expiry").splitlines()
        body = [line for line in lines[2:] if not line.startswith("*")]

        assert lines[0].startswith("保修期 warranty expiry: 11 projects")
        assert ["project", "category", "accepted"] == lines[1].split()[:3]
        assert self.rows() == [tuple(line.split()[:2]) for line in body]
        assert ok("expiry", "--format", "table") == ok("expiry")

    def test_table_shows_findings(self):
        """A contract term below the minimum is flagged in the table."""
        assert "BELOW_STATUTORY_MINIMUM" in ok("expiry")

    def test_csv(self):
        """A header and one row per project and category, with the days and findings."""
        rows = list(csv.DictReader(io.StringIO(ok("expiry", "--format", "csv"))))
        first = example_portfolio()[0]
        expiry = rr.warranty_schedule(first).expiries[0]

        assert self.rows() == [(r["project_id"], r["category"]) for r in rows]
        assert expiry.last_day.isoformat() == rows[0]["last_day"]
        assert ("true" if expiry.provisional else "false") == rows[0]["provisional"]
        assert {
            "project_id",
            "category",
            "statutory_last_day",
            "contract_last_day",
            "last_day",
            "provisional",
            "findings",
        } <= set(rows[0])

    def test_json(self):
        """A list of records; days ISO, findings and rules as lists, blanks as null."""
        records = json.loads(ok("expiry", "--format", "json"))
        schedule = rr.warranty_schedule(example_portfolio()[1])
        waterproofing = next(
            r
            for r in records
            if (r["project_id"], r["category"]) == ("SH-2022-03", "WATERPROOFING")
        )
        expiry = schedule[rr.Category.WATERPROOFING]

        assert self.rows() == [(r["project_id"], r["category"]) for r in records]
        assert {
            "statutory_period": "5 years",
            "statutory_last_day": expiry.statutory_last_day.isoformat(),
            "contract_period": "1 year",
            "contract_last_day": expiry.contract_last_day.isoformat(),
            "last_day": expiry.last_day.isoformat(),
            "findings": ["BELOW_STATUTORY_MINIMUM"],
            "rules": list(expiry.rules),
        } == {
            k: waterproofing[k]
            for k in (
                "statutory_period",
                "statutory_last_day",
                "contract_period",
                "contract_last_day",
                "last_day",
                "findings",
                "rules",
            )
        }

    def test_portfolio_file(self, tmp_path):
        """A portfolio file given: its projects' warranties."""
        path = portfolio(tmp_path, f"{HEAD}\nP-9,2025-03-01,上海,装修\n")

        records = json.loads(ok("expiry", path, "--format", "json"))

        assert [("P-9", "DECORATION")] == [(r["project_id"], r["category"]) for r in records]


# --- rules and grade ---------------------------------------------------------------------


class TestRules:
    """``revisit-rules rules``."""

    @pytest.mark.parametrize("fmt", ["markdown", "csv", "html"])
    def test_formats(self, fmt):
        """Each format is rule_table's output, byte for byte."""
        assert rr.rule_table(fmt) == ok("rules", "--format", fmt)

    def test_default_is_markdown(self):
        """Without --format: markdown."""
        assert rr.rule_table("markdown") == ok("rules")

    def test_area(self):
        """--area SLA: only the SLA rules, as rule_table(area="SLA") gives them."""
        out = ok("rules", "--format", "csv", "--area", "SLA")

        assert rr.rule_table("csv", area="SLA") == out
        assert {"SLA"} == {line.split("-")[0] for line in out.splitlines()[1:]}

    def test_unknown_area(self):
        """An unknown area: exit status 2 and a usage error naming the choices."""
        err = fails("rules", "--area", "XYZ")

        assert "invalid choice: 'XYZ'" in err


class TestGrade:
    """``revisit-rules grade``."""

    def test_subprocess(self):
        """Run as a user runs it: the table."""
        assert ["grade", "A"] == ok("grade", "85", "优秀").split()[:2]

    @pytest.mark.parametrize(
        ("score", "service", "grade"),
        [
            ("85", "EXCELLENT", "A"),
            ("85", "优秀", "A"),
            ("84.99", "excellent", "B"),
            ("90", "良好", "B"),
            ("75", "GOOD", "B"),
            ("74.5", "优秀", "C"),
            ("90", "一般", "C"),
            ("100", "较差", "C"),
            ("0", "POOR", "C"),
        ],
    )
    def test_table(self, capsys, score, service, grade):
        """The grade on the first line; the worse of the two axes (SAT-ABC)."""
        status, out, _ = in_process(capsys, "grade", score, service)
        lines = out.splitlines()

        assert 0 == status

        assert ["grade", grade] == lines[0].split()[:2]
        assert (grade == "C") == any("corrective-action" in line for line in lines)

    def test_json(self):
        """The grading as a record."""
        record = json.loads(ok("grade", "84.5", "优秀", "--format", "json"))

        assert {
            "quality_score": "84.5",
            "service": "EXCELLENT",
            "grade": "B",
            "quality_grade": "B",
            "service_grade": "A",
            "requires_corrective_action": False,
            "rules": ["SAT-ABC"],
        } == record

    @pytest.mark.parametrize(
        ("score", "service", "field"),
        [
            ("abc", "优秀", "SCORE"),
            ("101", "优秀", "quality_score"),
            ("-1", "优秀", "quality_score"),
            ("NaN", "优秀", "quality_score"),
            ("85", "perfect", "ServiceRating"),
            ("85", "", "ServiceRating"),
        ],
    )
    def test_bad_input(self, capsys, score, service, field):
        """A bad score or rating: status 2, the field named."""
        status, _, err = in_process(capsys, "grade", score, service)

        assert 2 == status
        assert err.startswith("revisit-rules: error: ")
        assert field in err


# --- wrong input -------------------------------------------------------------------------


class TestErrors:
    """Status 2, one clear line on stderr, no traceback."""

    def test_bad_year_subprocess(self):
        """A bad --year, run as a user runs it."""
        assert "--year = '20x6'" in fails("plan", "--year", "20x6")

    def test_bad_score_subprocess(self):
        """A bad SCORE, run as a user runs it."""
        assert "SCORE = 'abc'" in fails("grade", "abc", "优秀")

    def test_bad_row(self, tmp_path):
        """A bad cell: the row, the line and the column named."""
        path = portfolio(tmp_path, f"{HEAD}\nP-1,2024-06-28,北京,装修\nP-2,2024-13-01,北京,装修\n")

        for command in (["plan", path, "--year", "2026"], ["expiry", path]):
            err = fails(*command)

            assert err.startswith(
                "revisit-rules: error: row 2 (line 3): accepted_on = '2024-13-01'"
            )
            assert 1 == len(err.splitlines())

    @pytest.mark.parametrize(
        "command",
        [
            ["plan", "--year", "2026", "--format", "table"],
            ["plan", "--year", "2026", "--format", "csv"],
            ["plan", "--year", "2026", "--format", "json"],
            ["plan", "--year", "2026", "--format", "ics"],
            ["expiry", "--format", "table"],
            ["expiry", "--format", "csv"],
            ["expiry", "--format", "json"],
        ],
    )
    def test_bad_row_in_every_format(self, tmp_path, command):
        """Whatever the format, a bad row gives status 2, its row and field, nothing on stdout."""
        path = portfolio(
            tmp_path, f'{HEAD}\nP-1,2024-06-28,北京,装修\n"P\r2",2024-06-28,北京,装修\n'
        )

        err = fails(command[0], path, *command[1:])

        assert err.startswith("revisit-rules: error: row 2 (line 3): id = 'P\\r2'")
        assert 1 == len(err.splitlines())

    def test_heating_in_the_south(self, tmp_path):
        """A HEATING row in a region without heating season names the row and the region."""
        path = portfolio(tmp_path, f"{HEAD}\nP-1,2024-06-28,广州,供热\n")

        err = fails("plan", path, "--year", "2026")

        assert "row 1 (line 2): region = 'guangzhou'" in err

    def test_unknown_column(self, tmp_path):
        """An unknown column is named."""
        path = portfolio(tmp_path, f"{HEAD},colour\nP-1,2024-06-28,北京,装修,red\n")

        assert "line 1: columns = 'colour'" in fails("expiry", path)

    def test_duplicate_id(self, tmp_path):
        """A duplicate id names both rows."""
        path = portfolio(tmp_path, f"{HEAD}\nP-1,2024-06-28,北京,装修\nP-1,2024-06-28,北京,装修\n")

        assert "row 1 has it too" in fails("plan", path, "--year", "2026")

    def test_missing_file(self, tmp_path):
        """A file that does not exist: its path named."""
        path = str(tmp_path / "nope.csv")

        err = fails("plan", path, "--year", "2026")

        assert f"revisit-rules: error: cannot read {path}" in err

    def test_directory(self, tmp_path):
        """A directory instead of a file."""
        assert "cannot read" in fails("expiry", str(tmp_path))

    def test_not_utf8(self, tmp_path):
        """A file saved in GBK (common from Excel): say to save it as UTF-8."""
        path = tmp_path / "gbk.csv"
        path.write_bytes(f"{HEAD}\nP-1,2024-06-28,北京,装修\n".encode("gbk"))

        assert "not UTF-8" in fails("expiry", str(path))

    @pytest.mark.parametrize("year", ["20x6", "1999", "2101", "-1", "0", "２０２６", "99999"])
    def test_bad_year(self, capsys, year):
        """A year that is not a whole number in the calendar's range."""
        status, _, err = in_process(capsys, "plan", "--year", year)

        assert 2 == status

        assert err.startswith(f"revisit-rules: error: --year = '{year}'")

    def test_missing_year(self):
        """--year is required (argparse's usage error, status 2)."""
        assert "--year" in fails("plan")

    @pytest.mark.parametrize(
        "args",
        [
            ["plan", "--year", "2026", "--format", "xml"],
            ["expiry", "--format", "ics"],
            ["rules", "--format", "json"],
            ["grade", "85", "优秀", "--format", "csv"],
        ],
    )
    def test_unknown_format(self, args):
        """A format the subcommand does not offer: a usage error."""
        assert "invalid choice" in fails(*args)

    def test_no_subcommand(self):
        """No subcommand: a usage error."""
        assert "usage:" in fails()


def test_version():
    """--version prints the package's version."""
    assert f"revisit-rules {rr.__version__}" == ok("--version").strip()


def test_main_in_process(capsys):
    """main() returns the status and writes UTF-8 bytes to stdout (here a captured stream)."""
    status = main(["grade", "85", "优秀", "--format", "json"])

    assert 0 == status
    assert "EXCELLENT" == json.loads(capsys.readouterr().out)["service"]


def test_main_in_process_error(capsys):
    """main() returns 2 on wrong input, the message on stderr."""
    status = main(["grade", "85", "perfect"])

    assert 2 == status
    assert capsys.readouterr().err.startswith("revisit-rules: error: ")
