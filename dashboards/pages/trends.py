"""Trends for planners: Oklahoma county and tribal-area maps (offline GeoJSON), time series by CoC, county, tribal
area, household type and project type group, inflow and outflow, and returns; every count suppressed."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from dashboards.data.access import Answer
from dashboards.navigation import PAGES_BY_KEY
from dashboards.roles import TRENDS
from dashboards.ui.context import page_context
from dashboards.ui.maps import COUNTIES, TRIBAL_AREAS, choropleth
from dashboards.ui.views import aggregate, pick_period, pick_period_type
from dashboards.ui.widgets import fetch, suppression_note, table

BREAKDOWNS = {
    "coc": "CoC",
    "county": "County",
    "tribal_area": "Tribal area",
    "household_type": "Household type",
    "project_type_group": "Project type group",
}
SECTIONS = list(PAGES_BY_KEY[TRENDS].sections)
SERVED = ["period_label", "coc_code", "breakdown_label", "persons_served", "households_served"]

ctx = page_context(TRENDS)
st.title("Trends")
st.caption(f"Your scope: {ctx.data.scope.describe()}")
period_type = pick_period_type(["month", "quarter", "fiscal_year"], key="trends_period_type")


def served(breakdown: str, **where: list[str]):
    return fetch(
        lambda: aggregate(
            ctx.data, "trends_persons_served", where={"period_type": [period_type], "breakdown": [breakdown], **where}
        )
    )


def persons_map(answer: Answer, drawn: pd.Series, *, geo: str, key: str, name: str) -> None:
    """Shades the shapes of ``geo`` by the persons served in the ``drawn`` rows (suppressed ones grey, labelled
    "<11"), then the answer's table with its download."""
    shown = answer.values[drawn].assign(label=answer.table.loc[drawn, "persons_served"].to_numpy())
    figure = choropleth(
        shown,
        geo=geo,
        location="breakdown_value",
        value="persons_served",
        label="label",
        hover="breakdown_label",
        title="Persons",
    )
    st.plotly_chart(figure, width="stretch", key=key)
    table(answer.table[SERVED], name=name, page=TRENDS, on_download=ctx.data.record_download)


cocs = served("coc")
if cocs is not None and cocs.empty:
    st.info("Nothing in your scope yet.")
