"""The golden case format (``tests/cases/*.toml``): the one reader and checker of the files.

The format is described for people in ``tests/cases/README.md``; this module is that
description as code. Both users of the files import it, and nothing else checks them:

- the test runner (``tests/test_golden_cases.py``) checks every file with
  :func:`check_file`, reads each case's inputs with :func:`inputs` and compares the results
  (reading expected values with the same converters: :func:`party`, :func:`period`,
  :func:`exact`);
- the documentation (``revisit_docgen.load_golden``) checks each file with
  :func:`read_file` before rendering it, so a file the tests would refuse never renders.

Plain Python: it imports ``revisit_rules`` and the standard library only, never Sphinx or
pytest. It ships with the package (``revisit_rules.io.golden``), so that the tests and the
documentation's extension import it as any module, and a company may check its own case
files with it.

Checking is strict, as OpenFisca rejects ambiguous parameter files: unknown or missing
keys, fewer than :data:`MIN_CASES` cases, duplicate ids, rule IDs not in ``RULES``, a
``call`` that is not a public function (or a public method of what an argument-free
public function returns), inputs the call does not take or that have no conversion,
tables nested deeper than one level, an error case with other expected keys. Each flaw
is a :class:`GoldenFormatError` naming the file, the case and the problem.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
import tomllib
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeVar

import attrs

import revisit_rules as rr
from revisit_rules.tracing import public_function

if TYPE_CHECKING:
    from pathlib import Path

#: The areas, one file each (``tests/cases/<area>.toml``), in the rule book's order.
AREAS: Final = (
    "calendar",
    "periods",
    "seasons",
    "warranty",
    "revisits",
    "liability",
    "deadlines",
    "satisfaction",
)
#: The keys of a file: these, no other.
TOP_KEYS: Final = frozenset({"area", "title", "description", "case"})
#: The keys of a ``[[case]]`` table: these, no other.
CASE_KEYS: Final = frozenset({"id", "title", "rules", "source", "call", "input", "expected"})
#: Expected keys that are not attributes of the result.
SPECIAL_EXPECTED: Final = frozenset({"result", "raises", "raises_rule"})
#: A case id: the area's rule prefix, ``-G``, two digits and an optional letter.
ID: Final = re.compile(r"^[A-Z]{3}-G\d{2}[a-z]?$")
#: The fewest cases a file may hold.
MIN_CASES: Final = 6
#: The text that stands for ``None`` (TOML has no null).
NONE: Final = "None"

Converter = Callable[[Any, str], Any]
T = TypeVar("T")


class GoldenFormatError(ValueError):
    """A golden case file that does not follow the format (tests/cases/README.md)."""


# --- reading and checking the files ---------------------------------------------------------


def parse(path: Path) -> dict[str, Any]:
    """Parse one case file, unchecked.

    Raises:
        GoldenFormatError: the file is not valid TOML.
    """
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise GoldenFormatError(f"{path.name}: not valid TOML: {err}") from None


def read_file(path: Path) -> dict[str, Any]:
    """Parse and check one case file; the file's name (``warranty.toml``) gives its area.

    Raises:
        GoldenFormatError: the file is not valid TOML or does not follow the format.
    """
    data = parse(path)
    check_file(data, path.stem)
    return data


def resolve(call: object) -> Callable[..., Any]:
    """The callable a case's ``call`` names: ``period_end`` or ``china_calendar().is_working_day``.

    Raises:
        GoldenFormatError: it names no public function, nor a public method of what an
            argument-free public function returns.
    """
    if not isinstance(call, str):
        raise GoldenFormatError(f"call = {call!r}: expected a string")
    factory, dot, method = call.partition("().")
    if not dot:
        function = public_function(call)
        if function is None:
            raise GoldenFormatError(f"call = {call!r}: not a public function of revisit_rules")
        return function
    function = public_function(factory)
    if function is None or inspect.signature(function).parameters:
        raise GoldenFormatError(f"call = {call!r}: {factory}() is not an argument-free function")
    target: object = getattr(function(), method, None)
    if method.startswith("_") or not callable(target):
        raise GoldenFormatError(f"call = {call!r}: {method} is not a public method")
    return target


def _table_depth(value: object) -> int:
    """How many tables are nested in ``value`` (arrays of scalars do not count)."""
    if isinstance(value, dict):
        return 1 + max((_table_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return max((_table_depth(v) for v in value), default=0)
    return 0


def check_file(data: Mapping[str, Any], area: str) -> None:
    """Check a parsed case file of ``area``; raise GoldenFormatError at the first flaw."""
    name = f"{area}.toml"
    if area not in AREAS:
        raise GoldenFormatError(f"{name}: {area!r} is not an area; one of {', '.join(AREAS)}")
    keys = set(data)
    if keys != TOP_KEYS:
        raise GoldenFormatError(
            f"{name}: top-level keys {sorted(keys)}; expected exactly {sorted(TOP_KEYS)}"
        )
    if data["area"] != area:
        raise GoldenFormatError(f"{name}: area = {data['area']!r}, expected {area!r}")
    for key in ("title", "description"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise GoldenFormatError(f"{name}: {key} must be a non-empty string")
    cases = data["case"]
    if not isinstance(cases, list) or len(cases) < MIN_CASES:
        raise GoldenFormatError(f"{name}: expected at least {MIN_CASES} [[case]] tables")
    seen: set[str] = set()
    for index, case in enumerate(cases):
        if not isinstance(case, dict):
            raise GoldenFormatError(f"{name}: case #{index + 1} is not a table")
        check_case(case, name)
        if case["id"] in seen:
            raise GoldenFormatError(f"{name}: duplicate case id {case['id']}")
        seen.add(case["id"])


def check_case(case: Mapping[str, Any], name: str) -> None:
    """Check one ``[[case]]`` table of the file ``name``."""
    where = f"{name}: case {case.get('id', '?')}"
    keys = set(case)
    if keys != CASE_KEYS:
        unknown, missing = sorted(keys - CASE_KEYS), sorted(CASE_KEYS - keys)
        raise GoldenFormatError(f"{where}: unknown keys {unknown}, missing keys {missing}")
    if not isinstance(case["id"], str) or not ID.match(case["id"]):
        raise GoldenFormatError(
            f"{where}: id must be the area's prefix, -G, two digits and an optional letter"
        )
    for key in ("title", "source"):
        text = case[key]
        if not isinstance(text, str) or not text.strip() or "\n" in text:
            raise GoldenFormatError(f"{where}: {key} must be a one-line, non-empty string")
    _check_rules(case["rules"], where)
    _check_values(case, where)


def _check_rules(rules: object, where: str) -> None:
    if (
        not isinstance(rules, list)
        or not rules
        or not all(isinstance(r, str) for r in rules)
        or len(set(rules)) != len(rules)
    ):
        raise GoldenFormatError(f"{where}: rules must be a non-empty array of distinct IDs")
    unknown = [r for r in rules if r not in rr.RULES]
    if unknown:
        raise GoldenFormatError(f"{where}: rules {unknown} are not in revisit_rules.RULES")


def _check_values(case: Mapping[str, Any], where: str) -> None:
    """The call exists and takes the inputs; input and expected nest one table at most."""
    try:
        function = resolve(case["call"])
    except GoldenFormatError as err:
        raise GoldenFormatError(f"{where}: {err}") from None
    for key in ("input", "expected"):
        if not isinstance(case[key], dict):
            raise GoldenFormatError(f"{where}: {key} must be a table")
        deep = [k for k, v in case[key].items() if _table_depth(v) > 1]
        if deep:
            raise GoldenFormatError(f"{where}: {key} {deep} nest tables more than one level deep")
    params = inspect.signature(function).parameters
    extra = [k for k in case["input"] if k not in params]
    if extra:
        raise GoldenFormatError(f"{where}: {case['call']} takes no argument {extra}")
    no_converter = [k for k in case["input"] if k not in CONVERT]
    if no_converter:
        raise GoldenFormatError(f"{where}: no input conversion for {no_converter}")
    _check_expected(case["expected"], case["rules"], where)


def _check_expected(expected: Mapping[str, Any], rules: list[str], where: str) -> None:
    if not expected:
        raise GoldenFormatError(f"{where}: expected is empty")
    if "raises_rule" in expected and "raises" not in expected:
        raise GoldenFormatError(f"{where}: raises_rule without raises")
    if "raises" not in expected:
        return
    if set(expected) - {"raises", "raises_rule"}:
        raise GoldenFormatError(f"{where}: an error case expects only raises and raises_rule")
    error = getattr(rr, str(expected["raises"]), None)
    if not (isinstance(error, type) and issubclass(error, rr.RevisitRulesError)):
        raise GoldenFormatError(
            f"{where}: raises = {expected['raises']!r} is not an error class of revisit_rules"
        )
    if "raises_rule" in expected and expected["raises_rule"] not in rules:
        raise GoldenFormatError(
            f"{where}: raises_rule = {expected['raises_rule']!r} is not among the case's rules"
        )


# --- values: TOML to the library's values ---------------------------------------------------


def fail(where: str, value: object, what: str) -> NoReturn:
    """Raise the GoldenFormatError of a value that is not written as the format says."""
    raise GoldenFormatError(f"{where} = {value!r}: expected {what}")


def date(value: object, where: str) -> dt.date:
    """A TOML local date."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        fail(where, value, "a TOML local date (2026-10-01)")
    return value


