"""Reading meta.validation_findings back for people: a summary per rule and file (the CLI default), the
full list, Dagster metadata, a CSV download."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.config import Settings
from pipelines.ingest.fixes import fix_for
from pipelines.store.db import connect

COLUMNS = ("ingest_id", "file", "row_number", "column_name", "rule_id", "severity", "message", "value")
_SEVERITY_RANK = "CASE severity WHEN 'fatal' THEN 0 WHEN 'error' THEN 1 ELSE 2 END"
_ORDER = f"ingest_id, {_SEVERITY_RANK}, file, row_number NULLS FIRST, column_name"


def _where(ingest_id: str | None, severity: str | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if ingest_id:
        clauses.append("ingest_id = ?")
        params.append(ingest_id)
    if severity:
        clauses.append("severity = ?")
        params.append(severity)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _defuse(value: object) -> object:
    """A value a spreadsheet would run as a formula is written with a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _open(settings: Settings) -> duckdb.DuckDBPyConnection:
    return connect(settings.ingest_db)


def query_findings(
    settings: Settings, *, ingest_id: str | None = None, severity: str | None = None, limit: int = 50
) -> tuple[int, list[dict]]:
    where, params = _where(ingest_id, severity)
    con = _open(settings)
    try:
        total = con.execute(f"SELECT count(*) FROM meta.validation_findings{where}", params).fetchone()[0]
        rows = con.execute(
            f"SELECT {', '.join(COLUMNS)} FROM meta.validation_findings{where} ORDER BY {_ORDER} LIMIT {int(limit)}",
            params,
        ).fetchall()
    finally:
        con.close()
    return total, [dict(zip(COLUMNS, r, strict=True)) for r in rows]


def write_findings_csv(
    settings: Settings, out: Path, *, ingest_id: str | None = None, severity: str | None = None
) -> int:
    where, params = _where(ingest_id, severity)
    con = _open(settings)
    try:
        cursor = con.execute(
            f"SELECT {', '.join(COLUMNS)} FROM meta.validation_findings{where} ORDER BY {_ORDER}", params
        )
        count = 0
        with open(out, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            while batch := cursor.fetchmany(10_000):
                writer.writerows([tuple(_defuse(v) for v in row) for row in batch])
                count += len(batch)
    finally:
        con.close()
    return count


@dataclass(frozen=True)
class RuleSummary:
    """The findings of one rule in one file: how many, three examples and what to do."""

    severity: str
    rule_id: str
    file: str | None
    count: int
    exports: int
    examples: list[dict]  # ingest_id, row_number, column_name, value, message
    fix: str


def summarise_findings(
    settings: Settings, *, ingest_id: str | None = None, severity: str | None = None
) -> list[RuleSummary]:
    """Findings grouped per severity, rule and file, most severe and most frequent first."""
    con = _open(settings)
    try:
        return summarise_findings_in(con, ingest_id=ingest_id, severity=severity)
    finally:
        con.close()


def summarise_findings_in(
    con: duckdb.DuckDBPyConnection, *, ingest_id: str | None = None, severity: str | None = None
) -> list[RuleSummary]:
    """The same summary on an open connection (the dashboards' is read-only)."""
    where, params = _where(ingest_id, severity)
    rows = con.execute(
        f"""SELECT severity, rule_id, file, count(*), count(DISTINCT ingest_id),
                list({{'ingest_id': ingest_id, 'row_number': row_number, 'column_name': column_name,
                       'value': value, 'message': message}} ORDER BY ingest_id, row_number NULLS FIRST)[1:3]
            FROM meta.validation_findings{where}
            GROUP BY severity, rule_id, file ORDER BY {_SEVERITY_RANK}, count(*) DESC, rule_id, file NULLS FIRST""",
        params,
    ).fetchall()
    return [RuleSummary(s, r, f, int(n), int(e), list(x), fix_for(r)) for s, r, f, n, e, x in rows]


def all_findings_in(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Every finding, in the CSV's column order (``COLUMNS``), for a download of the full list."""
    return con.execute(f"SELECT {', '.join(COLUMNS)} FROM meta.validation_findings ORDER BY {_ORDER}").fetchall()
