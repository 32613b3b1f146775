"""The Streamlit app driven by AppTest: sign-in flows, every page under every role, tampering, and audit rows."""

from __future__ import annotations

import json
from datetime import timedelta

import pandas as pd
import pytest
from dash_fixtures import PASSWORD, PROJECTS, projects_visible_to
from streamlit.testing.v1 import AppTest

from dashboards.data.access import AccessDenied
from dashboards.data.admin import AdminAccess
from dashboards.data.catalog import PERSON_COLUMNS
from dashboards.navigation import PAGES, PAGES_DIR, pages_for
from dashboards.roles import Role, policy
from dashboards.state.audit import AuditLog
from dashboards.state.db import connect, to_text, utc_now
from dashboards.state.users import UserStore
from dashboards.ui.context import TOKEN_KEY
from dashboards.ui.labels import label

APP = PAGES_DIR.parent / "app.py"
ROLES = list(Role)


def app() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=60)


def signed_in(installation, role: Role) -> AppTest:
    at = app()
    at.session_state[TOKEN_KEY] = installation.sign_in(role)
    return at.run()


def sign_in_with_form(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="sign_in_username").input(username)
    at.text_input(key="sign_in_password").input(password)
    return at.button[0].click().run()


def no_data_shown(at: AppTest) -> bool:
    """Only the sign-in page's hidden, empty preload table (it makes the browser load the table code) may be there."""
    return all(f.value.empty and list(f.value.columns) == ["preload"] for f in at.dataframe) and not at.metric


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def open_page(at: AppTest, entry) -> AppTest:
    return at.switch_page(f"pages/{entry.file}").run()


def audit(installation, **filters) -> pd.DataFrame:
    return AuditLog(installation.settings.app_db).read(**filters)


def shown_frames(at: AppTest) -> list[pd.DataFrame]:
    return [frame.value for frame in at.dataframe]


def test_sign_in_page_comes_first_and_a_wrong_password_is_refused(installation):
    at = app().run()
    assert titles(at) == ["Waypoint"]
    sign_in_with_form(at, "test-planner", "not the password")
    assert titles(at) == ["Waypoint"]
    assert "not right" in at.error[0].value
    failed = audit(installation, events=["sign_in_failed"], username="test-planner")
    assert len(failed) >= 1


def test_signing_in_opens_the_overview_and_is_audited(installation):
    at = sign_in_with_form(app().run(), "test-planner", PASSWORD)
    assert titles(at) == ["Overview"]
    assert not at.exception
    assert audit(installation, events=["sign_in"], username="test-planner").shape[0] >= 1


def test_five_failures_lock_the_account_in_the_form(installation):
    UserStore(installation.settings.app_db).add("lock-me", Role.PLANNER, created_by="t")
    at = app().run()
    for _ in range(5):
        sign_in_with_form(at, "lock-me", "wrong")
    assert "locked" in at.error[0].value
    assert audit(installation, events=["locked_out"], username="lock-me").shape[0] == 1


def test_a_one_time_password_must_be_replaced_before_any_page(installation):
    otp = UserStore(installation.settings.app_db).add("new-planner", Role.PLANNER, created_by="t")
    at = sign_in_with_form(app().run(), "new-planner", otp)
    assert titles(at) == ["Choose your password"]
    assert no_data_shown(at)
    at.text_input(key="current_password").input(otp)
    at.text_input(key="new_password").input("river stone lantern 42")
    at.text_input(key="repeat_password").input("river stone lantern 41")
    at.button[0].click().run()
    assert "differ" in at.error[0].value
    at.text_input(key="current_password").input(otp)
    at.text_input(key="new_password").input("river stone lantern 42")
    at.text_input(key="repeat_password").input("river stone lantern 42")
    at.button[0].click().run()
    assert titles(at) == ["Overview"]
    assert audit(installation, events=["password_changed"], username="new-planner").shape[0] == 1


def test_sign_out_returns_to_the_sign_in_page(installation):
    at = signed_in(installation, Role.CASE_MANAGER_II)
    at.sidebar.button(key="sign_out").click().run()
    assert titles(at) == ["Waypoint"]
    assert TOKEN_KEY not in at.session_state
    assert audit(installation, events=["sign_out"], username="test-case-manager-2").shape[0] >= 1


def test_an_idle_session_times_out(installation):
    at = signed_in(installation, Role.CASE_MANAGER_II)
    with connect(installation.settings.app_db) as conn:
        conn.execute("update sessions set last_seen = ?", (to_text(utc_now() - timedelta(minutes=45)),))
    at.run()
    assert titles(at) == ["Waypoint"]
    assert any("session has ended" in i.value for i in at.info)