def date_or_instant(value: object, where: str) -> dt.date:
    """A TOML local date, or a date-time (an instant with its offset) for hour deadlines."""
    if isinstance(value, dt.date):  # a datetime is a date
        return value
    return fail(where, value, "a TOML date or date-time")


def integer(value: object, where: str) -> int:
    """A TOML integer (not a boolean)."""
    if isinstance(value, bool) or not isinstance(value, int):
        fail(where, value, "an integer")
    return value


def boolean(value: object, where: str) -> bool:
    """``true`` or ``false``."""
    if not isinstance(value, bool):
        fail(where, value, "true or false")
    return value


def string(value: object, where: str) -> str:
    """A TOML string."""
    if not isinstance(value, str):
        fail(where, value, "a string")
    return value


def decimal(value: object, where: str) -> Decimal:
    """Money or a score: a decimal number written as a string (``"1000.00"``), never a float."""
    if not isinstance(value, str):
        fail(where, value, 'a decimal number as a string ("1000.00"); never a float')
    try:
        return Decimal(value)
    except InvalidOperation:
        return fail(where, value, 'a decimal number as a string ("1000.00")')


def exact(value: object, where: str) -> int | Decimal | Fraction:
    """An integer, or a string holding a Decimal (``"84.99"``) or a Fraction (``"1/3"``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and "/" in value:
        try:
            return Fraction(value)
        except ValueError:
            fail(where, value, 'a fraction such as "1/3"')
    return decimal(value, where)


def member(kind: type[enum.Enum]) -> Converter:
    """The converter of an enum member written by its name (``"WATERPROOFING"``)."""

    def convert(value: object, where: str) -> enum.Enum:
        if not isinstance(value, str) or value not in kind.__members__:
            fail(where, value, f"a {kind.__name__} name ({', '.join(kind.__members__)})")
        return kind[value]

    return convert


def period(value: object, where: str) -> rr.Period:
    """A period as text in the package's grammar (:meth:`revisit_rules.Period.from_text`).

    ``"5 years"``, ``"1 month"``, ``"2 heating seasons"``, ``"design life"`` …
    """
    try:
        return rr.Period.from_text(value, field=where)  # type: ignore[arg-type]
    except rr.InvalidInputError as err:  # InvalidTypeError too
        fail(where, value, err.expected)


def party(value: object, where: str) -> rr.Party:
    """A party: ``"ROLE"``, ``"ROLE name"`` (``"SUBCONTRACTOR 防水分包"``) or ``{role, name}``."""
    if isinstance(value, dict):
        unknown = set(value) - {"role", "name"}
        if unknown or "role" not in value:
            fail(where, value, "a table {role, name}")
        return rr.Party(member(rr.Role)(value["role"], f"{where}.role"), value.get("name", ""))
    if not isinstance(value, str):
        fail(where, value, '"ROLE" or "ROLE name" or a table {role, name}')
    role, _, name = value.partition(" ")
    return rr.Party(member(rr.Role)(role, f"{where} role"), name)


def span(value: object, where: str) -> rr.SeasonSpan:
    """A season range ``"MM-DD → MM-DD"``."""
    parts = value.split(" → ") if isinstance(value, str) else []
    if len(parts) != 2:  # noqa: PLR2004 - a start and an end
        fail(where, value, '"MM-DD → MM-DD"')
    return rr.SeasonSpan.parse(*parts)


def _pairs(value: object, where: str, sep: str, what: str) -> list[tuple[str, str, str]]:
    """An array of ``"left<sep>right"`` strings, as (left, right, where of the item)."""
    if not isinstance(value, list):
        fail(where, value, f"an array of {what}")
    out = []
    for i, item in enumerate(value):
        left, found, right = item.rpartition(sep) if isinstance(item, str) else ("", "", "")
        if not found:
            fail(f"{where}[{i}]", item, what)
        out.append((left, right, f"{where}[{i}]"))
    return out


def region_spans(value: object, where: str) -> dict[str, rr.SeasonSpan]:
    """Season overrides per region: an array of ``"region: MM-DD → MM-DD"``."""
    return {
        region: span(text, at)
        for region, text, at in _pairs(value, where, ": ", '"region: MM-DD → MM-DD"')
    }


def fields(
    value: object, where: str, converters: Mapping[str, Converter], build: Callable[..., T]
) -> T:
    """A table of a class's fields, each read by its converter; unknown keys are errors."""
    if not isinstance(value, dict):
        fail(where, value, f"a table of {sorted(converters)}")
    unknown = sorted(set(value) - set(converters))
    if unknown:
        raise GoldenFormatError(f"{where}: unknown keys {unknown}; known: {sorted(converters)}")
    return build(**{k: converters[k](v, f"{where}.{k}") for k, v in value.items()})


