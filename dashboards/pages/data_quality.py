"""Data quality (scaffolding): the records or counts in scope until the dq_* marts arrive."""

from __future__ import annotations

import streamlit as st

from dashboards.roles import DATA_QUALITY
from dashboards.ui.context import page_context
from dashboards.ui.widgets import answer_table, fetch

ctx = page_context(DATA_QUALITY)
st.title("Data quality")
st.caption(f"Your scope: {ctx.data.scope.describe()}")
st.info(
    "Scorecards and the records to fix arrive with the data-quality marts. "
    "Until then this page shows what is in your scope."
)
if ctx.data.scope.person_level:
    st.subheader("Enrollments in your scope")
    answer = fetch(lambda: ctx.data.person_level("enrollments"))
else:
    st.subheader("People served by project")
    answer = fetch(lambda: ctx.data.aggregate("people_served_by_project"))
if answer is not None:
    answer_table(answer, page=DATA_QUALITY, on_download=ctx.data.record_download)
