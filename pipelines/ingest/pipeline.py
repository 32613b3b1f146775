"""One delivery from landing to raw: archive, register, unpack, validate, load — in that order.

Everything an export writes (raw rows, registry row, findings) goes in one DuckDB transaction, so a
crash leaves nothing half-written; a fatal finding writes only the registry row and its findings.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from pipelines.config import Settings, get_settings
from pipelines.errors import WaypointError
from pipelines.ingest import legacy
from pipelines.ingest.archive import ArchivedFile, archive_delivery
from pipelines.ingest.deliveries import find_deliveries, source_of
from pipelines.ingest.layout import quote, table_name
from pipelines.ingest.models import ERROR, FATAL, SEVERITIES, WARNING, Finding, IngestResult
from pipelines.ingest.reader import load_text_file
from pipelines.ingest.structure import ColumnMap, check_header
from pipelines.ingest.textfile import TextFile, prepare
from pipelines.ingest.unpack import Limits, ZipRejected, unpack
from pipelines.ingest.validate import FINDINGS_TABLE, create_findings_table, validate_export, view_name
from pipelines.ingest.version import detect_version
from pipelines.ops import content_identity, steps
from pipelines.ops.cleanup import sweep_ingest_leftovers
from pipelines.ops.failures import explain, rollback_quietly
from pipelines.ops.locks import writer_lock
from pipelines.security.keys import MasterKey, active_key
from pipelines.security.workfiles import open_text
from pipelines.spec import ALL_FILES, CSV_VERSIONS, LEGACY_VERSIONS, load_spec, shape_of
from pipelines.store import registry
from pipelines.store.db import connect, limit_memory

_REQUIRED_FILES = ("Export", "Client")
_EXPORT_FIELDS = {
    "export_id": "ExportID", "source_type": "SourceType", "csv_version_declared": "CSVVersion",
    "export_date": "ExportDate", "export_start": "ExportStartDate", "export_end": "ExportEndDate",
    "export_period_type": "ExportPeriodType", "export_directive": "ExportDirective", "hash_status": "HashStatus",
    "software_name": "SoftwareName", "software_version": "SoftwareVersion", "implementation_id": "ImplementationID",
}  # fmt: skip


class IngestFailed(WaypointError):
    """Loading stopped part-way; the transaction was rolled back and nothing was written."""


@dataclass
class _Export:
    """Everything learned about one delivery before it is written."""

    archived: ArchivedFile
    source_id: str
    findings: list[Finding] = field(default_factory=list)
    texts: dict[str, TextFile] = field(default_factory=dict)
    maps: dict[str, ColumnMap] = field(default_factory=dict)
    export_row: dict[str, str] = field(default_factory=dict)  # the Export.csv row that describes the files
    export_rows: list[dict[str, str]] = field(default_factory=list)  # every Export.csv row
    version: str | None = None
    rows: dict[str, int] = field(default_factory=dict)  # HMIS file -> rows read

    @property
    def fatal(self) -> bool:
        return any(f.severity == FATAL for f in self.findings)

    @property
    def ingest_id(self) -> str:
        return self.archived.sha256[:16]


def _export_rows(text: TextFile) -> tuple[list[dict[str, str]], list[Finding]]:
    """Every data row of Export.csv (header names lower-cased); which one describes the files is decided later."""
    with open_text(text.path, text.key, "r", "utf-8-sig") as handle:
        rows = list(csv.reader(io.StringIO(handle.read(1 << 20)), delimiter=text.delimiter, strict=False))
    header = [h.strip().lower() for h in rows[0]] if rows else []
    data = [r for r in rows[1:] if any(v.strip() for v in r)]
    if not data:
        return [], [
            Finding("Export", "export.no_row", FATAL, "Export.csv has no data row, so the export cannot be identified.")
        ]
    return [{h: v for h, v in zip(header, row, strict=False) if v != ""} for row in data], []


def _choose_export_row(con: duckdb.DuckDBPyConnection, export: _Export) -> None:
    """With several Export.csv rows, the one whose ExportID the files carry describes the export (all stay in raw)."""
    if len(export.export_rows) < 2:
        return
    carried = ""
    for name in ("Client", "Enrollment", "Project"):
        if export.rows.get(name):
            rows = con.execute(
                f'SELECT "ExportID" FROM {view_name(name)} WHERE "ExportID" IS NOT NULL GROUP BY 1 '
                "ORDER BY count(*) DESC, 1 LIMIT 1"
            ).fetchall()
            if rows:
                carried = rows[0][0]
                break
    ids = [r.get("exportid", "") for r in export.export_rows]
    at = ids.index(carried) if carried in ids else 0
    export.export_row = export.export_rows[at]
    why = (
        f"the files carry ExportID '{carried}', so row {at + 1} describes this export"
        if carried in ids
        else "no row has the ExportID the files carry, so the first row was used"
    )
    export.findings.append(
        Finding(
            "Export",
            "export.many_rows",
            WARNING,
            f"Export.csv has {len(ids)} data rows (ExportIDs {', '.join(repr(i) for i in ids[:5])}"
            f"{' …' if len(ids) > 5 else ''}); {why}. Every row is kept in raw.export.",
            row_number=at + 1,
            column_name="ExportID",
            value=export.export_row.get("exportid"),
        )
    )


def _inspect(export: _Export, work: Path, limits: Limits, key: MasterKey | None) -> None:
    """Unpack, read headers, identify the export and its version, check the columns."""
    try:
        members, findings = unpack(export.archived.archive_path, work, limits, key)
    except ZipRejected as rejected:
        export.findings.append(rejected.finding)
        return
    export.findings += findings
    for name in ALL_FILES:
        if name in members:
            text, findings = prepare(members[name])
            export.texts[name] = text
            export.findings += findings
    for name in _REQUIRED_FILES:
        if name not in members:
            export.findings.append(Finding(name, "file.missing", FATAL, f"The export has no {name}.csv."))
    if export.fatal:
        return
    export.export_rows, findings = _export_rows(export.texts["Export"])
    export.findings += findings
    if export.fatal:
        return
    export.export_row = export.export_rows[0]
    headers = {name: text.header for name, text in export.texts.items()}
    export.version, findings = detect_version(export.export_row.get("csvversion"), headers)
    export.findings += findings
    if export.version is None:
        return
    spec = load_spec(export.version)
    if export.version in LEGACY_VERSIONS:
        export.findings.append(legacy.mapped_finding(export.version))
    _check_file_set(export, spec)
    other_version = (
        shape_of(export.version)
        if export.version in LEGACY_VERSIONS
        else next(v for v in CSV_VERSIONS if v != export.version)
    )
    other = load_spec(other_version)
    for name, text in export.texts.items():
        hint = (other_version, other.file(name)) if name in other.files else None
        column_map, findings = check_header(text.header, spec.file(name), hint)
        export.maps[name] = column_map
        export.findings += findings


def _check_file_set(export: _Export, spec) -> None:
    """Files the version has but the export lacks (nothing loaded for them); files of another version."""
    for name in spec.files:
        if name not in export.texts:
            export.findings.append(
                Finding(name, "file.missing", ERROR, f"The export has no {name}.csv. Nothing was loaded for it.")
            )
    for name in [n for n in export.texts if n not in spec.files]:
        del export.texts[name]
        export.findings.append(
            Finding(
                name,
                "file.other_version",
                WARNING,
                f"{name}.csv is not a file of the {spec.version.upper()} format; it was not loaded (it stays in "
                "the archive).",
            )
        )


def _stage(con: duckdb.DuckDBPyConnection, export: _Export) -> None:
    """Read every file into temp tables and expose them under HUD names as views ``_v_<table>``."""
    spec = load_spec(export.version)
    for name in spec.files:
        columns = spec.file(name).column_names
        column_map = export.maps.get(name)
        if column_map is None or not column_map.names:
            nulls = ", ".join(f"NULL::VARCHAR AS {quote(c)}" for c in columns)
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW {view_name(name)} AS SELECT {nulls}, NULL::BIGINT AS _row_number WHERE "
                "FALSE"
            )
            continue
        staged = f"_in_{table_name(name)}"
        export.findings += load_text_file(con, export.texts[name], staged)
        export.rows[name] = con.execute(f"SELECT count(*) FROM {quote(staged)}").fetchone()[0]
        position = {hud: i for i, hud in column_map.loaded}
        select = ", ".join(
            f"c{position[c] + 1} AS {quote(c)}" if c in position else f"NULL::VARCHAR AS {quote(c)}" for c in columns
        )
        con.execute(
            f"CREATE OR REPLACE TEMP VIEW {view_name(name)} AS SELECT {select}, rowid + 1 AS _row_number FROM "
            f"{quote(staged)}"
        )


def _add_findings(con: duckdb.DuckDBPyConnection, findings: list[Finding]) -> None:
    if not findings:
        return
    table = pa.table({
        "file": [f.file for f in findings], "row_number": pa.array([f.row_number for f in findings], pa.int64()),
        "column_name": [f.column_name for f in findings], "rule_id": [f.rule_id for f in findings],
        "severity": [f.severity for f in findings], "message": [f.message for f in findings],
        "value": [f.value for f in findings],
    })  # fmt: skip
    con.register("_python_findings", table)
    con.execute(f"INSERT INTO {FINDINGS_TABLE} SELECT * FROM _python_findings")
    con.unregister("_python_findings")


def _write(con: duckdb.DuckDBPyConnection, export: _Export, status: str, received_at: object) -> IngestResult:
    """Registry row, findings and (when loaded) raw rows: one transaction."""
    result = IngestResult(
        path=Path(export.archived.original_name), ingest_id=export.ingest_id, sha256=export.archived.sha256,
        source_id=export.source_id, status=status, export_id=export.export_row.get("exportid"),
        csv_version=export.version,
    )  # fmt: skip
    counts = dict(con.execute(f"SELECT severity, count(*) FROM {FINDINGS_TABLE} GROUP BY 1").fetchall())
    result.findings = {s: int(counts.get(s, 0)) for s in SEVERITIES}
    loaded = status == "loaded"
    if loaded:
        result.rows = dict(export.rows)
    record = {key: export.export_row.get(col.lower()) for key, col in _EXPORT_FIELDS.items()}
    record.update(
        ingest_id=export.ingest_id, sha256=export.archived.sha256, source_id=export.source_id,
        original_name=export.archived.original_name, archive_path=str(export.archived.archive_path),
        received_at=received_at, status=status, csv_version=export.version, rows_loaded=result.rows_loaded,
        findings_fatal=result.findings[FATAL], findings_error=result.findings[ERROR],
        findings_warning=result.findings["warning"],
    )  # fmt: skip
    con.execute("BEGIN TRANSACTION")
    try:
        if loaded:
            _insert_raw(con, export)
        registry.insert_registry(con, record)
        con.execute(f"INSERT INTO meta.validation_findings SELECT ?, * FROM {FINDINGS_TABLE}", [export.ingest_id])
        con.execute("COMMIT")
    except BaseException as err:
        rollback_quietly(con)  # a failed COMMIT leaves no transaction: keep the first error, not ROLLBACK's
        if isinstance(err, duckdb.Error):
            raise IngestFailed(
                explain(err, doing=f"loading {export.archived.original_name}")
                or f"Loading {export.archived.original_name} failed and was undone; nothing was written "
                f"({str(err).splitlines()[0]})."
            ) from err
        raise
    return result


def _insert_raw(con: duckdb.DuckDBPyConnection, export: _Export) -> None:
    """Raw rows of a loaded export; a legacy export's as delivered in its own schema, then mapped into raw."""
    spec = load_spec(export.version)
    is_legacy = export.version in LEGACY_VERSIONS
    for name in (n for n, count in export.rows.items() if count):
        cols = ", ".join(quote(c) for c in spec.file(name).column_names)
        if is_legacy:
            target, meta, params = f"{legacy.LEGACY_SCHEMA[export.version]}.{quote(table_name(name))}", "", []
        else:
            target, meta, params = f"raw.{quote(table_name(name))}", "_csv_version, ", [export.version]
        con.execute(
            f"INSERT INTO {target} ({cols}, _ingest_id, _source_id, {meta}_row_number) "
            f"SELECT {cols}, ?, ?, {'?, ' if params else ''}_row_number FROM {view_name(name)}",
            [export.ingest_id, export.source_id, *params],
        )
    if is_legacy:
        legacy.write_mapped(con, export.version, [export.ingest_id, export.source_id, export.version])


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self._last
        self._last = now


