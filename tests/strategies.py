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
from revisit_rules.satisfaction import Satisfaction, ServiceRating  # noqa: E402

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
