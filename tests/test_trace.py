"""Decision traces: results with their inputs, rules, values, sources and versions (issue 7)."""

import datetime as dt
import json
import pickle
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import attrs
import holidays
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import revisit_rules as rr
from revisit_rules.periods import _period_end
from revisit_rules.rules import DOCUMENTS
from revisit_rules.tracing import TRACE_FORMAT

from . import strategies as sts

C = rr.Category
D = dt.date
M = Decimal
GC = rr.Party(rr.Role.GENERAL_CONTRACTOR)
SUB = rr.Party(rr.Role.SUBCONTRACTOR, "防水分包")
SHANGHAI = ZoneInfo("Asia/Shanghai")
TOP_KEYS = {
    "trace_format",
    "function",
    "inputs",
    "policy",
    "result_type",
    "result",
    "rules",
    "versions",
}


def project(**kw):
    """A Beijing project accepted on 2024-06-28 with waterproofing, decoration and heating."""
    kw.setdefault("categories", {C.WATERPROOFING, C.DECORATION, C.HEATING})
    categories = kw.pop("categories")
    return rr.Project("P-7", D(2024, 6, 28), "beijing", categories, **kw)


def leak(**kw):
    """A leak found on 2026-05-06, shared 1/3 by the general contractor, 2/3 by the roofer."""
    kw.setdefault("shares", {GC: Fraction(1, 3), SUB: Fraction(2, 3)})
    return rr.Defect(C.WATERPROOFING, D(2026, 5, 6), rr.Cause.WORKMANSHIP, M("1000.00"), **kw)


def floats_in(data):
    """Every float anywhere in plain data (there must be none)."""
    if isinstance(data, float):
        return [data]
    if isinstance(data, dict):
        return [f for v in data.values() for f in floats_in(v)]
    if isinstance(data, list):
        return [f for v in data for f in floats_in(v)]
    return []


def traces():
    """One trace of every kind of result, as (label, Trace)."""
    p = project(contract_terms={C.WATERPROOFING: rr.Years(1)})
    allocation = rr.allocate_liability(p, leak())
    visits = rr.plan_revisits(p)
    record = rr.VisitRecord("P-7", visits[0], visits[0].target)
    return [
        ("Expiry", rr.trace(rr.warranty_expiry, p, C.WATERPROOFING)),
        ("WarrantySchedule", rr.trace(rr.warranty_schedule, p)),
        ("DateResult", rr.trace(rr.period_end, D(2021, 10, 1), rr.Years(5))),
        ("deadline", rr.trace(rr.deadline, rr.Deadline.DISPATCH, D(2026, 9, 28))),
        ("visits", rr.trace(rr.plan_revisits, p)),
        ("Visit", rr.Trace.of(visits[0], inputs={"project": p}, function="plan_revisits")),
        ("Plan", rr.trace(rr.annual_plan, [p], 2026)),
        ("Allocation", rr.trace(rr.allocate_liability, p, leak())),
        ("Charge", rr.Trace.of(allocation.charges[1])),
        ("Settlement", rr.trace(rr.settle, allocation, {GC: M("100.00"), SUB: M("1000.00")})),
        ("Grading", rr.trace(rr.grade_visit, M("84.99"), rr.ServiceRating.EXCELLENT)),
        ("RateResult", rr.trace(rr.handling_rate, 19, 20)),
        ("VisitState", rr.trace(rr.visit_status, visits[:2], [record], D(2026, 1, 1))),
    ]


TRACES = traces()
IDS = [label for label, _ in TRACES]


# --- the export --------------------------------------------------------------------------------


@pytest.mark.parametrize("t", [t for _, t in TRACES], ids=IDS)
def test_json_round_trip(t):
    """to_json parses back to exactly to_dict: plain data, nothing lost."""
    assert t.to_dict() == json.loads(t.to_json())
    assert t.to_dict() == json.loads(t.to_json(indent=None))


@pytest.mark.parametrize("t", [t for _, t in TRACES], ids=IDS)
def test_layout(t):
    """Every trace has the same top-level keys, its format version and both data versions."""
    data = t.to_dict()
    assert TOP_KEYS == set(data)
    assert TRACE_FORMAT == data["trace_format"]
    assert {"revisit_rules": rr.__version__, "holidays": holidays.__version__} == data["versions"]