elif cocs is not None:
    # One section at a time: each draws its charts (the maps are WebGL) only when it is the one shown.
    section = st.segmented_control("Show", SECTIONS, default=SECTIONS[0], key="trends_section", required=True)
    if section == "Maps":
        period = pick_period(cocs.values, key="trends_period", label="Period shown on the maps")

        st.subheader(f"Persons served by county and tribal area, {period}")
        st.caption(
            "Counties are where the projects are (their HUD geocode). A tribal area counts the persons served in the "
            "counties that overlap it, whatever the share of the county inside it: people cannot be split, so this "
            "is an indicator, and a county touching several areas counts in each. Grey shapes hold a suppressed count."
        )
        # One map at a time: tabs would draw both (each a WebGL map with its shapes) on every run.
        shapes = st.segmented_control(
            "Map of", ["Counties", "Tribal areas"], default="Counties", key="trends_map_of", required=True
        )
        if shapes == "Counties":
            counties = served("county", period_label=[period])
            if counties is not None:
                known = counties.values["breakdown_value"] != "unknown"
                persons_map(counties, known, geo=COUNTIES, key="trends_county_map", name=f"trends_counties_{period}")
        else:
            areas = served("tribal_area", period_label=[period])
            if areas is not None and not areas.empty:
                coc_choices = sorted(areas.values["coc_code"].unique())
                coc = st.radio("Served in CoC", coc_choices, horizontal=True, key="trends_tribal_coc")
                in_coc = areas.values["coc_code"] == coc
                persons_map(areas, in_coc, geo=TRIBAL_AREAS, key="trends_tribal_map", name=f"trends_tribal_{period}")

    elif section == "Over time":
        st.subheader("Over time")
        breakdown = st.radio(
            "Persons served by", list(BREAKDOWNS), format_func=BREAKDOWNS.get, horizontal=True, key="trends_breakdown"
        )
        series = cocs if breakdown == "coc" else served(breakdown)
        if series is not None and not series.empty:
            values = series.values.dropna(subset=["persons_served"])
            chosen = sorted(values["breakdown_label"].dropna().unique())
            if breakdown in ("county", "tribal_area") and len(chosen) > 8:
                chosen = st.multiselect(BREAKDOWNS[breakdown], chosen, default=chosen[:5], key="trends_series_pick")
            values = values[values["breakdown_label"].isin(chosen)]
            figure = px.line(
                values.assign(series=values["coc_code"] + " · " + values["breakdown_label"]),
                x="period_start",
                y="persons_served",
                color="series" if breakdown != "coc" else "coc_code",
                markers=True,
                labels={"period_start": "Period", "persons_served": "Persons served", "series": BREAKDOWNS[breakdown]},
            )
            st.plotly_chart(figure, width="stretch", key="trends_series")
            table(
                series.table[SERVED],
                name=f"trends_{breakdown}_{period_type}",
                page=TRENDS,
                on_download=ctx.data.record_download,
            )

    elif section == "Inflow and outflow":
        st.subheader("Inflow and outflow")
        st.caption(
            "The homeless response system (homeless and permanent housing projects). Inflow: persons entering who were "
            "not enrolled when the period began, first-time (no stay in the 24 months before) or returning. Outflow: "
            "persons who left and were not enrolled at the period's end, by the destination of their last exit."
        )
        flows = fetch(lambda: aggregate(ctx.data, "trends_system_flows", where={"period_type": [period_type]}))
        if flows is not None and not flows.empty:
            names = {
                "inflow_first_time": "In: first time",
                "inflow_returning": "In: returning",
                "outflow_permanent": "Out: to permanent housing",
                "outflow_other": "Out: other destinations",
            }
            long = flows.values.melt(id_vars=["period_start", "coc_code"], value_vars=list(names), var_name="flow")
            long["value"] = long["value"].where(~long["flow"].str.startswith("outflow"), -long["value"])
            figure = px.bar(
                long.replace({"flow": names}).dropna(subset=["value"]),
                x="period_start",
                y="value",
                color="flow",
                facet_row="coc_code",
                labels={"period_start": "Period", "value": "Persons (out as negative)", "flow": "Flow"},
            )
            st.plotly_chart(figure, width="stretch", key="trends_flows")
            table(
                flows.table[["period_label", "coc_code", *names]],
                name=f"trends_flows_{period_type}",
                page=TRENDS,
                on_download=ctx.data.record_download,
            )

    else:
        st.subheader("Returns to homelessness after exits to permanent housing")
        st.caption(
            "Persons whose first exit to a permanent destination fell in the period, and those back in a homeless "
            "project (or in permanent housing more than 14 days later) within 6, 12 and 24 months. Recent periods are "
            "still open."
        )
        returns = fetch(lambda: aggregate(ctx.data, "trends_returns", where={"period_type": [period_type]}))
        if returns is not None and not returns.empty:
            rates = {"return_rate_6m": "6 months", "return_rate_12m": "12 months", "return_rate_24m": "24 months"}
            long = returns.values.melt(id_vars=["period_start", "coc_code"], value_vars=list(rates), var_name="window")
            figure = px.line(
                long.replace({"window": rates}).dropna(subset=["value"]),
                x="period_start",
                y="value",
                color="coc_code",
                line_dash="window",
                markers=True,
                labels={"period_start": "Exit period", "value": "Returned", "coc_code": "CoC", "window": "Within"},
            )
            figure.update_yaxes(tickformat=".0%")
            st.plotly_chart(figure, width="stretch", key="trends_returns")
            columns = ["period_label", "coc_code", "exits_to_permanent", "returned_6m", "returned_12m", "returned_24m"]
            table(
                returns.table[[*columns, *rates]],
                name=f"trends_returns_{period_type}",
                page=TRENDS,
                on_download=ctx.data.record_download,
            )
    suppression_note(cocs)
