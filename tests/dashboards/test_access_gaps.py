"""The access gaps of issue 14, closed: lockout that neither reveals accounts nor denies service for good, refused
administration audited, the server's guards (headers, metrics, downloads only with a live session, the session
cookie) and the table toolbar's export turned off. Real SQLite and the real ASGI middleware; no server, no browser
(the browser test drives the same through `waypoint serve`)."""

from __future__ import annotations

import asyncio
import gzip
import json
import time
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Route

from dashboards import session_cookie
from dashboards.data.access import AccessDenied
from dashboards.data.admin import AdminAccess
from dashboards.roles import Role
from dashboards.session_cookie import (
    COOKIE,
    SECURITY_HEADERS,
    GuardMiddleware,
    bind_download,
    clear_session_cookie,
    download_allowed,
    issue_handoff,
    set_session_cookie,
)
from dashboards.settings import SecuritySettings, get_security_settings
from dashboards.state import passwords
from dashboards.state.audit import AuditLog
from dashboards.state.auth import Authenticator, SignInStatus
from dashboards.state.db import connect, to_text, utc_now
from dashboards.state.users import UserStore
from pipelines.cli.commands.serve import serve_command
from pipelines.cli.main import cli

PASSWORD = "a long enough passphrase"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    """Argon2 at its lowest cost: these tests are about lockout, audit and cookies, not the hash's strength
    (tests/dashboards/test_auth_and_audit.py checks the real hashes)."""
    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    passwords._dummy_hash.cache_clear()
    yield
    passwords._dummy_hash.cache_clear()


@pytest.fixture
def auth(empty_home) -> Authenticator:
    return Authenticator(empty_home.app_db, SecuritySettings(max_failed_sign_ins=2, lockout_minutes=10))


def _user(auth: Authenticator, name: str, role: Role, **scope) -> str:
    """A user with a settled password; returns a session token of it (each argon2 hash costs a fraction of a second:
    these tests make as few as they can)."""
    auth.users.add(name, role, created_by="t", **scope)
    auth.users.set_password(auth.users.require(name).user_id, PASSWORD)
    return auth.sign_in(name, PASSWORD).token


def test_unknown_names_lock_like_accounts_so_answers_never_tell_which_exist(auth):
    auth.users.add("real-admin", Role.SYSTEM_ADMINISTRATOR, created_by="t")
    answers = {name: [auth.sign_in(name, "wrong").status for _ in range(2)] for name in ("real-admin", "no-such")}
    assert answers["real-admin"] == answers["no-such"] == [SignInStatus.INVALID, SignInStatus.LOCKED]
    assert auth.sign_in("NO-SUCH", "wrong").status is SignInStatus.LOCKED  # names compare like user names


def test_a_locked_administrator_is_unlocked_by_the_cli_or_by_time(auth, empty_home):
    password = auth.users.add("real-admin", Role.SYSTEM_ADMINISTRATOR, created_by="t")
    for _ in range(2):
        auth.sign_in("real-admin", "wrong")
    result = CliRunner().invoke(cli, ["users", "unlock", "real-admin"], catch_exceptions=False)
    assert result.exit_code == 0 and "unlocked real-admin" in result.output
    assert auth.sign_in("real-admin", password).status is SignInStatus.OK  # same password: only the lock went
    for _ in range(2):
        auth.sign_in("real-admin", "wrong")
    locked_until = UserStore(empty_home.app_db).require("real-admin").locked_until
    assert timedelta(minutes=9) < locked_until - utc_now() <= timedelta(minutes=10)  # time-limited
    assert "user_unlocked" in set(AuditLog(empty_home.app_db).read()["event"])


