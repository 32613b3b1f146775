"""`waypoint users` and `waypoint serve` through the real click group, on a fresh WAYPOINT_HOME."""

from __future__ import annotations

import re

from click.testing import CliRunner
from dash_fixtures import build_warehouse

from dashboards.settings import get_security_settings
from dashboards.state.audit import AuditLog
from dashboards.state.auth import Authenticator, SignInStatus
from dashboards.state.demo import DEMO_NAMES
from dashboards.state.users import UserStore
from pipelines.cli.commands.serve import serve_command
from pipelines.cli.main import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_time_password(output: str) -> str:
    return re.search(r"one-time password: (\S+)", output).group(1)


def test_users_add_prints_a_one_time_password_that_signs_in(empty_home):
    result = run("users", "add", "kay-cm1", "--role", "Case Manager I", "--projects", "ok-500:P1,ok-500:P2")
    assert result.exit_code == 0, result.output
    user = UserStore(empty_home.app_db).require("kay-cm1")
    assert user.project_ids == ("ok-500:P1", "ok-500:P2") and user.must_change_password
    auth = Authenticator(empty_home.app_db, get_security_settings())
    assert auth.sign_in("kay-cm1", one_time_password(result.output)).status is SignInStatus.OK


def test_users_disable_reset_and_list(empty_home):
    first = one_time_password(run("users", "add", "noble-funder", "--role", "funder", "--funder-sources", "3").output)
    assert run("users", "disable", "noble-funder").exit_code == 0
    assert "disabled" in run("users", "list").output
    auth = Authenticator(empty_home.app_db, get_security_settings())
    assert auth.sign_in("noble-funder", first).status is SignInStatus.DISABLED
    assert run("users", "enable", "noble-funder").exit_code == 0
    second = one_time_password(run("users", "reset", "noble-funder").output)
    assert second != first
    assert auth.sign_in("noble-funder", first).status is SignInStatus.INVALID
    assert auth.sign_in("noble-funder", second).status is SignInStatus.OK
    events = set(AuditLog(empty_home.app_db).read()["event"])
    assert {"user_added", "user_disabled", "user_enabled", "user_reset"} <= events


def test_user_errors_are_one_plain_line_and_exit_2(empty_home):
    result = CliRunner().invoke(cli, ["users", "add", "x1", "--role", "mayor"])
    assert result.exit_code == 2 and "unknown role" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["users", "add", "x1", "--role", "agency_admin"])
    assert result.exit_code == 2 and "--agency" in result.output


def test_demo_users_take_their_scope_from_the_warehouse(empty_home):
    build_warehouse(empty_home.published_db)
    result = run("users", "demo")
    assert result.exit_code == 0, result.output
    store = UserStore(empty_home.app_db)
    assert {u.username for u in store.list()} == set(DEMO_NAMES.values())
    assert store.require("demo-agency-admin").agency_id == "ok-500:A1"  # the agency with the most projects
    assert store.require("demo-case-manager-1").project_ids == ("ok-500:P1", "ok-500:P2")
    assert store.require("demo-funder").funder_codes == ("3",)
    again = run("users", "demo")  # rerunning resets: new one-time passwords, same users
    assert {u.username for u in store.list()} == set(DEMO_NAMES.values())
    assert again.output != result.output


def test_serve_runs_streamlit_headless_without_usage_statistics():
    argv = serve_command(8600, "127.0.0.1")
    assert argv[1:4] == ["-m", "streamlit", "run"] and argv[4].endswith("dashboards/server.py")
    assert "--server.headless=true" in argv and "--browser.gatherUsageStats=false" in argv
    assert "--server.port=8600" in argv
