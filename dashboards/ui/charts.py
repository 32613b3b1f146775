"""Honest charts of suppressed answers: periods as labelled categories (never a time axis stretched round one point),
axes from zero, incomplete recent periods marked, hidden series named, and words instead of a chart when too little
is left to draw."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboards.formats import PLOTLY_PERCENT

INCOMPLETE = "incomplete period: counts still growing"


def period_order(frame: pd.DataFrame) -> list[str]:
    """Period labels in time order."""
    return list(frame.sort_values("period_start").drop_duplicates("period_label")["period_label"])


def too_little(values: pd.DataFrame, y: str, *, what: str, minimum: int = 2) -> bool:
    """True (and says so in words) when fewer than ``minimum`` values of ``y`` other than zero are left after
    suppression: one bar or one point alone is not a chart (its axis would be stretched round it), nor is a row of
    zeros beside it; the table below lists them."""
    shown = values[y].dropna() if y in values else pd.Series(dtype=float)
    left = int((shown != 0).sum())
    if left >= minimum:
        return False
    if left:
        reason = "only one value other than zero is left to show (in the table below), too few for a chart."
    elif len(shown):
        reason = "every value shown is zero (in the table below)."
    elif len(values):
        reason = "every value is hidden to protect small counts."
    else:
        reason = "nothing in your scope for it."
    st.info(f"Too little to draw {what}: {reason}")
    return True


def honest_axes(figure: go.Figure, frame: pd.DataFrame, *, percent: bool = False, periods: bool = True) -> go.Figure:
    """Periods as ordered categories; the value axis from zero (0-100% for rates), so one point or two close ones
    are not blown up into a slope."""
    if periods and "period_label" in frame:
        figure.update_xaxes(type="category", categoryorder="array", categoryarray=period_order(frame))
    if percent:
        figure.update_yaxes(tickformat=PLOTLY_PERCENT, hoverformat=PLOTLY_PERCENT, range=[0, 1.0])
    else:
        figure.update_yaxes(rangemode="tozero")
    return figure


def readable_facets(figure: go.Figure, value_title: str) -> go.Figure:
    """A chart in facet rows as people read it: each row titled by its value alone ("OK-500", not Plotly's
    "coc_code=OK-500"), and the value axis titled once beside the rows, not once per row on top of each other."""
    figure.for_each_annotation(lambda note: note.update(text=note.text.split("=", 1)[-1]))
    figure.for_each_yaxis(lambda axis: axis.update(title_text=""))
    figure.add_annotation(
        text=value_title,
        textangle=-90,
        showarrow=False,
        xref="paper",
        yref="paper",
        x=-0.07,
        y=0.5,
        xanchor="right",
        yanchor="middle",
    )
    return figure


def mark_incomplete(figure: go.Figure, frame: pd.DataFrame) -> go.Figure:
    """Shades the periods not yet complete, with a note, so a recent dip is not read as a real drop."""
    if "is_complete_period" not in frame:
        return figure
    order = period_order(frame)
    incomplete = set(frame.loc[~frame["is_complete_period"].astype(bool), "period_label"])
    for position, label in enumerate(order):
        if label in incomplete:
            figure.add_vrect(
                x0=position - 0.5,
                x1=position + 0.5,
                row="all",
                col="all",
                fillcolor="#f5c98b",
                opacity=0.35,
                line_width=0,
                layer="below",
                annotation_text="incomplete",
                annotation_position="top",
            )
    return figure


def hidden_series_note(
    frame: pd.DataFrame,
    *,
    series: str,
    value: str,
    shown: Sequence[str] | None = None,
    lead: str = "Hidden in some periods (gaps in their lines",
) -> None:
    """Names the series with a hidden value (they would otherwise just stop or vanish)."""
    hidden = frame[frame[value].isna()]
    if shown is not None:
        hidden = hidden[hidden[series].isin(shown)]
    names = sorted(hidden[series].dropna().astype(str).unique())
    if names:
        st.caption(f"{lead}; fewer than 11, or hidden to protect one): " + ", ".join(names))


def split_unshown(frame: pd.DataFrame, *, series: str, value: str) -> tuple[pd.DataFrame, list[str]]:
    """The rows of the series with at least one shown value, and the names of the series hidden in every period:
    a line with no point would only stand in the legend, as if it had been drawn."""
    shown_somewhere = frame.groupby(series)[value].transform(lambda values: values.notna().any()).astype(bool)
    return frame[shown_somewhere], sorted(frame.loc[~shown_somewhere, series].dropna().astype(str).unique())


def unshown_note(names: Sequence[str]) -> None:
    """Names the series left off a chart because every value of theirs is hidden."""
    if names:
        st.caption("Not drawn (hidden in every period; fewer than 11, or hidden to protect one): " + ", ".join(names))
