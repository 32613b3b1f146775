"""The writer database ``ingest.duckdb`` (schema ``meta`` beside the raw layer): one home for its connection and
tables, imported by ingest, the warehouse build and the reports (docs/design.md, "The writer database").

- ``db``: the one connection (one writer at a time, waited for politely)
- ``registry``: ``meta.export_registry``, ``meta.validation_findings`` and the ``meta.current_exports`` view
- ``findings``: reading the findings (CLI, dashboards)
- ``requests``: ``meta.report_requests``, the report builds asked for (dbt's source of that name)
"""
