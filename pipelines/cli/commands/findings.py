"""`waypoint findings`: list validation findings of ingested exports, or write them to CSV."""

from __future__ import annotations

from pathlib import Path

import click

from pipelines.config import get_settings
from pipelines.errors import WaypointError
from pipelines.ingest.findings import query_findings, write_findings_csv


@click.command("findings")
@click.option("--ingest-id", help="Only this ingest (see `waypoint ingest` output or meta.export_registry).")
@click.option("--severity", type=click.Choice(["fatal", "error", "warning"]), help="Only this severity.")
@click.option("--limit", default=50, show_default=True, help="Rows to print (the CSV gets all).")
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every matching finding to this CSV file.",
)
def command(ingest_id: str | None, severity: str | None, limit: int, csv_path: Path | None) -> None:
    """Show what validation found: file, row, column, rule, severity and message."""
    settings = get_settings()
    if not settings.ingest_db.exists():
        raise WaypointError(f"No ingest database at {settings.ingest_db}: nothing has been ingested yet.")
    if csv_path:
        count = write_findings_csv(settings, csv_path, ingest_id=ingest_id, severity=severity)
        click.echo(f"{count:,} findings written to {csv_path}")
        return
    total, rows = query_findings(settings, ingest_id=ingest_id, severity=severity, limit=limit)
    for row in rows:
        where = f"{row['file'] or '-'}" + (f" row {row['row_number']}" if row["row_number"] is not None else "")
        click.echo(
            f"[{row['severity']}] {row['ingest_id']} {where} {row['column_name'] or ''} {row['rule_id']}: "
            f"{row['message']}"
        )
    click.echo(f"{total:,} findings" + (f" (showing {len(rows)})" if total > len(rows) else ""))
