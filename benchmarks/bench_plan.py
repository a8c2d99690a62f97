"""Benchmark of the annual revisit plan (VIS-ANNUAL) over a synthetic portfolio.

Measures ``annual_plan(projects, 2026)`` per project on seeded synthetic portfolios
(``portfolio_gen.generate``) of 2,000 and 20,000 projects, built outside the timing, the
best of several repeats; and in the same run, as the yardstick of this machine, one call of
``holidays.China().get_nth_working_day(d, 20)`` (warm, on seeded random dates of
2020–2026, the best of several repeats). The yardstick is timed next to each repeat of the
plan (a batch of calls before each), so that both see the same load of a shared machine:
each size's cost is its best plan over its best yardstick. Verdicts:

1. planning a project's year costs at most 4 such calls (the year is planned from a part
   of the project's life, on a precomputed working-day index, never day by day);
2. the cost per project is flat in the portfolio's size: at 20,000 projects it is less
   than 1.5 times the cost at 2,000, both in yardstick calls (no quadratic step, no cache
   that thrashes).

Run through ``benchmarks/run.py``, or alone: ``.venv/bin/python benchmarks/bench_plan.py``.
Pass ``--profile`` to print the planner's cProfile hot spots for 2,000 projects.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

import holidays

from revisit_rules import china_calendar
from revisit_rules.revisits import annual_plan

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import random_dates, time_per_call
from portfolio_gen import generate

YEAR = 2026
SIZES = (2_000, 20_000)
PLAN_REPEATS = 3
SEED = 20260101
N_DATES = 2_000
NTH_REPEATS = 3
MAX_CALLS = 4.0
MAX_GROWTH = 1.5
FIRST = dt.date(2020, 1, 1)
LAST = dt.date(2026, 12, 31)


Nth = Callable[[dt.date, int], dt.date]


def _nth_batch() -> tuple[list[dt.date], Nth]:
    """The yardstick's dates and the warm ``get_nth_working_day`` of one China instance."""
    dates = random_dates(FIRST, LAST, N_DATES, SEED)
    nth = holidays.China().get_nth_working_day
    for day in dates:  # populate every year the calls touch: measure the steady state
        nth(day, 20)
    return dates, nth


def _time_nth(dates: list[dt.date], nth: Nth) -> float:
    """One call of the yardstick, timed over the batch of dates (seconds per call)."""
    return time_per_call(nth, dates, 20)


def measure(n: int) -> tuple[float, float, int]:
    """Best time per project of a year's plan, best yardstick call next to it, visits."""
    projects = generate(n)
    visits = len(annual_plan(projects, YEAR))  # also warms the calendar's cache
    dates, nth = _nth_batch()
    best_plan = best_nth = float("inf")
    for _ in range(PLAN_REPEATS):
        for _ in range(NTH_REPEATS):
            best_nth = min(best_nth, _time_nth(dates, nth))
        start = time.perf_counter()
        annual_plan(projects, YEAR)
        best_plan = min(best_plan, (time.perf_counter() - start) / n)
    return best_plan, best_nth, visits


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
    print(
        f"yardstick: holidays.China get_nth_working_day(d, 20), warm, {N_DATES} dates "
        f"{FIRST}..{LAST}, best of {PLAN_REPEATS * NTH_REPEATS} batches next to the plans"
    )
    calls: dict[int, float] = {}
    for n in SIZES:
        t, nth, visits = measure(n)
        calls[n] = t / nth
        print(
            f"annual_plan({n:,} projects, {YEAR}): {_us(t)} per project "
            f"({t * n:.2f} s, {visits:,} visits; best of {PLAN_REPEATS}); "
            f"yardstick {_us(nth)} per call; {calls[n]:.2f} calls per project"
        )
    worst = max(calls.values())
    cheap_ok = worst <= MAX_CALLS
    print(
        f"  verdict: a project's plan costs {worst:.2f} get_nth_working_day calls "
        f"(<= {MAX_CALLS:.0f}): {'PASS' if cheap_ok else 'FAIL'}"
    )
    growth = calls[SIZES[-1]] / calls[SIZES[0]]
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
