"""Hypothesis strategies shared by the test modules (one place, as attrs keeps them)."""

import datetime as dt

from hypothesis import strategies as st

import revisit_rules as rr

#: Days of the years whose arrangement is published (and then some), 2001–2030.
days = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def working_days(draw: st.DrawFn) -> dt.date:
    """A working day of the China calendar in 2001–2030."""
    day = draw(days)
    return rr.china_calendar().add_working_days(day, 0)


#: Working-day offsets for round trips (see inner_working_days).
offsets = st.integers(min_value=-400, max_value=400)


def calendar_periods(
    max_years: int = 50, max_months: int = 600, max_days: int = 20_000
) -> st.SearchStrategy[rr.Years | rr.Months | rr.Days]:
    """Years, Months or Days periods whose end, from 2001–2030, stays before 2100."""
    return st.one_of(
        st.builds(rr.Years, st.integers(min_value=0, max_value=max_years)),
        st.builds(rr.Months, st.integers(min_value=0, max_value=max_months)),
        st.builds(rr.Days, st.integers(min_value=0, max_value=max_days)),
    )


#: Regions that have a heating season in the shipped table.
heating_regions = st.sampled_from(sorted(k for k, r in rr.REGIONS.items() if r.heating))

#: Working days of 2002–2030: far enough from 2000-01-01 that ±400 working days stay inside.
inner_working_days = st.dates(min_value=dt.date(2002, 1, 1), max_value=dt.date(2030, 12, 31)).map(
    lambda day: rr.china_calendar().add_working_days(day, 0)
)


# --- Satisfaction (SAT) ----------------------------------------------------------------
# This section's own import, appended after the shared ones above.
from revisit_rules.grading import Satisfaction, ServiceRating  # noqa: E402

#: Quality scores from 0 to 100, in every exact type grade_visit accepts (SAT-ABC).
quality_scores = st.one_of(
    st.integers(min_value=0, max_value=100),
    st.decimals(min_value=0, max_value=100, places=2),
    st.fractions(min_value=0, max_value=100, max_denominator=1000),
)

#: Service ratings (SAT-ABC).
service_ratings = st.sampled_from(ServiceRating)

#: Answers on the five-level scale (SAT-SCALE).
satisfactions = st.sampled_from(Satisfaction)

#: Survey weights: exact numbers >= 0 (SAT-SCALE).
survey_weights = st.one_of(
    st.integers(min_value=0, max_value=1000),
    st.decimals(min_value=0, max_value=1000, places=3),
    st.fractions(min_value=0, max_value=1000, max_denominator=100),
)


@st.composite
def weighted_surveys(draw: st.DrawFn) -> tuple[dict[str, Satisfaction], dict[str, object]]:
    """A survey's answers by factor and a weight for every factor, summing to more than 0."""
    answers = draw(
        st.dictionaries(st.text(min_size=1, max_size=8), satisfactions, min_size=1, max_size=8)
    )
    weights: dict[str, object] = {factor: draw(survey_weights) for factor in answers}
    if not any(weights.values()):
        weights[next(iter(weights))] = draw(st.integers(min_value=1, max_value=1000))
    return answers, weights


# --- Liability (LIA) -------------------------------------------------------------------
# This section's own imports, appended after the ones above.
from decimal import Decimal  # noqa: E402
from fractions import Fraction  # noqa: E402

from revisit_rules.liability import Cause, Defect, Party, Procurement, Role  # noqa: E402

#: Money in yuan: Decimals of whole fen, 0 to a billion yuan, with 2 places (LIA-MONEY).
money = st.integers(min_value=0, max_value=10**11).map(lambda fen: Decimal(fen).scaleb(-2))

#: Any party: a role and a short name.
parties = st.builds(Party, st.sampled_from(Role), st.text(max_size=4))

#: Every cause.
all_causes = st.sampled_from(Cause)

#: Causes outside the contractor's warranty (LIA-DESIGN … LIA-OWNER-WORK).
excluded_causes = st.sampled_from(
    [Cause.DESIGN, Cause.MISUSE, Cause.THIRD_PARTY, Cause.FORCE_MAJEURE, Cause.OWNER_WORK]
)


