"""Great Expectations for the raw layer: suites generated from the spec, run per ingest, Data Docs."""

from pipelines.ingest.gx.runner import FileOutcome, GxOutcome, run_expectations

__all__ = ["FileOutcome", "GxOutcome", "run_expectations"]
