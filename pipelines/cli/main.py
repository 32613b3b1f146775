"""`waypoint` entry point: every module in ``pipelines/cli/commands`` that defines ``command`` is a sub-command."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from pipelines.cli import commands
from pipelines.errors import WaypointError


class _Group(click.Group):
    """Shows a WaypointError as one plain line and exit code 2, never a stack trace."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except WaypointError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Waypoint: the HMIS data warehouse of CDSA (OK-500, OK-507)."""


for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
    module = importlib.import_module(f"{commands.__name__}.{info.name}")
    if isinstance(getattr(module, "command", None), click.Command):
        cli.add_command(module.command)


def main() -> None:
    cli()
