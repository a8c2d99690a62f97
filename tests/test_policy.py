"""Tests of Policy: the defaults of DOMAIN.md, evolve, validation, value semantics."""

import enum
import pickle
from collections.abc import Mapping
from decimal import Decimal

import attrs
import pytest

import revisit_rules as rr
from revisit_rules.policy import policy_or_default

C = rr.Category

FIELDS = attrs.fields(rr.Policy)

# (field, default, where DOMAIN.md gives it)
DEFAULTS = [
    ("convention", rr.Convention.CIVIL_CODE, "§ 2 default convention CIVIL_CODE"),
    ("roll_to_working_day", True, "§ 2 roll_to_working_day (default True)"),
    ("roll_inclusive_start", False, "§ 2 INCLUSIVE_START: no holiday roll unless asked"),
    ("count_partial_season", False, "§ 3 SEA-COUNT count_partial_season=False"),
    ("heating_seasons", {}, "§ 3 SEA-HEATING: the table's values"),
    ("cooling_seasons", {}, "§ 3 SEA-COOLING: the table's assumed values"),
    ("rainy_season", rr.SeasonSpan.parse("04-01", "06-30"), "§ 3 SEA-RAINY 04-01 → 06-30"),
    ("rainy_seasons", {}, "§ 3 SEA-RAINY: no region override"),
    ("cadence", rr.Cadence.SEMIANNUAL, "§ 5 VIS-CADENCE SEMIANNUAL (default)"),
    ("revisit_horizon", rr.RevisitHorizon.WARRANTY, "§ 5 VIS-HORIZON WARRANTY (default)"),
    (
        "rainy_season_categories",
        frozenset({C.WATERPROOFING, C.ELECTRICAL_PLUMBING, C.COOLING, C.EQUIPMENT_INSTALLATION}),
        "§ 5 VIS-RAINY default WATERPROOFING, ELECTRICAL_PLUMBING, COOLING, EQUIPMENT_INSTALLATION",
    ),
    ("winter_visit", True, "§ 5 VIS-WINTER Policy.winter_visit (default True)"),
    ("winter_start_months", 1, "§ 5 VIS-WINTER its start + 1 month → its end"),
    ("lead_by_customer_class", False, "§ 5 VIS-OWNER lead_by_customer_class (default False)"),
    ("merge_overlapping", True, "§ 5 VIS-MERGE merge_overlapping (default True)"),
    ("handover_months", 3, "§ 5 VIS-HANDOVER A → A + 3 months"),
    ("visit_window_months", 1, "§ 5 VIS-PERIODIC one month later, less a day"),
    ("technical_months", 6, "§ 5 VIS-TECHNICAL A + 6 months"),
    ("heating_visit_months", 1, "§ 5 VIS-HEATING season start − 1 month"),
    ("commissioning_start_months", 1, "§ 5 VIS-COMMISSIONING operation start + 1 month"),
    ("commissioning_end_months", 2, "§ 5 VIS-COMMISSIONING … + 2 months, less a day"),
    ("pre_expiry_start_months", 2, "§ 5 VIS-PRE-EXPIRY last day − 2 months"),
    ("pre_expiry_end_months", 1, "§ 5 VIS-PRE-EXPIRY … − 1 month"),
    ("min_visits", 2, "§ 5 VIS-MIN at least two revisits"),
    ("record_hours", 24, "§ 5 VIS-RECORD within 24 hours"),
    ("timezone", "Asia/Shanghai", "§ 2 hours: time zone Asia/Shanghai"),
    ("emergency_arrival_hours", 0, "§ 7 SLA-EMERGENCY immediately (0 h)"),
    ("arrival_hours", 48, "§ 7 SLA-ARRIVE 48 hours"),
    ("repair_plan_hours", 24, "§ 7 SLA-PLAN 24 hours"),
    ("dispatch_days", 7, "§ 7 SLA-DISPATCH 7 days"),
    ("pm_arrival_days", 10, "§ 7 SLA-PM-ARRIVE 10 days"),
    ("simple_repair_days", None, "§ 7 SLA-SIMPLE: none, '1~____天' has a blank upper bound"),
    ("major_repair_working_days", None, "§ 7 SLA-MAJOR: none, for the same reason"),
    ("complaint_contact_hours", 24, "§ 7 SLA-COMPLAINT 24 hours"),
    ("complaint_revisit_days", 3, "§ 7 SLA-COMPLAINT-REVISIT within 3 days"),
    ("repair_revisit_days", 7, "§ 7 SLA-REPAIR-REVISIT within 7 days"),
    ("safety_repair_revisit_days", 2, "§ 7 SLA-REPAIR-REVISIT safety repairs 2 days"),
    ("leak_repair_revisit_days", 3, "§ 7 SLA-REPAIR-REVISIT leaks 3 days"),
    ("sub_noaction_hours", 24, "§ 7 SLA-SUB-NOACTION silent 24 h"),
    ("quality_a_min", Decimal(85), "§ 8 SAT-ABC quality ≥ 85 → A"),
    ("quality_b_min", Decimal(75), "§ 8 SAT-ABC 75 ≤ q < 85 → B"),
    ("survey_response_min", Decimal("0.5"), "§ 8 SAT-RESPONSE at least 50 %"),
    ("complaint_rate_max", Decimal("0.01"), "§ 8 SAT-RATES complaint rate below 1 %"),
    ("handling_rate_target", Decimal(1), "§ 8 SAT-RATES handling rate 100 %"),
]