def test_a_guesser_locks_an_account_for_its_own_client_only_and_is_throttled_across_names(empty_home):
    security = SecuritySettings(max_failed_sign_ins=2, lockout_minutes=10, max_failed_sign_ins_per_client=5)
    auth = Authenticator(empty_home.app_db, security)
    for name in ("real-admin", "cm"):
        auth.users.add(name, Role.SYSTEM_ADMINISTRATOR, created_by="t")
        auth.users.set_password(auth.users.require(name).user_id, PASSWORD)
    guesser, office = "203.0.113.9", "198.51.100.7"

    answers = {
        n: [auth.sign_in(n, "wrong", client=guesser).status for _ in range(2)] for n in ("real-admin", "no-such")
    }
    assert answers["real-admin"] == answers["no-such"] == [SignInStatus.INVALID, SignInStatus.LOCKED]
    assert auth.sign_in("real-admin", PASSWORD, client=guesser).status is SignInStatus.LOCKED
    assert auth.sign_in("real-admin", PASSWORD, client=office).status is SignInStatus.OK  # no denial of service
    # the guesser's fifth failure, whatever the name, refuses it every name (even a right password) for 10 minutes
    assert auth.sign_in("other", "wrong", client=guesser).status is SignInStatus.LOCKED
    assert auth.sign_in("cm", PASSWORD, client=guesser).status is SignInStatus.LOCKED
    assert auth.sign_in("cm", PASSWORD, client=office).status is SignInStatus.OK

    log = AuditLog(empty_home.app_db).read()
    locks = [json.loads(d) for d in log.loc[log["event"] == "locked_out", "detail"]]
    assert sorted((d["lock"], d["client"]) for d in locks) == [
        ("account", guesser),
        ("account", guesser),
        ("client", guesser),
    ]
    refused = [json.loads(d) for d in log.loc[log["event"] == "sign_in_failed", "detail"]]
    assert {"reason": "locked", "lock": "client", "client": guesser} in refused
    with connect(empty_home.app_db) as conn:
        conn.execute("update sign_in_clients set locked_until = ?", (to_text(utc_now() - timedelta(seconds=1)),))
    assert auth.sign_in("cm", PASSWORD, client=guesser).status is SignInStatus.OK  # the client's lock ends by itself


def test_sessions_end_after_their_absolute_life_however_active(empty_home):
    auth = Authenticator(empty_home.app_db, SecuritySettings(session_hours=2))
    token = _user(auth, "planner1", Role.PLANNER)
    assert auth.resolve(token) is not None
    with connect(empty_home.app_db) as conn:
        conn.execute("update sessions set created_at = ?", (to_text(utc_now() - timedelta(hours=2, seconds=1)),))
    assert auth.resolve(token) is None


def test_refused_user_creation_and_other_refused_admin_actions_are_audited(auth, empty_home):
    auth.users.add("an-agency-admin", Role.AGENCY_ADMIN, created_by="t", agency_id="ok-500:A1")
    auth.users.add("a-planner", Role.PLANNER, created_by="t")
    agency_admin = AdminAccess(auth.users.require("an-agency-admin"), empty_home)
    with pytest.raises(AccessDenied):
        agency_admin.add_user("sneaky-root", Role.SYSTEM_ADMINISTRATOR)
    with pytest.raises(AccessDenied):
        agency_admin.reset("a-planner")
    with pytest.raises(AccessDenied):
        AdminAccess(auth.users.require("a-planner"), empty_home).audit_log()
    refused = AuditLog(empty_home.app_db).read(events=["admin_refused"])
    details = [json.loads(d) for d in refused["detail"]][::-1]
    assert [(d["action"], d["user"]) for d in details] == [
        ("add user", "sneaky-root"),
        ("reset user", "a-planner"),
        ("read audit log", None),
    ]
    assert list(refused["username"])[::-1] == ["an-agency-admin", "an-agency-admin", "a-planner"]
    assert all(d["reason"] for d in details)
    assert UserStore(empty_home.app_db).get("sneaky-root") is None


def test_serve_turns_off_the_table_toolbar_export_and_runs_the_guarded_server():
    argv = serve_command(8600, "127.0.0.1")
    assert argv[4].endswith("dashboards/server.py")
    assert "--client.disableDataExport=true" in argv and "--server.enableAgentApi=false" in argv


# --- the ASGI guard and the cookie routes, called as the server calls them -------------------------------------


def _call(
    app,
    path: str,
    *,
    cookie: str | None = None,
    method: str = "GET",
    body: bytes = b"",
    origin: str = "",
    gzip_ok: bool = False,
):
    headers = [(b"host", b"127.0.0.1:8501")]
    if gzip_ok:  # as every browser asks
        headers.append((b"accept-encoding", b"gzip, deflate, br"))
    if cookie:
        headers.append((b"cookie", f"{COOKIE}={cookie}".encode()))
    if origin:
        headers.append((b"origin", origin.encode()))
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": headers,
        "scheme": "http",
        "server": ("127.0.0.1", 8501),
        "client": ("127.0.0.1", 5000),
        "root_path": "",
        "http_version": "1.1",
    }
    sent: list[dict] = []
    chunks = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive():
        return chunks.pop(0) if chunks else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    if not isinstance(app, GuardMiddleware):
        app = Route(path, app, methods=[method])
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers = {}
    for name, value in start["headers"]:
        headers.setdefault(name.decode().lower(), []).append(value.decode())
    return start["status"], headers, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


CSV = b"PersonalID\n1001\n"


def _file_server(content_type: str):
    async def app(scope, receive, send):
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-type", content_type.encode())]}
        )
        await send({"type": "http.response.body", "body": CSV})

    return app


