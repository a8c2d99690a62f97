"""Benchmark of the service ledger (LED) over a synthetic portfolio and event log.

Measures ``ledger(projects, events, as_of)`` per event on seeded synthetic portfolios
(``portfolio_gen.generate``) of 20,000 and 200,000 projects with 10 events each (a repair
notice and its arrival, plan, dispatch, the project manager's arrival, the repair and its
revisit, a complaint and its contact, and the certificate), built outside the timing;
planning every project's visits is inside it, as the ledger owes every planned visit. The
yardstick is the plan benchmark's: one warm ``holidays.China().get_nth_working_day(d,
20)`` call, timed next to each repeat. Verdicts (issue 14):

1. the ledger costs at most 3 yardstick calls per event (planning alone is about 1.2 of
   them at 10 events a project);
2. the cost per event is flat: at 200,000 projects less than 1.3 times that at 20,000.

Run through ``benchmarks/run.py``, or alone: ``.venv/bin/python benchmarks/bench_ledger.py``
(``--small`` for 2,000 and 20,000 projects, a quick look).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import revisit_rules as rr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import time_per_call
from bench_plan import _nth_batch
from portfolio_gen import generate

SIZES = (20_000, 200_000)
SMALL = (2_000, 20_000)
EVENTS_PER_PROJECT = 10
REPEATS = (2, 1)
MAX_CALLS = 3.0
MAX_GROWTH = 1.3
SH = ZoneInfo("Asia/Shanghai")
AS_OF = dt.datetime(2026, 12, 1, tzinfo=SH)


def events_of(project: rr.Project) -> list[rr.Event]:
    """Ten events of ``project``: a repair's chain, a complaint's, the certificate."""
    t0 = dt.datetime.combine(project.accepted_on, dt.time(9), SH) + dt.timedelta(days=100)
    category = max(project.categories, key=lambda c: c.value)
    pid = project.id
    n = rr.Event.notice(f"{pid}:N", pid, t0, category=category)
    hours = dt.timedelta(hours=1)
    follow = rr.Event.following
    done = rr.Event.repair_done(f"{pid}:R", n, t0 + 50 * hours)
    complaint = rr.Event.complaint(f"{pid}:C", pid, t0 + 200 * hours)
    return [
        rr.Event.on_day(rr.EventKind.CERTIFICATE_ISSUED, f"{pid}:CI", pid, project.accepted_on),
        n,
        follow(rr.EventKind.ARRIVED, f"{pid}:A", n, t0 + 20 * hours),
        follow(rr.EventKind.PLAN_ISSUED, f"{pid}:P", n, t0 + 22 * hours),
        follow(rr.EventKind.DISPATCHED, f"{pid}:D", n, t0 + 21 * hours),
        follow(rr.EventKind.PM_ARRIVED, f"{pid}:PM", n, t0 + 30 * hours),
        done,
        rr.Event.repair_revisited(
            f"{pid}:V", done, t0 + 100 * hours, role=rr.RevisitRole.SUPERVISOR
        ),
        complaint,
        follow(rr.EventKind.COMPLAINT_CONTACTED, f"{pid}:CC", complaint, t0 + 210 * hours),
    ]


def measure(n: int, repeats: int) -> tuple[float, float, int]:
    """Best time per event of the ledger, best yardstick call next to it, obligations."""
    projects = generate(n)
    events = [e for p in projects for e in events_of(p)]
    dates, nth = _nth_batch()
    best = best_nth = float("inf")
    size = 0
    for _ in range(repeats):
        for _ in range(3):
            best_nth = min(best_nth, time_per_call(nth, dates, 20))
        start = time.perf_counter()
        size = len(rr.ledger(projects, events, AS_OF))
        best = min(best, (time.perf_counter() - start) / len(events))
    return best, best_nth, size


def main(argv: list[str] | None = None) -> bool:
    """Print the measurements and verdicts; True when both verdicts pass."""
    sizes = SMALL if argv and "--small" in argv else SIZES
    units = []
    for n, repeats in zip(sizes, REPEATS, strict=True):
        per_event, yardstick, size = measure(n, repeats)
        unit = per_event / yardstick
        units.append(unit)
        print(
            f"ledger({n:,} projects, {n * EVENTS_PER_PROJECT:,} events):"
            f" {per_event * 1e6:8.1f} µs per event ({size:,} obligations);"
            f" yardstick {yardstick * 1e6:6.1f} µs per call; {unit:.2f} calls per event"
        )
    calls = max(units)
    growth = units[1] / units[0]
    ok_calls, ok_growth = calls <= MAX_CALLS, growth < MAX_GROWTH
    print(
        f"  verdict: an event costs {calls:.2f} get_nth_working_day calls (<= {MAX_CALLS:g}): "
        f"{'PASS' if ok_calls else 'FAIL'}"
    )
    print(
        f"  verdict: per-event cost at {sizes[1]:,} / at {sizes[0]:,} = {growth:.2f}"
        f" (< {MAX_GROWTH}): {'PASS' if ok_growth else 'FAIL'}"
    )
    return ok_calls and ok_growth


if __name__ == "__main__":
    sys.exit(0 if main(sys.argv[1:]) else 1)
