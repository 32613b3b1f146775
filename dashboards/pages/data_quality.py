"""Data quality: scorecards by agency and project (grades, dimension scores against thresholds), HUD's DQ framework
tables and the trend; for roles with person-level access, the records to fix with a CSV download."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from dashboards.roles import DATA_QUALITY
from dashboards.ui import records_to_fix as fix
from dashboards.ui.context import page_context
from dashboards.ui.views import aggregate, broadest, person_level
from dashboards.ui.views import names as scope_names
from dashboards.ui.widgets import download_button, fetch, table

SCORES = ["completeness_score", "accuracy_score", "timeliness_score", "consistency_score", "overall_score"]
SCORE_NAMES = {s: s.removesuffix("_score").capitalize() for s in SCORES}
CARD = ["grade", "overall_score", *SCORES[:-1], "meets_all_thresholds", "persons_served"]
METRIC_NAMES = {  # dq_scorecard_metrics' metrics in words (what the numerator counts)
    "completeness_pii": "Personal data missing, don't know or refused (name, SSN, birth date, race, sex)",
    "completeness_ude": "Universal data elements missing, don't know or refused",
    "completeness_income_housing": "Income and housing data missing, don't know or refused",
    "completeness_chronic": "Chronic homelessness not determinable",
    "accuracy_pii": "Personal data with data issues (name, SSN, birth date)",
    "accuracy_ude": "Universal data elements with data issues",
    "accuracy_income": "Income data with data issues",
    "timeliness_start": "Project starts entered on time",
    "timeliness_exit": "Project exits entered on time",
    "consistency_inactive": "Inactive records",
    "consistency_records": "Records with a consistency issue",
}
METRIC = ["metric", "dimension", "numerator", "denominator", "metric_value", "threshold", "direction", "score"]
LEVEL_NAMES = {"coc": "CoC", "agency": "Agency", "project": "Project"}
FRAMEWORK = {  # dataset prefix -> (HUD table, title)
    "dq_framework_elements": (
        "Q6a–Q6c",
        "Personally identifiable information, universal data elements, income and housing",
    ),
    "dq_framework_chronic": ("Q6d", "Chronic homelessness"),
    "dq_framework_timeliness": ("Q6e", "Timeliness: days from start or exit to data entry"),
    "dq_framework_inactive": ("Q6f", "Inactive records"),
}

ctx = page_context(DATA_QUALITY)
st.title("Data quality")
st.caption(f"Your scope: {ctx.data.scope.describe(scope_names(ctx.data))}")

projects = fetch(lambda: aggregate(ctx.data, "dq_scorecards_project"))
period = None
if projects is not None and projects.empty:
    st.info("No scorecards in your scope yet.")
elif projects is not None:
    periods = projects.values.drop_duplicates("period_id").sort_values("period_start", ascending=False)["period_id"]
    period = st.selectbox("Quarter", list(periods), key="dq_period")

    st.subheader("Scorecards")
    found_agencies = broadest(ctx.data, ["dq_scorecards_agency"], where={"period_id": [period]}, quiet=True)
    agencies = found_agencies[1] if found_agencies else None
    if agencies is not None and not agencies.empty:
        st.markdown("**By agency**")
        table(
            agencies.table,
            name=f"dq_scorecards_agency_{period}",
            page=DATA_QUALITY,
            on_download=ctx.data.record_download,
        )
    st.markdown("**By project**")
    current = projects.table[projects.values["period_id"] == period][
        ["project_name", "project_key", "organization_name", *CARD]
    ]
    table(current, name=f"dq_scorecards_project_{period}", page=DATA_QUALITY, on_download=ctx.data.record_download)
    scores = projects.values[projects.values["period_id"] == period].melt(
        id_vars=["project_name"], value_vars=SCORES[:-1], var_name="dimension", value_name="score"
    )
    figure = px.bar(
        scores.replace({"dimension": SCORE_NAMES}),
        x="score",
        y="project_name",
        color="dimension",
        barmode="group",
        orientation="h",
        range_x=[0, 100],
        text_auto=".1f",  # every bar says its score
        labels={"score": "Score (0–100)", "project_name": "Project", "dimension": "Dimension"},
        title=f"Scores by project and dimension, {period}",
    )
    # bars tall enough (about 13 px each) for their score to be written inside them
    figure.update_traces(textposition="inside", insidetextanchor="end", textfont_size=9)
    figure.update_layout(height=max(320, 120 + 64 * scores["project_name"].nunique()))
    st.plotly_chart(figure, width="stretch", key="dq_dimension_scores")

    st.subheader("Scores against thresholds")
    metrics = broadest(
        ctx.data,
        [f"dq_metrics_{lvl}" for lvl in LEVEL_NAMES],
        where=lambda name: {"period_id": [period], "scope_level": [name.rsplit("_", 1)[1]]},
    )
    if metrics is not None:
        name, answer = metrics
        level = name.removeprefix("dq_metrics_")
        rows = answer.table[answer.values["scope_level"] == level]
        scopes = sorted(rows["scope_name"].dropna().unique())
        if scopes:
            chosen = st.selectbox(LEVEL_NAMES[level], scopes, key="dq_metric_scope")
            shown = rows[rows["scope_name"] == chosen][[*METRIC, "meets_threshold"]]
            shown = shown.assign(metric=shown["metric"].replace(METRIC_NAMES), dimension=shown["dimension"].str.title())
            table(
                shown,
                name=f"dq_metrics_{level}_{period}",
                page=DATA_QUALITY,
                on_download=ctx.data.record_download,
            )

    st.subheader("Trend")
    trend = projects.values.groupby(["period_id", "period_start"], as_index=False)[SCORES].mean(numeric_only=True)
    trend = trend.sort_values("period_start").melt(
        id_vars=["period_id"], value_vars=SCORES, var_name="dimension", value_name="score"
    )
    figure = px.line(
        trend.replace({"dimension": SCORE_NAMES}),
        x="period_id",
        y="score",
        color="dimension",
        markers=True,
        labels={"period_id": "Quarter", "score": "Mean project score (0–100)", "dimension": "Dimension"},
        title="Mean project scores per quarter",
    )
    figure.update_yaxes(range=[0, 100.5])  # the whole scale: a dip from 100 to 98 is not drawn as a fall to the floor
    st.plotly_chart(figure, width="stretch", key="dq_trend")

    st.subheader("HUD data quality framework")
    for prefix, (hud_table, title) in FRAMEWORK.items():
        found = broadest(
            ctx.data,
            [f"{prefix}_{lvl}" for lvl in LEVEL_NAMES],
            where=lambda name: {"period_id": [period], "scope_level": [name.rsplit("_", 1)[1]]},
        )
        if found is None:
            continue
        name, answer = found
        level = name.rsplit("_", 1)[1]
        rows = answer.table[answer.values["scope_level"] == level]
        with st.expander(f"{hud_table} · {title}", expanded=prefix == "dq_framework_elements"):
            if rows.empty:
                st.info("Nothing in your scope for this quarter.")
            else:
                keep = [c for c in rows.columns if c not in ("period_id", "period_start", "scope_level", "row_order")]
                table(
                    rows[keep],
                    name=f"{prefix}_{level}_{period}",
                    page=DATA_QUALITY,
                    on_download=ctx.data.record_download,
                )

with st.expander("Checks and local settings"):
    st.caption(
        "Every record-level check (with the Eva issue ids it covers) and the CoC's settings they use. "
        "An administrator changes the settings in seeds/dq/dq_check_settings.csv; the next build applies them."
    )
    settings = fetch(lambda: aggregate(ctx.data, "dq_check_settings"))
    if settings is not None and not settings.empty:
        st.markdown("**Local settings**")
        table(settings.table, name="dq_check_settings", page=DATA_QUALITY, on_download=ctx.data.record_download)
    catalogue = fetch(lambda: aggregate(ctx.data, "dq_check_catalogue"))
    if catalogue is not None and not catalogue.empty:
        st.markdown("**Checks**")
        table(catalogue.table, name="dq_check_catalogue", page=DATA_QUALITY, on_download=ctx.data.record_download)

if ctx.data.scope.person_level:
    st.subheader("Records to fix")
    where = {}
    if projects is not None and projects.values["organization_key"].nunique() > 1:  # many agencies: one at a time
        names = projects.values.drop_duplicates("organization_key").set_index("organization_key")["organization_name"]
        agency = st.selectbox(
            "Agency",
            sorted(names.index, key=lambda k: str(names[k])),
            format_func=lambda k: names[k],
            key="dq_fix_agency",
        )
        where = {"organization_key": [agency]}
    issues = fetch(lambda: person_level(ctx.data, "dq_records_to_fix", where=where))
    if issues is not None and issues.empty:
        st.info("Nothing to fix in your scope.")
    elif issues is not None:
        rows = issues.table
        if period is not None:
            start, end = fix.quarter_bounds(
                projects.values.loc[projects.values["period_id"] == period, "period_start"].iloc[0]
            )
            rows = fix.in_quarter(rows, start, end)
            st.caption(
                f"Records of enrollments open in {period} ({start:%b %d} to {end:%b %d, %Y}), and client records."
            )
        rows = fix.fix_first(rows)
        st.markdown("**What to fix first**")
        counts = rows["severity"].value_counts()
        left, middle, right = st.columns(3)
        left.metric("Records to fix", f"{len(rows):,}")
        middle.metric("Errors (must be fixed)", f"{int(counts.get('error', 0)):,}")
        right.metric("Warnings (review)", f"{int(counts.get('warning', 0)):,}")
        table(
            fix.summary(rows), name=f"dq_fix_summary_{period}", page=DATA_QUALITY, on_download=ctx.data.record_download
        )
        left, middle, right = st.columns(3)
        severities = left.multiselect("Severity", sorted(rows["severity"].dropna().unique()), key="dq_fix_severity")
        project_names = middle.multiselect(
            "Project", sorted(rows["project_name"].dropna().unique()), key="dq_fix_project"
        )
        checks = right.multiselect("Check", sorted(rows["check_name"].dropna().unique()), key="dq_fix_check")
        for column, chosen in (("severity", severities), ("project_name", project_names), ("check_name", checks)):
            if chosen:
                rows = rows[rows[column].isin(chosen)]
        st.caption(f"{len(rows):,} records, errors first, then the oldest. Downloads are audited.")
        table(rows, name="dq_records_to_fix", page=DATA_QUALITY, on_download=ctx.data.record_download)
        fixable = sorted(rows["project_name"].dropna().unique())
        if fixable:
            chosen_project = st.selectbox("One project's records as a workbook", fixable, key="dq_fix_xlsx_project")
            quarter = period or "all"
            download_button(
                st,
                "Download the project's records to fix (XLSX, with guidance)",
                data=lambda r=rows, p=chosen_project, q=quarter: fix.project_workbook(r, p, q),
                file_name=fix.file_name(chosen_project, quarter),
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key="dq_fix_xlsx",
                on_click=ctx.data.record_download,
                args=(
                    DATA_QUALITY,
                    f"dq_records_to_fix_xlsx:{chosen_project}:{quarter}",
                    int((rows["project_name"] == chosen_project).sum()),
                ),
            )
else:
    st.caption("Your role sees counts only; the records to fix are listed for agency admins and case managers III.")
