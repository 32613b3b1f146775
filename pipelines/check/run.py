"""`check_export`: ingest one export into a throw-away installation, build only the data-quality models
there, and return the file-structure findings and every DQ issue with guidance. The real installation
(its archive, ingest database and published warehouse) is never touched."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.config import Settings
from pipelines.errors import WaypointError
from pipelines.ingest import ingest_paths
from pipelines.warehouse.dbt_cli import dbt_env, dbt_executable, summarise_run_results
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR
from pipelines.warehouse.publish import SHARED_PARSE_STATE, WORKING_DATABASE, copy_parse_state

DQ_SELECTION = ("+path:models/marts/dq", "+path:models/intermediate/identity")
ISSUE_COLUMNS = (
    "organization_name",
    "project_id",
    "project_name",
    "project_type",
    "severity",
    "check_id",
    "check_name",
    "data_element",
    "record_type",
    "record_id",
    "personal_id",
    "enrollment_id",
    "household_id",
    "entry_date",
    "exit_date",
    "detected_value",
    "what_to_fix",
)
FINDING_COLUMNS = ("file", "row_number", "column_name", "rule_id", "severity", "message")


class CheckFailed(WaypointError):
    """The export could not be checked (rejected at ingest, or the DQ build failed)."""


@dataclass
class CheckReport:
    export: Path
    status: str  # loaded / rejected
    source_id: str
    csv_version: str | None
    findings: pd.DataFrame
    issues: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ISSUE_COLUMNS))
    catalogue: pd.DataFrame = field(default_factory=pd.DataFrame)
    settings: pd.DataFrame = field(default_factory=pd.DataFrame)
    seconds: float = 0.0

    def summary(self) -> pd.DataFrame:
        """Issues per project, severity and check (what the first sheet of the workbook shows)."""
        if self.issues.empty:
            return pd.DataFrame(columns=["project_name", "severity", "check_name", "records"])
        return (
            self.issues.groupby(["project_name", "severity", "check_name"], dropna=False)
            .size()
            .rename("records")
            .reset_index()
            .sort_values(["project_name", "severity", "records"], ascending=[True, True, False])
        )


def check_export(export: Path, *, source: str | None = None, work: Path | None = None) -> CheckReport:
    """Findings and DQ issues of one export zip (or unzipped folder), built in ``work`` (a temporary
    folder, removed afterwards, when not given)."""
    started = time.perf_counter()
    export = Path(export)
    if not export.exists():
        raise CheckFailed(f"{export} does not exist.")
    with tempfile.TemporaryDirectory(prefix="waypoint-check-", dir=work) as tmp:
        settings = Settings(home=Path(tmp) / "home").ensure()
        results = ingest_paths([export], source=source, settings=settings)
        if len(results) != 1:
            raise CheckFailed(f"{export} holds {len(results)} exports; check one at a time.")
        result = results[0]
        findings = _findings(settings.ingest_db)
        report = CheckReport(export, result.status, result.source_id, result.csv_version, findings)
        if result.status == "loaded":
            database = settings.build_dir / WORKING_DATABASE  # as a build's: dbt's saved parse fits (publish.py)
            build_dq(database, settings.ingest_db, Path(tmp) / "dbt")
            read_issues(report, database)
        report.seconds = time.perf_counter() - started
        return report


def read_issues(report: CheckReport, database: Path) -> CheckReport:
    """Fill ``report`` with the DQ issues, the check catalogue and the settings of a built database."""
    with duckdb.connect(str(database), read_only=True) as con:
        report.issues = con.execute(
            f"select {', '.join(ISSUE_COLUMNS)} from marts.dq_record_issues "
            "order by project_name, severity, check_id, record_id"
        ).df()
        report.catalogue = con.execute(
            "select check_id, check_name, severity, data_element, guidance, eva_id "
            "from marts.dq_check_catalogue order by check_id"
        ).df()
        report.settings = con.execute(
            "select setting, value, unit, description from reference.dq_check_settings order by setting"
        ).df()
    return report


def _findings(ingest_db: Path) -> pd.DataFrame:
    with duckdb.connect(str(ingest_db), read_only=True) as con:
        return con.execute(
            f"select {', '.join(FINDING_COLUMNS)} from meta.validation_findings "
            "order by severity, file, row_number nulls first, column_name"
        ).df()


def build_dq(database: Path, ingest_db: Path, target: Path) -> None:
    """dbt seed, then run the DQ models and what they stand on (no data tests: this is a check, not a publish).

    dbt runs beside ``database`` with the profile's paths relative to it, as a warehouse build does, and starts
    from the last build's parse of the project when there is one."""
    if SHARED_PARSE_STATE.exists():
        copy_parse_state(SHARED_PARSE_STATE, target)
    target.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **dbt_env(database, ingest_db, cwd=database.parent)}
    for args in (["seed"], ["run", "--select", *DQ_SELECTION]):
        command = [
            dbt_executable(),
            *args,
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
        ]
        command += ["--target-path", str(target), "--log-path", str(target)]
        done = subprocess.run(command, cwd=database.parent, env=env, capture_output=True, text=True, check=False)
        results = target / "run_results.json"
        outcome = summarise_run_results(json.loads(results.read_text())) if results.exists() else None
        if outcome is None or not outcome.ok:
            said = (done.stdout or done.stderr).strip().splitlines()[-5:]
            raise CheckFailed(f"dbt {args[0]} failed while checking the export: {' | '.join(said)}")
        results.unlink()
