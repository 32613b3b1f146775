"""Run the Great Expectations suites over one ingest's raw rows and turn failures into findings.

Validation results and Data Docs go to ``<WAYPOINT_HOME>/gx`` (they hold row-level values, so they
stay with the data, never in the repository); the suites are generated from the spec in memory, identical
to the ones ``python -m pipelines.ingest.gx.suites`` writes under ``expectations/``. Failures already reported
by the structural validator (same file, row, column and rule) are not repeated.
"""

from __future__ import annotations

import contextlib
import copy
import logging
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import great_expectations as gx
import great_expectations.exceptions as gx_exceptions
import pandas as pd
from great_expectations.data_context.types.base import (
    DataContextConfig,
    InMemoryStoreBackendDefaults,
    ProgressBarsConfig,
)

from pipelines.config import Settings, get_settings
from pipelines.ingest.dates import date_sql, timestamp_sql
from pipelines.ingest.gx.suites import build_suite
from pipelines.ingest.layout import quote, table_name
from pipelines.ops import steps
from pipelines.ops.failures import rollback_quietly
from pipelines.spec import FILE_ORDER, load_spec, shape_of
from pipelines.store.db import connect

FULL_SUITE_MAX_ROWS = 10_000
_RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": ["_row_number"]}


def _iso(ref: str, dtype: str) -> str:
    """SQL: a raw date/datetime text in HUD's form when ``dates`` reads it, else the text as delivered."""
    if dtype == "D":
        return f"coalesce(strftime({date_sql(ref)}, '%Y-%m-%d'), {ref})"
    if dtype == "T":
        return f"coalesce(strftime({timestamp_sql(ref)}, '%Y-%m-%d %H:%M:%S'), {ref})"
    return ref


def _first_date(table: str, column: str, join: str, name: str) -> str:
    """SQL: the earliest date of ``column`` in another raw table of the same ingest, as YYYY-MM-DD."""
    ref = f'o."{column}"'
    return (
        f"(SELECT strftime(min({date_sql(ref)}), '%Y-%m-%d') FROM raw.{table} o "
        f"WHERE o._ingest_id = t._ingest_id{join}) AS {name}"
    )


# HUD collects 3.20 Housing Move-In Date only in PSH, PH housing only, PH housing with services and RRH.
MOVE_IN_PROJECT_TYPES = (3, 9, 10, 13)
_BY_ENROLLMENT = ' AND o."EnrollmentID" = t."EnrollmentID"'
_EXPORT_DATE = _first_date("export", "ExportDate", "", "_export_date")
_MOVE_IN_REF = 't."MoveInDate"'
_MOVE_IN = (
    'CASE WHEN (SELECT min(TRY_CAST(p."ProjectType" AS INTEGER)) FROM raw.project p '
    'WHERE p._ingest_id = t._ingest_id AND p."ProjectID" = t."ProjectID") '
    f"IN {MOVE_IN_PROJECT_TYPES} THEN {_iso(_MOVE_IN_REF, 'D')} END AS _move_in_date"
)
_HELPERS = {
    "Exit": [_first_date("enrollment", "EntryDate", _BY_ENROLLMENT, "_entry_date")],
    "Enrollment": [_first_date("exit", "ExitDate", _BY_ENROLLMENT, "_exit_date"), _EXPORT_DATE, _MOVE_IN],
    "Client": [_EXPORT_DATE],
}
# Helper columns a finding names by the HUD column they stand for.
_SHOWN_AS = {"_move_in_date": "MoveInDate"}

logging.getLogger("great_expectations").setLevel(logging.ERROR)


@dataclass
class FileOutcome:
    ingest_id: str
    file: str
    suite: str
    evaluated: int
    failed: dict[str, int]  # severity -> failed expectations
    findings_added: int

    @property
    def success(self) -> bool:
        return not any(self.failed.values())


@dataclass
class GxOutcome:
    files: list[FileOutcome] = field(default_factory=list)
    docs_index: Path | None = None

    def summary(self) -> str:
        failed = sum(1 for f in self.files if not f.success)
        added = sum(f.findings_added for f in self.files)
        return f"{len(self.files)} files checked, {failed} with failed expectations, {added} new findings"


def _context(settings: Settings):
    """Suites and checkpoints in memory (generated from the spec each run); results and Data Docs on disk."""
    root = settings.home / "gx"
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        progress_bars=ProgressBarsConfig(globally=False),
    )
    config.stores["validation_results_store"] = {
        "class_name": "ValidationResultsStore",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(root / "validations")},
    }
    config.data_docs_sites = {
        "local_site": {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(root / "data_docs")},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }
    }
    context = gx.get_context(project_config=config)
    context.data_sources.add_pandas("waypoint_raw")
    return context


