"""Golden cases: decisions an auditor can read, as data (tests/cases/*.toml), run one by one.

The format of the files is described in tests/cases/README.md, and read and checked by
one module, ``revisit_rules.io.golden``, which the documentation build uses too: the
tests here check every file with it (unknown or missing keys, duplicate ids, rule IDs
not in ``RULES``, a ``call`` that is not a public function of ``revisit_rules``, inputs
the function does not take, nesting deeper than one table), read each case's inputs with
it, then run each case as its own test (its id is the test's id) and compare the result
with the expected values: attribute names (properties too), ``result`` for the return
value itself, ``raises``/``raises_rule`` for an error, ``"None"`` for None; a table
compares only the keys it gives, an array every item in order (sets in their enum's
order).
"""

import datetime as dt
import enum
import json
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import revisit_rules as rr
from revisit_rules.io import golden as fmt

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"

AREAS = fmt.AREAS
MIN_CASES = fmt.MIN_CASES
GoldenFormatError = fmt.GoldenFormatError

#: Cases whose expected answer (worked out from DOMAIN.md and the sources) the library does
#: not give yet: a bug report each, run as strict xfail so that the fix is noticed.
KNOWN_BUGS: dict[str, str] = {}


def load(area):
    """The parsed case file of ``area`` (checked by test_file_follows_the_format)."""
    return fmt.parse(CASES / f"{area}.toml")


# --- comparing results with the expected values -------------------------------------------------


def _mismatch(where, actual, expected):
    return f"{where}: got {actual!r}, expected {expected!r}"


def _same_scalar(actual, expected, where):  # noqa: C901, PLR0911 - one branch per type
    """Whether ``actual`` is what the TOML value ``expected`` says, read as actual's type."""
    if isinstance(expected, str) and expected == "None":
        return actual is None
    if actual is None:
        return False
    if isinstance(actual, enum.Enum):
        return actual.name == expected
    if isinstance(actual, rr.Party):
        return actual == fmt.party(expected, where)
    if isinstance(actual, rr.Period):
        return actual == fmt.period(expected, where)
    if isinstance(actual, Decimal):  # the exact text: "666.67" is not "666.670"
        return isinstance(expected, str) and str(actual) == expected
    if isinstance(actual, Fraction):
        return actual == fmt.exact(expected, where)
    if isinstance(actual, dt.datetime):
        return (
            isinstance(expected, dt.datetime)
            and actual == expected
            and actual.utcoffset() == expected.utcoffset()
        )
    if isinstance(actual, dt.date):
        return type(expected) is dt.date and actual == expected
    if isinstance(actual, bool | int | str):
        return type(actual) is type(expected) and actual == expected
    raise GoldenFormatError(f"{where}: cannot compare a {type(actual).__name__} with a TOML value")


def _key(key):
    """A mapping key as the case files write it."""
    if isinstance(key, enum.Enum):
        return key.name
    return str(key)


def _items(actual):
    """A collection's items in order; sets sorted as to_plain sorts them."""
    if isinstance(actual, frozenset | set):
        plain = rr.to_plain(actual, labels=False)
        by_text = {json.dumps(rr.to_plain(a, labels=False), ensure_ascii=False): a for a in actual}
        return [by_text[json.dumps(p, ensure_ascii=False)] for p in plain]
    return list(actual)


