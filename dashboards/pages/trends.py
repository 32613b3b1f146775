"""Trends for planners: Oklahoma county and tribal-area maps (offline GeoJSON), time series by CoC, county, tribal
area, household type and project type group, inflow and outflow, and returns; every count suppressed."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from dashboards.data.access import Answer
from dashboards.navigation import PAGES_BY_KEY
from dashboards.roles import TRENDS
from dashboards.ui.charts import hidden_series_note, honest_axes, mark_incomplete, readable_facets, too_little
from dashboards.ui.context import page_context
from dashboards.ui.maps import COUNTIES, TRIBAL_AREAS, choropleth, feature_ids
from dashboards.ui.views import aggregate, pick_period, pick_period_type
from dashboards.ui.views import names as scope_names
from dashboards.ui.widgets import fetch, in_sentence, suppression_note, table

BREAKDOWNS = {
    "coc": "CoC",
    "county": "County",
    "tribal_area": "Tribal area",
    "household_type": "Household type",
    "project_type_group": "Project type group",
}
SECTIONS = list(PAGES_BY_KEY[TRENDS].sections)
SERVED = ["period_label", "coc_code", "breakdown_label", "persons_served", "households_served"]
HEADERS = {
    "period_label": "Period",
    "coc_code": "CoC",
    "breakdown_label": "Shown by",
    "persons_served": "Persons served",
    "households_served": "Households",
    "inflow_first_time": "In: first time",
    "inflow_returning": "In: returning",
    "outflow_permanent": "Out: to permanent housing",
    "outflow_other": "Out: other destinations",
    "exits_to_permanent": "Exits to permanent housing",
    "returned_6m": "Returned within 6 months",
    "returned_12m": "Returned within 12 months",
    "returned_24m": "Returned within 24 months",
    "return_rate_6m": "Rate within 6 months",
    "return_rate_12m": "Rate within 12 months",
    "return_rate_24m": "Rate within 24 months",
}

ctx = page_context(TRENDS)
st.title("Trends")
st.caption(f"Your scope: {ctx.data.scope.describe(scope_names(ctx.data))}")
period_type = pick_period_type(["month", "quarter", "fiscal_year"], key="trends_period_type")


def served(breakdown: str, **where: list[str]):
    return fetch(
        lambda: aggregate(
            ctx.data, "trends_persons_served", where={"period_type": [period_type], "breakdown": [breakdown], **where}
        )
    )


def sorted_periods(frame: pd.DataFrame) -> list[str]:
    return list(frame.sort_values("period_start")["period_label"].drop_duplicates())


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
    coloured, grey = int(shown["persons_served"].notna().sum()), int(shown["persons_served"].isna().sum())
    st.caption(
        f"{coloured} shaded on the scale, {grey} hidden (grey: 1 to 10 persons, or hidden so that a total cannot "
        f"reveal one), {len(feature_ids(geo)) - shown['breakdown_value'].nunique()} with no project (white)."
    )
    table(answer.table[SERVED].rename(columns=HEADERS), name=name, page=TRENDS, on_download=ctx.data.record_download)


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
            "is an indicator, and a county touching several areas counts in each."
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
            every = series.values[series.values["breakdown_label"].isin(chosen)]
            every = every.assign(series=every["coc_code"] + " · " + every["breakdown_label"])
            if not too_little(values, "persons_served", what="persons served over time"):
                figure = px.line(
                    every.sort_values("period_start"),
                    x="period_label",
                    y="persons_served",
                    color="series" if breakdown != "coc" else "coc_code",
                    markers=True,
                    title=f"Persons served by {in_sentence(BREAKDOWNS[breakdown])}",
                    labels={
                        "period_label": "Period",
                        "persons_served": "Persons served",
                        "series": BREAKDOWNS[breakdown],
                        "coc_code": "CoC",
                    },
                )
                mark_incomplete(honest_axes(figure, every), every)
                st.plotly_chart(figure, width="stretch", key="trends_series")
                hidden_series_note(every, series="series", value="persons_served")
            table(
                series.table[SERVED].rename(columns=HEADERS),
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
            ids = ["period_start", "period_label", "is_complete_period", "coc_code"]
            long = flows.values.melt(id_vars=ids, value_vars=list(names), var_name="flow")
            long["persons"] = long["value"]  # each bar's label: the count, outflow too (drawn below zero)
            long["value"] = long["value"].where(~long["flow"].str.startswith("outflow"), -long["value"])
            if not too_little(long, "value", what="inflow and outflow"):
                figure = px.bar(
                    long.replace({"flow": names}).sort_values("period_start"),
                    x="period_label",
                    y="value",
                    color="flow",
                    facet_row="coc_code",
                    text="persons",
                    title="Persons flowing in (up) and out (down) of the system",
                    labels={"period_label": "Period", "value": "Persons", "flow": "Flow", "coc_code": "CoC"},
                )
                figure.update_xaxes(type="category", categoryorder="array", categoryarray=sorted_periods(flows.values))
                figure.update_traces(texttemplate="%{text:,.0f}", textposition="inside")
                readable_facets(figure, "Persons (out as negative)")
                mark_incomplete(figure, flows.values)
                st.plotly_chart(figure, width="stretch", key="trends_flows")
                hidden_flows = long[long["value"].isna()]
                if not hidden_flows.empty:
                    marks = sorted({f"{names[f]}, {p}" for f, p in hidden_flows[["flow", "period_label"]].to_numpy()})
                    st.caption(
                        "Missing bars are hidden to protect small counts: "
                        + "; ".join(marks[:12])
                        + (f"; and {len(marks) - 12} more" if len(marks) > 12 else "")
                    )
            table(
                flows.table[["period_label", "coc_code", *names]].rename(columns=HEADERS),
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
            ids = ["period_start", "period_label", "is_complete_period", "coc_code"]
            long = returns.values.melt(id_vars=ids, value_vars=list(rates), var_name="window")
            closed = {"return_rate_6m": "is_6m_window_closed", "return_rate_12m": "is_12m_window_closed"}
            closed["return_rate_24m"] = "is_24m_window_closed"
            open_windows = pd.concat(
                [returns.values.loc[~returns.values[flag].astype(bool), "period_label"] for flag in closed.values()]
            ).nunique()
            if not too_little(long, "value", what="return rates"):
                figure = px.line(
                    long.replace({"window": rates}).sort_values("period_start"),
                    x="period_label",
                    y="value",
                    color="coc_code",
                    line_dash="window",
                    markers=True,
                    title="Returns to homelessness after an exit to permanent housing",
                    labels={"period_label": "Exit period", "value": "Returned", "coc_code": "CoC", "window": "Within"},
                )
                honest_axes(figure, long, percent=True)
                st.plotly_chart(figure, width="stretch", key="trends_returns")
                if open_windows:
                    st.caption(
                        f"{open_windows} recent exit periods are still inside a return window: their rates can only "
                        "grow and are not drops."
                    )
            columns = ["period_label", "coc_code", "exits_to_permanent", "returned_6m", "returned_12m", "returned_24m"]
            table(
                returns.table[[*columns, *rates]].rename(columns=HEADERS),
                name=f"trends_returns_{period_type}",
                page=TRENDS,
                on_download=ctx.data.record_download,
            )
    suppression_note(cocs)
