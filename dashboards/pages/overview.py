"""Overview: persons served, households, entries and exits by CoC (or the user's agency or projects) and period,
with the project-type breakdown; aggregate for every role, suppressed for planners and funders."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from dashboards.roles import OVERVIEW
from dashboards.ui.context import page_context
from dashboards.ui.views import aggregate, broadest, pick_period, pick_period_type, pick_series
from dashboards.ui.widgets import fetch, suppression_note, table, with_labels

PROJECT_TYPES = "2.02.6"  # HUD list: ProjectType
COUNTS = {
    "persons_served": "Persons served",
    "households_served": "Households",
    "persons_entering": "Entries",
    "persons_exiting": "Exits",
}
LEVEL_KEYS = {"coc": "coc_code", "agency": "organization_key", "project": "project_key"}
LEVEL_NAMES = {"coc": "CoC", "agency": "Agency", "project": "Project"}

ctx = page_context(OVERVIEW)
st.title("Overview")
st.caption(f"Your scope: {ctx.data.scope.describe()}")

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
        for column, (count, title) in zip(columns, COUNTS.items(), strict=True):
            values = current[count]
            total = "—" if values.isna().any() else f"{int(values.sum()):,}"
            column.metric(title, total, help=None if level == "coc" else f"Sum over your {level}s' rows")
        if level != "coc":
            st.caption(
                f"Counts are distinct within each {LEVEL_NAMES[level].lower()}; a person served by two of them "
                "counts in both."
            )

        st.subheader(f"Persons served by {LEVEL_NAMES[level]}")
        charted_keys = pick_series(current, key, LEVEL_NAMES[level])
        figure = px.line(
            rows[rows[key].isin(charted_keys)].dropna(subset=["persons_served"]),
            x="period_start",
            y="persons_served",
            color=key,
            markers=True,
            labels={"period_start": "Period", "persons_served": "Persons served", key: LEVEL_NAMES[level]},
        )
        st.plotly_chart(figure, width="stretch", key="overview_trend")
        table(
            shown[shown["period_label"] == period][["period_label", key, *COUNTS]],
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
            charted = values[values[key].isin(charted_keys)].dropna(subset=["persons_served"])
            if charted.empty:
                st.caption("Every count of this period is suppressed or zero, so there is nothing to chart.")
            else:
                figure = px.bar(
                    charted,
                    x="project_type",
                    y="persons_served",
                    color=key,
                    barmode="group",
                    labels={
                        "project_type": "Project type",
                        "persons_served": "Persons served",
                        key: LEVEL_NAMES[level],
                    },
                )
                st.plotly_chart(figure, width="stretch", key="overview_types")
            display = by_type.table[typed & (by_type.values["scope_level"] == level)]
            table(
                with_labels(display, "project_type", PROJECT_TYPES)[[key, "project_type", *COUNTS]],
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
    shown = with_labels(served.table, "project_type", PROJECT_TYPES)
    table(shown, name=served.dataset.name, page=OVERVIEW, on_download=ctx.data.record_download)
    suppression_note(served)
