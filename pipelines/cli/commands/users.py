"""`waypoint users`: add, disable, enable, reset and list dashboard users; `demo` makes one user per role."""

from __future__ import annotations

import getpass

import click

from dashboards.roles import Role, parse_role, policy
from dashboards.state.audit import AuditLog
from dashboards.state.db import utc_now
from dashboards.state.demo import create_demo_users
from dashboards.state.users import UserStore
from pipelines.config import get_settings


def _actor() -> str:
    return f"cli:{getpass.getuser()}"


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


@click.group("users")
def command() -> None:
    """Manage who may sign in to the dashboards (stored in the app database, passwords hashed with argon2)."""


@command.command("add")
@click.argument("name")
@click.option("--role", "role_name", required=True, help="One of: " + ", ".join(r.value for r in Role))
@click.option("--agency", "agency_id", help="Agency id (Agency Admin, Case Manager III/II).")
@click.option("--projects", help="Comma-separated project ids (Case Manager I).")
@click.option("--funder-sources", help="Comma-separated HUD funder codes, list 2.06.1 (Funder).")
@click.option("--coc", "coc_code", help="Limit the user to one CoC, e.g. OK-500.")
def add(
    name: str,
    role_name: str,
    agency_id: str | None,
    projects: str | None,
    funder_sources: str | None,
    coc_code: str | None,
) -> None:
    """Add user NAME and print a one-time password, to be changed at first sign-in."""
    settings = get_settings()
    role = parse_role(role_name)
    store = UserStore(settings.app_db)
    password = store.add(
        name,
        role,
        created_by=_actor(),
        coc_code=coc_code,
        agency_id=agency_id,
        project_ids=_split(projects),
        funder_codes=_split(funder_sources),
    )
    user = store.require(name)
    AuditLog(settings.app_db).record(
        "user_added", username=_actor(), detail={"user": name, "scope": user.scope_summary()}
    )
    click.echo(f"added {name}: {user.scope_summary()}")
    click.echo(f"one-time password: {password}")


@command.command("disable")
@click.argument("name")
def disable(name: str) -> None:
    """Disable user NAME and end its sessions."""
    settings = get_settings()
    UserStore(settings.app_db).set_disabled(name, True)
    AuditLog(settings.app_db).record("user_disabled", username=_actor(), detail={"user": name})
    click.echo(f"disabled {name}")


@command.command("enable")
@click.argument("name")
def enable(name: str) -> None:
    """Enable user NAME again."""
    settings = get_settings()
    UserStore(settings.app_db).set_disabled(name, False)
    AuditLog(settings.app_db).record("user_enabled", username=_actor(), detail={"user": name})
    click.echo(f"enabled {name}")


@command.command("reset")
@click.argument("name")
def reset(name: str) -> None:
    """Give user NAME a new one-time password; clears a lockout."""
    settings = get_settings()
    password = UserStore(settings.app_db).reset(name)
    AuditLog(settings.app_db).record("user_reset", username=_actor(), detail={"user": name})
    click.echo(f"reset {name}")
    click.echo(f"one-time password: {password}")


@command.command("unlock")
@click.argument("name")
def unlock(name: str) -> None:
    """End NAME's lockout after failed sign-ins now (its password stays); lockouts also end by themselves."""
    settings = get_settings()
    was_locked = UserStore(settings.app_db).unlock(name)
    detail = {"user": name, "was_locked": was_locked}
    AuditLog(settings.app_db).record("user_unlocked", username=_actor(), detail=detail)
    click.echo(f"unlocked {name}" if was_locked else f"{name} was not locked")


@command.command("list")
def list_users() -> None:
    """List users with role, scope and status."""
    users = UserStore(get_settings().app_db).list()
    if not users:
        click.echo("no users yet: add one with `waypoint users add NAME --role system_administrator`")
        return
    for user in users:
        locked = user.locked_until is not None and user.locked_until > utc_now()
        status = "disabled" if user.disabled else "locked (from a client)" if locked else "active"
        if user.must_change_password and status == "active":
            status = "active, one-time password"
        click.echo(f"{user.username:<28} {policy(user.role).label:<22} {status:<26} {user.scope_summary()}")


@command.command("demo")
def demo() -> None:
    """Create (or reset) one demo user per role and print their one-time passwords."""
    users, scope = create_demo_users(get_settings(), actor=_actor())
    if not scope.from_warehouse:
        click.echo("note: no published warehouse yet; agency-, project- and funder-scoped demo users see nothing")
        click.echo("      until you build the warehouse and run `waypoint users demo` again")
    click.echo(f"{'user':<24} {'one-time password':<18} scope")
    for user in users:
        click.echo(f"{user.username:<24} {user.password:<18} {user.scope}")
    click.echo("Each user chooses a new password at first sign-in.")
