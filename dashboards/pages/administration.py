"""Administration: users, roles and scopes; the audit log; pipeline health. Each role sees only its parts."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pandas as pd
import streamlit as st

from dashboards.data.access import AccessDenied
from dashboards.data.admin import AdminAccess
from dashboards.data.names import warehouse_names
from dashboards.ids import named
from dashboards.roles import ADMINISTRATION, Capability, Role, can, policy
from dashboards.state.audit import EVENTS
from dashboards.ui.context import page_context
from dashboards.ui.labels import label
from dashboards.ui.widgets import download_button, sentence, table
from pipelines.errors import WaypointError

ctx = page_context(ADMINISTRATION)
admin: AdminAccess = ctx.admin
st.title("Administration")

sections = []
if admin.manages_all or admin.manages_agency:
    sections.append("Users")
if can(ctx.user.role, Capability.VIEW_AUDIT_LOG):
    sections.append("Audit log")
if can(ctx.user.role, Capability.VIEW_PIPELINE_HEALTH):
    sections.append("Pipeline health")
if not sections:
    st.warning("Your role has nothing to administer.")
    st.stop()
tabs = dict(zip(sections, st.tabs(sections), strict=True))


ROLE_VALUES = {r.value for r in Role}
ID_HELP = "Written source:id, e.g. ok-507:5073 (the id shown in brackets after each name)."


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def users_section() -> None:
    known_names = warehouse_names(ctx.data.settings)
    now = datetime.now(UTC)
    if not admin.manages_all:
        st.caption(f"You manage the users of agency {named(ctx.user.agency_id or '', known_names)}.")
    rows = [
        {
            "user": u.username,
            "role": policy(u.role).label,
            "scope": u.scope_summary(known_names),
            "status": "disabled" if u.disabled else ("locked" if u.locked_until and u.locked_until > now else "active"),
            "must change password": u.must_change_password,
            "created": u.created_at.strftime("%Y-%m-%d"),
            "created by": u.created_by,
        }
        for u in admin.list_users()
    ]
    table(pd.DataFrame(rows), name="users", page=ADMINISTRATION, on_download=admin.record_download)
    notice = st.session_state.pop("_admin_notice", None)
    if notice:
        st.success(notice)

    st.subheader("Add a user")
    with st.form("add_user", clear_on_submit=True):
        username = st.text_input("User name", key="add_username")
        roles = list(admin.manageable_roles)
        role = st.selectbox(
            "Role",
            roles,
            index=roles.index(Role.CASE_MANAGER_I) if Role.CASE_MANAGER_I in roles else 0,  # the least privileged
            format_func=lambda r: policy(r).label,
            key="add_role",
        )
        agency = st.text_input(
            "Agency id (agency roles)", key="add_agency", disabled=not admin.manages_all, help=ID_HELP
        )
        own_projects = None if admin.manages_all else admin.agency_projects(ctx.user.agency_id or "")
        if own_projects:  # an Agency Admin picks its own projects by name
            picked = st.multiselect(
                "Projects (Case Manager I)",
                sorted(own_projects, key=lambda k: known_names.get(k, k)),
                format_func=lambda k: named(k, known_names, with_id=True),
                key="add_project_picks",
            )
            projects = ",".join(picked)
        else:
            projects = st.text_input("Project ids, comma separated (Case Manager I)", key="add_projects", help=ID_HELP)
        funders = ""
        if admin.manages_all:
            funders = st.text_input("Funding-source codes, comma separated (Funder, HUD 2.06.1)", key="add_funders")
        coc = st.text_input("Limit to one CoC (optional)", key="add_coc", disabled=not admin.manages_all)
        submitted = st.form_submit_button("Add user")
    if submitted:
        try:
            password = admin.add_user(
                username.strip(),
                Role(role),
                agency_id=agency.strip() or None,
                project_ids=_split(projects),
                funder_codes=_split(funders),
                coc_code=coc.strip() or None,
            )
        except (WaypointError, AccessDenied) as err:
            st.error(sentence(str(err)))
        else:
            st.session_state["_admin_notice"] = f"Added {username.strip()}. One-time password (shown once): {password}"
            st.rerun()

    st.subheader("Disable, enable or reset")
    names = [u.username for u in admin.list_users() if u.user_id != ctx.user.user_id]
    if not names:
        st.caption("No other users to manage.")
        return
    target = st.selectbox("User", names, key="manage_user")
    sure = st.checkbox(f"Yes, disable, enable or reset {target}", key="confirm_manage")
    left, middle, right = st.columns(3)
    try:
        if left.button("Disable", key="disable_user", disabled=not sure):
            admin.set_disabled(target, True)
            st.session_state["_admin_notice"] = f"Disabled {target}."
            st.rerun()
        if middle.button("Enable", key="enable_user", disabled=not sure):
            admin.set_disabled(target, False)
            st.session_state["_admin_notice"] = f"Enabled {target}."
            st.rerun()
        if right.button("Reset password", key="reset_user", disabled=not sure):
            password = admin.reset(target)
            st.session_state["_admin_notice"] = f"Reset {target}. One-time password (shown once): {password}"
            st.rerun()
    except WaypointError as err:
        st.error(sentence(str(err)))


def audit_section() -> None:
    left, middle, right = st.columns(3)
    events = left.multiselect("Events", list(EVENTS), format_func=label, key="audit_events")
    username = middle.text_input("User", key="audit_user")
    dates = right.date_input("Between", value=(), key="audit_dates")
    since = until = None
    if isinstance(dates, tuple) and len(dates) == 2:
        since = datetime.combine(dates[0], time.min).astimezone()
        until = datetime.combine(dates[1], time.max).astimezone()
    integrity = admin.audit_integrity()
    (st.success if integrity.ok else st.error)(integrity.summary().capitalize() + ".")
    log = admin.audit_log(events=events or None, username=username.strip() or None, since=since, until=until)
    st.caption(f"{len(log)} entries, newest first. The audit log is append-only.")
    table(audit_in_words(log), name="audit_log", page=ADMINISTRATION, on_download=admin.record_download)


def audit_in_words(log: pd.DataFrame) -> pd.DataFrame:
    """The audit log as people read it: events, roles and pages in words, times as "2026-12-08 04:08:21" (UTC, the
    header says so), nothing where an entry has no role, page or scope (not "None")."""
    when = pd.to_datetime(log["at"], utc=True, format="ISO8601")
    return log.assign(
        at=when.dt.strftime("%Y-%m-%d %H:%M:%S"),
        event=[label(e) for e in log["event"]],
        role=[policy(r).label if r in ROLE_VALUES else r for r in log["role"]],
        page=[label(p) if isinstance(p, str) else p for p in log["page"]],
    ).fillna({"username": "", "role": "", "page": "", "scope": "", "detail": ""})


BUILD_COLUMNS = {  # meta.build (pipelines/warehouse/build.py) as the table shows it; its ingest ids are the CSV's
    "build_id": "Build",
    "started_at": "Started (UTC)",
    "finished_at": "Finished (UTC)",
    "input_exports": "Exports",
    "models": "Models",
    "tests": "Tests",
    "seeds": "Seeds",
    "warnings": "Warnings",
    "dbt_version": "dbt version",
}
INGEST_COLUMNS = {
    "source_id": "Source",
    "last_received": "Last received (UTC)",
    "last_loaded": "Last loaded (UTC)",
    "deliveries": "Deliveries",
    "loaded": "Loaded",
    "rejected": "Rejected",
}


def in_words(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """The named columns under their headers, times to the second."""
    shown = frame[[c for c in columns if c in frame]].copy()
    for column in shown:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d %H:%M:%S")
    return shown.rename(columns=columns)


def health_section() -> None:
    health = admin.pipeline_health()
    st.subheader("Last ingest per source")
    if health.ingests is None or health.ingests.empty:
        st.info("No data yet: nothing has been ingested.")
    else:
        st.dataframe(in_words(health.ingests, INGEST_COLUMNS), hide_index=True, width="stretch")
    st.subheader("Findings by source and severity")
    if health.findings is None or health.findings.empty:
        st.info("No findings yet.")
    else:
        findings = health.findings.rename(
            columns={"source_id": "Source", "severity": "Severity", "findings": "Findings"}
        )
        st.dataframe(findings, hide_index=True, width="stretch")
    st.subheader("What to fix: findings by rule and file")
    if health.rules is None or health.rules.empty:
        st.info("No findings yet.")
    else:
        st.caption(
            "Errors affect a HUD report or break a High Priority rule for that record; warnings never change a report."
            " Most severe and most frequent first, with three examples and the fix."
        )
        table(health.rules, name="findings_by_rule", page=ADMINISTRATION, on_download=admin.record_download)
        download_button(
            st,
            "Download every finding (CSV)",
            data=admin.all_findings_csv,
            file_name="validation_findings.csv",
            mime="text/csv",
            key="download-all-findings",
            on_click=admin.record_download,
            args=(ADMINISTRATION, "validation_findings", int(health.rules["Findings"].sum())),
        )
    st.subheader("Last build")
    if health.published_at is None:
        st.info("No data yet: no warehouse has been published.")
    else:
        st.write(f"Published warehouse replaced at {health.published_at:%Y-%m-%d %H:%M} UTC.")
        if health.builds is None or health.builds.empty:
            st.caption("The published warehouse carries no build metadata.")
        else:
            st.dataframe(in_words(health.builds, BUILD_COLUMNS), hide_index=True, width="stretch")
    for problem in health.problems:
        st.caption(problem)


runners = {"Users": users_section, "Audit log": audit_section, "Pipeline health": health_section}
for name, tab in tabs.items():
    with tab:
        runners[name]()