def terms(value: object, where: str) -> dict[rr.Category, rr.Period]:
    """Contract terms: an array of ``"CATEGORY: period"`` (``"WATERPROOFING: 1 year"``)."""
    return {
        member(rr.Category)(name, at): period(text, at)
        for name, text, at in _pairs(value, where, ": ", '"CATEGORY: period"')
    }


def categories(value: object, where: str) -> set[rr.Category]:
    """An array of Category names."""
    if not isinstance(value, list):
        fail(where, value, "an array of Category names")
    return {member(rr.Category)(v, f"{where}[]") for v in value}


PROJECT: Final[dict[str, Converter]] = {
    "id": string,
    "accepted_on": date,
    "region": string,
    "categories": categories,
    "design_life_years": integer,
    "contract_terms": terms,
    "operation_started_on": date,
    "new_techniques": boolean,
    "customer_class": member(rr.CustomerClass),
    "many_complaints": boolean,
    "serious_problem": boolean,
    "name": string,
}


def project(value: object, where: str) -> rr.Project:
    """A table of :class:`revisit_rules.Project`'s fields."""
    return fields(value, where, PROJECT, rr.Project)


def projects(value: object, where: str) -> list[rr.Project]:
    """An array of project tables."""
    if not isinstance(value, list):
        fail(where, value, "an array of project tables")
    return [project(v, f"{where}[{i}]") for i, v in enumerate(value)]


