"""Outcomes for funders: the projects of their funding sources, each measure next to its CoC benchmark (the same
measure over every project of the same type in the CoC); every count and the rates built on it suppressed."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboards.formats import PERCENT, PLOTLY_PERCENT
from dashboards.roles import OUTCOMES
from dashboards.ui.context import page_context
from dashboards.ui.views import aggregate, display_measures, pick_period, pick_period_type
from dashboards.ui.views import names as scope_names
from dashboards.ui.widgets import fetch, suppression_note, table

MEASURES = {  # measure -> (title, display format)
    "exit_permanent_rate": ("Exits to permanent housing", PERCENT),
    "returns_rate": ("Returns within 12 months", PERCENT),
    "median_length_of_stay_days": ("Median length of stay", "{:,.0f} days"),
    "income_growth_rate": ("Adults with increased income", PERCENT),
    "utilisation_rate": ("Bed utilisation", PERCENT),
}
FORMATS = {m: f for m, (_, f) in MEASURES.items()} | {f"coc_{m}": f for m, (_, f) in MEASURES.items()}
FORMATS |= {"average_length_of_stay_days": "{:,.0f} days", "coc_average_length_of_stay_days": "{:,.0f} days"}
COUNTS = ["persons_served", "leavers", "exits_to_permanent", "returned_12m", "adults_with_income_pair"]

HEADERS = {
    "funder_label": "Funding source",
    "project_name": "Project",
    "project_type_label": "Project type",
    "persons_served": "Persons served",
    "leavers": "Leavers",
    "exits_to_permanent": "Exits to permanent housing (count)",
    "returned_12m": "Returned within 12 months (count)",
    "adults_with_income_pair": "Adults with income at entry and exit",
    **{m: t for m, (t, _) in MEASURES.items()},
    **{f"coc_{m}": f"{t}: CoC benchmark" for m, (t, _) in MEASURES.items()},
}


def _fmt(pattern: str, value: float) -> str:
    return "" if pd.isna(value) else pattern.format(float(value))


ctx = page_context(OUTCOMES)
st.title("Outcomes")
st.caption(f"Your scope: {ctx.data.scope.describe(scope_names(ctx.data))}")
period_type = pick_period_type(["quarter", "fiscal_year"], key="outcomes_period_type", default="fiscal_year")
outcomes = fetch(lambda: aggregate(ctx.data, "funded_project_outcomes", where={"period_type": [period_type]}))
if outcomes is not None and outcomes.empty:
    st.info("No funded projects in your scope yet.")
elif outcomes is not None:
    period = pick_period(outcomes.values, key="outcomes_period")
    funders = sorted(outcomes.values["funder_label"].fillna(outcomes.values["funder"]).unique())
    chosen = st.multiselect("Funding sources", funders, default=funders, key="outcomes_funders")
    label = outcomes.values["funder_label"].fillna(outcomes.values["funder"])
    rows = (outcomes.values["period_label"] == period) & label.isin(chosen)
    values = outcomes.values[rows]
    shown = display_measures(outcomes, FORMATS)[rows]

    st.subheader(f"Funded projects against the CoC benchmark, {period}")
    bars = values.drop_duplicates("project_key")
    for measure, (title, pattern) in MEASURES.items():
        shown_bars = bars[bars[measure].notna() | bars[f"coc_{measure}"].notna()]
        if shown_bars.empty:
            st.markdown(f"**{title}**")
            st.info(
                f"Too little to chart {title.lower()} for {period}: every project's value is hidden to protect "
                "small counts, or not measurable yet (no leavers, no adults with income at entry and exit)."
            )
            continue
        figure = go.Figure(
            [
                go.Bar(
                    name="Project",
                    x=shown_bars["project_name"],
                    y=shown_bars[measure],
                    text=[_fmt(pattern, v) for v in shown_bars[measure]],
                ),
                go.Bar(
                    name="CoC benchmark (same project type)",
                    x=shown_bars["project_name"],
                    y=shown_bars[f"coc_{measure}"],
                    text=[_fmt(pattern, v) for v in shown_bars[f"coc_{measure}"]],
                ),
            ]
        )
        # every bar says its value above it, a 0% bar too (a label inside a bar of no height is not drawn)
        figure.update_traces(textposition="outside", cliponaxis=False)
        figure.update_layout(barmode="group", title=title, height=340, margin={"t": 40, "b": 10})
        figure.update_xaxes(title_text="Project")
        if pattern == PERCENT:
            share = "Share of beds" if measure == "utilisation_rate" else "Share of persons"
            figure.update_yaxes(tickformat=PLOTLY_PERCENT, hoverformat=PLOTLY_PERCENT, range=[0, 1.0], title_text=share)
        else:
            figure.update_yaxes(rangemode="tozero", title_text="Days")
        st.plotly_chart(figure, width="stretch", key=f"outcomes_{measure}")
        left_out = sorted(set(bars["project_name"]) - set(shown_bars["project_name"]))
        if left_out:
            st.caption("Not drawn (hidden to protect small counts, or not measurable): " + ", ".join(left_out))
    columns = ["funder_label", "project_name", "project_type_label", *COUNTS]
    for measure in MEASURES:
        columns += [measure, f"coc_{measure}"]
    st.subheader("Measures and benchmarks")
    table(
        pd.DataFrame(shown[columns]).rename(columns=HEADERS),
        name=f"outcomes_{period_type}_{period}",
        page=OUTCOMES,
        on_download=ctx.data.record_download,
    )
    st.caption(
        "Benchmarks pool every project of the same HUD project type in the project's CoC. Returns count persons back "
        "in a homeless project (or in permanent housing after 14 days) within 12 months of an exit to permanent "
        "housing; periods less than 12 months old are still open. Utilisation is person-nights over bed-nights."
    )
    suppression_note(outcomes)
