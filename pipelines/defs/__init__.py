"""Dagster definitions, one sub-package per domain (ingest, warehouse, reports, publish)."""