@pytest.mark.parametrize(("field", "expected", "source"), DEFAULTS, ids=[d[0] for d in DEFAULTS])
def test_default(field, expected, source):
    """Policy()'s default for the field is DOMAIN.md's."""
    assert expected == getattr(rr.Policy(), field), source


def test_every_field_has_a_rule():
    """Every Policy field names, in its metadata, a rule of the registry (or one to come)."""
    missing = [f.name for f in FIELDS if not f.metadata.get("rule")]

    assert [] == missing


def test_evolve():
    """attrs.evolve changes one value and keeps the others; the original is unchanged."""
    base = rr.Policy()
    changed = attrs.evolve(base, roll_to_working_day=False, arrival_hours=24)

    assert (False, 24) == (changed.roll_to_working_day, changed.arrival_hours)
    assert (True, 48) == (base.roll_to_working_day, base.arrival_hours)
    assert base.cadence == changed.cadence
    assert base != changed


def test_evolve_validates():
    """attrs.evolve runs the validators too."""
    with pytest.raises(rr.InvalidInputError, match=r"Policy\.arrival_hours"):
        attrs.evolve(rr.Policy(), arrival_hours=-1)


def test_frozen():
    """A Policy cannot be changed in place."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rr.Policy().arrival_hours = 1  # type: ignore[misc]


def test_keyword_only():
    """Policy takes keywords only, so a positional value cannot land in the wrong field."""
    with pytest.raises(TypeError):
        rr.Policy(rr.Convention.CIVIL_CODE)  # type: ignore[misc]


def test_hashable_and_picklable():
    """Policies are hashable, equal by value, and survive a pickle round trip."""
    policy = rr.Policy(
        heating_seasons={"shanghai": rr.SeasonSpan.parse("12-01", "02-28")},
        cadence=rr.Cadence.QUARTERLY,
    )
    same = rr.Policy(
        cadence=rr.Cadence.QUARTERLY,
        heating_seasons={"shanghai": rr.SeasonSpan.parse("12-01", "02-28")},
    )
    loaded = pickle.loads(pickle.dumps(policy))

    assert policy == same
    assert hash(policy) == hash(same)
    assert policy == loaded
    assert hash(policy) == hash(loaded)
    assert 2 == len({rr.Policy(), policy, same, loaded})


def test_overrides_are_frozen():
    """A season override mapping is copied and immutable: changing the source dict does nothing."""
    source = {"shanghai": rr.SeasonSpan.parse("12-01", "02-28")}
    policy = rr.Policy(heating_seasons=source)
    source["nanjing"] = rr.SeasonSpan.parse("12-01", "02-28")

    assert ["shanghai"] == list(policy.heating_seasons)
    assert isinstance(policy.heating_seasons, Mapping)
    with pytest.raises(TypeError):
        policy.heating_seasons["x"] = source["nanjing"]  # type: ignore[index]


def _kind(field):
    """What sort of value a field holds, from its default."""
    default = field.default.factory() if isinstance(field.default, attrs.Factory) else field.default
    kinds = [
        (bool, "bool"),  # before int: a bool is an int
        (int, "int"),
        (enum.Enum, "enum"),
        (Decimal, "decimal"),
        (Mapping, "mapping"),
        (rr.SeasonSpan, "span"),
        (str, "str"),
        (frozenset, "categories"),
    ]
    return next((kind for cls, kind in kinds if isinstance(default, cls)), "other")


#: Bad values by kind of field: each must be refused with an error naming Policy.<field>.
BAD = {
    "bool": [1, 0, None, "yes"],
    "int": [True, 1.0, "3", None],
    "enum": ["civil_code", 1, None],
    "decimal": [85.0, "0.5", Decimal("NaN"), Decimal(-1), Decimal(101), None],
    "mapping": [None, [("shanghai", rr.SeasonSpan.parse("12-01", "02-28"))], {"x": "12-01"}],
    "span": [None, ("04-01", "06-30"), "04-01"],
    "str": [None, 8],
    "categories": [
        None,
        "WATERPROOFING",
        rr.Category.WATERPROOFING,
        {"WATERPROOFING"},
        [1],
        [[rr.Category.WATERPROOFING]],  # unhashable: still the package's typed error
        {rr.Category.WATERPROOFING: False},  # a mapping is no set: its values would be lost
    ],
}


def _bad_params():
    params = []
    for field in FIELDS:
        kind = _kind(field)
        params.extend(
            pytest.param(field.name, value, id=f"{field.name}={value!r}")
            for value in BAD.get(kind, [])
        )
    return params


@pytest.mark.parametrize(("name", "value"), _bad_params())
def test_bad_value(name, value):
    """A value of the wrong type or range is refused, naming the field Policy.<name>."""
    with pytest.raises(rr.RevisitRulesError) as info:
        rr.Policy(**{name: value})

    assert f"Policy.{name}" == info.value.field
    assert f"Policy.{name}" in str(info.value)


@pytest.mark.parametrize("name", [f.name for f in FIELDS if _kind(f) == "int"], ids=lambda n: n)
def test_negative_int(name):
    """A negative count or duration is refused as InvalidInputError (a ValueError)."""
    with pytest.raises(rr.InvalidInputError, match=rf"Policy\.{name} = -1") as info:
        rr.Policy(**{name: -1})

    assert isinstance(info.value, ValueError)
    assert info.value.rule


@pytest.mark.parametrize(
    "name", [f.name for f in FIELDS if _kind(f) in {"int", "bool", "enum"}], ids=lambda n: n
)
def test_wrong_type_is_a_type_error(name):
    """A bool where an int is meant (or an int where a bool/enum is) is an InvalidTypeError."""
    kind = _kind(attrs.fields_dict(rr.Policy)[name])
    value = {"int": True, "bool": 1, "enum": "x"}[kind]
    with pytest.raises(rr.InvalidTypeError) as info:
        rr.Policy(**{name: value})

    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"quality_b_min": Decimal(86)}, "Policy.quality_b_min"),
        ({"commissioning_start_months": 2}, "Policy.commissioning_end_months"),
        ({"pre_expiry_end_months": 2}, "Policy.pre_expiry_end_months"),
    ],
)
def test_cross_field(kwargs, field):
    """Values that contradict each other are refused, naming the field."""
    with pytest.raises(rr.InvalidInputError) as info:
        rr.Policy(**kwargs)

    assert field == info.value.field


@pytest.mark.parametrize(
    "kwargs",
    [
        {"quality_b_min": Decimal(85)},  # equal thresholds: no B grade, but consistent
        {"commissioning_start_months": 0},
        {"pre_expiry_end_months": 0},
    ],
)
def test_cross_field_boundaries_accepted(kwargs):
    """The boundary values of the cross-field checks are accepted."""
    rr.Policy(**kwargs)


def test_unknown_timezone():
    """An unknown IANA time zone is refused when the Policy is built."""
    with pytest.raises(rr.InvalidInputError, match=r"Policy\.timezone"):
        rr.Policy(timezone="Mars/Olympus")


@pytest.mark.parametrize("value", [{}, "default", rr.Convention.CIVIL_CODE])
def test_policy_or_default_names_the_rule(value):
    """A policy argument that is not a Policy is refused, naming the caller's rule."""
    with pytest.raises(rr.InvalidTypeError) as info:
        policy_or_default(value, rule="CAL-PERIOD")

    assert ("policy", value, "CAL-PERIOD") == (info.value.field, info.value.value, info.value.rule)
    assert rr.Policy() == policy_or_default(None, rule="CAL-PERIOD")