def _frame(con: duckdb.DuckDBPyConnection, ingest_id: str, file: str, version: str, suite) -> pd.DataFrame:
    """The raw rows the suite reads; dates in a form ``dates`` reads are given as YYYY-MM-DD (hh:mm:ss), so
    expectations compare dates, not texts (an unreadable value stays as delivered, for the type rule)."""
    wanted = {getattr(e, k, None) for e in suite.expectations for k in ("column", "column_A", "column_B")}
    columns = ", ".join(
        f"{_iso(f't.{quote(c.name)}', c.dtype)} AS {quote(c.name)}"
        for c in load_spec(version).file(file).columns
        if c.name in wanted
    )
    helpers = "".join(", " + h for h in _HELPERS.get(file, []))
    sql = (
        f"SELECT {columns}, t._row_number{helpers} FROM raw.{quote(table_name(file))} t "
        "WHERE t._ingest_id = ? ORDER BY t._row_number"
    )
    return con.execute(sql, [ingest_id]).df()


def _findings_of(result: dict, file: str) -> list[tuple]:
    """One finding per failing row of one expectation result."""
    config = result["expectation_config"]
    meta, kwargs = config.get("meta") or {}, config.get("kwargs") or {}
    column = kwargs.get("column") or kwargs.get("column_A")
    rows = []
    for index in (result.get("result") or {}).get("unexpected_index_list") or []:
        if not isinstance(index, dict):
            continue
        row_number = int(index.get("_row_number"))
        named = column and (not column.startswith("_") or column in _SHOWN_AS)
        shown = column if named else kwargs.get("column_B", column)
        if shown in _SHOWN_AS:
            index = {(_SHOWN_AS[shown] if k == shown else k): v for k, v in index.items()}
            shown = _SHOWN_AS[shown]
        value = index.get(shown)
        value = None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)[:200]
        others = [
            f"{k} '{v}'"
            for k, v in index.items()
            if k not in ("_row_number", shown) and v is not None and not pd.isna(v)
        ]
        message = f"Expectation not met: {config.get('description') or config['type']} Found {shown} '{value}'"
        message += (", " + ", ".join(others)) if others else ""
        rows.append(
            (
                file,
                row_number,
                shown,
                meta.get("rule_id", f"gx.{config['type']}"),
                meta.get("severity", "warning"),
                message + ".",
                value,
            )
        )
    return rows


def _suite(file: str, version: str, full: bool) -> gx.ExpectationSuite:
    """The whole generated suite, or for a large file only what the structural validator does not check.

    A legacy export's rows were mapped into a current shape: its version's suite runs, without the
    expectations on columns the delivered format does not have (they are empty or derived by the mapping).
    """
    shape = shape_of(version)
    suite = build_suite(file, shape)
    name, kept = suite.name, list(suite.expectations)
    if shape != version:
        delivered = set(load_spec(version).file(file).column_names) if file in load_spec(version).files else set()
        kept = [e for e in kept if e.meta["rule_id"].startswith("business.") or getattr(e, "column", None) in delivered]
        name = f"{name}.from_{version}"
    if not full:
        kept, name = [e for e in kept if e.meta["rule_id"].startswith("business.")], f"{name}.business"
    if name == suite.name:
        return suite
    return gx.ExpectationSuite(name=name, expectations=[copy.copy(e) for e in kept], meta=suite.meta)


def _checkpoint(context, suite: gx.ExpectationSuite, file: str) -> gx.Checkpoint:
    """Suite, validation definition and checkpoint of one raw table, added to the in-memory context once."""
    name = suite.name
    with contextlib.suppress(gx_exceptions.DataContextError):
        return context.checkpoints.get(f"raw.{name}")
    suite = context.suites.add(suite)
    source = context.data_sources.get("waypoint_raw")
    asset = next((a for a in source.assets if a.name == table_name(file)), None) or source.add_dataframe_asset(
        table_name(file)
    )
    batch = next(
        (b for b in asset.batch_definitions if b.name == "ingest"), None
    ) or asset.add_batch_definition_whole_dataframe("ingest")
    definition = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
    return context.checkpoints.add(
        gx.Checkpoint(name=f"raw.{name}", validation_definitions=[definition], result_format=_RESULT_FORMAT)
    )


