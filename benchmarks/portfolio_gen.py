"""A synthetic portfolio of completed projects, seeded, for the planner's benchmark.

``generate(n, seed=...)`` gives ``n`` projects that look like a contractor's register:
acceptance days spread over 2019–2026; a random non-empty subset of the categories of
work; a region from the season table (one with a heating season whenever the project has
HEATING, as SEA-NO-SEASON requires); a design working life whenever there is a
structure; contract terms on about a third of the projects (S000's one-year template
below the minimum, longer terms above it, and always one for OTHER); MEP commissioning
days and new techniques on some; customer classes A, B and C. The same seed gives the
same portfolio.

Run alone to print a sample: ``.venv/bin/python benchmarks/portfolio_gen.py 5``.
"""

from __future__ import annotations

import datetime as dt
import random
import sys

import revisit_rules as rr
from revisit_rules.project import CustomerClass

SEED = 20260101
FIRST = dt.date(2019, 1, 1)
LAST = dt.date(2026, 12, 31)

C = rr.Category
_HEATED = sorted(k for k, r in rr.REGIONS.items() if r.heating is not None)
_ALL = sorted(rr.REGIONS)
_TERMS: dict[rr.Category, tuple[rr.Period, ...]] = {
    C.WATERPROOFING: (rr.Years(1), rr.Years(8), rr.Years(10)),
    C.HEATING: (rr.HeatingSeasons(3), rr.Years(1)),
    C.COOLING: (rr.CoolingSeasons(3), rr.Years(3)),
    C.ELECTRICAL_PLUMBING: (rr.Years(1), rr.Years(3)),
    C.EQUIPMENT_INSTALLATION: (rr.Years(1), rr.Years(3), rr.Months(30)),
    C.DECORATION: (rr.Years(1), rr.Years(3)),
    C.OTHER: (rr.Months(3), rr.Months(6), rr.Years(1), rr.Years(2)),
}


def _project(rng: random.Random, index: int) -> rr.Project:
    accepted = FIRST + dt.timedelta(days=rng.randrange((LAST - FIRST).days + 1))
    categories = {c for c in C if rng.random() < 0.45} or {rng.choice(list(C))}
    region = rng.choice(_HEATED if C.HEATING in categories else _ALL)
    terms: dict[rr.Category, rr.Period] = {}
    if C.OTHER in categories:
        terms[C.OTHER] = rng.choice(_TERMS[C.OTHER])
    termed = [c for c in C if c in categories and c is not C.FOUNDATION_STRUCTURE]
    if termed and rng.random() < 1 / 3:
        category = rng.choice(termed)
        terms[category] = rng.choice(_TERMS[category])
    mep = categories & {C.ELECTRICAL_PLUMBING, C.EQUIPMENT_INSTALLATION}
    started = (
        accepted + dt.timedelta(days=rng.randrange(121)) if mep and rng.random() < 0.3 else None
    )
    return rr.Project(
        f"P{index:06d}",
        accepted,
        region,
        categories,
        design_life_years=rng.choice((25, 50, 50, 50, 100))
        if C.FOUNDATION_STRUCTURE in categories
        else None,
        contract_terms=terms,
        operation_started_on=started,
        new_techniques=rng.random() < 0.15,
        customer_class=rng.choice(list(CustomerClass)),
        name=f"合成项目{index}",
    )


def generate(n: int, *, seed: int = SEED) -> list[rr.Project]:
    """``n`` synthetic projects, the same for the same ``seed``."""
    rng = random.Random(seed)
    return [_project(rng, i) for i in range(n)]


if __name__ == "__main__":
    for project in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
        print(project)
