"""A year's revisit plan in pandas, and visits per month as a chart (notebook style).

Open it as a notebook (VS Code, Spyder, PyCharm and Jupytext read the ``# %%`` cells) or
run it as a script::

    pip install "revisit-rules[notebook]"      # pandas and matplotlib
    python examples/notebook_plan.py [OUT.png] [YEAR]

The chart goes to ``OUT.png`` if given, else to a fresh temporary directory (never into
the repository). ``YEAR`` defaults to 2026; the library reads no clock, so the year is
always the caller's.
"""

# %% Setup: the plotting backend first, so that no window is needed.
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd

import revisit_rules as rr
from revisit_rules.portfolio import example_portfolio

# In a notebook kernel sys.argv holds the kernel's own arguments: only take a .png path
# and a four-digit year from it.
ARGS = sys.argv[1:]
OUT = next((Path(a) for a in ARGS if a.endswith(".png")), None)
YEAR = next((int(a) for a in ARGS if a.isdigit() and len(a) == 4), 2026)  # noqa: PLR2004

# %% The portfolio: eleven example projects shipped with the package.
projects = example_portfolio()
portfolio = pd.DataFrame(
    {
        "id": p.id,
        "name": p.name,
        "region": p.region,
        "accepted_on": pd.Timestamp(p.accepted_on),
        "categories": len(p.categories),
        "customer_class": p.customer_class.name,
    }
    for p in projects
)
print(portfolio.to_string(index=False))

# %% The year's plan (VIS-ANNUAL), one row per visit (Plan.to_records()).
plan = rr.annual_plan(projects, YEAR)
visits = pd.DataFrame(plan.to_records())
visits["target"] = pd.to_datetime(visits["target"])
visits["month"] = visits["target"].dt.month
print(f"{len(visits)} visits planned in {YEAR}")
print(visits[["target", "project_id", "kinds", "lead"]].head(10).to_string(index=False))

# %% Visits per month, and per month by kind (a trip may serve several kinds).
per_month = visits.groupby("month").size().reindex(range(1, 13), fill_value=0)
by_kind = (
    visits.explode("kinds")
    .pivot_table(index="month", columns="kinds", values="project_id", aggfunc="count")
    .reindex(range(1, 13))
    .fillna(0)
)
print(per_month.to_string())

# %% The chart.
fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 7), sharex=True)
per_month.plot.bar(ax=top, rot=0, width=0.8, color="#3b6ea5")
top.set_title(f"Revisits per month, example portfolio, {YEAR} ({len(visits)} trips)")
top.set_ylabel("trips")
by_kind.plot.bar(ax=bottom, stacked=True, rot=0, width=0.8)
bottom.set_xlabel("month")
bottom.set_ylabel("visits by kind")
bottom.legend(fontsize="small", ncols=2)
fig.tight_layout()

target = OUT if OUT is not None else Path(tempfile.mkdtemp(prefix="revisit-plan-")) / "plan.png"
fig.savefig(target, dpi=100)
plt.close(fig)
print(f"chart saved to {target}")
