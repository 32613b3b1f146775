"""`waypoint` entry point: every module in ``pipelines/cli/commands`` that defines ``command`` is a sub-command."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import click

from pipelines.cli import commands
from pipelines.errors import WaypointError
from pipelines.ops.failures import explain
from pipelines.ops.startup import start_up


class _Group(click.Group):
    """Shows a WaypointError or a system failure (pipelines.ops.failures) as one plain line and exit code 2."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except WaypointError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(2)
        except Exception as err:  # disk full, read-only, permission, lock, damaged file: one line too
            line = explain(err)
            if line is None or os.environ.get("WAYPOINT_DEBUG"):
                raise
            click.echo(f"error: {line}", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Waypoint: the HMIS data warehouse of CDSA (OK-500, OK-507)."""
    start_up(ctx.invoked_subcommand)  # owner-only umask, a warning if WAYPOINT_HOME is readable by others


for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
    module = importlib.import_module(f"{commands.__name__}.{info.name}")
    if isinstance(getattr(module, "command", None), click.Command):
        cli.add_command(module.command)


def main() -> None:
    cli()