@pytest.mark.parametrize("t", [t for _, t in TRACES], ids=IDS)
def test_no_floats(t):
    """No float anywhere: money, shares and scores stay exact strings."""
    assert [] == floats_in(t.to_dict())


@pytest.mark.parametrize("t", [t for _, t in TRACES], ids=IDS)
def test_rules_carry_titles_values_and_sources(t):
    """Each rule the result names is listed once, with titles, value in force and sources."""
    data = t.to_dict()
    assert list(t.rules) == [r["id"] for r in data["rules"]]
    assert len(t.rules) == len(set(t.rules))
    assert t.rules
    for entry in data["rules"]:
        rule = rr.RULES[entry["id"]]
        assert rule.title_zh == entry["title_zh"]
        assert rule.title_en == entry["title_en"]
        assert rule.value_in_force(t.policy) == entry["value_in_force"]
        assert entry["sources"]
        for source in entry["sources"]:
            assert {"document", "document_title", "ref", "quote"} == set(source)
            assert DOCUMENTS[source["document"]] == source["document_title"]
        assert rule.checked_on.isoformat() == entry["checked_on"]


@pytest.mark.parametrize("t", [t for _, t in TRACES], ids=IDS)
def test_result_rules_come_first(t):
    """The result's own rules open the list, in their order (the order they applied)."""
    own = getattr(t.result, "rules", None)
    if isinstance(own, tuple):
        assert own == t.rules[: len(own)]


def test_trace_records_the_call():
    """trace() calls the function, keeps its result and records its bound arguments."""
    p = project()
    t = rr.trace(rr.warranty_expiry, p, C.WATERPROOFING)
    assert rr.warranty_expiry(p, C.WATERPROOFING) == t.result
    assert "warranty_expiry" == t.function
    assert {"project": p, "category": C.WATERPROOFING} == dict(t.inputs)
    data = t.to_dict()
    assert "Expiry" == data["result_type"]
    assert "2029-06-28" == data["result"]["last_day"]
    assert {"name": "WATERPROOFING", "zh": C.WATERPROOFING.zh} == data["inputs"]["category"]
    assert "P-7" == data["inputs"]["project"]["id"]
    assert "2024-06-28" == data["inputs"]["project"]["accepted_on"]


def test_defaults_are_recorded():
    """Defaults are bound too: calendar=None says the Chinese calendar was used."""
    t = rr.trace(rr.period_end, D(2021, 10, 1), rr.Years(5))
    assert {
        "start": "2021-10-01",
        "period": {"type": "Years", "n": 5},
        "region": None,
        "design_life_years": None,
        "calendar": None,
    } == t.to_dict()["inputs"]


def test_keywords_and_positionals_give_one_trace():
    """Positional or keyword, the same call gives the same trace."""
    a = rr.trace(rr.period_end, D(2021, 10, 1), rr.Years(5))
    b = rr.trace(rr.period_end, period=rr.Years(5), start=D(2021, 10, 1))
    assert a == b
    assert a.to_json() == b.to_json()


def test_policy_non_default_fields_only():
    """The policy shows only the fields that differ from Policy(); its values drive the rules."""
    assert {} == TRACES[0][1].to_dict()["policy"]
    policy = attrs.evolve(
        rr.Policy(), roll_to_working_day=False, quality_a_min=M("90"), cadence=rr.Cadence.QUARTERLY
    )
    t = rr.trace(rr.period_end, D(2021, 10, 1), rr.Years(5), policy=policy)
    data = t.to_dict()
    assert {
        "roll_to_working_day": False,
        "quality_a_min": "90",
        "cadence": {"name": "QUARTERLY", "zh": rr.Cadence.QUARTERLY.zh},
    } == data["policy"]
    assert "policy" not in data["inputs"]
    assert "2026-10-01" == data["result"]["day"]
    (cal_period,) = [r for r in data["rules"] if r["id"] == "CAL-PERIOD"]
    assert "roll_to_working_day=False" in cal_period["value_in_force"]


