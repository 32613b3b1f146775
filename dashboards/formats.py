"""One way to write the numbers people read on every page: a percentage to one decimal ("0.0%", "1.5%", "100.0%")
in tables, bar labels, hover text, axes and captions; a score (0-100) to one decimal. Rates stay shares of 0..1 in
the warehouse and in every CSV; only what is drawn is written this way."""

from __future__ import annotations

import pandas as pd

PERCENT = "{:.1%}"  # str.format of a share of 0..1
PLOTLY_PERCENT = ".1%"  # Plotly's tickformat or texttemplate format of a share of 0..1
GRID_PERCENT = "%.1f%%"  # Streamlit's NumberColumn (printf) of a share scaled to 0..100 (``grid_percent``)
SCORE = "%.1f"


def percent(share: float | None) -> str:
    """A share of 0..1 as people read it ("1.5%"); empty for a missing one."""
    if share is None or pd.isna(share):
        return ""
    return PERCENT.format(float(share))


def grid_percent(shares):
    """Shares of 0..1 as the grid's ``GRID_PERCENT`` writes them (0..100): the table still sorts by value."""
    return shares * 100