def shares(value: object, where: str) -> dict[rr.Party, int | Decimal | Fraction]:
    """Shares of a defect: an array of ``"party = share"`` (``"GENERAL_CONTRACTOR = 1/3"``)."""
    return {
        party(who, at): exact(share, at)
        for who, share, at in _pairs(value, where, " = ", '"party = share"')
    }


DEFECT: Final[dict[str, Converter]] = {
    "category": member(rr.Category),
    "found_on": date,
    "cause": member(rr.Cause),
    "cost": decimal,
    "shares": shares,
    "procured_by": member(rr.Procurement),
    "emergency": boolean,
    "repaired_by_responsible": boolean,
    "pm_arrived_in_time": boolean,
    "reassignment_cost": decimal,
}


def defect(value: object, where: str) -> rr.Defect:
    """A table of :class:`revisit_rules.Defect`'s fields."""
    return fields(value, where, DEFECT, rr.Defect)


def rule_ids(value: object, where: str) -> tuple[str, ...]:
    """An array of rule IDs."""
    if not isinstance(value, list) or not all(isinstance(r, str) for r in value):
        fail(where, value, "an array of rule IDs")
    return tuple(value)


CHARGE: Final[dict[str, Converter]] = {
    "payer": party,
    "amount": decimal,
    "fund": member(rr.Fund),
    "rules": rule_ids,
}


