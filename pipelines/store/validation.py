"""Whether validation of some ingests failed, file by file: the one answer that the ingest summary (`waypoint
ingest`, `waypoint run`, the demo) and Dagster's asset checks both give.

Both read it here from meta.validation_findings, which holds the structural validator's findings and Great
Expectations' together, so a summary can never call an export clean while a check failed, or the reverse. A file
fails on a fatal or error finding and warns on warnings only; a finding about no HMIS file (the export as a whole,
an extra file) counts against Export.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import duckdb

from pipelines.config import Settings
from pipelines.ingest.models import ERROR, FATAL, SEVERITIES, WARNING
from pipelines.spec import FILE_ORDER
from pipelines.store.db import connect

EXPORT_FILE = "Export"


@dataclass(frozen=True)
class FileValidation:
    file: str
    findings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))

    @property
    def passed(self) -> bool:
        return not any(self.findings.values())

    @property
    def failed(self) -> bool:
        """Failed outright (a fatal or error finding), not only warned."""
        return bool(self.findings[FATAL] or self.findings[ERROR])


@dataclass(frozen=True)
class Validation:
    """Findings per HMIS file (every file of FILE_ORDER, clean ones too) of the ingests asked about."""

    files: dict[str, FileValidation]

    def file(self, name: str) -> FileValidation:
        return self.files.get(name, FileValidation(name))

    @property
    def totals(self) -> dict[str, int]:
        return {s: sum(f.findings[s] for f in self.files.values()) for s in SEVERITIES}

    @property
    def failed(self) -> bool:
        return any(f.failed for f in self.files.values())

    def summary(self) -> str:
        """One line in words: the verdict, the findings by severity and the checks per file."""
        totals = self.totals
        failed = sum(f.failed for f in self.files.values())
        warned = sum(not f.passed and not f.failed for f in self.files.values())
        passed = sum(f.passed for f in self.files.values())
        counts = ", ".join(_count(n, s) for s, n in totals.items() if n) or "no findings"
        verdict = "failed" if failed else "passed with warnings" if warned else "passed"
        return f"validation {verdict}: {counts}; file checks: {failed} failed, {warned} warned, {passed} passed"


def _count(n: int, severity: str) -> str:
    noun = {FATAL: "fatal finding"}.get(severity, severity)
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def validation_in(con: duckdb.DuckDBPyConnection, ingest_ids: Iterable[str]) -> Validation:
    """The findings of ``ingest_ids`` counted per file and severity (on an open ingest database)."""
    ids = list(dict.fromkeys(ingest_ids))
    files = {name: FileValidation(name) for name in FILE_ORDER}
    if ids:
        rows = con.execute(
            "SELECT file, severity, count(*) FROM meta.validation_findings "
            f"WHERE ingest_id IN ({', '.join('?' for _ in ids)}) GROUP BY ALL",
            ids,
        ).fetchall()
        for file, severity, count in rows:
            name = file if file in files else EXPORT_FILE
            if severity in (FATAL, ERROR, WARNING):
                files[name].findings[severity] += int(count)
    return Validation(files)


def validation_of(settings: Settings, ingest_ids: Iterable[str]) -> Validation:
    con = connect(settings.ingest_db)
    try:
        return validation_in(con, ingest_ids)
    finally:
        con.close()
