"""Dagster definitions of ingestion: the landing sensor, the raw-table assets and their GX checks."""
