"""`waypoint audit verify`: check that no audit row was deleted or changed (hash chain, append-only triggers)."""

from __future__ import annotations

import click

from pipelines.config import get_settings
from pipelines.security.audit_chain import verify


@click.group("audit")
def command() -> None:
    """The dashboards' audit log (sign-ins, page views, downloads, user changes) in the app database."""


@command.command("verify")
def verify_command() -> None:
    """Walk the audit log's hash chain; exit 1 and name the rows when one was deleted or changed."""
    path = get_settings().app_db
    if not path.exists():
        click.echo(f"no audit log yet ({path} does not exist)")
        return
    result = verify(path)
    click.echo(result.summary())
    raise SystemExit(0 if result.ok else 1)
