"""HUD reports (scaffolding): the projects a report can be run for, until the hud_* marts arrive."""

from __future__ import annotations

import streamlit as st

from dashboards.roles import HUD_REPORTS
from dashboards.ui.context import page_context
from dashboards.ui.widgets import answer_table, fetch

ctx = page_context(HUD_REPORTS)
st.title("HUD reports")
st.caption(f"Your scope: {ctx.data.scope.describe()}")
st.info("APR, CAPER, SPM and HIC/PIT tables arrive with the HUD report marts. Projects in your scope:")
answer = fetch(lambda: ctx.data.aggregate("projects"))
if answer is not None:
    answer_table(answer, page=HUD_REPORTS, on_download=ctx.data.record_download)
