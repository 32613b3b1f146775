"""`waypoint run`: one pass of the pipeline through Dagster (landing → ingest → build → publish)."""

from __future__ import annotations

import click

from pipelines.config import get_settings


@click.command("run")
@click.option("--no-build", is_flag=True, help="Only ingest what is waiting in landing/; do not rebuild the warehouse.")
def command(no_build: bool) -> None:
    """Ingest every new delivery in landing/<source>/ and rebuild the warehouse, as Dagster runs.

    The runs are kept in <WAYPOINT_HOME>/dagster; `DAGSTER_HOME=<WAYPOINT_HOME>/dagster dagster dev`
    shows them with the asset graph.
    """
    from pipelines.orchestrate import run_pipeline

    run_pipeline(get_settings(), build=not no_build, echo=click.echo)
