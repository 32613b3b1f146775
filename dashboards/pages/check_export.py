"""Check an export: an agency admin (or a system administrator, for any source) uploads an HMIS CSV export zip and
sees its file-structure findings and every data-quality issue by project with guidance, and downloads them as an
XLSX; the export never enters the published warehouse unless an administrator chooses to ingest it."""

from __future__ import annotations

import streamlit as st

from dashboards.data.check import check_upload, ingest_upload
from dashboards.roles import CHECK_EXPORT, Capability, policy
from dashboards.ui.context import page_context
from dashboards.ui.widgets import download_button, table
from pipelines.errors import WaypointError

ctx = page_context(CHECK_EXPORT)
st.title("Check an export")
st.caption(
    "Upload an HMIS CSV export (.zip). Waypoint checks its file structure and runs every data-quality check in a "
    "temporary workspace: nothing is archived or published. Checking takes about a minute."
)

upload = st.file_uploader("HMIS CSV export", type=["zip"], key="check_upload")
if upload is not None and st.button("Check this export", key="check_run", type="primary"):
    with st.spinner("Checking the export..."):
        try:
            st.session_state["check_result"] = (upload.name, check_upload(upload.getvalue(), upload.name))
        except WaypointError as err:
            st.session_state.pop("check_result", None)
            st.error(str(err))
    if "check_result" in st.session_state:
        report = st.session_state["check_result"][1].report
        ctx.data.audit.record(
            "export_checked",
            username=ctx.user.username,
            role=ctx.user.role,
            page=CHECK_EXPORT,
            detail={"file": upload.name, "status": report.status, "issues": len(report.issues)},
        )

checked = st.session_state.get("check_result")
if checked is not None:
    name, result = checked
    report = result.report
    left, middle, right = st.columns(3)
    left.metric("Export", report.status.capitalize())
    middle.metric("File-structure findings", f"{len(report.findings):,}")
    right.metric("Data-quality issues", f"{len(report.issues):,}")
    download_button(
        st,
        "Download the report (XLSX, one sheet per project)",
        data=result.workbook,
        file_name=name.removesuffix(".zip") + "-check.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="check_xlsx",
        on_click=ctx.data.record_download,
        args=(CHECK_EXPORT, "check_export_xlsx", len(report.issues)),
    )
    st.subheader("File structure")
    if report.findings.empty:
        st.success("No file-structure findings.")
    else:
        table(report.findings, name="check_findings", page=CHECK_EXPORT, on_download=ctx.data.record_download)
    if report.status == "loaded":
        st.subheader("Data quality by project")
        summary = report.summary()
        table(summary, name="check_summary", page=CHECK_EXPORT, on_download=ctx.data.record_download)
        projects = sorted(report.issues["project_name"].dropna().unique())
        if projects:
            project = st.selectbox("Project", projects, key="check_project")
            rows = report.issues[report.issues["project_name"] == project]
            table(rows, name="check_records_to_fix", page=CHECK_EXPORT, on_download=ctx.data.record_download)
    if Capability.RUN_BUILDS in policy(ctx.user.role).capabilities and report.status == "loaded":
        st.subheader("Ingest")
        source = st.text_input("Source id (the HMIS or agency database it comes from)", key="check_source")
        upload_now = st.session_state.get("check_upload")
        if st.button("Ingest into the warehouse", key="check_ingest") and upload_now is not None:
            try:
                done = ingest_upload(upload_now.getvalue(), upload_now.name, source, ctx.data.settings)
            except WaypointError as err:
                st.error(str(err))
            else:
                ctx.data.audit.record(
                    "export_ingested",
                    username=ctx.user.username,
                    role=ctx.user.role,
                    page=CHECK_EXPORT,
                    detail={"file": upload_now.name, "source": done.source_id, "status": done.status},
                )
                st.success(f"{done.status.capitalize()} as source {done.source_id}; the next build publishes it.")
