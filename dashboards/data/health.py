"""Pipeline health for administrators: last ingest per source, findings by severity, the last warehouse build.

Reads ``ingest.duckdb`` (meta schema, docs/contracts.md) and the published warehouse's build metadata, read-only.
Each part answers ``None`` when its source does not exist yet, so the page can say "no data yet" plainly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from dashboards.data.catalog import BUILD_METADATA
from dashboards.data.warehouse import DataNotReady, find_relation, published, read_only
from pipelines.config import Settings
from pipelines.ops import permissions
from pipelines.store.findings import COLUMNS, all_findings_in, summarise_findings_in


@dataclass(frozen=True)
class PipelineHealth:
    ingests: pd.DataFrame | None  # one row per source
    findings: pd.DataFrame | None  # source x severity counts
    builds: pd.DataFrame | None  # newest build metadata rows
    published_at: datetime | None  # when the published warehouse file was last replaced
    problems: tuple[str, ...] = ()
    rules: pd.DataFrame | None = None  # findings per severity, rule and file: count, three examples, the fix


def _example(found: dict) -> str:
    where = f"row {found['row_number']}" if found.get("row_number") is not None else "the file"
    column = f", {found['column_name']}" if found.get("column_name") else ""
    value = f" = {found['value']!r}" if found.get("value") not in (None, "") else ""
    return f"{where}{column}{value}"


def _rule_summary(conn) -> pd.DataFrame:
    """The CLI's `waypoint findings` summary as a table: what to fix first, by severity and count."""
    rows = [
        {
            "Severity": rule.severity,
            "Rule": rule.rule_id,
            "File": rule.file or "(export)",
            "Findings": rule.count,
            "Exports": rule.exports,
            "Examples": "; ".join(_example(found) for found in rule.examples),
            "What to fix": rule.fix,
        }
        for rule in summarise_findings_in(conn)
    ]
    columns = ["Severity", "Rule", "File", "Findings", "Exports", "Examples", "What to fix"]
    return pd.DataFrame(rows, columns=columns)


def all_findings_csv(settings: Settings) -> bytes:
    """Every validation finding as CSV (the full list behind the summary), read when a download is pressed."""
    with read_only(settings.ingest_db) as conn:
        if find_relation(conn, "validation_findings") is None:
            return pd.DataFrame(columns=list(COLUMNS)).to_csv(index=False).encode()
        frame = pd.DataFrame(all_findings_in(conn), columns=list(COLUMNS))
    return frame.to_csv(index=False).encode()


def _ingest_health(settings: Settings) -> tuple[pd.DataFrame | None, pd.DataFrame | None, pd.DataFrame | None]:
    with read_only(settings.ingest_db) as conn:
        registry = find_relation(conn, "export_registry")
        findings = find_relation(conn, "validation_findings")
        ingests = None
        if registry:
            ingests = conn.execute(
                f"""
                select source_id,
                       max(received_at) as last_received,
                       max(received_at) filter (where status = 'loaded') as last_loaded,
                       count(*) as deliveries,
                       count(*) filter (where status = 'loaded') as loaded,
                       count(*) filter (where status = 'rejected') as rejected
                from {registry} group by source_id order by source_id
                """
            ).df()
        counts = rules = None
        if findings:
            rules = _rule_summary(conn)
        if registry and findings:
            counts = conn.execute(
                f"""
                select r.source_id, f.severity, count(*) as findings
                from {findings} f join {registry} r using (ingest_id)
                group by all order by r.source_id, f.severity
                """
            ).df()
        return ingests, counts, rules


def _build_health(settings: Settings) -> pd.DataFrame | None:
    with published(settings.published_db) as conn:
        relation = find_relation(conn, BUILD_METADATA)
        if relation is None:
            return None
        return conn.execute(f"select * from {relation} limit 20").df()


def pipeline_health(settings: Settings) -> PipelineHealth:
    problems: list[str] = []
    ingests = findings = builds = rules = None
    try:
        ingests, findings, rules = _ingest_health(settings)
    except DataNotReady as err:
        problems.append(str(err))
    try:
        builds = _build_health(settings)
    except DataNotReady as err:
        problems.append(str(err))
    loose = permissions.warning(settings.home)  # client data readable by other accounts (`waypoint secure`)
    if loose:
        problems.append(loose.removeprefix("warning: ").capitalize())
    published = settings.published_db
    published_at = datetime.fromtimestamp(published.stat().st_mtime, UTC) if published.exists() else None
    return PipelineHealth(ingests, findings, builds, published_at, tuple(problems), rules)
