"""Benchmark of the annual revisit plan (VIS-ANNUAL) over a synthetic portfolio.

Measures ``annual_plan(projects, 2026)`` per project on seeded synthetic portfolios
(``portfolio_gen.generate``) of 2,000 and 20,000 projects, built outside the timing, the
best of several repeats; and in the same run, as the yardstick of this machine, one call of
``holidays.China().get_nth_working_day(d, 20)`` (warm, on seeded random dates of
2020–2026, the best of several repeats). Verdicts:

1. planning a project's year costs at most 4 such calls (a project's whole warranty life
   is planned from a precomputed working-day index, never walked day by day);
2. the cost per project is flat in the portfolio's size: at 20,000 projects it is less
   than 1.5 times the cost at 2,000 (no quadratic step, no cache that thrashes).

Run through ``benchmarks/run.py``, or alone: ``.venv/bin/python benchmarks/bench_plan.py``.
Pass ``--profile`` to print the planner's cProfile hot spots for 2,000 projects.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats
import random
import sys
import time
from pathlib import Path

import holidays

from revisit_rules import china_calendar
from revisit_rules.revisits import annual_plan

sys.path.insert(0, str(Path(__file__).resolve().parent))
from portfolio_gen import generate

YEAR = 2026
SIZES = (2_000, 20_000)
PLAN_REPEATS = 3
SEED = 20260101
N_DATES = 2_000
NTH_REPEATS = 7
MAX_CALLS = 4.0
MAX_GROWTH = 1.5
FIRST = dt.date(2020, 1, 1)
LAST = dt.date(2026, 12, 31)


def plan_per_project(n: int) -> tuple[float, int]:
    """The best, over PLAN_REPEATS, of the time per project of a year's plan; and its size."""
    projects = generate(n)
    visits = len(annual_plan(projects, YEAR))  # also warms the calendar's cache
    best = float("inf")
    for _ in range(PLAN_REPEATS):
        start = time.perf_counter()
        annual_plan(projects, YEAR)
        best = min(best, time.perf_counter() - start)
    return best / n, visits


def nth_working_day_per_call() -> float:
    """The best, over NTH_REPEATS, of one warm ``get_nth_working_day(d, 20)`` call."""
    rng = random.Random(SEED)
    span = (LAST - FIRST).days
    dates = [FIRST + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(N_DATES)]
    nth = holidays.China().get_nth_working_day
    for day in dates:  # populate every year the calls touch: measure the steady state
        nth(day, 20)
    best = float("inf")
    for _ in range(NTH_REPEATS):
        start = time.perf_counter()
        for day in dates:
            nth(day, 20)
        best = min(best, time.perf_counter() - start)
    return best / N_DATES


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:9.1f} µs"


def profile(n: int = SIZES[0], top: int = 25) -> None:
    """Print the planner's hot spots (cProfile, by own time) for ``n`` projects."""
    projects = generate(n)
    annual_plan(projects, YEAR)
    profiler = cProfile.Profile()
    profiler.enable()
    annual_plan(projects, YEAR)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> bool:
    """Run the measurements, print them, and return whether every verdict passed."""
    china_calendar()  # built once, outside every timing
    nth = nth_working_day_per_call()
    print(f"holidays.China get_nth_working_day(d, 20), warm, {N_DATES} dates {FIRST}..{LAST}:")
    print(f"  {_us(nth)} per call (best of {NTH_REPEATS})")
    per_project: dict[int, float] = {}
    for n in SIZES:
        t, visits = plan_per_project(n)
        per_project[n] = t
        print(
            f"annual_plan({n:,} projects, {YEAR}): {_us(t)} per project "
            f"({t * n:.2f} s, {visits:,} visits; best of {PLAN_REPEATS})"
        )
    small, large = per_project[SIZES[0]], per_project[SIZES[-1]]
    calls = max(per_project.values()) / nth
    cheap_ok = calls <= MAX_CALLS
    print(
        f"  verdict: a project's plan costs {calls:.2f} get_nth_working_day calls "
        f"(<= {MAX_CALLS:.0f}): {'PASS' if cheap_ok else 'FAIL'}"
    )
    growth = large / small
    flat_ok = growth < MAX_GROWTH
    print(
        f"  verdict: per-project cost at {SIZES[-1]:,} / at {SIZES[0]:,} = {growth:.2f} "
        f"(< {MAX_GROWTH}): {'PASS' if flat_ok else 'FAIL'}"
    )
    return cheap_ok and flat_ok


if __name__ == "__main__":
    if "--profile" in sys.argv[1:]:
        profile()
        sys.exit(0)
    sys.exit(0 if main() else 1)
