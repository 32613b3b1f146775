"""`waypoint ingest PATH...`: archive, validate and load HMIS CSV exports by hand (what the sensor does)."""

from __future__ import annotations

from pathlib import Path

import click

from pipelines.config import get_settings
from pipelines.errors import WaypointError
from pipelines.ingest import IngestResult, ingest_paths
from pipelines.ops.failures import explain
from pipelines.ops.locks import writer_lock
from pipelines.ops.steps import unfinished_ingests
from pipelines.store.validation import validation_of


def _line(result: IngestResult) -> str:
    counts = ", ".join(f"{n} {s}" for s, n in result.findings.items() if n) or "no findings"
    if result.status == "duplicate":
        return f"{result.path.name}: duplicate of ingest {result.ingest_id} (already received; nothing changed)"
    head = f"{result.path.name}: {result.status.upper()}  ingest {result.ingest_id}  export {result.export_id or '?'}"
    head += f"  {(result.csv_version or 'unknown version').upper()}  source {result.source_id}"
    lines = [head, f"  findings: {counts}"]
    if result.rows:
        rows = ", ".join(f"{name} {n:,}" for name, n in result.rows.items() if n)
        lines.append(f"  rows loaded: {result.rows_loaded:,} ({rows})")
    return "\n".join(lines)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--source", help="Source id (default: the name of each file's parent folder).")
@click.option(
    "--expectations/--no-expectations",
    default=True,
    show_default=True,
    help="Run the Great Expectations suites after loading.",
)
def command(paths: tuple[Path, ...], source: str | None, expectations: bool) -> None:
    """Archive, validate and load HMIS CSV export zips (or unzipped export folders).

    Exit code 0 when every export loaded (even with errors or warnings), 1 when any was rejected.
    """
    settings = get_settings()
    with writer_lock(settings.ingest_db, "ingest"):  # held until Great Expectations is done (ops.locks)
        results = ingest_paths(list(paths), source=source, settings=settings)
        unfinished = unfinished_ingests(settings, results) if expectations else []
        for result in results:
            click.echo(_line(result))
            if result.ingest_id in unfinished and result.status == "duplicate":
                click.echo("  its Great Expectations step did not finish last time: completing it now")
        loaded = [r.ingest_id for r in results if r.status == "loaded"]
        loaded += [i for i in unfinished if i not in loaded]
        if expectations and loaded:
            from pipelines.ingest.gx import run_expectations

            try:
                outcome = run_expectations(loaded, settings=settings)
            except Exception as err:  # the exports are loaded; say what failed without a stack trace
                line = explain(err, doing="Great Expectations")
                raise WaypointError(line or f"the exports were loaded, but Great Expectations failed: {err}") from err
            click.echo(f"Great Expectations: {outcome.summary()}; Data Docs: {outcome.docs_index}")
        checked = loaded + [r.ingest_id for r in results if r.status == "rejected"]
        if checked:  # the verdict Dagster's asset checks give on the same exports (pipelines.store.validation)
            click.echo(validation_of(settings, checked).summary().capitalize())
    if results:
        click.echo(
            f"Findings: `waypoint findings --ingest-id ID` (table meta.validation_findings in {settings.ingest_db})."
        )
    raise SystemExit(1 if any(r.status == "rejected" for r in results) else 0)