def compare(actual, expected, where):  # noqa: PLR0911 - one return per kind of value
    """Every difference between ``actual`` and the TOML value ``expected``, as messages."""
    if isinstance(expected, dict):
        if isinstance(actual, Mapping):
            shown = {_key(k): v for k, v in actual.items()}
            if set(shown) != set(expected):
                return [_mismatch(f"{where} keys", sorted(shown), sorted(expected))]
            return [m for k, v in expected.items() for m in compare(shown[k], v, f"{where}[{k}]")]
        out = []
        for name, value in expected.items():
            if not hasattr(actual, name):
                out.append(f"{where}: {type(actual).__name__} has no attribute {name!r}")
            else:
                out += compare(getattr(actual, name), value, f"{where}.{name}")
        return out
    if isinstance(expected, list):
        if isinstance(actual, str | bytes) or not hasattr(actual, "__iter__"):
            return [_mismatch(where, actual, expected)]
        items = _items(actual)
        if len(items) != len(expected):
            return [_mismatch(f"{where} (length)", items, expected)]
        return [
            m
            for i, (a, e) in enumerate(zip(items, expected, strict=True))
            for m in compare(a, e, f"{where}[{i}]")
        ]
    if not _same_scalar(actual, expected, where):
        return [_mismatch(where, actual, expected)]
    return []


def _rule_ids(result):
    """The rules a result names, or None for a plain value (bool, date, Decimal …)."""
    try:
        return set(rr.Trace.of(result).rules)
    except rr.InvalidTypeError:
        return None


# --- the tests ---------------------------------------------------------------------------------


def all_cases():
    """Every case of every file, as pytest params named by the case id."""
    params = []
    for area in AREAS:
        for case in load(area)["case"]:
            marks = []
            if case["id"] in KNOWN_BUGS:
                # A wrong answer or the library's own error; never a malformed case file.
                bug = pytest.mark.xfail(
                    reason=KNOWN_BUGS[case["id"]],
                    strict=True,
                    raises=(AssertionError, rr.RevisitRulesError),
                )
                marks.append(bug)
            params.append(pytest.param(area, case, id=case["id"], marks=marks))
    return params


def test_one_file_per_area():
    """tests/cases holds one file per area, named after it, and the format's README only."""
    assert sorted(f"{a}.toml" for a in AREAS) == sorted(p.name for p in CASES.glob("*.toml"))
    assert ["README.md"] == [p.name for p in CASES.iterdir() if p.suffix != ".toml"]


@pytest.mark.parametrize("area", AREAS)
def test_file_follows_the_format(area):
    """Each file has the format's keys and no other; its cases are well formed."""
    fmt.check_file(load(area), area)


def test_case_ids_unique_across_files():
    """A case id names one case in the whole suite (the docs link to it)."""
    ids = [case["id"] for area in AREAS for case in load(area)["case"]]
    assert len(ids) == len(set(ids))


def test_known_bugs_name_real_cases():
    """Every strict-xfail entry names a case that exists."""
    ids = {case["id"] for area in AREAS for case in load(area)["case"]}
    assert set(KNOWN_BUGS) <= ids


def _good_file():
    return {
        "area": "warranty",
        "title": "t",
        "description": "d",
        "case": [
            {
                "id": f"WTY-G{i:02d}",
                "title": "t",
                "rules": ["WTY-MIN"],
                "source": "s",
                "call": "warranty_expiry",
                "input": {"category": "DECORATION"},
                "expected": {"last_day": dt.date(2026, 1, 1)},
            }
            for i in range(1, MIN_CASES + 1)
        ],
    }


def _spoil(path, value):
    """A good file with one value replaced (path: keys; a trailing None deletes the key)."""
    data = _good_file()
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def test_checker_accepts_a_good_file():
    """The checker's own baseline: a well-formed file passes."""
    fmt.check_file(_good_file(), "warranty")


def test_checker_needs_a_known_area():
    """A file whose name is no area is refused, naming the areas."""
    data = _good_file()
    data["area"] = "weather"

    with pytest.raises(GoldenFormatError, match="'weather' is not an area; one of calendar"):
        fmt.check_file(data, "weather")


@pytest.mark.parametrize("count", [MIN_CASES - 1, MIN_CASES])
def test_checker_needs_the_fewest_cases(count):
    """MIN_CASES - 1 cases are refused, MIN_CASES accepted (both sides of the boundary)."""
    data = _good_file()
    data["case"] = data["case"][:count]

    if count < MIN_CASES:
        with pytest.raises(GoldenFormatError, match="at least"):
            fmt.check_file(data, "warranty")
    else:
        fmt.check_file(data, "warranty")