@pytest.mark.parametrize("role", ROLES)
def test_every_page_under_every_role_shows_only_what_the_role_may_see(installation, role):
    at = signed_in(installation, role)
    assert titles(at) == ["Overview"]
    allowed = {p.key for p in pages_for(role)}
    for entry in PAGES:
        if entry.key not in allowed:
            continue
        open_page(at, entry)
        assert not at.exception, (role, entry.key, at.exception)
        assert titles(at) == [entry.title], (role, entry.key)
        for frame in shown_frames(at):
            if entry.key != "administration":
                assert_frame_in_scope(role, frame)


PERSON_HEADERS = PERSON_COLUMNS | {label(c) for c in PERSON_COLUMNS}  # as stored and as a table header


def assert_frame_in_scope(role: Role, frame: pd.DataFrame) -> None:
    if not policy(role).person_level:
        assert not PERSON_HEADERS & set(frame.columns), f"{role} sees person-level columns {frame.columns}"
    if "project_key" in frame:
        assert set(frame["project_key"]) <= projects_visible_to(role)
    if "Project" in frame:  # tables show project names, not keys
        names = {p[1] for p in PROJECTS if p[0] in projects_visible_to(role)}
        assert set(frame["Project"].dropna()) <= names, f"{role} sees projects outside its scope"
    for column in {"people_served", "People served"} & set(frame.columns):
        if policy(role).suppressed:
            shown = pd.to_numeric(frame[column].astype(str).str.replace(",", ""), errors="coerce")
            assert not shown.between(1, 10).any(), f"{role} sees a small count"


@pytest.mark.parametrize("role", ROLES)
def test_pages_outside_a_roles_navigation_are_refused(installation, role):
    """Refused, and each refused visit is in the audit log (issue 14: refused page visits are audited)."""
    allowed = {p.key for p in pages_for(role)}
    user = installation.users[role].username
    before = set(audit(installation, events=["access_denied"], username=user)["audit_id"])
    refused = set()
    for entry in PAGES:
        if entry.key in allowed:
            continue
        at = signed_in(installation, role)
        try:
            open_page(at, entry)
        except ValueError:
            continue  # not even registered for this role
        assert entry.title not in titles(at)
        assert "not available for your role" in at.error[0].value
        refused.add(entry.key)
    denied = audit(installation, events=["access_denied"], username=user)
    denied = denied[~denied["audit_id"].isin(before)]
    assert set(denied["page"]) == refused and set(denied["role"]) <= {role.value}  # planner: {"check_export"}


@pytest.mark.parametrize("role", [Role.PLANNER, Role.CASE_MANAGER_I, Role.FUNDER])
def test_tampering_with_session_state_and_query_parameters_does_not_widen_scope(installation, role):
    at = signed_in(installation, role)
    before = [frame.to_dict() for frame in shown_frames(at)]
    at.session_state["role"] = "system_administrator"
    at.session_state["scope"] = {"cocs": None, "agency_ids": None, "project_ids": None}
    at.session_state["user"] = installation.users[Role.SYSTEM_ADMINISTRATOR]
    at.session_state["person_level"] = True
    at.query_params["role"] = "system_administrator"
    at.query_params["organization_key"] = "ok-507:A3"
    at.query_params["project_key"] = "ok-507:P5"
    at.run()
    assert [frame.to_dict() for frame in shown_frames(at)] == before
    for frame in shown_frames(at):
        assert_frame_in_scope(role, frame)
    with pytest.raises(ValueError):
        open_page(at, next(p for p in PAGES if p.key == "administration"))
        assert "not available" in at.error[0].value
        raise ValueError("refused")


def test_a_forged_session_token_shows_the_sign_in_page(installation):
    at = app()
    at.session_state[TOKEN_KEY] = "forged-token-for-test-sysadmin"
    at.run()
    assert titles(at) == ["Waypoint"]
    assert no_data_shown(at)


def test_page_views_are_audited_with_their_scope(installation):
    at = signed_in(installation, Role.FUNDER)
    open_page(at, next(p for p in PAGES if p.key == "outcomes"))
    views = audit(installation, events=["page_view"], username="test-funder")
    pages = list(views["page"])
    assert "outcomes" in pages and "overview" in pages
    scope = json.loads(views["scope"].iloc[0])
    assert scope["role"] == "funder" and scope["funders"] == ["3"]
    assert scope["projects"] == sorted(projects_visible_to(Role.FUNDER))
    at.run()  # a rerun of the same page is not a new view
    assert len(audit(installation, events=["page_view"], username="test-funder")) == len(views)


