"""The portfolio CSV reader, at its historical address: see :mod:`revisit_rules.io.portfolio`.

>>> import revisit_rules.io.portfolio
>>> from revisit_rules.portfolio import read_portfolio
>>> read_portfolio is revisit_rules.io.portfolio.read_portfolio
True
"""

from __future__ import annotations

# Pickles of a PortfolioRowError made before it moved to errors name its rebuilder here.
from revisit_rules.errors import _rebuild_row_error  # noqa: F401
from revisit_rules.io.portfolio import (
    CATEGORY_LABELS,
    COLUMNS,
    REQUIRED_COLUMNS,
    PortfolioRowError,
    example_portfolio,
    project_from_row,
    read_portfolio,
)

__all__ = [
    "CATEGORY_LABELS",
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "PortfolioRowError",
    "example_portfolio",
    "project_from_row",
    "read_portfolio",
]