def test_invalid_toml_names_the_file(tmp_path):
    """A file that is not TOML is an error naming the file, not a parser traceback."""
    path = tmp_path / "warranty.toml"
    path.write_text("[[case]\n", encoding="utf-8")

    with pytest.raises(GoldenFormatError, match=r"^warranty\.toml: not valid TOML"):
        fmt.read_file(path)


@pytest.mark.parametrize(
    ("path", "value", "match"),
    [
        (("version",), 2, "top-level keys"),
        (("area",), "periods", "area"),
        (("description",), None, "top-level keys"),
        (("case", 0, "note"), "x", r"unknown keys \['note'\]"),
        (("case", 0, "source"), None, r"missing keys \['source'\]"),
        (("case", 1, "id"), "WTY-G01", "duplicate case id"),
        (("case", 0, "id"), "wty 1", "id must be the area's prefix"),
        (("case", 0, "rules"), ["WTY-NOPE"], "not in revisit_rules.RULES"),
        (("case", 0, "rules"), [], "non-empty array"),
        (("case", 0, "call"), "Project", "not a public function"),
        (("case", 0, "call"), "_end", "not a public function"),
        (("case", 0, "call"), "china_calendar()._roll", "not a public method"),
        (("case", 0, "input", "when"), "x", "takes no argument"),
        (("case", 0, "input", "project"), {"a": {"b": 1}}, "more than one level"),
        (("case", 0, "expected"), {}, "expected is empty"),
        (("case", 0, "title"), "two\nlines", "one-line"),
        (("case",), [], "at least"),
        (("case", 0, "expected"), {"raises": "ValueError"}, "not an error class"),
        (("case", 0, "expected"), {"raises_rule": "WTY-MIN"}, "raises_rule without raises"),
        (
            ("case", 0, "expected"),
            {"raises": "InvalidInputError", "raises_rule": "WTY-OTHER"},
            "not among the case's rules",
        ),
        (
            ("case", 0, "expected"),
            {"raises": "InvalidInputError", "last_day": dt.date(2026, 1, 1)},
            "only raises and raises_rule",
        ),
    ],
)
def test_checker_rejects(path, value, match):
    """Unknown, missing, duplicate or ambiguous data is an error, not a guess."""
    with pytest.raises(GoldenFormatError, match=match):
        fmt.check_file(_spoil(path, value), "warranty")


@pytest.mark.parametrize(
    ("key", "value", "match"),
    [
        ("quality_score", 84.99, "never a float"),
        ("project", {"id": "P", "colour": "red"}, r"unknown keys \['colour'\]"),
        ("category", "Waterproofing", "a Category name"),
        ("period", "5 yrs", "a whole number and a unit"),
        ("start", "2026-01-01", "a TOML date"),
        ("defect", {"shares": ["GC 1/3"]}, "party = share"),
    ],
)
def test_input_conversion_rejects(key, value, match):
    """Inputs are read strictly: floats, unknown fields, misspelt names are errors."""
    with pytest.raises(GoldenFormatError, match=match):
        fmt.inputs({"id": "X-G01", "input": {key: value}})


def test_compare_reports_differences():
    """The comparison finds a wrong value, a wrong scale, a missing attribute, a length."""
    expiry = rr.warranty_expiry(
        rr.Project("P", dt.date(2020, 6, 30), "beijing", {rr.Category.DECORATION}),
        rr.Category.DECORATION,
    )
    assert [] == compare(expiry, {"last_day": dt.date(2022, 6, 30), "findings": []}, "e")
    assert compare(expiry, {"last_day": dt.date(2022, 7, 1)}, "e")
    assert compare(expiry, {"colour": "red"}, "e")
    assert compare(expiry, {"findings": ["X"]}, "e")
    assert compare(Decimal("1.0"), "1.00", "d")
    flag = True
    assert compare(flag, 1, "b")


