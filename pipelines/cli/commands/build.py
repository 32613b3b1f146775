"""`waypoint build`: build the warehouse from the ingested exports and publish it atomically."""

from __future__ import annotations

import click

from pipelines.config import get_settings


@click.command("build")
@click.option(
    "--select",
    "-s",
    metavar="SELECTION",
    help="Rebuild only these dbt nodes (dbt selection syntax); the rest stays as published.",
)
@click.option(
    "--exclude",
    metavar="SELECTION",
    help="Leave these dbt nodes out (dbt selection syntax, e.g. resource_type:unit_test); leaving models out keeps "
    "them as published.",
)
@click.option("--verbose", "-v", is_flag=True, help="Print dbt's progress lines while it builds.")
@click.option(
    "--target",
    type=click.Choice(["duckdb", "postgres", "spark"]),
    default="duckdb",
    show_default=True,
    help="Engine: the DuckDB file, the PostgreSQL database of WAYPOINT_POSTGRES_URL (docs/scale.md), or Spark "
    "(a local session, or the cluster of WAYPOINT_SPARK_METHOD; docs/spark.md).",
)
def command(select: str | None, exclude: str | None, verbose: bool, target: str) -> None:
    """Run dbt (seeds, models, tests) into a new warehouse file and publish it unless a structural test fails.

    A failed build leaves the published warehouse exactly as it was; its file and dbt log stay in
    the builds folder for inspection. A HUD consistency rule that fails marks the report requests it
    names ("failed HUD validation") and does not stop the publish.
    """
    if target != "duckdb" and exclude:
        from pipelines.errors import WaypointError

        raise WaypointError("--exclude is for DuckDB builds")
    if target == "postgres":
        _build_on_postgres(select, verbose)
        return
    if target == "spark":
        _build_on_spark(select, verbose)
        return
    from pipelines.warehouse.build import build_warehouse

    result = build_warehouse(get_settings(), select=select, exclude=exclude, on_line=click.echo if verbose else None)
    click.echo(
        f"built {result.models} models and {result.seeds} seeds, ran {result.tests} tests "
        f"({result.warnings} warnings) in {result.seconds:.1f} s from {len(result.input_ingest_ids)} exports "
        f"(dbt {result.dbt_version})"
    )
    click.echo(f"published {result.published_path} (build {result.build_id})")
    for failure in result.hud_failures:
        who = failure.request_id or f"every {'/'.join(failure.reports)} request"
        click.echo(f"failed HUD validation: {who}: {failure.rule} ({failure.failing_rows} rows)", err=True)


def _build_on_postgres(select: str | None, verbose: bool) -> None:
    from pipelines.errors import WaypointError
    from pipelines.warehouse.postgres import PostgresTarget
    from pipelines.warehouse.postgres_build import build_postgres_warehouse

    if select:
        raise WaypointError("--select is for DuckDB builds; a PostgreSQL build always builds the whole project")
    target = PostgresTarget.from_environment()
    result = build_postgres_warehouse(get_settings(), target=target, on_line=click.echo if verbose else None)
    click.echo(
        f"built {result.models} models and {result.seeds} seeds, ran {result.tests} tests "
        f"({result.warnings} warnings) in {result.seconds:.1f} s from {len(result.input_ingest_ids)} exports "
        f"(dbt {result.dbt_version}, PostgreSQL)"
    )
    click.echo(f"published in PostgreSQL {target.host}:{target.port}/{target.database} (build {result.build_id})")


def _build_on_spark(select: str | None, verbose: bool) -> None:
    from pipelines.warehouse.spark_build import build_spark_warehouse

    result = build_spark_warehouse(get_settings(), select=select, on_line=click.echo if verbose else None)
    click.echo(
        f"built {result.models} models and {result.seeds} seeds, ran {result.tests} tests "
        f"({result.warnings} warnings) in {result.seconds:.1f} s (dbt {result.dbt_version}, Spark)"
    )
    click.echo(f"tables written as Parquet under {result.published_path} (build {result.build_id})")
