"""Benchmark of working-day arithmetic (CAL-FAST).

Measures ``china_calendar().add_working_days(d, 20)`` against
``holidays.China().get_nth_working_day(d, 20)`` side by side, in one run, on the same
seeded random dates of 2020–2026, timeit-style (the best of several repeats of a loop over
all the dates). Verdicts:

1. ours is at least 20 times faster than holidays' day-by-day walk;
2. our cost is flat in n (CAL-FAST answers by index): over n = 1, 20, 200, 2000 the
   slowest per-call time is less than 3 times the fastest.

Run through ``benchmarks/run.py``, or alone: ``.venv/bin/python benchmarks/bench_calendar.py``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import holidays

from revisit_rules import china_calendar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import random_dates, time_per_call

if TYPE_CHECKING:
    from collections.abc import Callable

SEED = 20260101
N_DATES = 2_000
REPEATS = 7
MIN_SPEEDUP = 20.0
MAX_FLATNESS = 3.0
FIRST = dt.date(2020, 1, 1)
# The last start day keeps start + 20 working days inside 2026, a published year, so both
# calendars answer from the same State Council data and the results can be compared.
LAST = dt.date(2026, 11, 30)


def _dates() -> list[dt.date]:
    return random_dates(FIRST, LAST, N_DATES, SEED)


def best_per_call(func: Callable[[dt.date, int], dt.date], dates: list[dt.date], n: int) -> float:
    """The best, over REPEATS, of the mean time per call of ``func(d, n)`` over ``dates``."""
    return min(time_per_call(func, dates, n) for _ in range(REPEATS))


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:9.3f} µs"


def main() -> bool:
    """Run the measurements, print them, and return whether every verdict passed."""
    dates = _dates()
    ours = china_calendar().add_working_days  # built (and cached) here, outside the timing
    theirs = holidays.China().get_nth_working_day
    # holidays.China() without years fills in each year lazily, the first time a day of it
    # is looked up. Warm it up with one call on every date so that both sides are measured
    # in their steady state (no year population inside the timed loops); this also checks
    # that the two agree on every date.
    mismatches = [d for d in dates if ours(d, 20) != theirs(d, 20)]
    if mismatches:
        print(
            f"results differ from holidays.China on {len(mismatches)} dates, e.g. {mismatches[0]}"
        )
        return False

    print(f"{N_DATES} seeded random dates {FIRST}..{LAST}, best of {REPEATS} repeats")
    t_ours = best_per_call(ours, dates, 20)
    t_theirs = best_per_call(theirs, dates, 20)
    speedup = t_theirs / t_ours
    print(f"  revisit_rules add_working_days(d, 20):      {_us(t_ours)} per call")
    print(f"  holidays.China get_nth_working_day(d, 20):  {_us(t_theirs)} per call")
    print(f"  ratio (holidays / ours): {speedup:.1f}x")
    fast_ok = speedup >= MIN_SPEEDUP
    print(f"  verdict: ours at least {MIN_SPEEDUP:.0f}x faster: {'PASS' if fast_ok else 'FAIL'}")

    per_n = {n: best_per_call(ours, dates, n) for n in (1, 20, 200, 2000)}
    for n, t in per_n.items():
        print(f"  revisit_rules add_working_days(d, {n:>4}):    {_us(t)} per call")
    flatness = max(per_n.values()) / min(per_n.values())
    flat_ok = flatness < MAX_FLATNESS
    print(
        f"  verdict: cost flat in n (max/min = {flatness:.2f} < {MAX_FLATNESS:.0f}): "
        f"{'PASS' if flat_ok else 'FAIL'}"
    )
    return fast_ok and flat_ok


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