def _exact(share: Fraction, as_decimal: bool) -> Fraction | Decimal | int:  # noqa: FBT001
    """``share`` as an int, a Decimal (where it terminates) or a Fraction."""
    if share.denominator == 1:
        return int(share)
    den = share.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    if as_decimal and den == 1:
        return Decimal(share.numerator) / Decimal(share.denominator)
    return share


@st.composite
def share_maps(
    draw: st.DrawFn, party_lists: st.SearchStrategy[list[Party]] | None = None
) -> dict[Party, Fraction | Decimal | int]:
    """Shares summing to exactly 1 over distinct parties, as Fractions, Decimals or ints."""
    if party_lists is None:
        party_lists = st.lists(parties, min_size=1, max_size=8, unique=True)
    chosen = draw(party_lists)
    weights = draw(
        st.lists(
            st.integers(min_value=0, max_value=20), min_size=len(chosen), max_size=len(chosen)
        ).filter(any)
    )
    total = sum(weights)
    return {
        party: _exact(Fraction(w, total), draw(st.booleans()))
        for party, w in zip(chosen, weights, strict=True)
    }


def _named(role: Role, max_size: int = 4) -> st.SearchStrategy[list[Party]]:
    names = st.lists(st.text(max_size=3), min_size=1, max_size=max_size, unique=True)
    return names.map(lambda ns: [Party(role, n) for n in ns])


@st.composite
def _builders(draw: st.DrawFn) -> list[Party]:
    """Workmanship parties: subcontractors and at most one general contractor."""
    named = draw(_named(Role.SUBCONTRACTOR))
    subs = named[: draw(st.integers(min_value=0, max_value=len(named)))]
    with_gc = draw(st.booleans()) or not subs
    return draw(st.permutations([Party(Role.GENERAL_CONTRACTOR)] * with_gc + subs))


#: The parties each cause admits in ``Defect.shares`` (None: shares must be None).
_SHARE_PARTIES: dict[object, st.SearchStrategy[list[Party]] | None] = {
    Cause.WORKMANSHIP: _builders(),
    Cause.DESIGN: _named(Role.DESIGNER),
    Cause.MISUSE: _named(Role.USER),
    Cause.THIRD_PARTY: _named(Role.THIRD_PARTY),
    Cause.FORCE_MAJEURE: None,
    Cause.OWNER_WORK: _named(Role.SUPPLIER),
    Procurement.CONTRACTOR: _named(Role.SUPPLIER),
    Procurement.DESIGNER: _named(Role.DESIGNER),
    Procurement.OWNER: None,
    Procurement.OWNER_DESIGNATED: None,
}


@st.composite
def defects(
    draw: st.DrawFn,
    *,
    accepted: dt.date,
    categories: tuple[rr.Category, ...] = (
        rr.Category.DECORATION,
        rr.Category.EQUIPMENT_INSTALLATION,
        rr.Category.WATERPROOFING,
    ),
    causes: st.SearchStrategy[Cause] = all_causes,
) -> Defect:
    """A valid defect of a project accepted on ``accepted``, found within about six years."""
    cause = draw(causes)
    procured_by = draw(st.sampled_from(Procurement)) if cause is Cause.MATERIAL else None
    who = _SHARE_PARTIES[procured_by if procured_by is not None else cause]
    shares = draw(st.none() | share_maps(who)) if who is not None else None
    late = not draw(st.booleans())
    return Defect(
        draw(st.sampled_from(categories)),
        accepted + dt.timedelta(days=draw(st.integers(min_value=0, max_value=6 * 366))),
        cause,
        draw(money),
        shares=shares,
        procured_by=procured_by,
        emergency=draw(st.booleans()),
        repaired_by_responsible=draw(st.booleans()),
        pm_arrived_in_time=not late,
        reassignment_cost=draw(money) if late and draw(st.booleans()) else Decimal("0.00"),
    )