def test_rainy_season_categories_accept_any_iterable_of_categories():
    """VIS-RAINY: any set of categories, frozen; the empty set turns rainy visits off."""
    policy = rr.Policy(rainy_season_categories=[C.DECORATION, C.DECORATION])

    assert frozenset({C.DECORATION}) == policy.rainy_season_categories
    assert frozenset() == rr.Policy(rainy_season_categories=()).rainy_season_categories
    assert "rainy_season_categories={WATERPROOFING, COOLING, ELECTRICAL_PLUMBING" in (
        rr.RULES["VIS-RAINY"].value_in_force()
    )


@pytest.mark.parametrize("name", ["simple_repair_days", "major_repair_working_days"])
@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("1", rr.InvalidTypeError),
        (1.0, rr.InvalidTypeError),
        (True, rr.InvalidTypeError),
        (-1, rr.InvalidInputError),
    ],
)
def test_blank_fields_take_none_or_a_count(name, value, error):
    """SLA-SIMPLE, SLA-MAJOR: None (blank in the source) or a whole number from 0 on."""
    with pytest.raises(error) as info:
        rr.Policy(**{name: value})
    assert f"Policy.{name}" == info.value.field
    assert 0 == getattr(rr.Policy(**{name: 0}), name)
    assert None is getattr(rr.Policy(**{name: None}), name)
