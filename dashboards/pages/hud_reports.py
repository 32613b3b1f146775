"""HUD reports: browse APR/CAPER, SPM, HIC/PIT and DQ report builds by period and scope, read their tables and
download the CSV zip and XLSX (audited); system administrators also see the schedules and recent builds, and can
start a build for a period and scope."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboards.data.names import warehouse_names
from dashboards.data.reports import ReportShelf
from dashboards.roles import HUD_REPORTS, Capability, can
from dashboards.ui.context import page_context
from dashboards.ui.views import names as scope_names
from dashboards.ui.widgets import download_button, sentence
from pipelines.errors import WaypointError
from pipelines.reports.registry import REPORTS
from pipelines.reports.validation import FAILED, validation_of

REPORT_NAMES = {report.key: report.name for report in REPORTS.values()}


def download_name(artifact, path) -> str:
    """A file name that says report, scope and period: ``APR_agency-ok-507-5073_2025-10-01_to_2026-09-30.zip``."""
    ids = "-".join(str(i).replace(":", "-") for i in artifact.manifest.get("scope_ids", []))
    scope = f"{artifact.manifest.get('scope_type', 'scope')}-{ids}" if ids else str(artifact.manifest.get("scope_type"))
    period = f"{artifact.manifest.get('period_start')}_to_{artifact.manifest.get('period_end')}"
    stem = path.stem if path.stem.lower() not in (artifact.report.lower(), "report") else ""
    parts = [artifact.report.upper(), scope, period, *([stem] if stem else [])]
    return "_".join(p.replace(" ", "-") for p in parts) + path.suffix


ctx = page_context(HUD_REPORTS)
shelf = ReportShelf(ctx.data)
st.title("HUD reports")
st.caption(f"Your scope: {ctx.data.scope.describe(scope_names(ctx.data))}")

artifacts = shelf.artifacts()
known_names = warehouse_names(ctx.data.settings)
if not artifacts:
    st.info("No report has been built for your scope yet.")
else:
    left, right = st.columns(2)
    kinds = sorted({a.report for a in artifacts})
    kind = left.selectbox("Report", kinds, format_func=lambda k: REPORT_NAMES.get(k, k.upper()), key="reports_kind")
    of_kind = [a for a in artifacts if a.report == kind]
    chosen = right.selectbox(
        "Period and scope", range(len(of_kind)),
        format_func=lambda i: f"{of_kind[i].period} · {of_kind[i].scope_in_words(known_names)}",
        key="reports_build",
    )  # fmt: skip
    artifact = of_kind[chosen]
    manifest = artifact.manifest
    built = (manifest.get("warehouse") or {}).get("build_id", "unknown build")
    st.caption(
        f"Written {manifest.get('written_at', '?')} from warehouse {built}; "
        f"requested by {manifest.get('requested_by', '?')}."
    )
    validation = validation_of(manifest)
    if validation["status"] == FAILED:
        st.error(
            "This report **failed HUD validation**: do not upload it to Sage. HUD's rules that do not hold: "
            + "; ".join(f"{f['rule']} ({f['failing_rows']} rows): {f['description']}" for f in validation["failures"])
        )

    downloads = st.columns(3)
    for column, (suffix, mime) in zip(
        downloads,
        ((".zip", "application/zip"), (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
        strict=False,
    ):
        for path in artifact.files(suffix):
            download_button(
                column,
                f"Download {path.name}",
                data=lambda a=artifact, p=path: shelf.read_file(a, p),  # read when pressed
                file_name=download_name(artifact, path),
                mime=mime,
                key=f"report-download-{path.name}",
                on_click=ctx.data.record_download,
                args=(HUD_REPORTS, f"{artifact.folder.relative_to(shelf.root)}/{path.name}", 0),
            )
    tables = artifact.tables()
    if tables:
        table_id = st.selectbox("Table", tables, key="reports_table")
        st.dataframe(artifact.table(table_id), hide_index=True, width="stretch")

if can(ctx.user.role, Capability.RUN_BUILDS):
    st.header("Builds")
    for heading, frame, say_empty in (
        ("Schedules", shelf.schedules(), lambda: st.info("No report schedules are defined yet.")),
        ("Recent builds started here", shelf.recent_builds(), lambda: st.caption("None yet.")),
    ):
        st.subheader(heading)
        if frame.empty:
            say_empty()
        else:
            st.dataframe(frame, hide_index=True, width="stretch")

    st.subheader("Start a build")
    notice = st.session_state.pop("_reports_notice", None)
    if notice:
        st.success(notice)
    with st.form("start_build"):
        left, middle, right = st.columns(3)
        report = left.selectbox("Report", list(REPORT_NAMES), format_func=REPORT_NAMES.get, key="build_report")
        today = date.today()
        start = middle.date_input("First day", value=date(today.year - 1, 10, 1), key="build_start")
        end = right.date_input("Last day", value=date(today.year, 9, 30), key="build_end")
        scope_type = left.selectbox("Scope", ["coc", "agency", "project", "projects"], key="build_scope_type")
        scope_ids = middle.text_input("Scope ids (CoC codes or <source>:<id>), comma separated", key="build_scope_ids")
        submitted = st.form_submit_button("Start build")
    if submitted:
        ids = [part.strip() for part in scope_ids.split(",") if part.strip()]
        try:
            log = shelf.start_build(report, start, end, scope_type, ids)
        except (WaypointError, ValueError) as err:
            st.error(sentence(str(err)))
        else:
            st.session_state["_reports_notice"] = "Build started: its status is under Recent builds started here."
            st.rerun()
