"""A report build as Dagster assets, one partition per report build key (partitions.py):

``meta/report_requests`` (the key planned and recorded in ``meta.report_requests``; dbt's source of that name)
→ ``warehouse_dbt`` (every seed, model and test, built and published once: pipelines/defs/warehouse/assets.py)
→ ``reports/artifacts`` (each request's folder under ``reports/``, laid out from the published warehouse).

The ``report_build`` job (jobs.py) materialises all three for a key, so a scheduled build leaves materialisations
in the asset graph; the steps themselves are the ones `waypoint report` runs (pipelines/reports/build.py).
"""

from typing import Any

import dagster as dg

from pipelines.defs.home import WaypointHome
from pipelines.defs.reports.partitions import WAREHOUSE_ONLY, report_build_partitions
from pipelines.defs.warehouse.assets import warehouse_dbt
from pipelines.reports.artifacts import Artifacts
from pipelines.reports.build import record_requests, write_reports
from pipelines.reports.model import ReportRequest
from pipelines.reports.plans import plan_keys
from pipelines.reports.validation import FAILED_LABEL, read_manifest, status_text

REPORT_REQUESTS = dg.AssetKey(["meta", "report_requests"])
REPORT_ARTIFACTS = dg.AssetKey(["reports", "artifacts"])
# The artifacts are laid out from the marts (and their layout seeds): they wait for the whole warehouse build.
MARTS = [key for key in warehouse_dbt.keys if key.path[0] in ("marts", "reference")]


@dg.asset(
    key=REPORT_REQUESTS,
    partitions_def=report_build_partitions,
    group_name="reports",
    description="The report build key planned into requests (selectors expanded from the published warehouse) "
    "and recorded in meta.report_requests, which dbt reads.",
)
def report_requests(context: dg.AssetExecutionContext, waypoint_home: WaypointHome) -> dg.Output[list[ReportRequest]]:
    """The key's requests that get artifacts; supporting requests (an SPM trend's earlier years) are only recorded."""
    key = context.partition_key
    if key == WAREHOUSE_ONLY:
        return dg.Output([], metadata={"requests": 0, "supporting": 0})
    settings = waypoint_home.settings().ensure()
    requests, supporting = plan_keys([key], settings, on_skip=context.log.warning)
    if requests:
        record_requests([*supporting, *requests], settings, waypoint_home.requested_by)
    return dg.Output(
        requests,
        metadata={
            "requests": len(requests),
            "supporting": len(supporting),
            "request_ids": dg.MetadataValue.md("\n".join(f"- `{r.request_id}`" for r in requests) or "none"),
        },
    )


@dg.asset(
    key=REPORT_ARTIFACTS,
    partitions_def=report_build_partitions,
    group_name="reports",
    ins={"requests": dg.AssetIn(REPORT_REQUESTS)},
    deps=MARTS,
    description="Each request's artifacts (Sage CSV zip, CSVs, XLSX, manifest) under reports/<report>/<period>/"
    "<scope>/, from the warehouse this run published; reports that failed HUD validation are written and marked.",
)
def report_artifacts(
    context: dg.AssetExecutionContext, requests: list[ReportRequest], waypoint_home: WaypointHome
) -> dg.Output[list[str]]:
    if not requests:
        return dg.Output([], metadata={"reports": 0})
    settings = waypoint_home.settings()
    artifacts = write_reports(requests, settings, requested_by=waypoint_home.requested_by)
    folders = [str(a.folder) for a in artifacts]
    for folder in folders:
        context.log.info(f"wrote {folder}")
    validation = hud_validation_metadata(artifacts)
    if validation["failed_hud_validation"]:
        listed = validation["hud_validation"].value
        context.log.warning(f"reports that failed HUD validation (do not upload them to Sage):\n{listed}")
    return dg.Output(
        folders,
        metadata={
            "reports": len(artifacts),
            "folders": dg.MetadataValue.md("\n".join(f"- `{f}`" for f in folders)),
            **validation,
        },
    )


def hud_validation_metadata(artifacts: list[Artifacts]) -> dict[str, Any]:
    """Metadata naming the reports that failed HUD validation (written, but not to be uploaded)."""
    failed = []
    for artifact in artifacts:
        status = status_text(read_manifest(artifact.manifest_path))
        if status.startswith(FAILED_LABEL.upper()):
            failed.append(f"- `{artifact.folder}`: {status}")
    return {
        "failed_hud_validation": len(failed),
        "hud_validation": dg.MetadataValue.md("\n".join(failed) or "every report passed HUD's rules"),
    }
