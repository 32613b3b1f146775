"""`waypoint secure`: make everything under WAYPOINT_HOME owner-only (0700 folders, 0600 files)."""

from __future__ import annotations

import click

from pipelines.config import get_settings
from pipelines.ops.permissions import loose_paths, tighten


@click.command("secure")
@click.option("--check", is_flag=True, help="Only list what other accounts could read; change nothing (exit 1 if any).")
def command(check: bool) -> None:
    """Check (and by default fix) that no other account on this server can read Waypoint's files.

    Client names, SSNs and dates of birth sit in the databases, the archive and the findings, so every
    folder under WAYPOINT_HOME should be 0700 and every file 0600.
    """
    home = get_settings().home
    loose = loose_paths(home)
    if not loose:
        click.echo(f"everything under {home} is owner-only")
        return
    if check:
        for path, mode in loose[:20]:
            click.echo(f"{mode:04o} {path}")
        more = " (first 20 shown)" if len(loose) > 20 else ""
        click.echo(f"{len(loose)} paths under {home} can be read by other accounts{more}; run `waypoint secure`")
        raise SystemExit(1)
    changed = tighten(home)
    click.echo(f"made {changed} paths under {home} owner-only (folders 0700, files 0600)")
