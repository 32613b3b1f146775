"""`waypoint report`: build HUD reports (APR, CAPER, DQ, SPM, HIC/PIT) and say where the artifacts went.

Each command records its request(s), builds the warehouse once and writes
``reports/<report>/<period>/<scope>/`` (Sage CSV zip, CSVs, XLSX, manifest.json).
"""

from __future__ import annotations

import getpass
import json

import click

from pipelines.config import get_settings
from pipelines.errors import WaypointError
from pipelines.reports.model import ReportRequest
from pipelines.reports.registry import REPORTS, Report
from pipelines.reports.schedule import build_key
from pipelines.reports.spm import fiscal_year_period
from pipelines.reports.validation import FAILED, FAILED_LABEL, MARKER_FILE, read_manifest, status_text, validation_of

EXIT_FAILED_HUD_VALIDATION = 3  # every artifact written and the warehouse published, but a report failed a HUD rule


def _requested_by(value: str | None) -> str:
    return value or f"cli:{getpass.getuser()}"


def _ids(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _scope(projects: str | None, agency: str | None, coc: str | None) -> tuple[str, tuple[str, ...]]:
    given = [(kind, value) for kind, value in (("projects", projects), ("agency", agency), ("coc", coc)) if value]
    if len(given) != 1:
        raise WaypointError("name exactly one scope: --projects ID,..., --agency ID or --coc CODE")
    kind, value = given[0]
    ids = _ids(value)
    if kind != "coc" and any(":" not in i for i in ids):
        raise WaypointError(f"{kind} ids are <source_id>:<HUD id>, e.g. ok-500:1001 (got {value})")
    if kind == "projects" and len(ids) == 1:
        return "project", ids
    return kind, ids


_TARGET = "waypoint.report.target"  # the engine --target chose, kept in click's context for _run


def _run(requests: list[ReportRequest], supporting: list[ReportRequest], build: bool, by: str | None, verbose: bool):
    from pipelines.reports.build import build_reports

    try:
        artifacts = build_reports(
            requests,
            get_settings(),
            _requested_by(by),
            supporting=supporting,
            build=build,
            on_line=click.echo if verbose else None,
            target=click.get_current_context().meta.get(_TARGET, "duckdb"),
        )
    except ValueError as err:
        raise WaypointError(str(err)) from err
    failed = 0
    for request, written in zip(requests, artifacts, strict=True):
        click.echo(
            f"{request.report} {request.period_start}..{request.period_end} {request.scope_key}: {written.folder}"
        )
        failed += _say_validation(read_manifest(written.manifest_path))
    if failed:
        raise click.exceptions.Exit(EXIT_FAILED_HUD_VALIDATION)


def _say_validation(manifest: dict) -> bool:
    """Print a report's failed HUD rules (rule, what it checks, the failing cells and records); True if any."""
    validation = validation_of(manifest)
    if validation["status"] != FAILED:
        return False
    click.echo(f"  {FAILED_LABEL.upper()}: do not upload it to Sage (see {MARKER_FILE} beside it)", err=True)
    for failure in validation["failures"]:
        click.echo(f"  - {failure['rule']}: {failure['description']}", err=True)
        for row in failure["rows"][:5]:
            click.echo(f"      {json.dumps(row, default=str)}", err=True)
        if failure["failing_rows"] > 5:
            click.echo(f"      ... {failure['failing_rows'] - 5} more row(s)", err=True)
    return True


def _common(function):
    function = click.option(
        "--no-build",
        "build",
        flag_value=False,
        default=True,
        help="Write from the warehouse as published (the request must be in it).",
    )(function)
    function = click.option("--by", help="Who asks (recorded with the request; default cli:<user>).")(function)
    function = click.option("--verbose", "-v", is_flag=True, help="Print dbt's progress lines.")(function)
    function = click.option(
        "--target",
        type=click.Choice(["duckdb", "postgres"]),
        default="duckdb",
        show_default=True,
        expose_value=False,
        callback=lambda ctx, _param, value: ctx.meta.__setitem__(_TARGET, value),
        help="Engine: the DuckDB warehouse, or PostgreSQL's of WAYPOINT_POSTGRES_URL (docs/scale.md).",
    )(function)
    return function


@click.group("report")
def command() -> None:
    """Build HUD reports and write their artifacts under reports/<report>/<period>/<scope>/."""


def _period_command(report: Report) -> click.Command:
    @click.option("--projects", help="Project ids <source_id>:<ProjectID>, comma-separated.")
    @click.option("--agency", help="Agency id <source_id>:<OrganizationID>.")
    @click.option("--coc", help="CoC code, e.g. OK-500.")
    @click.option("--start", type=click.DateTime(["%Y-%m-%d"]), required=True, help="First day (YYYY-MM-DD).")
    @click.option("--end", type=click.DateTime(["%Y-%m-%d"]), required=True, help="Last day (YYYY-MM-DD).")
    @_common
    def run(projects, agency, coc, start, end, build, by, verbose):
        scope_type, ids = _scope(projects, agency, coc)
        key = build_key(report.key, start.date(), end.date(), f"{scope_type}={','.join(ids)}")
        _run_keys((key,), build, by, verbose)

    return click.command(report.verb, help=report.summary)(run)


def _fiscal_year_command(report: Report) -> click.Command:
    @click.option("--coc", required=True, help="CoC code(s), comma-separated: one report per CoC.")
    @click.option(
        "--fy", "fiscal_year", type=int, required=True, help="Federal fiscal year (2026 = Oct 2025 - Sep 2026)."
    )
    @click.option(
        "--trend",
        "trend_years",
        type=click.IntRange(1, 10),
        default=3,
        show_default=True,
        help="Fiscal years in the trend table (this one and the ones before).",
    )
    @_common
    def run(coc, fiscal_year, trend_years, build, by, verbose):
        start, end = fiscal_year_period(fiscal_year)
        key = build_key(report.key, start, end, f"coc={','.join(_ids(coc))}", {"trend_years": str(trend_years)})
        _run_keys((key,), build, by, verbose)

    return click.command(report.verb, help=report.summary)(run)


def _count_night_command(report: Report) -> click.Command:
    @click.option("--coc", required=True, help="CoC code(s), comma-separated.")
    @click.option(
        "--night",
        type=click.DateTime(["%Y-%m-%d"]),
        required=True,
        help="The count night, one of the last ten days of January.",
    )
    @_common
    def run(coc, night, build, by, verbose):
        day = night.date()
        key = build_key(report.key, day, day, f"coc={','.join(_ids(coc))}", {"pit_date": day.isoformat()})
        _run_keys((key,), build, by, verbose)

    return click.command(report.verb, help=report.summary)(run)


def _run_keys(keys: tuple[str, ...], build: bool, by: str | None, verbose: bool) -> None:
    """Every verb ends in keys, planned as Dagster and the dashboards plan theirs (pipelines/reports/plans.py)."""
    from pipelines.reports.plans import plan_keys

    requests, supporting = plan_keys(keys, get_settings(), on_skip=lambda why: click.echo(why, err=True))
    if not requests:
        raise WaypointError(f"nothing to build: {', '.join(keys)} cover no CoC, project or agency")
    _run(requests, supporting, build, by, verbose)


# The options of each CLI shape a registry entry names (pipelines/reports/registry.py).
_SHAPES = {"period": _period_command, "fiscal_year": _fiscal_year_command, "count_night": _count_night_command}
for _report in REPORTS.values():
    command.add_command(_SHAPES[_report.cli](_report))


@command.command("key")
@click.argument("keys", nargs=-1, required=True)
@_common
def by_key(keys, build, by, verbose):
    """Report builds by their keys, e.g. 'apr/2026-07-01..2026-09-30/coc=OK-507' (as Dagster names them); several
    keys are built together in one warehouse build."""
    _run_keys(keys, build, by, verbose)


@command.command("list")
def list_reports() -> None:
    """Every report written, newest first: report, period, scope, when, its HUD validation and its folder."""
    root = get_settings().reports
    manifests = sorted(root.glob("*/*/*/manifest.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    if not manifests:
        click.echo(f"no reports yet under {root}")
        return
    for path in manifests:
        manifest = read_manifest(path)
        build = (manifest.get("warehouse") or {}).get("build_id", "?")
        click.echo(
            f"{manifest['report']:8} {manifest['period_start']}..{manifest['period_end']}  "
            f"{manifest['scope_type']}={','.join(manifest['scope_ids'])}  written {manifest.get('written_at')}  "
            f"build {build}  HUD validation: {status_text(manifest)}  {path.parent}"
        )
