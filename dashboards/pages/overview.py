"""Overview: what is in the signed-in user's scope, and people served by project type (suppressed where required)."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from dashboards.roles import OVERVIEW
from dashboards.ui.context import page_context
from dashboards.ui.widgets import fetch, suppression_note, table, with_labels

PROJECT_TYPES = "2.02.6"  # HUD list: ProjectType

ctx = page_context(OVERVIEW)
st.title("Overview")
st.caption(f"Your scope: {ctx.data.scope.describe()}")

projects = fetch(lambda: ctx.data.aggregate("projects"))
if projects is not None:
    left, middle, right = st.columns(3)
    left.metric("CoCs", projects.values["single_coc_code"].nunique())
    middle.metric("Agencies", projects.values["organization_key"].nunique())
    right.metric("Projects", len(projects.values))

st.subheader("People served by project type")
served = fetch(lambda: ctx.data.aggregate("people_served_by_project_type"))
if served is not None and served.empty:
    st.info("Nothing in your scope yet.")
elif served is not None:
    chart = with_labels(served.values.dropna(subset=["people_served"]), "project_type", PROJECT_TYPES)
    figure = px.bar(
        chart,
        x="project_type",
        y="people_served",
        color="coc_code",
        barmode="group",
        labels={"project_type": "Project type", "people_served": "People served", "coc_code": "CoC"},
    )
    st.plotly_chart(figure, width="stretch")
    shown = with_labels(served.table, "project_type", PROJECT_TYPES)
    table(shown, name=served.dataset.name, page=OVERVIEW, on_download=ctx.data.record_download)
    suppression_note(served)
