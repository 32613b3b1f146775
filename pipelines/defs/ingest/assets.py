"""The raw layer as Dagster assets: one asset per HMIS file (group ``raw``), loaded together by one op.

Materialising ingests the deliveries named in the run config (the sensor names one per run) or, with
none named, everything new in ``landing/``. Great Expectations runs afterwards as asset checks.
"""

from pathlib import Path

import dagster as dg

from pipelines.defs.ingest.resources import IngestHome
from pipelines.ingest import ingest_paths
from pipelines.ingest.deliveries import find_deliveries
from pipelines.ingest.layout import all_raw_tables
from pipelines.ingest.models import SEVERITIES
from pipelines.ops.locks import set_announcer, writer_lock
from pipelines.ops.steps import unfinished_ingests
from pipelines.store.validation import FileValidation, Validation, validation_of

GX_CHECK = "great_expectations"
RAW_KEYS = {file: dg.AssetKey(["raw", table]) for file, table in all_raw_tables().items()}


class IngestConfig(dg.Config):
    # Deliveries to ingest; empty: every delivery found in landing/<source>/ (Config copies the default).
    paths: list[str] = []  # noqa: RUF012
    source: str | None = None  # source id; default: each delivery's landing folder name
    expectations: bool = True  # run the Great Expectations suites as asset checks


def landing_deliveries(landing: Path) -> list[tuple[str, Path]]:
    """(source id, delivery) for every delivery under landing/<source>/, in source then name order."""
    if not landing.is_dir():
        return []
    return [
        (source.name, delivery)
        for source in sorted(landing.iterdir())
        if source.is_dir() and not source.is_symlink()
        for delivery in find_deliveries(source)
    ]


def _ingest(settings, config: IngestConfig) -> list:
    if config.paths:
        return ingest_paths([Path(p) for p in config.paths], source=config.source, settings=settings)
    results = []
    for source, delivery in landing_deliveries(settings.landing):
        results += ingest_paths([delivery], source=config.source or source, settings=settings)
    return results


@dg.multi_asset(
    name="raw_hmis_tables",
    specs=[
        dg.AssetSpec(
            key,
            group_name="raw",
            description=f"Every accepted row of {file}.csv as delivered (text), with _ingest_id, _source_id, "
            "_csv_version, _row_number.",
        )
        for file, key in RAW_KEYS.items()
    ],
    check_specs=[
        dg.AssetCheckSpec(
            GX_CHECK,
            asset=key,
            description=f"Great Expectations suite of {file}.csv (spec-generated plus business rules) "
            "on the rows just loaded.",
        )
        for file, key in RAW_KEYS.items()
    ],
)
def raw_hmis_tables(context: dg.AssetExecutionContext, config: IngestConfig, ingest_home: IngestHome):
    settings = ingest_home.settings()
    set_announcer(context.log.warning)  # "waiting for the warehouse build …" goes to the run's log
    # one writer-lock hold from loading to the end of Great Expectations (pipelines.ops.locks)
    with writer_lock(settings.ingest_db, "Dagster ingest run"):
        results = _ingest(settings, config)
        for result in results:
            log = context.log.error if result.status == "rejected" else context.log.info
            log(
                f"{result.path.name}: {result.status} (ingest {result.ingest_id}, export {result.export_id}, findings "
                f"{result.findings})"
            )
        loaded = [r for r in results if r.status == "loaded"]
        for file, key in RAW_KEYS.items():
            yield dg.MaterializeResult(
                asset_key=key,
                metadata={
                    "rows_loaded": sum(r.rows.get(file, 0) for r in loaded),
                    "ingest_ids": ", ".join(r.ingest_id for r in loaded) or "none",
                    "rejected": sum(r.status == "rejected" for r in results),
                    "duplicates": sum(r.status == "duplicate" for r in results),
                },
            )
        unfinished = unfinished_ingests(settings, results) if config.expectations else []
        ids = [r.ingest_id for r in loaded] + [i for i in unfinished if i not in {r.ingest_id for r in loaded}]
        gx_files = _expectations(settings, ids) if config.expectations else None
        validation = validation_of(settings, ids + [r.ingest_id for r in results if r.status == "rejected"])
        (context.log.warning if validation.failed else context.log.info)(validation.summary())
        yield from _checks(validation, gx_files)


def _expectations(settings, ingest_ids: list[str]) -> tuple[dict[str, list], str] | None:
    """Great Expectations over the ingests' rows (adding its findings): outcomes per file and the Data Docs."""
    if not ingest_ids:
        return None
    from pipelines.ingest.gx import run_expectations

    outcome = run_expectations(ingest_ids, settings=settings)
    by_file: dict[str, list] = {}
    for item in outcome.files:
        by_file.setdefault(item.file, []).append(item)
    return by_file, str(outcome.docs_index)


def _checks(validation: Validation, gx_files: tuple[dict[str, list], str] | None):
    """One check per raw file, with the verdict the ingest summary prints (pipelines.store.validation): failed
    (severity ERROR) on a fatal or error finding of these ingests, structural or Great Expectations', rejected
    exports' too; warned (WARN) on warnings only."""
    by_file, docs = gx_files or ({}, None)
    for file, key in RAW_KEYS.items():
        items = by_file.get(file, [])
        verdict = validation.file(file)
        yield dg.AssetCheckResult(
            asset_key=key,
            check_name=GX_CHECK,
            passed=verdict.passed,
            severity=dg.AssetCheckSeverity.ERROR if verdict.failed else dg.AssetCheckSeverity.WARN,
            metadata={
                **{f"findings_{severity}": n for severity, n in verdict.findings.items()},
                "expectations_evaluated": sum(i.evaluated for i in items),
                "expectations_failed": sum(sum(i.failed.values()) for i in items),
                "findings_added": sum(i.findings_added for i in items),
                "ran": bool(items),
                "data_docs": docs or "not built in this run",
            },
        )


def validation_from_checks(evaluations) -> Validation:
    """The Validation back from a run's check evaluations (their metadata), for the run's one-line summary."""
    files = {}
    for evaluation in evaluations:
        file = next(f for f, k in RAW_KEYS.items() if k == evaluation.asset_key)
        findings = {s: int(evaluation.metadata[f"findings_{s}"].value) for s in SEVERITIES}
        files[file] = FileValidation(file, findings)
    return Validation(files)


ingest_job = dg.define_asset_job(
    "ingest_landing",
    selection=dg.AssetSelection.assets(raw_hmis_tables),
    description="Ingest HMIS CSV exports from landing/ into raw.*",
)