def test_season_overrides_in_the_policy():
    """A policy's season override is exported as MM-DD strings."""
    policy = rr.Policy(heating_seasons={"北京": rr.SeasonSpan.parse("11-01", "03-31")})
    t = rr.trace(rr.warranty_expiry, project(), C.HEATING, policy=policy)
    assert {"heating_seasons": {"beijing": {"start": "11-01", "end": "03-31"}}} == (
        t.to_dict()["policy"]
    )
    assert "2026-03-31" == t.to_dict()["result"]["last_day"]


def test_money_stays_exact():
    """Amounts are strings to the fen; shares are exact fractions; the parts add up."""
    t = rr.trace(rr.allocate_liability, project(), leak())
    data = t.to_dict()
    amounts = [c["amount"] for c in data["result"]["charges"]]
    assert ["333.33", "666.67"] == amounts
    assert M("1000.00") == sum(M(a) for a in amounts)
    assert "1000.00" == data["inputs"]["defect"]["cost"]
    assert [
        {
            "key": {"role": {"name": "GENERAL_CONTRACTOR", "zh": "总包单位"}, "name": ""},
            "value": "1/3",
        },
        {
            "key": {
                "role": {"name": "SUBCONTRACTOR", "zh": "工程分包或专业分包"},
                "name": "防水分包",
            },
            "value": "2/3",
        },
    ] == data["inputs"]["defect"]["shares"]


def test_money_keeps_its_scale():
    """A Decimal's text is kept as written: 0.10 is not 0.1."""
    assert "0.10" == rr.to_plain(M("0.10"))
    assert "100" == rr.to_plain(M("100"))


def test_generator_inputs_are_read_once():
    """A generator of projects is read into a tuple, passed and recorded (not lost)."""
    p = project()
    t = rr.trace(rr.annual_plan, (x for x in [p]), 2026)
    assert (p,) == t.inputs["projects"]
    assert rr.annual_plan([p], 2026) == t.result
    assert ["P-7"] == [q["id"] for q in t.to_dict()["inputs"]["projects"]]


def test_custom_calendar_is_recorded_by_its_difference():
    """A company calendar is exported as the days it adds to or removes from china_calendar()."""
    company = rr.china_calendar().with_days(rest_days=[D(2026, 12, 31)])
    t = rr.trace(rr.period_end, D(2026, 12, 28), rr.Days(3), calendar=company)
    cal = t.to_dict()["inputs"]["calendar"]
    assert ["2026-12-31"] == cal["rest_days_added"]
    assert (
        [] == cal["rest_days_removed"] == cal["working_days_added"] == cal["working_days_removed"]
    )
    assert 2026 in cal["published_years"]
    assert 2027 not in cal["published_years"]
    # The last day 2026-12-31 is a company rest day; the roll runs into provisional 2027.
    assert "2027-01-04" == t.to_dict()["result"]["day"]
    assert t.to_dict()["result"]["provisional"]


def test_provisional_is_traced():
    """A result resting on an unpublished year names CAL-PROVISIONAL among its rules."""
    t = rr.trace(rr.period_end, D(2022, 5, 1), rr.Years(5))
    assert "2027-05-03" == t.to_dict()["result"]["day"]
    assert "CAL-PROVISIONAL" in t.rules


def test_deterministic():
    """No clock is read: the same call gives the same JSON, byte for byte."""
    a = rr.trace(rr.plan_revisits, project())
    b = rr.trace(rr.plan_revisits, project())
    assert a.to_json() == b.to_json()


def test_trace_is_a_frozen_value():
    """A trace is frozen, comparable, picklable; to_dict hands out a copy."""
    t = TRACES[0][1]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.function = "x"
    assert t == pickle.loads(pickle.dumps(t))
    data = t.to_dict()
    data["result"]["last_day"] = "tampered"
    assert "tampered" != t.to_dict()["result"]["last_day"]


