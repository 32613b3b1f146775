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


@dataclass(frozen=True)
class PipelineHealth:
    ingests: pd.DataFrame | None  # one row per source
    findings: pd.DataFrame | None  # source x severity counts
    builds: pd.DataFrame | None  # newest build metadata rows
    published_at: datetime | None  # when the published warehouse file was last replaced
    problems: tuple[str, ...] = ()


def _ingest_health(settings: Settings) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
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
        counts = None
        if registry and findings:
            counts = conn.execute(
                f"""
                select r.source_id, f.severity, count(*) as findings
                from {findings} f join {registry} r using (ingest_id)
                group by all order by r.source_id, f.severity
                """
            ).df()
        return ingests, counts


def _build_health(settings: Settings) -> pd.DataFrame | None:
    with published(settings.published_db) as conn:
        relation = find_relation(conn, BUILD_METADATA)
        if relation is None:
            return None
        return conn.execute(f"select * from {relation} limit 20").df()


def pipeline_health(settings: Settings) -> PipelineHealth:
    problems: list[str] = []
    ingests = findings = builds = None
    try:
        ingests, findings = _ingest_health(settings)
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
    return PipelineHealth(ingests, findings, builds, published_at, tuple(problems))