# --- Revisits (VIS) ----------------------------------------------------------------------

#: Regions with a heating season: HEATING and COOLING projects are placed in these.
_SEASON_REGION_KEYS = sorted(k for k, r in rr.REGIONS.items() if r.heating is not None)


def _visit_terms(category: rr.Category, max_years: int) -> st.SearchStrategy[rr.Period]:
    """A contract term for ``category``, shorter or longer than the statutory minimum."""
    terms: list[st.SearchStrategy[rr.Period]] = [
        st.builds(rr.Years, st.integers(min_value=1, max_value=max_years)),
        st.builds(rr.Months, st.integers(min_value=1, max_value=12 * max_years)),
        st.builds(rr.Days, st.integers(min_value=1, max_value=366 * max_years)),
    ]
    if category is rr.Category.HEATING:
        terms.append(st.builds(rr.HeatingSeasons, st.integers(min_value=1, max_value=max_years)))
    if category is rr.Category.COOLING:
        terms.append(st.builds(rr.CoolingSeasons, st.integers(min_value=1, max_value=max_years)))
    return st.one_of(terms)


#: Any non-empty set of warranty categories.
visit_categories = st.frozensets(st.sampled_from(rr.Category), min_size=1)

#: Categories with short warranties (about two years): projects with few visits.
short_visit_categories = st.frozensets(
    st.sampled_from(
        [
            rr.Category.HEATING,
            rr.Category.ELECTRICAL_PLUMBING,
            rr.Category.EQUIPMENT_INSTALLATION,
            rr.Category.DECORATION,
            rr.Category.OTHER,
        ]
    ),
    min_size=1,
)

#: Revisit cadences (VIS-CADENCE).
visit_cadences = st.sampled_from(rr.Cadence)


@st.composite
def visit_projects(
    draw: st.DrawFn,
    *,
    project_id: str = "P",
    categories: st.SearchStrategy[frozenset[rr.Category]] = visit_categories,
    first: dt.date = dt.date(2015, 1, 1),
    last: dt.date = dt.date(2030, 12, 31),
    max_term_years: int = 8,
    on_working_day: bool = True,
) -> rr.Project:
    """A valid Project for the revisit planner (VIS), accepted from ``first`` to ``last``.

    A non-empty set of categories; a region with a heating season when HEATING or COOLING
    is present (any region otherwise); a design life of 5, 25, 50 or 100 years with
    FOUNDATION_STRUCTURE; optional contract terms above or below the statutory minimum (one
    always for OTHER); an optional operation start on or after acceptance; ``new_techniques``
    either way; any customer class. With ``on_working_day`` (the usual case) the acceptance
    day is moved to the next working day; acceptance on a rest day has its own tests.
    """
    accepted = draw(st.dates(min_value=first, max_value=last))
    if on_working_day:
        accepted = rr.china_calendar().add_working_days(accepted, 0)
    cats = draw(categories)
    seasonal = bool(cats & {rr.Category.HEATING, rr.Category.COOLING})
    region = draw(st.sampled_from(_SEASON_REGION_KEYS if seasonal else sorted(rr.REGIONS)))
    design_life = None
    if rr.Category.FOUNDATION_STRUCTURE in cats:
        design_life = draw(st.sampled_from([5, 25, 50, 100]))
    terms: dict[rr.Category, rr.Period] = {}
    for cat in sorted(cats, key=lambda c: c.value):
        if cat is rr.Category.OTHER or draw(st.booleans()):
            terms[cat] = draw(_visit_terms(cat, max_term_years))
    started = draw(
        st.none()
        | st.integers(min_value=0, max_value=1000).map(lambda n: accepted + dt.timedelta(n))
    )
    return rr.Project(
        project_id,
        accepted,
        region,
        cats,
        design_life_years=design_life,
        contract_terms=terms,
        operation_started_on=started,
        new_techniques=draw(st.booleans()),
        customer_class=draw(st.sampled_from(rr.CustomerClass)),
        many_complaints=draw(st.booleans()),
        serious_problem=draw(st.booleans()),
    )
