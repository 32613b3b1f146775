"""Outcomes for funders (scaffolding): outcomes of funded projects arrive with the funders_* marts."""

from __future__ import annotations

import streamlit as st

from dashboards.roles import OUTCOMES
from dashboards.ui.context import page_context
from dashboards.ui.widgets import answer_table, fetch

ctx = page_context(OUTCOMES)
st.title("Outcomes")
st.caption(f"Your scope: {ctx.data.scope.describe()}")
st.info("Outcomes of funded projects arrive with the funder marts. People served by the projects in your scope:")
answer = fetch(lambda: ctx.data.aggregate("people_served_by_project"))
if answer is not None:
    answer_table(answer, page=OUTCOMES, on_download=ctx.data.record_download)