@pytest.mark.parametrize(("area", "case"), all_cases())
def test_case(area, case):
    """Run one golden case: its call on its inputs gives the expected values."""
    function = fmt.resolve(case["call"])
    kwargs = fmt.inputs(case)
    expected = dict(case["expected"])
    error_name = expected.pop("raises", None)
    error_rule = expected.pop("raises_rule", None)
    if error_name is not None:
        error = getattr(rr, error_name)
        assert issubclass(error, rr.RevisitRulesError), error_name
        with pytest.raises(error) as raised:
            function(**kwargs)
        if error_rule is not None:
            assert error_rule == raised.value.rule
        assert raised.value.rule in case["rules"], f"{area}: cite {raised.value.rule}"
        return
    result = function(**kwargs)
    if "result" in expected:
        expected_result = expected.pop("result")
        assert [] == compare(result, expected_result, case["id"])
    assert [] == compare(result, expected, case["id"])
    fired = _rule_ids(result)
    if fired:  # a plain value (None) or an empty plan names no rule to check against
        assert [] == [r for r in case["rules"] if r not in fired], "rules the case cites"


def test_input_conversion_reads_values():
    """Each written form becomes the library value it stands for."""
    sub = rr.Party(rr.Role.SUBCONTRACTOR, "防水分包")
    assert sub == fmt.party("SUBCONTRACTOR 防水分包", "w")
    assert sub == fmt.party({"role": "SUBCONTRACTOR", "name": "防水分包"}, "w")
    assert rr.Party(rr.Role.OWNER) == fmt.party("OWNER", "w")
    assert rr.Years(1) == fmt.period("1 year", "w") == fmt.period("1 years", "w")
    assert rr.HeatingSeasons(2) == fmt.period("2 heating seasons", "w")
    assert rr.DesignLife() == fmt.period("design life", "w")
    assert Fraction(1, 3) == fmt.exact("1/3", "w")
    assert Decimal("84.99") == fmt.exact("84.99", "w")
    converted = fmt.inputs(
        {
            "id": "X-G01",
            "input": {
                "project": {
                    "id": "P",
                    "accepted_on": dt.date(2024, 6, 28),
                    "region": "北京",
                    "categories": ["WATERPROOFING"],
                    "contract_terms": ["WATERPROOFING: 1 year"],
                    "customer_class": "A",
                },
                "defect": {
                    "category": "WATERPROOFING",
                    "found_on": dt.date(2026, 5, 6),
                    "cause": "WORKMANSHIP",
                    "cost": "1000.00",
                    "shares": ["GENERAL_CONTRACTOR = 1/3", "SUBCONTRACTOR 防水分包 = 2/3"],
                },
                "policy": {
                    "convention": "INCLUSIVE_START",
                    "rainy_season": "04-15 → 07-15",
                    "heating_seasons": ["shanghai: 12-01 → 02-28"],
                    "quality_a_min": "90",
                },
            },
        }
    )
    project = converted["project"]
    assert "beijing" == project.region
    assert {rr.Category.WATERPROOFING: rr.Years(1)} == dict(project.contract_terms)
    assert rr.CustomerClass.A == project.customer_class
    defect = converted["defect"]
    assert Decimal("1000.00") == defect.cost
    assert [Fraction(1, 3), Fraction(2, 3)] == list(defect.shares.values())
    assert sub in defect.shares
    policy = converted["policy"]
    assert rr.Convention.INCLUSIVE_START == policy.convention
    assert rr.SeasonSpan.parse("04-15", "07-15") == policy.rainy_season
    assert rr.SeasonSpan.parse("12-01", "02-28") == policy.heating_seasons["shanghai"]
    assert Decimal(90) == policy.quality_a_min
