"""Trends for planners (scaffolding): county and tribal-area trends arrive with the planning_* marts."""

from __future__ import annotations

import streamlit as st

from dashboards.roles import TRENDS
from dashboards.ui.context import page_context
from dashboards.ui.widgets import answer_table, fetch

ctx = page_context(TRENDS)
st.title("Trends")
st.caption(f"Your scope: {ctx.data.scope.describe()}")
st.info("County and tribal-area trends and maps arrive with the planning marts. People served by project type:")
answer = fetch(lambda: ctx.data.aggregate("people_served_by_project_type"))
if answer is not None:
    answer_table(answer, page=TRENDS, on_download=ctx.data.record_download)