def test_downloads_are_audited(installation):
    at = signed_in(installation, Role.CASE_MANAGER_II)
    before = len(audit(installation, events=["download"], username="test-case-manager-2"))
    at.get("download_button")[0].click().run()
    downloads = audit(installation, events=["download"], username="test-case-manager-2")
    assert len(downloads) == before + 1
    assert json.loads(downloads["detail"].iloc[0])["what"] == "people_served_by_project_type"
    assert json.loads(downloads["scope"].iloc[0])["agencies"] == ["ok-500:A1"]


def test_administration_shows_users_audit_and_pipeline_health_to_the_system_administrator(installation):
    at = signed_in(installation, Role.SYSTEM_ADMINISTRATOR)
    open_page(at, next(p for p in PAGES if p.key == "administration"))
    assert [t.label for t in at.tabs] == ["Users", "Audit log", "Pipeline health"]
    users = shown_frames(at)[0]
    assert {"test-planner", "test-funder"} <= set(users["User"])
    health_text = " ".join(s.value for s in at.subheader)
    assert "Last ingest per source" in health_text and "Last build" in health_text
    assert any(s.value.startswith("Audit log intact:") for s in at.success), "the hash chain is verified on the page"
    assert any(set(frame.columns) >= {"Source", "Last received (UTC)"} for frame in shown_frames(at))
    (log,) = [frame for frame in shown_frames(at) if "When (UTC)" in frame.columns]  # times as people write them
    assert len(log) and log["When (UTC)"].str.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d").all()
    assert not log.isna().any().any() and not log.isin(["None"]).any().any(), "no None where there is nothing"
    assert "What to fix: findings by rule and file" in health_text
    (rules,) = [frame for frame in shown_frames(at) if "What to fix" in frame.columns]
    assert list(rules["Rule"]) == ["missing_file", "ssn_format"], "the most severe rule first"
    ssn = rules[rules["Rule"] == "ssn_format"].iloc[0]
    assert (ssn["File"], ssn["Findings"], ssn["Examples"]) == ("Client.csv", 1, "row 4, SSN = '12345678'")
    assert "Download every finding (CSV)" in [b.label for b in at.get("download_button")]


def test_every_finding_downloads_as_csv_for_the_system_administrator_only(installation):
    admin = AdminAccess(installation.users[Role.SYSTEM_ADMINISTRATOR], installation.settings)
    lines = admin.all_findings_csv().decode().splitlines()
    assert lines[0].split(",")[:2] == ["ingest_id", "file"] and len(lines) == 3
    with pytest.raises(AccessDenied):
        AdminAccess(installation.users[Role.AGENCY_ADMIN], installation.settings).all_findings_csv()


def test_administration_adds_a_user_and_shows_the_one_time_password_once(installation):
    at = signed_in(installation, Role.SYSTEM_ADMINISTRATOR)
    open_page(at, next(p for p in PAGES if p.key == "administration"))
    at.text_input(key="add_username").input("added-in-app")
    at.selectbox(key="add_role").select(Role.CASE_MANAGER_II)
    at.text_input(key="add_agency").input("ok-507:A3")
    next(b for b in at.button if b.label == "Add user").click().run()
    assert any("One-time password" in s.value for s in at.success)
    created = UserStore(installation.settings.app_db).require("added-in-app")
    assert created.agency_id == "ok-507:A3" and created.must_change_password


def test_agency_admin_sees_only_its_agency_users_and_no_audit_log(installation):
    at = signed_in(installation, Role.AGENCY_ADMIN)
    open_page(at, next(p for p in PAGES if p.key == "administration"))
    assert [t.label for t in at.tabs] == ["Users"]
    users = shown_frames(at)[0]
    assert set(users["User"]) >= {"test-agency-admin", "test-case-manager-3", "test-case-manager-2"}
    assert not {"test-planner", "test-funder", "test-system-administrator"} & set(users["User"])


def test_add_user_starts_at_the_least_privileged_role_and_changing_a_user_needs_a_confirmation(installation):
    at = signed_in(installation, Role.AGENCY_ADMIN)
    open_page(at, next(p for p in PAGES if p.key == "administration"))
    assert at.selectbox(key="add_role").value == Role.CASE_MANAGER_I
    picks = at.multiselect(key="add_project_picks")  # its own projects, by name and the id users write
    assert "Red Plains Supportive Housing (ok-500:P2)" in [str(o) for o in picks.options]
    assert at.button(key="disable_user").disabled and at.button(key="reset_user").disabled
    at.checkbox(key="confirm_manage").check().run()
    assert not at.button(key="disable_user").disabled