def charges(value: object, where: str) -> list[rr.Charge]:
    """An array of tables of :class:`revisit_rules.Charge`'s fields."""
    if not isinstance(value, list):
        fail(where, value, "an array of charge tables")
    return [fields(v, f"{where}[{i}]", CHARGE, rr.Charge) for i, v in enumerate(value)]


def balances(value: object, where: str) -> dict[rr.Party, Decimal]:
    """Balances: a table ``"party" = "amount"``."""
    if not isinstance(value, dict):
        fail(where, value, 'a table "party" = "amount"')
    return {party(k, f"{where} key"): decimal(v, f"{where}[{k!r}]") for k, v in value.items()}


def _policy_converter(field: attrs.Attribute[Any]) -> Converter:  # noqa: PLR0911 - one per type
    if field.name in _POLICY_BY_NAME:  # fields whose default (None) does not tell the type
        return _POLICY_BY_NAME[field.name]
    default = getattr(rr.Policy(), field.name)
    if isinstance(default, enum.Enum):
        return member(type(default))
    if isinstance(default, bool):
        return boolean
    if isinstance(default, int):
        return integer
    if isinstance(default, Decimal):
        return decimal
    if isinstance(default, rr.SeasonSpan):
        return span
    if isinstance(default, Mapping):
        return region_spans
    if isinstance(default, frozenset):
        return categories
    return string


_POLICY_BY_NAME: Final[dict[str, Converter]] = {
    "no_contract_default": period,
    "simple_repair_days": integer,
    "major_repair_working_days": integer,
}

POLICY: Final[dict[str, Converter]] = {
    f.name: _policy_converter(f) for f in attrs.fields(rr.Policy)
}


def policy(value: object, where: str) -> rr.Policy:
    """A table of :class:`revisit_rules.Policy` fields (only those that differ)."""
    return fields(value, where, POLICY, rr.Policy)


def answers(value: object, where: str) -> list[enum.Enum] | dict[str, enum.Enum]:
    """Survey answers: an array, or a table factor = answer, of Satisfaction names."""
    read = member(rr.Satisfaction)
    if isinstance(value, list):
        return [read(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {k: read(v, f"{where}[{k!r}]") for k, v in value.items()}
    return fail(where, value, "an array or table of Satisfaction names")


def weights(value: object, where: str) -> dict[str, int | Decimal | Fraction]:
    """Survey weights: a table factor = weight (exact)."""
    if not isinstance(value, dict):
        fail(where, value, "a table factor = weight")
    return {k: exact(v, f"{where}[{k!r}]") for k, v in value.items()}


#: How each keyword argument of the called functions is read from TOML.
CONVERT: Final[dict[str, Converter]] = {
    "a": date,
    "answers": answers,
    "b": date,
    "balances": balances,
    "category": member(rr.Category),
    "charges": charges,
    "complaints": integer,
    "day": date,
    "defect": defect,
    "design_life_years": integer,
    "done": integer,
    "due": integer,
    "handled": integer,
    "kind": member(rr.Deadline),
    "n": integer,
    "of": member(rr.SamplingTarget),
    "on": date,
    "period": period,
    "policy": policy,
    "project": project,
    "projects": projects,
    "quality_score": exact,
    "region": string,
    "revisited": integer,
    "returned": integer,
    "sent": integer,
    "served": integer,
    "service": member(rr.ServiceRating),
    "start": date_or_instant,
    "structural": boolean,
    "repairs": integer,
    "delivered": integer,
    "weights": weights,
    "year": integer,
}


def inputs(case: Mapping[str, Any]) -> dict[str, Any]:
    """The case's inputs as keyword arguments of its call."""
    return {k: _convert(k, v, f"{case['id']}.input.{k}") for k, v in case["input"].items()}


def _convert(key: str, value: object, where: str) -> Any:  # noqa: ANN401 - any library value
    if key not in CONVERT:
        raise GoldenFormatError(f"{where}: no input conversion for {key!r}")
    return CONVERT[key](value, where)
