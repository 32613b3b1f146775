"""Ingestion: HMIS CSV exports from landing to the archive, the registry, findings and raw tables.

``ingest_paths`` is the public API; the CLI (`waypoint ingest`) and the Dagster assets both use it.
"""

from pipelines.ingest.models import ERROR, FATAL, SEVERITIES, WARNING, Finding, IngestResult
from pipelines.ingest.pipeline import IngestFailed, ingest_paths
from pipelines.ingest.unpack import Limits

__all__ = [
    "ERROR",
    "FATAL",
    "SEVERITIES",
    "WARNING",
    "Finding",
    "IngestFailed",
    "IngestResult",
    "Limits",
    "ingest_paths",
]
