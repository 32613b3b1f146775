"""A report build: record the requests, build the warehouse once, write each request's artifacts.

DESIGN: "Report periods are data": a request is a row of ``meta.report_requests``; one warehouse build
computes every requested report set-wise; the artifacts are then laid out from the published
warehouse (``reports/<report>/<period>/<scope>/``) with a manifest naming the build and the exports it
read. The CLI (`waypoint report`) calls ``build_reports``; Dagster's ``report_build`` job runs the same steps
(``record_requests``, the build, ``write_reports``) as assets (pipelines/defs/reports/assets.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import duckdb

from pipelines.config import Settings, get_settings
from pipelines.errors import WaypointError
from pipelines.ops.folders import replaced_atomically
from pipelines.ops.locks import writer_lock
from pipelines.reports.artifacts import Artifacts, moved, report_folder, table_csv, write_artifacts
from pipelines.reports.marts import MartReader
from pipelines.reports.model import ReportRequest
from pipelines.reports.registry import report_named
from pipelines.reports.validation import mark_folder, request_validation
from pipelines.security import databases
from pipelines.store.db import connect
from pipelines.store.requests import add_request
from pipelines.store.retention import retire_superseded


def record_requests(requests: Sequence[ReportRequest], settings: Settings, requested_by: str) -> list[str]:
    """Add the requests to meta.report_requests (creating it if needed; the same request twice is one row) and
    retire the older runs they supersede (pipelines/store/retention.py)."""
    with writer_lock(settings.ingest_db, "report request"):
        con = connect(settings.ingest_db)
        try:
            ids = [add_request(con, request, requested_by=requested_by) for request in requests]
            retire_superseded(con, requests)
            return ids
        finally:
            con.close()


def _waypoint_version() -> str:
    try:
        return version("waypoint")
    except PackageNotFoundError:
        return "unknown"


def warehouse_inputs(con: duckdb.DuckDBPyConnection) -> dict:
    """What the published warehouse was built from: the build record and the exports it read."""
    try:
        build = con.execute(
            "select build_id, started_at, finished_at, dbt_version from meta.build order by finished_at desc limit 1"
        ).fetchone()
        exports = con.execute(
            "select source_id, ingest_id, export_id, export_date from staging.stg_meta__current_exports "
            "order by source_id, recency desc"
        ).fetchall()
    except duckdb.CatalogException as err:
        raise WaypointError("the published warehouse has no build record; run `waypoint build`") from err
    build_id, started_at, finished_at, dbt_version = build or (None, None, None, None)
    return {
        "warehouse": {
            "build_id": build_id,
            "built_at": finished_at,
            "build_started_at": started_at,
            "dbt_version": dbt_version,
            "waypoint_version": _waypoint_version(),
        },
        "inputs": [
            {"source_id": source, "ingest_id": ingest_id, "export_id": export_id, "export_date": export_date}
            for source, ingest_id, export_id, export_date in exports
        ],
        "export_ids": sorted({export_id for _, _, export_id, _ in exports if export_id}),
        "ingest_ids": sorted(ingest_id for _, ingest_id, _, _ in exports),
    }


def _write_extra(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = folder / name
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)


def open_published(settings: Settings, target: str = "duckdb"):
    """The published warehouse, read-only: the DuckDB file, or the PostgreSQL database (docs/scale.md)."""
    if target == "postgres":
        from pipelines.warehouse.postgres import PostgresReader, PostgresTarget

        return PostgresReader(PostgresTarget.from_environment())
    if not settings.published_db.exists():
        raise WaypointError(f"no published warehouse at {settings.published_db}; run `waypoint build` first")
    return databases.connect(settings.published_db, read_only=True, home=settings.home)


def write_reports(
    requests: Sequence[ReportRequest], settings: Settings, *, requested_by: str, target: str = "duckdb"
) -> list[Artifacts]:
    """Write each request's artifacts from the published warehouse (which must already hold the requests)."""
    written = []
    con = open_published(settings, target)
    try:
        inputs = warehouse_inputs(con)
        marts = MartReader(con, [r.request_id for r in requests])  # each mart read once for all the requests
        for request in requests:
            report_time = datetime.now().replace(microsecond=0)
            report = report_named(request.report)
            tables = report.tables(request, marts)
            validation = request_validation(con, request)  # HUD's rules: a failed report is written, and marked
            manifest = {**inputs, "requested_by": requested_by, "report_time": report_time.isoformat()}
            manifest["hud_validation"] = validation
            target = report_folder(settings.reports, request)
            with replaced_atomically(target) as aside:  # the whole folder swapped in one step, manifest included
                artifacts = write_artifacts(
                    settings.reports, request, tables, inputs=manifest, folder=aside,
                    table_writer=report.table_writer or table_csv,
                )  # fmt: skip
                _write_extra(aside, report.files_beside(request, marts, report_time=report_time))
                mark_folder(aside, validation)
            written.append(moved(artifacts, aside, target))
    finally:
        con.close()
    return written


def build_reports(
    requests: Sequence[ReportRequest],
    settings: Settings | None = None,
    requested_by: str = "waypoint",
    *,
    supporting: Sequence[ReportRequest] = (),
    build: bool = True,
    on_line: Callable[[str], None] | None = None,
    target: str = "duckdb",
) -> list[Artifacts]:
    """Record ``requests``, build and publish the warehouse once, and write every request's artifacts.

    ``supporting`` requests are computed in the same build but get no artifacts (earlier fiscal years an
    SPM trend lines up). With ``build=False`` the artifacts come from the warehouse as last published
    (the requests must have been recorded before that build). Returns one Artifacts per request, in
    order; each manifest names the warehouse build and the exports it read. ``target`` "postgres" builds
    and reads the PostgreSQL warehouse of WAYPOINT_POSTGRES_URL instead of the DuckDB file.
    """
    if not requests:
        raise WaypointError("no report requested")
    settings = (settings or get_settings()).ensure()
    record_requests([*supporting, *requests], settings, requested_by)
    if build and target == "postgres":
        from pipelines.warehouse.postgres_build import build_postgres_warehouse

        build_postgres_warehouse(settings, on_line=on_line)
    elif build:
        from pipelines.warehouse.build import build_warehouse

        build_warehouse(settings, on_line=on_line)
    return write_reports(requests, settings, requested_by=requested_by, target=target)
