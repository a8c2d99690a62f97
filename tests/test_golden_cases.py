"""Golden cases: decisions an auditor can read, as data (tests/cases/*.toml), run one by one.

Each file holds one area's cases in the format of GOLDEN_FORMAT (area, title, description,
then ``[[case]]`` tables with id, title, rules, source, call, input, expected). Every file
is checked before it runs, as OpenFisca rejects ambiguous parameter files: unknown or
missing keys, duplicate ids, rule IDs not in ``RULES``, a ``call`` that is not a public
function of ``revisit_rules``, inputs the function does not take, nesting deeper than one
table. Then each case is its own test (its id is the test's id).

How the values are written (TOML has no null, no Decimal, no enum):

* ``call`` names a public function of ``revisit_rules``; ``china_calendar().is_working_day``
  calls a method of the calendar that ``china_calendar()`` returns.
* Inputs are the call's keyword arguments. Dates are TOML dates; instants are TOML
  date-times with an offset (a local date-time is a naive ``datetime``). Money, scores and
  shares are strings (``"1000.00"``, ``"84.99"``, ``"1/3"``); floats are refused. Enum
  members are written by name (``"WATERPROOFING"``). Periods are written as their text
  (``"5 years"``, ``"2 heating seasons"``, ``"design life"``). A party is ``"ROLE"`` or
  ``"ROLE name"`` (``"SUBCONTRACTOR 防水分包"``) or a table ``{role, name}``.
* A project is a table of :class:`~revisit_rules.Project`'s fields; its
  ``contract_terms`` an array of ``"CATEGORY: period"``. A defect is a table of
  :class:`~revisit_rules.Defect`'s fields; its ``shares`` an array of ``"party = share"``.
  A policy is a table of :class:`~revisit_rules.Policy` fields; a season override is
  ``"MM-DD → MM-DD"``, per region ``"region: MM-DD → MM-DD"``.
* Expected keys are the result's attribute names (properties too). ``result`` is the
  return value itself (a bool, a date, a tuple of visits). ``raises`` names the error
  class of ``revisit_rules`` the call must raise, and ``raises_rule`` the rule it names.
  The string ``"None"`` stands for ``None``. A table compares only the keys it gives; an
  array compares every item, in order (sets in their enum's order).
"""

import datetime as dt
import enum
import inspect
import json
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import revisit_rules as rr

CASES = Path(__file__).parent / "cases"
AREAS = (
    "calendar",
    "periods",
    "seasons",
    "warranty",
    "revisits",
    "liability",
    "deadlines",
    "satisfaction",
)
TOP_KEYS = frozenset({"area", "title", "description", "case"})
CASE_KEYS = frozenset({"id", "title", "rules", "source", "call", "input", "expected"})
SPECIAL_EXPECTED = frozenset({"result", "raises", "raises_rule"})
ID = re.compile(r"^[A-Z]{3}-G\d{2}[a-z]?$")
MIN_CASES = 6

#: Cases whose expected answer (worked out from DOMAIN.md and the sources) the library does
#: not give yet: a bug report each, run as strict xfail so that the fix is noticed.
KNOWN_BUGS: dict[str, str] = {}


class CaseFormatError(ValueError):
    """A case file that does not follow the format (GOLDEN_FORMAT)."""


# --- reading and checking the files ---------------------------------------------------------


def load(area):
    """The parsed case file of ``area``."""
    with (CASES / f"{area}.toml").open("rb") as file:
        return tomllib.load(file)


def public_function(name):
    """The public function of revisit_rules called ``name``, or None."""
    found = getattr(rr, name, None)
    if name in rr.__all__ and callable(found) and not isinstance(found, type):
        return found
    return None