AT_NOTICE = dt.datetime(2026, 5, 6, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
AS_OF = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def _samples():
    """Arguments for every public function: name -> (args, kwargs), with mutable containers."""
    p = project(contract_terms={C.WATERPROOFING: rr.Years(1)})
    allocation = rr.allocate_liability(p, leak())
    visits = rr.plan_revisits(p)
    record = rr.VisitRecord("P-7", visits[0], visits[0].target)
    grading = rr.grade_visit(90, rr.ServiceRating.GOOD)
    traceable = {
        "allocate_liability": ((p, leak()), {}),
        "annual_plan": (([p, rr.Project("P-8", D(2025, 3, 3), "上海", {C.DECORATION})], 2026), {}),
        "complaint_rate": ((1, 200), {}),
        "deadline": ((rr.Deadline.DISPATCH, D(2026, 9, 28)), {}),
        "grade_visit": ((M("84.99"), rr.ServiceRating.EXCELLENT), {}),
        "handling_rate": ((19, 20), {}),
        "ledger": (
            ([p], [rr.Event.notice("N-1", p.id, AT_NOTICE, category=C.WATERPROOFING)], AS_OF),
            {},
        ),
        "period_end": ((D(2021, 10, 1), rr.Years(5)), {}),
        "plan_findings": (
            (
                rr.Project(
                    "P-9", D(2025, 3, 3), "上海", {C.OTHER}, contract_terms={C.OTHER: rr.Months(1)}
                ),
            ),
            {},
        ),
        "plan_revisits": ((p,), {}),
        "repeat_repair_rate": ((1, 8), {}),
        "response_rate": ((50, 40), {}),
        "rework_rate": ((3, 120), {}),
        "sampling_rate": ((3, 10), {"of": rr.SamplingTarget.MANAGER}),
        "satisfaction_rate": (([grading, rr.Grade.B, None],), {}),
        "survey_result": (([rr.Satisfaction.SATISFIED],), {"sent": 10, "returned": 4}),
        "settle": ((allocation, {GC: M("100.00"), SUB: M("1000.00")}), {}),
        "visit_status": ((list(visits[:2]), [record], D(2026, 1, 1)), {}),
        "warranty_expiry": ((p, C.WATERPROOFING), {}),
        "warranty_schedule": ((p,), {}),
    }
    plain = {  # plain results (a bool, a date, a Season, a string …): refused
        "china_calendar": ((), {}),
        "cooling_season": (("beijing", 2026), {}),
        "heating_season": (("beijing", 2026), {}),
        "in_warranty": ((p, C.DECORATION, D(2026, 1, 1)), {}),
        "rainy_season": (("shanghai", 2026), {}),
        "rule_rows": ((), {"area": "SAT"}),
        "rule_table": ((), {}),
        "split_amount": ((M("10.00"), {GC: 1}), {}),
        "statutory_minimum": ((C.DECORATION,), {}),
        "survey_counts": ((50, 40), {}),
        "survey_score": (([rr.Satisfaction.SATISFIED],), {}),
        "to_plain": ((M("1.00"),), {}),
        "trace": ((rr.grade_visit, 85, rr.ServiceRating.GOOD), {}),
        "visit_lead": ((rr.CustomerClass.A,), {}),
    }
    return traceable, plain


TRACEABLE, PLAIN = _samples()
SAMPLES = {**TRACEABLE, **PLAIN}


def test_samples_cover_every_public_function():
    """Every public function has sample arguments, in one group only: none is missed."""
    functions = [
        n for n in rr.__all__ if callable(getattr(rr, n)) and not isinstance(getattr(rr, n), type)
    ]

    assert sorted(functions) == sorted(SAMPLES)
    assert set() == set(TRACEABLE) & set(PLAIN)


@pytest.mark.parametrize("name", list(SAMPLES))
def test_traceable_is_what_carries_rules(name):
    """The functions listed as traceable trace; every other public function is refused."""
    args, kwargs = SAMPLES[name]
    if name in TRACEABLE:
        assert rr.trace(getattr(rr, name), *args, **kwargs).rules
    else:
        with pytest.raises(rr.InvalidTypeError, match="carries its rules") as info:
            rr.trace(getattr(rr, name), *args, **kwargs)
        _assert_names(info.value, f"{name}(…)", "trace")


@pytest.mark.parametrize("name", list(TRACEABLE))
def test_every_trace_hashes(name):
    """A trace is a hashable value, whatever containers its call was given (lists, dicts)."""
    args, kwargs = SAMPLES[name]
    t = rr.trace(getattr(rr, name), *args, **kwargs)
    again = rr.trace(getattr(rr, name), *args, **kwargs)

    assert hash(again) == hash(t)
    assert {t} == {t, again}
    assert [] == [k for k, v in t.inputs.items() if isinstance(v, list | set | dict)]


def test_inputs_are_recorded_immutable():
    """Lists become tuples, sets frozensets, dicts read-only mappings, nested ones too."""
    grading = rr.grade_visit(74, rr.ServiceRating.EXCELLENT)
    inputs = {
        "a": [1, [2, {3}]],
        "b": {"k": [D(2026, 1, 1)], "s": {C.DECORATION}},
        "c": (M("1.00"), [GC]),
    }
    t = rr.Trace.of(grading, inputs=inputs)

    assert (1, (2, frozenset({3}))) == t.inputs["a"]
    assert isinstance(t.inputs["a"][1], tuple)
    assert (D(2026, 1, 1),) == t.inputs["b"]["k"]
    assert frozenset({C.DECORATION}) == t.inputs["b"]["s"]
    assert isinstance(t.inputs["b"]["s"], frozenset)
    with pytest.raises(TypeError):
        t.inputs["b"]["k"] = ()
    assert (M("1.00"), (GC,)) == t.inputs["c"]
    assert isinstance(hash(t), int)
    assert rr.Trace.of(grading, inputs=inputs).to_dict() == t.to_dict()


def test_changing_the_arguments_later_does_not_change_the_trace():
    """The trace keeps its own copy: appending to the caller's list changes nothing."""
    projects = [project()]
    t = rr.trace(rr.annual_plan, projects, 2026)
    before = (hash(t), t.to_json())
    projects.append(project(categories={C.HEATING}))

    assert (project(),) == t.inputs["projects"]
    assert before == (hash(t), t.to_json())


@given(
    projects=st.integers(min_value=0, max_value=3).flatmap(
        lambda n: st.tuples(
            *[
                sts.visit_projects(project_id=f"P-{i}", first=D(2024, 1, 1), last=D(2026, 6, 30))
                for i in range(n)
            ]
        ).map(list)
    ),
    balances=st.dictionaries(sts.parties, sts.money, max_size=3),
)
@example(projects=[], balances={})
def test_traces_of_mutable_arguments_hash(projects, balances):
    """Any plan's and any settlement's trace hashes, and equal traces hash equal."""
    plan = rr.trace(rr.annual_plan, projects, 2026)
    allocation = rr.allocate_liability(project(), leak())
    settlement = rr.trace(rr.settle, allocation, {GC: M("0.00"), SUB: M("0.00"), **balances})

    for t in (plan, settlement):
        assert hash(t) == hash(attrs.evolve(t))
        assert t == attrs.evolve(t)


@pytest.mark.parametrize(
    "bad",
    [bytearray(b"x"), [bytearray(b"x")], {"k": bytearray(b"x")}],
    ids=["bytearray", "list of", "dict of"],
)
def test_unexportable_inputs_are_refused_with_the_results_rule(bad):
    """An input that cannot be exported is refused, naming the field and the result's rule."""
    grading = rr.grade_visit(74, rr.ServiceRating.EXCELLENT)
    with pytest.raises(rr.InvalidTypeError) as info:
        rr.Trace.of(grading, inputs={"x": bad})

    assert info.value.field.startswith("inputs.x")
    assert "SAT-ABC" == info.value.rule
    assert str(info.value).startswith(f"{info.value.field} = ")
    assert str(info.value).endswith("[rule SAT-ABC]")


def test_unhashable_inputs_are_refused_with_the_results_rule():
    """An input that exports but does not hash (a mutable attrs value) is refused."""

    @attrs.define
    class Mutable:
        n: int

    grading = rr.grade_visit(74, rr.ServiceRating.EXCELLENT)
    with pytest.raises(rr.InvalidTypeError) as info:
        rr.Trace.of(grading, inputs={"x": Mutable(1)})

    assert "inputs.x" == info.value.field
    assert "SAT-ABC" == info.value.rule
    assert "a value that hashes" in str(info.value)


def test_of_equals_trace():
    """Trace.of with the same result, inputs and policy equals the trace() of the call."""
    p = project()
    via_call = rr.trace(rr.warranty_expiry, p, C.DECORATION)
    by_hand = rr.Trace.of(
        rr.warranty_expiry(p, C.DECORATION),
        inputs={"project": p, "category": C.DECORATION},
        function="warranty_expiry",
    )
    assert via_call == by_hand
    assert via_call.to_dict() == by_hand.to_dict()


def test_of_without_inputs():
    """Trace.of needs only the result; inputs and function are then empty."""
    t = rr.Trace.of(rr.grade_visit(74, rr.ServiceRating.EXCELLENT))
    data = t.to_dict()
    assert data["function"] is None
    assert {} == data["inputs"]
    assert ["SAT-ABC", "SAT-ACTION"] == [r["id"] for r in data["rules"]]
    assert {"name": "C", "zh": "C级"} == data["result"]["grade"]


# --- to_plain ----------------------------------------------------------------------------------


def test_to_plain_values():
    """to_plain, the JSON exports' conversion: each kind of value and its plain form."""
    aware = dt.datetime(2026, 10, 1, 10, 0, tzinfo=SHANGHAI)
    assert "2026-10-01T10:00:00+08:00" == rr.to_plain(aware)
    assert "2026-10-01" == rr.to_plain(D(2026, 10, 1))
    assert "1/3" == rr.to_plain(Fraction(1, 3))
    assert [None, True, 3, "文"] == rr.to_plain((None, True, 3, "文"))
    assert {"type": "HeatingSeasons", "n": 2} == rr.to_plain(rr.HeatingSeasons(2))
    assert {"type": "DesignLife"} == rr.to_plain(rr.DesignLife())
    assert {"start": "04-01", "end": "06-30"} == rr.to_plain(rr.SeasonSpan.parse("04-01", "06-30"))
    assert {"DECORATION": {"type": "Years", "n": 3}} == rr.to_plain({C.DECORATION: rr.Years(3)})


def test_to_plain_sorts_sets():
    """Sets come out sorted: enum members in their enum's order, other values by their text."""
    kinds = frozenset({rr.VisitKind.PRE_EXPIRY, rr.VisitKind.HANDOVER, rr.VisitKind.PERIODIC})
    assert ["HANDOVER", "PERIODIC", "PRE_EXPIRY"] == rr.to_plain(kinds, labels=False)
    assert ["2026-01-02", "2026-10-01"] == rr.to_plain({D(2026, 10, 1), D(2026, 1, 2)})


def test_to_plain_labels():
    """Enum members carry their Chinese label unless labels=False."""
    assert {"name": "GOOD", "zh": "良好"} == rr.to_plain(rr.ServiceRating.GOOD)
    assert "GOOD" == rr.to_plain(rr.ServiceRating.GOOD, labels=False)
    assert {"role": "OWNER", "name": ""} == rr.to_plain(rr.Party(rr.Role.OWNER), labels=False)


@pytest.mark.parametrize("bad", [0.5, float("nan"), object(), b"bytes", rr.china_calendar])
def test_to_plain_refuses(bad):
    """Floats and foreign objects are a typed error naming the field and the tag ``trace``."""
    with pytest.raises(rr.InvalidTypeError, match=r"^inputs\.x") as info:
        rr.to_plain({"ok": 1, "also": [bad]}, field="inputs.x")

    _assert_names(info.value, "inputs.x['also'][0]", "trace")


def test_to_plain_names_the_nested_field():
    """The error names where the bad value sits."""
    with pytest.raises(rr.InvalidTypeError, match=r"value\['a'\]\[1\] = 1\.5"):
        rr.to_plain({"a": [1, 1.5]})


# --- bad input ---------------------------------------------------------------------------------


def _private(start, period):
    """A function that is not part of revisit_rules."""
    return _period_end(
        start, period, pol=rr.Policy(), region=None, design_life_years=None, calendar=None
    )


@pytest.mark.parametrize(
    "function",
    [print, _private, _period_end, rr.Project, rr.Years, "warranty_expiry", None, rr.RULES],
    ids=["builtin", "foreign", "private", "class", "period class", "name", "None", "mapping"],
)
def test_trace_refuses_what_is_not_a_public_function(function):
    """Only the public functions of revisit_rules can be traced; the error names field and tag."""
    with pytest.raises(rr.InvalidTypeError, match="public function of revisit_rules") as info:
        rr.trace(function, D(2021, 10, 1), rr.Years(5))

    _assert_names(info.value, "function", "trace")


def _assert_names(error, field, rule):
    """The error's message names the field, its value, what is accepted and the rule tag."""
    assert field == error.field
    assert rule == error.rule
    assert str(error).startswith(f"{field} = {error.value!r}: expected {error.expected}")
    assert str(error).endswith(f"[rule {rule}]")


def test_trace_of_print_names_the_trace_tag():
    """The review's example: rr.trace(print) says which field and which rule tag."""
    with pytest.raises(rr.InvalidTypeError) as info:
        rr.trace(print)

    assert str(info.value).startswith("function = <built-in function print>: expected ")
    assert "[rule trace]" in str(info.value)


def test_trace_refuses_arguments_that_do_not_fit():
    """Arguments that do not bind to the signature are a typed error naming the function."""
    with pytest.raises(
        rr.InvalidTypeError, match="missing a required argument: 'category'"
    ) as info:
        rr.trace(rr.warranty_expiry, project())
    _assert_names(info.value, "arguments of warranty_expiry", "trace")
    with pytest.raises(rr.InvalidTypeError, match="unexpected keyword argument 'when'") as info:
        rr.trace(rr.period_end, D(2021, 10, 1), rr.Years(5), when=1)
    _assert_names(info.value, "arguments of period_end", "trace")


@pytest.mark.parametrize(
    ("function", "args"),
    [
        (rr.in_warranty, (project(), C.DECORATION, D(2026, 1, 1))),
        (rr.survey_score, ([rr.Satisfaction.SATISFIED],)),
        (rr.deadline, (rr.Deadline.ARRIVAL, dt.datetime(2026, 9, 29, 10, tzinfo=SHANGHAI))),
        (rr.heating_season, ("beijing", 2026)),
        (rr.rule_table, ()),
    ],
    ids=["bool", "Decimal", "datetime", "Season", "str"],
)
def test_trace_refuses_plain_results(function, args):
    """A function whose result carries no rules cannot be traced (no silent empty rule list)."""
    with pytest.raises(rr.InvalidTypeError, match="carries its rules") as info:
        rr.trace(function, *args)

    _assert_names(info.value, f"{function.__name__}(…)", "trace")


def test_trace_passes_the_functions_errors_through():
    """The function's own typed error reaches the caller unchanged."""
    with pytest.raises(rr.NoSeasonError, match="SEA-NO-SEASON"):
        rr.trace(rr.heating_season, "上海", 2026)
    with pytest.raises(rr.InvalidTypeError, match="quality_score"):
        rr.trace(rr.grade_visit, 85.0, rr.ServiceRating.GOOD)


@pytest.mark.parametrize(
    "result",
    [project(), leak(), GC, True, M("1.00"), D(2026, 1, 1), "WTY-MIN", None, [rr.Years(1)]],
    ids=["Project", "Defect", "Party", "bool", "Decimal", "date", "str", "None", "list"],
)
def test_of_refuses_non_results(result):
    """Trace.of needs a result that carries its rules; an input or plain value is refused."""
    with pytest.raises(rr.InvalidTypeError, match=r"Trace\.result") as info:
        rr.Trace.of(result)

    _assert_names(info.value, "Trace.result", "trace")


def test_a_trace_is_no_result():
    """A trace of a trace is refused: a Trace has rules, but no rule produced it."""
    with pytest.raises(rr.InvalidTypeError) as info:
        rr.Trace.of(TRACES[0][1])

    _assert_names(info.value, "Trace.result", "trace")


def test_of_refuses_mixed_tuples():
    """A tuple is a result only when every item is one."""
    visit = rr.plan_revisits(project())[0]
    with pytest.raises(rr.InvalidTypeError, match=r"Trace\.result") as info:
        rr.Trace.of((visit, project()))

    _assert_names(info.value, "Trace.result", "trace")


def test_of_refuses_unknown_rule_ids():
    """A result naming a rule that is not in RULES is refused."""
    charge = rr.Charge(GC, M("1.00"), rr.Fund.CONTRACTOR_PROVISION, ("LIA-GC", "NO-SUCH-RULE"))
    with pytest.raises(rr.InvalidInputError, match="NO-SUCH-RULE") as info:
        rr.Trace.of(charge)

    _assert_names(info.value, "Trace.result.rules", "trace")


@pytest.mark.parametrize(
    ("kwargs", "match", "field", "rule"),
    [
        ({"inputs": {"x": 1.5}}, r"inputs\.x = 1\.5", "inputs.x", "SAT-ABC"),
        ({"inputs": {"x": object()}}, r"inputs\.x", "inputs.x", "SAT-ABC"),
        ({"inputs": [("x", 1)]}, "Trace.inputs", "Trace.inputs", "trace"),
        ({"inputs": {1: "x"}}, "argument names", "Trace.inputs", "trace"),
        ({"inputs": {"policy": rr.Policy()}}, "pass it as policy=", "Trace.inputs", "trace"),
        ({"policy": "strict"}, "policy", "Trace.policy", "trace"),
        ({"function": "no_such_function"}, "Trace.function", "Trace.function", "trace"),
        ({"function": "Project"}, "Trace.function", "Trace.function", "trace"),
    ],
    ids=["float", "object", "not a mapping", "key", "policy input", "policy", "name", "class"],
)
def test_of_refuses_bad_companions(kwargs, match, field, rule):
    """Inputs, policy and function name are checked when the trace is built.

    A value that cannot be exported names the result's rule (SAT-ABC graded it); a piece
    of the wrong kind names the tag of tracing itself.
    """
    with pytest.raises(rr.InvalidInputError, match=match) as info:
        rr.Trace.of(rr.grade_visit(85, rr.ServiceRating.GOOD), **kwargs)

    _assert_names(info.value, field, rule)


def test_a_result_without_rules_falls_back_to_the_tag():
    """An empty tuple of visits names no rule: its export errors carry the tag ``trace``."""
    with pytest.raises(rr.InvalidTypeError) as info:
        rr.Trace.of((), inputs={"x": 1.5})

    _assert_names(info.value, "inputs.x", "trace")


# --- properties --------------------------------------------------------------------------------


@given(defect=sts.defects(accepted=D(2024, 6, 28)))
@example(defect=leak())
def test_allocation_traces_round_trip(defect):
    """Any allocation's trace round-trips through JSON, exact to the fen, with sourced rules."""
    p = project(categories={C.WATERPROOFING, C.DECORATION, C.EQUIPMENT_INSTALLATION})
    t = rr.trace(rr.allocate_liability, p, defect)
    data = json.loads(t.to_json())
    assert t.to_dict() == data
    assert [] == floats_in(data)
    # The charges add up to the cost, plus LIA-PM's reassignment cost on a covered defect.
    owner = rr.Party(rr.Role.OWNER)
    extra = defect.reassignment_cost if t.result.covered and t.result.repairer != owner else M(0)
    assert defect.cost + extra == sum((M(c["amount"]) for c in data["result"]["charges"]), M(0))
    assert set(t.result.rules) <= {r["id"] for r in data["rules"]}
    assert all(r["sources"] for r in data["rules"])


@given(start=sts.days, period=sts.calendar_periods(max_years=20, max_months=240, max_days=5000))
def test_period_traces_round_trip(start, period):
    """Any period_end trace round-trips and shows the day it computed, in ISO form."""
    t = rr.trace(rr.period_end, start, period)
    data = json.loads(t.to_json())
    assert t.to_dict() == data
    assert t.result.day.isoformat() == data["result"]["day"]
    assert list(t.result.rules) == [r["id"] for r in data["rules"]]


@given(score=sts.quality_scores, service=sts.service_ratings)
def test_grading_traces_keep_the_score_exact(score, service):
    """The quality score is recorded exactly as given (int, Decimal or Fraction text)."""
    t = rr.trace(rr.grade_visit, score, service)
    recorded = t.to_dict()["inputs"]["quality_score"]
    assert (score if isinstance(score, int) else str(score)) == recorded
    assert t.result.grade.name == t.to_dict()["result"]["grade"]["name"]


@given(st.sampled_from([t for _, t in TRACES]))
def test_to_dict_is_stable(t):
    """Two exports of one trace are equal (and independent copies)."""
    a, b = t.to_dict(), t.to_dict()
    assert a == b
    assert a is not b
