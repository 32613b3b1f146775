"""`waypoint check EXPORT.zip --xlsx out.xlsx`: what Eva does for an upload, without publishing anything."""

from __future__ import annotations

from pathlib import Path

import click

from pipelines.check import check_export, write_workbook


@click.command("check")
@click.argument("export", type=click.Path(exists=True, path_type=Path))
@click.option("--xlsx", "xlsx", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--source", help="Source id to check the export as (default: the name of its parent folder).")
def command(export: Path, xlsx: Path | None, source: str | None) -> None:
    """Check an HMIS CSV export: file structure and every data-quality check, by project, with guidance.

    The export is ingested and built in a temporary folder: it never enters the archive or the published
    warehouse (use `waypoint ingest` for that). Exit code 0 when the export could be checked, 1 when it was
    rejected for its structure.
    """
    report = check_export(export, source=source)
    severities = report.findings["severity"].value_counts().to_dict() if not report.findings.empty else {}
    click.echo(f"{export.name}: {report.status.upper()}  {(report.csv_version or 'unknown version').upper()}")
    click.echo("  file structure: " + (", ".join(f"{n} {s}" for s, n in severities.items()) or "no findings"))
    if report.status == "loaded":
        counts = report.issues["severity"].value_counts().to_dict() if not report.issues.empty else {}
        click.echo("  data quality: " + (", ".join(f"{n} {s}s" for s, n in counts.items()) or "no issues"))
        for project, group in report.issues.groupby("project_name", dropna=False):
            click.echo(f"    {project}: {len(group)} records to fix")
    if xlsx:
        write_workbook(report, xlsx)
        click.echo(f"  report: {xlsx}")
    click.echo(f"  checked in {report.seconds:.0f} s")
    raise SystemExit(1 if report.status == "rejected" else 0)