def resolve(call):
    """The callable a case's ``call`` names; a CaseFormatError if it names none."""
    if not isinstance(call, str):
        raise CaseFormatError(f"call = {call!r}: expected a string")
    factory, dot, method = call.partition("().")
    if not dot:
        function = public_function(call)
        if function is None:
            raise CaseFormatError(f"call = {call!r}: not a public function of revisit_rules")
        return function
    function = public_function(factory)
    if function is None or inspect.signature(function).parameters:
        raise CaseFormatError(f"call = {call!r}: {factory}() is not an argument-free function")
    target = getattr(function(), method, None)
    if method.startswith("_") or not callable(target):
        raise CaseFormatError(f"call = {call!r}: {method} is not a public method")
    return target


def _table_depth(value):
    """How many tables are nested in ``value`` (arrays of scalars do not count)."""
    if isinstance(value, dict):
        return 1 + max((_table_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return max((_table_depth(v) for v in value), default=0)
    return 0


def check_file(data, area):
    """Check a parsed case file against the format; raise CaseFormatError at the first flaw."""
    keys = set(data)
    if keys != TOP_KEYS:
        raise CaseFormatError(
            f"{area}: top-level keys {sorted(keys)}; expected exactly {sorted(TOP_KEYS)}"
        )
    if data["area"] != area:
        raise CaseFormatError(f"{area}: area = {data['area']!r}, expected {area!r}")
    for key in ("title", "description"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise CaseFormatError(f"{area}: {key} must be a non-empty string")
    cases = data["case"]
    if not isinstance(cases, list) or len(cases) < MIN_CASES:
        raise CaseFormatError(f"{area}: expected at least {MIN_CASES} [[case]] tables")
    seen = set()
    for case in cases:
        check_case(case, area)
        if case["id"] in seen:
            raise CaseFormatError(f"{area}: duplicate case id {case['id']}")
        seen.add(case["id"])


def check_case(case, area):
    """Check one ``[[case]]`` table."""
    where = f"{area}: case {case.get('id', '?')}"
    keys = set(case)
    if keys != CASE_KEYS:
        unknown, missing = sorted(keys - CASE_KEYS), sorted(CASE_KEYS - keys)
        raise CaseFormatError(f"{where}: unknown keys {unknown}, missing keys {missing}")
    if not isinstance(case["id"], str) or not ID.match(case["id"]):
        raise CaseFormatError(f"{where}: id must look like 'WTY-G01'")
    for key in ("title", "source"):
        text = case[key]
        if not isinstance(text, str) or not text.strip() or "\n" in text:
            raise CaseFormatError(f"{where}: {key} must be a one-line, non-empty string")
    _check_rules(case["rules"], where)
    _check_values(case, where)


def _check_rules(rules, where):
    if not isinstance(rules, list) or not rules or len(set(rules)) != len(rules):
        raise CaseFormatError(f"{where}: rules must be a non-empty array of distinct IDs")
    unknown_rules = [r for r in rules if r not in rr.RULES]
    if unknown_rules:
        raise CaseFormatError(f"{where}: rules {unknown_rules} are not in revisit_rules.RULES")


def _check_values(case, where):
    """The call exists, takes the inputs given; input and expected nest one table at most."""
    function = resolve(case["call"])
    for key in ("input", "expected"):
        if not isinstance(case[key], dict):
            raise CaseFormatError(f"{where}: {key} must be a table")
        deep = [k for k, v in case[key].items() if _table_depth(v) > 1]
        if deep:
            raise CaseFormatError(f"{where}: {key} {deep} nest tables more than one level deep")
    params = inspect.signature(function).parameters
    extra = [k for k in case["input"] if k not in params]
    if extra:
        raise CaseFormatError(f"{where}: {case['call']} takes no argument {extra}")
    no_converter = [k for k in case["input"] if k not in CONVERT]
    if no_converter:
        raise CaseFormatError(f"{where}: no input conversion for {no_converter}")
    if not case["expected"]:
        raise CaseFormatError(f"{where}: expected is empty")
    if "raises" in case["expected"] and set(case["expected"]) - {"raises", "raises_rule"}:
        raise CaseFormatError(f"{where}: an error case expects only raises and raises_rule")


# --- inputs: TOML values to the library's values ----------------------------------------------


def _fail(where, value, what):
    raise CaseFormatError(f"{where} = {value!r}: expected {what}")


def _date(value, where):
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        _fail(where, value, "a TOML local date (2026-10-01)")
    return value


def _date_or_instant(value, where):
    if isinstance(value, dt.date):  # a datetime is a date: hour deadlines take instants
        return value
    return _fail(where, value, "a TOML date or date-time")


def _int(value, where):
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(where, value, "an integer")
    return value


def _bool(value, where):
    if not isinstance(value, bool):
        _fail(where, value, "true or false")
    return value


def _str(value, where):
    if not isinstance(value, str):
        _fail(where, value, "a string")
    return value


def _decimal(value, where):
    if not isinstance(value, str):
        _fail(where, value, 'a decimal number as a string ("1000.00"); never a float')
    try:
        return Decimal(value)
    except ArithmeticError:
        return _fail(where, value, 'a decimal number as a string ("1000.00")')


def _exact(value, where):
    """An int, or a string holding a Decimal ("84.99") or a Fraction ("1/3")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and "/" in value:
        try:
            return Fraction(value)
        except ValueError:
            _fail(where, value, 'a fraction such as "1/3"')
    return _decimal(value, where)


def _member(kind):
    def convert(value, where):
        if not isinstance(value, str) or value not in kind.__members__:
            _fail(where, value, f"a {kind.__name__} name ({', '.join(kind.__members__)})")
        return kind[value]

    return convert


_PERIOD = re.compile(
    r"^(?P<n>\d+) (?P<unit>years?|months?|days?|heating seasons?|cooling seasons?)$"
)
_UNITS = {
    "year": rr.Years,
    "month": rr.Months,
    "day": rr.Days,
    "heating season": rr.HeatingSeasons,
    "cooling season": rr.CoolingSeasons,
}


def _period(value, where):
    if value == "design life":
        return rr.DesignLife()
    found = _PERIOD.match(value) if isinstance(value, str) else None
    if found is None:
        _fail(
            where, value, '"N years|months|days|heating seasons|cooling seasons" or "design life"'
        )
    return _UNITS[found["unit"].removesuffix("s")](int(found["n"]))


def _party(value, where):
    if isinstance(value, dict):
        unknown = set(value) - {"role", "name"}
        if unknown or "role" not in value:
            _fail(where, value, "a table {role, name}")
        return rr.Party(_member(rr.Role)(value["role"], f"{where}.role"), value.get("name", ""))
    if not isinstance(value, str):
        _fail(where, value, '"ROLE" or "ROLE name" or a table {role, name}')
    role, _, name = value.partition(" ")
    return rr.Party(_member(rr.Role)(role, f"{where} role"), name)


def _span(value, where):
    parts = value.split(" → ") if isinstance(value, str) else []
    if len(parts) != 2:
        _fail(where, value, '"MM-DD → MM-DD"')
    return rr.SeasonSpan.parse(*parts)


def _region_spans(value, where):
    if not isinstance(value, list):
        _fail(where, value, 'an array of "region: MM-DD → MM-DD"')
    out = {}
    for i, item in enumerate(value):
        region, sep, span = item.partition(": ") if isinstance(item, str) else ("", "", "")
        if not sep:
            _fail(f"{where}[{i}]", item, '"region: MM-DD → MM-DD"')
        out[region] = _span(span, f"{where}[{i}]")
    return out


def _fields(value, where, converters, build):
    if not isinstance(value, dict):
        _fail(where, value, f"a table of {sorted(converters)}")
    unknown = sorted(set(value) - set(converters))
    if unknown:
        raise CaseFormatError(f"{where}: unknown keys {unknown}; known: {sorted(converters)}")
    return build(**{k: converters[k](v, f"{where}.{k}") for k, v in value.items()})


def _terms(value, where):
    if not isinstance(value, list):
        _fail(where, value, 'an array of "CATEGORY: period"')
    out = {}
    for i, item in enumerate(value):
        name, sep, period = item.partition(": ") if isinstance(item, str) else ("", "", "")
        if not sep:
            _fail(f"{where}[{i}]", item, '"CATEGORY: period"')
        out[_member(rr.Category)(name, f"{where}[{i}]")] = _period(period, f"{where}[{i}]")
    return out


def _categories(value, where):
    if not isinstance(value, list):
        _fail(where, value, "an array of Category names")
    return {_member(rr.Category)(v, f"{where}[]") for v in value}


_PROJECT = {
    "id": _str,
    "accepted_on": _date,
    "region": _str,
    "categories": _categories,
    "design_life_years": _int,
    "contract_terms": _terms,
    "operation_started_on": _date,
    "new_techniques": _bool,
    "customer_class": _member(rr.CustomerClass),
    "name": _str,
}


def _project(value, where):
    return _fields(value, where, _PROJECT, rr.Project)


def _projects(value, where):
    if not isinstance(value, list):
        _fail(where, value, "an array of project tables")
    return [_project(v, f"{where}[{i}]") for i, v in enumerate(value)]


def _shares(value, where):
    if not isinstance(value, list):
        _fail(where, value, 'an array of "party = share"')
    out = {}
    for i, item in enumerate(value):
        party, sep, share = item.rpartition(" = ") if isinstance(item, str) else ("", "", "")
        if not sep:
            _fail(f"{where}[{i}]", item, '"party = share"')
        out[_party(party, f"{where}[{i}]")] = _exact(share, f"{where}[{i}]")
    return out


_DEFECT = {
    "category": _member(rr.Category),
    "found_on": _date,
    "cause": _member(rr.Cause),
    "cost": _decimal,
    "shares": _shares,
    "procured_by": _member(rr.Procurement),
    "emergency": _bool,
    "repaired_by_responsible": _bool,
    "pm_arrived_in_time": _bool,
}


def _defect(value, where):
    return _fields(value, where, _DEFECT, rr.Defect)


def _rules(value, where):
    if not isinstance(value, list) or not all(isinstance(r, str) for r in value):
        _fail(where, value, "an array of rule IDs")
    return tuple(value)


_CHARGE = {
    "payer": _party,
    "amount": _decimal,
    "fund": _member(rr.Fund),
    "rules": _rules,
}


def _charges(value, where):
    if not isinstance(value, list):
        _fail(where, value, "an array of charge tables")
    return [_fields(v, f"{where}[{i}]", _CHARGE, rr.Charge) for i, v in enumerate(value)]


def _balances(value, where):
    if not isinstance(value, dict):
        _fail(where, value, 'a table "party" = "amount"')
    return {_party(k, f"{where} key"): _decimal(v, f"{where}[{k!r}]") for k, v in value.items()}


def _policy_converter(field):  # noqa: PLR0911 - one return per field type
    default = getattr(rr.Policy(), field.name)
    if isinstance(default, enum.Enum):
        return _member(type(default))
    if isinstance(default, bool):
        return _bool
    if isinstance(default, int):
        return _int
    if isinstance(default, Decimal):
        return _decimal
    if isinstance(default, rr.SeasonSpan):
        return _span
    if isinstance(default, Mapping):
        return _region_spans
    return _str


_POLICY = {f.name: _policy_converter(f) for f in attrs.fields(rr.Policy)}


def _policy(value, where):
    return _fields(value, where, _POLICY, rr.Policy)


def _answers(value, where):
    member = _member(rr.Satisfaction)
    if isinstance(value, list):
        return [member(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {k: member(v, f"{where}[{k!r}]") for k, v in value.items()}
    return _fail(where, value, "an array or table of Satisfaction names")


def _weights(value, where):
    if not isinstance(value, dict):
        _fail(where, value, "a table factor = weight")
    return {k: _exact(v, f"{where}[{k!r}]") for k, v in value.items()}


#: How each keyword argument of the called functions is read from TOML.
CONVERT = {
    "a": _date,
    "answers": _answers,
    "b": _date,
    "balances": _balances,
    "category": _member(rr.Category),
    "charges": _charges,
    "complaints": _int,
    "day": _date,
    "defect": _defect,
    "design_life_years": _int,
    "due": _int,
    "handled": _int,
    "kind": _member(rr.Deadline),
    "n": _int,
    "on": _date,
    "period": _period,
    "policy": _policy,
    "project": _project,
    "projects": _projects,
    "quality_score": _exact,
    "region": _str,
    "returned": _int,
    "sent": _int,
    "served": _int,
    "service": _member(rr.ServiceRating),
    "start": _date_or_instant,
    "weights": _weights,
    "year": _int,
}


def inputs(case):
    """The case's inputs as keyword arguments of its call."""
    return {k: CONVERT[k](v, f"{case['id']}.input.{k}") for k, v in case["input"].items()}


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
        return actual == _party(expected, where)
    if isinstance(actual, rr.Period):
        return actual == _period(expected, where)
    if isinstance(actual, Decimal):  # the exact text: "666.67" is not "666.670"
        return isinstance(expected, str) and str(actual) == expected
    if isinstance(actual, Fraction):
        return actual == _exact(expected, where)
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
    raise CaseFormatError(f"{where}: cannot compare a {type(actual).__name__} with a TOML value")


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
    """tests/cases holds exactly one file per area, named after it."""
    assert sorted(f"{a}.toml" for a in AREAS) == sorted(p.name for p in CASES.glob("*.toml"))
    assert [] == [p.name for p in CASES.iterdir() if p.suffix != ".toml"]


@pytest.mark.parametrize("area", AREAS)
def test_file_follows_the_format(area):
    """Each file has the format's keys and no other; its cases are well formed."""
    check_file(load(area), area)


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
    check_file(_good_file(), "warranty")


@pytest.mark.parametrize(
    ("path", "value", "match"),
    [
        (("version",), 2, "top-level keys"),
        (("area",), "periods", "area"),
        (("description",), None, "top-level keys"),
        (("case", 0, "note"), "x", r"unknown keys \['note'\]"),
        (("case", 0, "source"), None, r"missing keys \['source'\]"),
        (("case", 1, "id"), "WTY-G01", "duplicate case id"),
        (("case", 0, "id"), "wty 1", "id must look like"),
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
    ],
)
def test_checker_rejects(path, value, match):
    """Unknown, missing, duplicate or ambiguous data is an error, not a guess."""
    with pytest.raises(CaseFormatError, match=match):
        check_file(_spoil(path, value), "warranty")


@pytest.mark.parametrize(
    ("key", "value", "match"),
    [
        ("quality_score", 84.99, "never a float"),
        ("project", {"id": "P", "colour": "red"}, r"unknown keys \['colour'\]"),
        ("category", "Waterproofing", "a Category name"),
        ("period", "5 yrs", "N years"),
        ("start", "2026-01-01", "a TOML date"),
        ("defect", {"shares": ["GC 1/3"]}, "party = share"),
    ],
)
def test_input_conversion_rejects(key, value, match):
    """Inputs are read strictly: floats, unknown fields, misspelt names are errors."""
    with pytest.raises(CaseFormatError, match=match):
        inputs({"id": "X-G01", "input": {key: value}})


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
    function = resolve(case["call"])
    kwargs = inputs(case)
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
    assert sub == _party("SUBCONTRACTOR 防水分包", "w")
    assert sub == _party({"role": "SUBCONTRACTOR", "name": "防水分包"}, "w")
    assert rr.Party(rr.Role.OWNER) == _party("OWNER", "w")
    assert rr.Years(1) == _period("1 year", "w") == _period("1 years", "w")
    assert rr.HeatingSeasons(2) == _period("2 heating seasons", "w")
    assert rr.DesignLife() == _period("design life", "w")
    assert Fraction(1, 3) == _exact("1/3", "w")
    assert Decimal("84.99") == _exact("84.99", "w")
    converted = inputs(
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