def test_a_download_is_served_only_to_the_live_session_that_made_it_with_security_headers(auth):
    guarded_csv = GuardMiddleware(_file_server("text/csv"))
    status, headers, body = _call(guarded_csv, "/media/abc.csv")
    assert status == 403 and b"1001" not in body
    assert _call(guarded_csv, "/media/abc.csv", cookie="forged")[0] == 403
    maker = _user(auth, "an-agency-admin", Role.AGENCY_ADMIN, agency_id="ok-500:A1")
    other = _user(auth, "a-planner", Role.PLANNER)
    assert _call(guarded_csv, "/media/abc.csv", cookie=maker)[0] == 403  # signed in, but no page made this file
    bind_download(maker, CSV)  # what a page's download button does when pressed
    status, headers, body = _call(guarded_csv, "/media/abc.csv", cookie=maker)
    assert status == 200 and body == CSV and headers["cache-control"] == ["no-store"]
    for name, value in SECURITY_HEADERS.items():
        assert headers[name] == [value]
    assert (
        _call(guarded_csv, "/media/abc.csv", cookie=other)[0] == 403
    )  # another signed-in user: the link is not theirs
    auth.sign_out(maker)
    assert _call(guarded_csv, "/media/abc.csv", cookie=maker)[0] == 403  # the link dies with the session
    assert _call(GuardMiddleware(_file_server("image/png")), "/media/icon.png")[0] == 200  # the app's icon
    status, headers, _ = _call(GuardMiddleware(_file_server("text/html")), "/")
    assert status == 200 and headers["x-frame-options"] == ["DENY"]
    assert _call(GuardMiddleware(_file_server("text/plain")), "/_stcore/metrics")[0] == 404


def test_a_download_compressed_on_its_way_out_is_still_its_sessions(auth):
    """Streamlit's gzip middleware sits inside the guard and compresses a CSV of more than a few hundred bytes for a
    browser that accepts gzip: the session that made the file still gets it (before: 403 in every real browser),
    and nobody else does."""
    big = b"PersonalID,Project\n" + b"".join(b"%d,Choctaw Trails Rapid Re-Housing - CoC\n" % i for i in range(100))

    async def file_server(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/csv")]})
        await send({"type": "http.response.body", "body": big})

    guarded = GuardMiddleware(GZipMiddleware(file_server, minimum_size=500))
    maker = _user(auth, "an-agency-admin", Role.AGENCY_ADMIN, agency_id="ok-500:A1")
    other = _user(auth, "a-planner", Role.PLANNER)
    bind_download(maker, big)
    status, headers, body = _call(guarded, "/media/big.csv", cookie=maker, gzip_ok=True)
    assert status == 200 and headers["content-encoding"] == ["gzip"] and gzip.decompress(body) == big
    assert _call(guarded, "/media/big.csv", cookie=other, gzip_ok=True)[0] == 403
    assert _call(guarded, "/media/big.csv", gzip_ok=True)[0] == 403


def test_a_download_link_expires(auth, monkeypatch):
    token = _user(auth, "an-agency-admin", Role.AGENCY_ADMIN, agency_id="ok-500:A1")
    bind_download(token, CSV)
    assert download_allowed(token, CSV)
    later = time.monotonic() + session_cookie.DOWNLOAD_SECONDS + 1
    monkeypatch.setattr(session_cookie.time, "monotonic", lambda: later)
    assert not download_allowed(token, CSV)


def test_the_session_cookie_is_httponly_strict_and_set_only_by_a_one_time_code_from_the_app(auth):
    token = _user(auth, "a-planner", Role.PLANNER)
    code = issue_handoff(token)
    body = json.dumps({"code": code}).encode()
    assert (
        _call(set_session_cookie, "/_waypoint/session", method="POST", body=body, origin="https://evil.test")[0] == 403
    )
    status, headers, _ = _call(
        set_session_cookie, "/_waypoint/session", method="POST", body=body, origin="http://127.0.0.1:8501"
    )
    cookie = headers["set-cookie"][0]
    assert status == 200 and cookie.startswith(f"{COOKIE}={token};")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and f"Max-Age={12 * 3600}" in cookie
    again = _call(set_session_cookie, "/_waypoint/session", method="POST", body=body, origin="http://127.0.0.1:8501")
    assert again[0] == 403  # one-time
    status, headers, _ = _call(
        clear_session_cookie, "/_waypoint/sign-out", method="POST", cookie=token, origin="http://127.0.0.1:8501"
    )
    assert status == 200 and 'waypoint_session=""' in headers["set-cookie"][0]
    assert auth.resolve(token) is None
    assert get_security_settings().session_hours == 12
