"""What the benchmarks share: seeded random dates, and the time of one call over them."""

from __future__ import annotations

import datetime as dt
import random
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def random_dates(first: dt.date, last: dt.date, count: int, seed: int) -> list[dt.date]:
    """``count`` days from ``first`` to ``last`` (inclusive), drawn with a fixed ``seed``."""
    rng = random.Random(seed)
    span = (last - first).days
    return [first + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(count)]


def time_per_call(func: Callable[[dt.date, int], dt.date], dates: list[dt.date], n: int) -> float:
    """The mean time of ``func(d, n)`` over one pass of ``dates``, in seconds per call."""
    start = time.perf_counter()
    for day in dates:
        func(day, n)
    return (time.perf_counter() - start) / len(dates)
