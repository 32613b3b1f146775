"""What every `waypoint` command does first: owner-only umask, then a warning if WAYPOINT_HOME is readable."""

from __future__ import annotations

import click

from pipelines.config import get_settings
from pipelines.ops.locks import set_announcer
from pipelines.ops.permissions import owner_only_umask, warning

# Commands that print their own account of permissions, or never touch WAYPOINT_HOME.
_QUIET = {"secure", None}


def start_up(command: str | None) -> None:
    owner_only_umask()
    set_announcer(lambda line: click.echo(line, err=True))
    if command in _QUIET:
        return
    line = warning(get_settings().home)
    if line:
        click.echo(line, err=True)
