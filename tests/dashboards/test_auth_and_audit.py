"""Sign-in rules (argon2, lockout, idle timeout, one-time passwords) and the append-only audit log, on a real SQLite."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from dashboards.roles import Role
from dashboards.settings import SecuritySettings
from dashboards.state.audit import AuditLog
from dashboards.state.auth import Authenticator, SignInStatus
from dashboards.state.db import connect, to_text, utc_now
from dashboards.state.users import UserStore
from pipelines.errors import WaypointError


@pytest.fixture
def auth(tmp_path) -> Authenticator:
    return Authenticator(tmp_path / "app.sqlite", SecuritySettings(max_failed_sign_ins=3, lockout_minutes=10))


def events(auth: Authenticator) -> list[str]:
    return list(AuditLog(auth.app_db).read()["event"])[::-1]


def test_passwords_are_stored_as_argon2id_hashes_never_as_text(auth):
    password = auth.users.add("planner1", Role.PLANNER, created_by="t")
    with sqlite3.connect(auth.app_db) as conn:
        stored = conn.execute("select password_hash from users").fetchone()[0]
    assert stored.startswith("$argon2id$")
    assert password not in stored


def test_one_time_password_signs_in_but_must_be_changed(auth):
    password = auth.users.add("planner1", Role.PLANNER, created_by="t")
    result = auth.sign_in("planner1", password)
    assert result.status is SignInStatus.OK and result.user.must_change_password
    with pytest.raises(WaypointError, match="at least 12"):
        auth.change_password(result.user, password, "short")
    with pytest.raises(WaypointError, match="differ"):
        auth.change_password(result.user, password, password)
    auth.change_password(result.user, password, "a much better passphrase")
    assert not auth.users.require("planner1").must_change_password
    assert auth.sign_in("planner1", password).status is SignInStatus.INVALID
    assert auth.sign_in("planner1", "a much better passphrase").status is SignInStatus.OK


def test_repeated_failures_lock_the_account_even_for_the_right_password(auth):
    password = auth.users.add("cm", Role.CASE_MANAGER_II, created_by="t", agency_id="A1")
    for _ in range(2):
        assert auth.sign_in("cm", "wrong").status is SignInStatus.INVALID
    assert auth.sign_in("cm", "wrong").status is SignInStatus.LOCKED
    assert auth.sign_in("cm", password).status is SignInStatus.LOCKED
    assert events(auth).count("sign_in_failed") == 4 and "locked_out" in events(auth)


def test_lockout_ends_after_its_minutes_or_with_a_reset(auth):
    auth.users.add("cm", Role.CASE_MANAGER_II, created_by="t", agency_id="A1")
    for _ in range(3):
        auth.sign_in("cm", "wrong")
    new_password = auth.users.reset("cm")
    assert auth.sign_in("cm", new_password).status is SignInStatus.OK
    for _ in range(3):
        auth.sign_in("cm", "wrong")
    with connect(auth.app_db) as conn:
        conn.execute("update sign_in_failures set locked_until = ?", (to_text(utc_now() - timedelta(seconds=1)),))
    assert auth.sign_in("cm", new_password).status is SignInStatus.OK


def test_unknown_user_and_wrong_password_get_the_same_answer(auth):
    auth.users.add("cm", Role.CASE_MANAGER_II, created_by="t", agency_id="A1")
    assert auth.sign_in("nobody", "x").message == auth.sign_in("cm", "x").message


def test_idle_session_expires_and_is_audited(auth):
    password = auth.users.add("planner1", Role.PLANNER, created_by="t")
    token = auth.sign_in("planner1", password).token
    assert auth.resolve(token).username == "planner1"
    with connect(auth.app_db) as conn:
        conn.execute("update sessions set last_seen = ?", (to_text(utc_now() - timedelta(minutes=31)),))
    assert auth.resolve(token) is None
    assert auth.resolve(token) is None  # and stays gone
    assert "session_expired" in events(auth)


def test_sign_out_ends_the_session(auth):
    password = auth.users.add("planner1", Role.PLANNER, created_by="t")
    token = auth.sign_in("planner1", password).token
    auth.sign_out(token)
    assert auth.resolve(token) is None
    assert events(auth)[-1] == "sign_out"


def test_disabling_a_user_ends_its_sessions_and_refuses_sign_in(auth):
    password = auth.users.add("planner1", Role.PLANNER, created_by="t")
    token = auth.sign_in("planner1", password).token
    auth.users.set_disabled("planner1", True)
    assert auth.resolve(token) is None
    assert auth.sign_in("planner1", password).status is SignInStatus.DISABLED


def test_a_forged_token_resolves_to_nobody(auth):
    auth.users.add("planner1", Role.PLANNER, created_by="t")
    assert auth.resolve("not-a-real-token") is None
    assert auth.resolve({"user": "planner1", "role": "system_administrator"}) is None


@pytest.mark.parametrize(
    ("role", "fields", "message"),
    [
        (Role.AGENCY_ADMIN, {}, "--agency"),
        (Role.CASE_MANAGER_I, {"agency_id": "A1"}, "--projects"),
        (Role.FUNDER, {}, "--funder-sources"),
        (Role.PLANNER, {"funder_codes": ["2"]}, "only a Funder"),
    ],
)
def test_accounts_cannot_be_created_half_scoped(auth, role, fields, message):
    with pytest.raises(WaypointError, match=message):
        auth.users.add("someone", role, created_by="t", **fields)


def test_audit_log_refuses_updates_and_deletes(auth):
    AuditLog(auth.app_db).record("page_view", username="x", page="overview", scope={"role": "planner"})
    with sqlite3.connect(auth.app_db) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("update audit_log set username = 'someone else'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("delete from audit_log")
    assert list(AuditLog(auth.app_db).read()["username"]) == ["x"]


def test_audit_log_records_sign_in_and_failed_sign_in_with_who(auth):
    password = UserStore(auth.app_db).add("planner1", Role.PLANNER, created_by="t")
    auth.sign_in("planner1", "wrong")
    auth.sign_in("planner1", password)
    log = AuditLog(auth.app_db).read()
    assert list(log["event"]) == ["sign_in", "sign_in_failed"]
    assert set(log["username"]) == {"planner1"}
    assert log["role"].iloc[0] == "planner"