def _drop_temp(con: duckdb.DuckDBPyConnection) -> None:
    for kind, name in con.execute(
        "SELECT 'VIEW', view_name FROM duckdb_views() WHERE temporary AND NOT internal "
        "UNION ALL SELECT 'TABLE', table_name FROM duckdb_tables() WHERE temporary"
    ).fetchall():
        con.execute(f"DROP {kind} IF EXISTS {quote(name)}")


def ingest_one(
    con: duckdb.DuckDBPyConnection, path: Path, source_id: str, settings: Settings, limits: Limits
) -> IngestResult:
    clock = _Clock()
    key = active_key(settings.home)  # one line when the home is encrypted and the key is missing or wrong
    archived, findings = archive_delivery(path, settings.archive, key)
    clock.lap("archive")
    export = _Export(archived=archived, source_id=source_id, findings=findings)
    existing = registry.registered(con, archived.sha256)
    if existing:
        return IngestResult(
            path=path, ingest_id=existing[0], sha256=archived.sha256, source_id=source_id, status="duplicate"
        )
    received_at = registry.now()
    work_root = settings.home / "work"
    work_root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ingest-", dir=work_root))
    try:
        _inspect(export, work, limits, key)
        clock.lap("unpack")
        content = content_identity.digest(
            export.export_row.get("exportid"), {n: t.path for n, t in export.texts.items()}, key
        )
        same = None if export.fatal else content_identity.loaded_with(con, content, source_id)
        if same:  # the same export re-packed: recognised by ExportID and file digests (pipelines.ops)
            return IngestResult(
                path=path, ingest_id=same, sha256=archived.sha256, source_id=source_id, status="duplicate"
            )
        content_identity.remember(con, export.ingest_id, export.export_row.get("exportid"), content)
        create_findings_table(con)
        if not export.fatal:
            _stage(con, export)
            _choose_export_row(con, export)
            clock.lap("read")
            hashed = export.export_row.get("hashstatus", "").strip() in ("2", "4")
            validate_export(con, load_spec(export.version), export.rows, hashed=hashed)
            clock.lap("validate")
        _add_findings(con, export.findings)
        result = _write(con, export, "rejected" if export.fatal else "loaded", received_at)
        clock.lap("write")
        result.path = path
        result.timings = clock.laps
        return result
    finally:
        _drop_temp(con)
        shutil.rmtree(work, ignore_errors=True)


def ingest_paths(
    paths: list[Path], *, source: str | None = None, settings: Settings | None = None, limits: Limits | None = None
) -> list[IngestResult]:
    """Archive, register, validate and load each delivered export; one result per delivered file."""
    settings = (settings or get_settings()).ensure()
    active_key(settings.home)  # a missing or wrong key stops the run before anything is read
    limits = limits or Limits()
    deliveries: list[Path] = []
    for path in map(Path, paths):
        if not path.exists():
            raise WaypointError(f"{path} does not exist.")
        deliveries += find_deliveries(path)
    results = []
    with writer_lock(settings.ingest_db, "ingest"):
        con = connect(settings.ingest_db)
        try:
            limit_memory(con, settings.home / "work" / "duckdb_tmp")
            registry.ensure_schema(con)
            steps.ensure_table(con)
            content_identity.ensure_table(con)
            sweep_ingest_leftovers(settings)  # unpacked CSVs and partial zips of killed ingests
            for delivery in deliveries:
                results.append(ingest_one(con, delivery, source or source_of(delivery), settings, limits))
        finally:
            con.close()
    return results