def _validate_file(
    context, con, ingest_id: str, file: str, version: str, full_suite_max_rows: int
) -> tuple[FileOutcome, list[tuple], list] | None:
    rows = con.execute(
        f"SELECT count(*) FROM raw.{quote(table_name(file))} WHERE _ingest_id = ?", [ingest_id]
    ).fetchone()[0]
    suite = _suite(file, version, full=rows <= full_suite_max_rows)
    if not rows or not suite.expectations:
        return None
    frame = _frame(con, ingest_id, file, shape_of(version), suite)
    checkpoint = _checkpoint(context, suite, file)
    run = checkpoint.run(
        batch_parameters={"dataframe": frame}, run_id=gx.RunIdentifier(run_name=f"{ingest_id}.{table_name(file)}")
    )
    failed: dict[str, int] = {"error": 0, "warning": 0}
    findings: list[tuple] = []
    evaluated = 0
    for validation in run.run_results.values():
        for result in validation.to_json_dict()["results"]:
            evaluated += 1
            if not result["success"]:
                failed[(result["expectation_config"].get("meta") or {}).get("severity", "warning")] += 1
                findings += _findings_of(result, file)
    return FileOutcome(ingest_id, file, suite.name, evaluated, failed, 0), findings, list(run.run_results)


def _store_findings(con: duckdb.DuckDBPyConnection, ingest_id: str, rows: list[tuple]) -> int:
    """Insert findings the structural validator did not already make; refresh the registry counts."""
    if not rows:
        return 0
    frame = pd.DataFrame(rows, columns=["file", "row_number", "column_name", "rule_id", "severity", "message", "value"])
    con.register("_gx_findings", frame)
    try:
        con.execute("BEGIN TRANSACTION")
        added = con.execute(
            """INSERT INTO meta.validation_findings
            SELECT DISTINCT ?, g.file, g.row_number, g.column_name, g.rule_id, g.severity, g.message, g.value
            FROM _gx_findings g
            WHERE NOT EXISTS (
                SELECT 1 FROM meta.validation_findings f WHERE f.ingest_id = ? AND f.file = g.file
                AND f.row_number IS NOT DISTINCT FROM g.row_number AND f.column_name IS NOT DISTINCT FROM g.column_name
                AND f.rule_id = g.rule_id)""",
            [ingest_id, ingest_id],
        ).fetchone()[0]
        con.execute(
            """UPDATE meta.export_registry r SET
                findings_error = (SELECT count(*) FROM meta.validation_findings f
                    WHERE f.ingest_id = r.ingest_id AND f.severity = 'error'),
                findings_warning = (SELECT count(*) FROM meta.validation_findings f
                    WHERE f.ingest_id = r.ingest_id AND f.severity = 'warning')
            WHERE r.ingest_id = ?""",
            [ingest_id],
        )
        con.execute("COMMIT")
    except BaseException:
        rollback_quietly(con)
        raise
    finally:
        con.unregister("_gx_findings")
    return int(added)


def docs_index(settings: Settings) -> Path:
    """Where the Data Docs site of this installation opens."""
    return settings.home / "gx" / "data_docs" / "index.html"


def run_expectations(
    ingest_ids: list[str],
    *,
    settings: Settings | None = None,
    files: list[str] | None = None,
    full_suite_max_rows: int = FULL_SUITE_MAX_ROWS,
) -> GxOutcome:
    """Validate the raw rows of each loaded ingest with its version's suites; build Data Docs.

    A file with more than ``full_suite_max_rows`` rows runs only the business expectations: GX's cost
    grows with rows times expectations, and the spec-generated ones repeat checks the structural
    validator already made on every row. Callers hold the writer lock across loading and this step
    (pipelines.ops.locks), so no build reads ingest.duckdb in between.
    """
    settings = settings or get_settings()
    context = _context(settings)
    outcome = GxOutcome()
    result_ids: list = []
    con = connect(settings.ingest_db)
    try:
        for ingest_id in ingest_ids:
            row = con.execute(
                "SELECT csv_version FROM meta.export_registry WHERE ingest_id = ? AND status = 'loaded'", [ingest_id]
            ).fetchone()
            if row is None:
                continue
            for file in files or FILE_ORDER:
                done = _validate_file(context, con, ingest_id, file, row[0], full_suite_max_rows)
                if done is None:
                    continue
                file_outcome, rows, identifiers = done
                result_ids += identifiers
                file_outcome.findings_added = _store_findings(con, ingest_id, rows)
                outcome.files.append(file_outcome)
            if files is None:
                steps.mark_done(con, ingest_id)  # only now is the ingest complete (pipelines.ops.steps)
    finally:
        con.close()
    if result_ids:
        context.build_data_docs(resource_identifiers=result_ids)
    outcome.docs_index = docs_index(settings)
    return outcome
