"""`waypoint findings`: what validation found, summarised per rule and file (or every finding, or a CSV)."""

from __future__ import annotations

from pathlib import Path

import click

from pipelines.config import get_settings
from pipelines.errors import WaypointError
from pipelines.store.findings import RuleSummary, query_findings, summarise_findings, write_findings_csv


def _example(example: dict) -> str:
    where = f"row {example['row_number']}" if example["row_number"] is not None else "export"
    column = f" {example['column_name']}" if example["column_name"] else ""
    return f"{where}{column}: {example['message']}"


def _echo_summary(summaries: list[RuleSummary]) -> None:
    for s in summaries:
        exports = f" in {s.exports} exports" if s.exports > 1 else ""
        click.echo(f"[{s.severity}] {s.rule_id} · {s.file or 'the zip'} · {s.count:,} finding(s){exports}")
        for example in s.examples:
            click.echo(f"    {_example(example)}")
        click.echo(f"    fix: {s.fix}")
    total = sum(s.count for s in summaries)
    click.echo(f"{total:,} findings in {len(summaries)} rule/file groups (every finding: --all or --csv FILE)")


@click.command("findings")
@click.option("--ingest-id", help="Only this ingest (see `waypoint ingest` output or meta.export_registry).")
@click.option("--severity", type=click.Choice(["fatal", "error", "warning"]), help="Only this severity.")
@click.option("--all", "every", is_flag=True, help="List findings one by one instead of the summary.")
@click.option("--limit", default=50, show_default=True, help="Findings to print with --all (the CSV gets all).")
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every matching finding to this CSV file.",
)
def command(ingest_id: str | None, severity: str | None, every: bool, limit: int, csv_path: Path | None) -> None:
    """Show what validation found: per rule and file, the count, three examples and the fix."""
    settings = get_settings()
    if not settings.ingest_db.exists():
        raise WaypointError(f"No ingest database at {settings.ingest_db}: nothing has been ingested yet.")
    if csv_path:
        count = write_findings_csv(settings, csv_path, ingest_id=ingest_id, severity=severity)
        click.echo(f"{count:,} findings written to {csv_path}")
        return
    if not every:
        _echo_summary(summarise_findings(settings, ingest_id=ingest_id, severity=severity))
        return
    total, rows = query_findings(settings, ingest_id=ingest_id, severity=severity, limit=limit)
    for row in rows:
        where = f"{row['file'] or '-'}" + (f" row {row['row_number']}" if row["row_number"] is not None else "")
        click.echo(
            f"[{row['severity']}] {row['ingest_id']} {where} {row['column_name'] or ''} {row['rule_id']}: "
            f"{row['message']}"
        )
    click.echo(f"{total:,} findings" + (f" (showing {len(rows)})" if total > len(rows) else ""))
