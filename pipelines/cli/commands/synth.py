"""`waypoint synth`: write synthetic HMIS CSV exports and their ground-truth manifest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from pipelines.config import get_settings
from pipelines.errors import WaypointError
from pipelines.spec import READ_VERSIONS
from pipelines.synth import PRESETS, generate
from pipelines.synth.quirks import QUIRKS, apply_to_run


def _parse_date(_ctx, _param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date like 2026-09-30") from err


@click.command("synth")
@click.option(
    "--preset",
    type=click.Choice(list(PRESETS)),
    default="demo",
    show_default=True,
    help="tiny: ~300 clients/2 years (tests); demo: ~3,000/3 years; state: ~200,000/5 years; "
    "national: ~2,000,000/5 years (docs/scale.md).",
)
@click.option("--clients", type=int, default=None, help="Number of clients (people) instead of the preset's.")
@click.option("--years", type=int, default=None, help="Years of history in the export period.")
@click.option("--seed", type=int, default=42, show_default=True, help="Same seed and options give identical files.")
@click.option("--csv-version", type=click.Choice(list(READ_VERSIONS)), default="fy2026", show_default=True)
@click.option("--end-date", callback=_parse_date, default=None, help="Export end date (default 2026-09-30).")
@click.option(
    "--defect-rate", type=float, default=None, help="Multiplies every defect rate (1 = defaults, 0 = clean data)."
)
@click.option(
    "--quirk",
    "quirks",
    type=click.Choice(list(QUIRKS)),
    multiple=True,
    help="Write a vendor quirk into every zip (repeatable): " + "; ".join(f"{k}: {v}" for k, v in QUIRKS.items()),
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (default: $WAYPOINT_HOME/synth).",
)
def command(preset, clients, years, seed, csv_version, end_date, defect_rate, quirks, out) -> None:
    """Generate synthetic HMIS CSV exports, one zip per source, with a manifest of every defect."""
    out = out or get_settings().synth
    try:
        result = generate(
            out,
            preset=preset,
            seed=seed,
            csv_version=csv_version,
            clients=clients,
            years=years,
            end_date=end_date,
            defect_rate=defect_rate,
        )
        apply_to_run(result.zips, result.manifest_path, quirks, csv_version)
    except OSError as err:
        raise WaypointError(f"cannot write to {out}: {err.strerror or err}") from err
    click.echo(
        f"wrote {len(result.zips)} sources, {result.clients:,} clients, {result.total_rows:,} rows "
        f"in {result.seconds:.1f} s to {out}"
    )
    for path in result.zips:
        source = path.parent.name
        files = result.rows[source]
        click.echo(f"  {source}: {path.name} ({len(files)} files, {sum(files.values()):,} rows)")
        click.echo("    " + ", ".join(f"{name} {count:,}" for name, count in files.items()))
    if quirks:
        click.echo(f"  quirks: {', '.join(quirks)}")
    click.echo(f"  manifest: {result.manifest_path} ({result.defects:,} defects, {result.identities:,} identities)")
