"""`check_export`: ingest one export into a throw-away installation, build only the data-quality models
there, and return the file-structure findings and every DQ issue with guidance. The real installation
(its archive, ingest database and published warehouse) is never touched."""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipelines.config import Settings
from pipelines.errors import WaypointError
from pipelines.ingest import ingest_paths
from pipelines.security import databases
from pipelines.warehouse import parse_state
from pipelines.warehouse.dbt_cli import dbt_env, dbt_executable
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR
from pipelines.warehouse.parse_state import PARSE_STATE

# What a check reads (the issues, the catalogue, the settings) and everything they stand on; the HUD
# framework marts and scorecards (20 of 70 nodes, a quarter of the build's model time) are left out.
DQ_SELECTION = ("+dq_record_issues", "+dq_check_catalogue", "dq_check_settings")
CHECK_DB = "check.duckdb"
ISSUE_COLUMNS = (
    "organization_name",
    "project_id",
    "project_name",
    "project_type",
    "severity",
    "check_id",
    "check_name",
    "data_element",
    "eva_id",
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
            read_issues(report, build_dq(Path(tmp), settings.ingest_db))
        report.seconds = time.perf_counter() - started
        return report


def read_issues(report: CheckReport, database: Path) -> CheckReport:
    """Fill ``report`` with the DQ issues, the check catalogue and the settings of a built database."""
    with databases.connect(database, read_only=True) as con:
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
    with databases.connect(ingest_db, read_only=True) as con:
        return con.execute(
            f"select {', '.join(FINDING_COLUMNS)} from meta.validation_findings "
            "order by severity, file, row_number nulls first, column_name"
        ).df()


def _parse_cache() -> Path:
    """Where checks keep dbt's parse of the project between runs (no client data), one per user and dbt
    project folder: a parse names its project's files by absolute path."""
    project = hashlib.sha256(str(DBT_PROJECT_DIR.resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"waypoint-check-parse-{os.getuid()}-{project}"


def _restore_parse(target: Path) -> None:
    parse_state.start(target, _parse_cache() / PARSE_STATE)


def _save_parse(target: Path) -> None:
    """Keep this run's parse for the next check (atomic, so concurrent checks read a whole file)."""
    try:
        cache = _parse_cache()
        cache.mkdir(mode=0o700, exist_ok=True)
        parse_state.keep(target, cache / PARSE_STATE)
    except OSError:  # a cache only saves time
        return


def build_dq(work: Path, ingest_db: Path) -> Path:
    """The DQ models, what they stand on and the seeds they read, in one dbt invocation, into
    ``work/check.duckdb`` (returned); no data tests: this is a check, not a publish, and no JSON artifacts
    (dbt's exit code says whether every node built).

    dbt runs in ``work`` with the databases' paths relative to it, so its profile is the same from check
    to check and dbt starts from the previous check's parse of the project (a full parse is most of a
    small export's check time; dbt parses again by itself when the project changed)."""
    target = work / "dbt"
    target.mkdir(parents=True, exist_ok=True)
    _restore_parse(target)
    env = {**os.environ, **dbt_env(work / CHECK_DB, ingest_db, cwd=work)}
    command = [dbt_executable(), "build", "--select", *DQ_SELECTION]
    command += ["--resource-type", "seed", "--resource-type", "model"]
    command += ["--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    command += ["--target-path", str(target), "--log-path", str(target)]
    command += ["--no-write-json"]  # the manifest of the whole project (~5 s of a check) is never read here
    done = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:  # dbt: 1 when a node failed, 2 when it could not run
        said = (done.stdout or done.stderr).strip().splitlines()[-5:]
        raise CheckFailed(f"dbt build failed while checking the export: {' | '.join(said)}")
    _save_parse(target)
    return work / CHECK_DB
