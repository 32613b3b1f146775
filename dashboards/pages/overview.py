"""Overview: persons served, households, entries and exits by CoC (or the user's agency or projects) and period,
with the project-type breakdown; aggregate for every role, suppressed for planners and funders."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from dashboards.roles import OVERVIEW
from dashboards.ui.charts import (
    hidden_series_note,
    honest_axes,
    mark_incomplete,
    split_unshown,
    too_little,
    unshown_note,
)
from dashboards.ui.context import page_context
from dashboards.ui.views import aggregate, broadest, headline, names, pick_period, pick_period_type, pick_series
from dashboards.ui.views import names as scope_names
from dashboards.ui.widgets import fetch, in_sentence, suppression_note, table, with_labels

PROJECT_TYPES = "2.02.6"  # HUD list: ProjectType
COUNTS = {
    "persons_served": "Persons served",
    "households_served": "Households",
    "persons_entering": "Entries",
    "persons_exiting": "Exits",
}
LEVEL_KEYS = {"coc": "coc_code", "agency": "organization_key", "project": "project_key"}
LEVEL_NAMES = {"coc": "CoC", "agency": "Agency", "project": "Project"}
HEADERS = {
    "period_label": "Period",
    "coc_code": "CoC",
    "organization_key": "Agency",
    "project_key": "Project",
    "project_type": "Project type",
    "people_served": "People served",
    **COUNTS,
}

ctx = page_context(OVERVIEW)
st.title("Overview")
st.caption(f"Your scope: {ctx.data.scope.describe(scope_names(ctx.data))}")

period_type = pick_period_type(["month", "quarter"], key="overview_period_type")
datasets = [f"activity_by_{level}" for level in LEVEL_KEYS]
found = broadest(
    ctx.data,
    datasets,
    where=lambda name: {
        "period_type": [period_type],
        "project_type": ["all"],
        "scope_level": [name.removeprefix("activity_by_")],
    },
)
if found is not None:
    name, totals = found
    level = name.removeprefix("activity_by_")
    key = LEVEL_KEYS[level]
    rows = totals.values[totals.values["scope_level"] == level]
    shown = totals.table[totals.values["scope_level"] == level]
    if rows.empty:
        st.info("Nothing in your scope yet.")
    else:
        period = pick_period(rows, key="overview_period")
        current = rows[rows["period_label"] == period]
        columns = st.columns(len(COUNTS))
        period_start = current["period_start"].iloc[0]
        for column, (count, title) in zip(columns, COUNTS.items(), strict=True):
            label, _value = headline(totals, period_start, count)
            help_text = None if level == "coc" else f"Sum over your {level}s' rows"
            if label in ("*", "hidden") or label.startswith("<"):
                label = "hidden"
                help_text = "Hidden: the total would reveal a small count of one of the rows below."
            column.metric(title, label, help=help_text)
        if level != "coc":
            st.caption(
                f"Counts are distinct within each {in_sentence(LEVEL_NAMES[level])}; a person served by two of them "
                "counts in both."
            )

        st.subheader(f"Persons served by {in_sentence(LEVEL_NAMES[level])}")
        named = names(ctx.data)
        charted_keys = pick_series(current, key, LEVEL_NAMES[level], named)
        series = rows[rows[key].isin(charted_keys)].sort_values("period_start")
        series = series.assign(**{key: series[key].map(lambda k: named.get(str(k), str(k)))})
        if not too_little(series, "persons_served", what="persons served over time"):
            drawn, unshown = split_unshown(series, series=key, value="persons_served")
            figure = px.line(
                drawn,
                x="period_label",
                y="persons_served",
                color=key,
                markers=True,
                title=f"Persons served per {period_type} by {in_sentence(LEVEL_NAMES[level])}",
                labels={"period_label": "Period", "persons_served": "Persons served", key: LEVEL_NAMES[level]},
            )
            mark_incomplete(honest_axes(figure, series), series)
            st.plotly_chart(figure, width="stretch", key="overview_trend")
            hidden_series_note(drawn, series=key, value="persons_served")
            unshown_note(unshown)
        listed = shown[shown["period_label"] == period][["period_label", key, *COUNTS]]
        table(
            listed.assign(**{key: listed[key].map(lambda k: named.get(str(k), str(k)))}).rename(columns=HEADERS),
            name=f"overview_{level}_{period}",
            page=OVERVIEW,
            on_download=ctx.data.record_download,
        )
        suppression_note(totals)

        st.subheader(f"By project type, {period}")
        by_type = fetch(
            lambda: aggregate(
                ctx.data, name, where={"period_type": [period_type], "period_label": [period], "scope_level": [level]}
            )
        )
        if by_type is not None:
            typed = by_type.values["project_type"] != "all"
            values = with_labels(
                by_type.values[typed & (by_type.values["scope_level"] == level)], "project_type", PROJECT_TYPES
            )
            charted = values[values[key].isin(charted_keys)]
            charted = charted.assign(**{key: charted[key].map(lambda k: named.get(str(k), str(k)))})
            if not too_little(charted, "persons_served", what="persons served by project type"):
                figure = px.bar(
                    charted.dropna(subset=["persons_served"]),
                    x="project_type",
                    y="persons_served",
                    color=key,
                    barmode="group",
                    text_auto=True,
                    title=f"Persons served by project type, {period}",
                    labels={
                        "project_type": "Project type",
                        "persons_served": "Persons served",
                        key: LEVEL_NAMES[level],
                    },
                )
                figure.update_yaxes(rangemode="tozero")
                st.plotly_chart(figure, width="stretch", key="overview_types")
                hidden_series_note(
                    charted, series="project_type", value="persons_served", lead="Not drawn (hidden in at least one"
                )
            display = by_type.table[typed & (by_type.values["scope_level"] == level)]
            display = display.assign(**{key: display[key].map(lambda k: named.get(str(k), str(k)))})
            table(
                with_labels(display, "project_type", PROJECT_TYPES)[[key, "project_type", *COUNTS]].rename(
                    columns=HEADERS
                ),
                name=f"overview_{level}_{period}_by_project_type",
                page=OVERVIEW,
                on_download=ctx.data.record_download,
            )

if found is None:  # until the planning marts are built: what the enrollments alone can tell
    st.subheader("People served by project type, all time")
    served = fetch(lambda: ctx.data.aggregate("people_served_by_project_type"))
else:
    served = None
if served is not None and served.empty:
    st.info("Nothing in your scope yet.")
elif served is not None:
    shown = with_labels(served.table, "project_type", PROJECT_TYPES).rename(columns=HEADERS)
    table(shown, name=served.dataset.name, page=OVERVIEW, on_download=ctx.data.record_download)
    suppression_note(served)
