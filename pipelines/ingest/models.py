"""The records ingestion produces: findings, export metadata and the result of one delivery."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FATAL, ERROR, WARNING = "fatal", "error", "warning"
SEVERITIES: tuple[str, ...] = (FATAL, ERROR, WARNING)


@dataclass(frozen=True)
class Finding:
    """One problem with a delivered export, stated in plain words (a row of meta.validation_findings)."""

    file: str | None
    rule_id: str
    severity: str
    message: str
    row_number: int | None = None
    column_name: str | None = None
    value: str | None = None


@dataclass
class IngestResult:
    """What happened to one delivered file (zip or folder)."""

    path: Path
    ingest_id: str
    sha256: str
    source_id: str
    status: str  # loaded | rejected | duplicate
    export_id: str | None = None
    csv_version: str | None = None
    rows: dict[str, int] = field(default_factory=dict)  # HMIS file name -> rows loaded
    findings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    timings: dict[str, float] = field(default_factory=dict)  # phase -> seconds (archive, unpack, read, validate, write)

    @property
    def rows_loaded(self) -> int:
        return sum(self.rows.values())


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts
