"""A report request's HUD validation: did the warehouse build that computed it find it breaking a HUD rule?

The build records HUD's cross-table rules per request (pipelines/warehouse/hud_validation.py). A report whose
request failed one is still written (people need to see it to fix the data) but is marked "failed HUD
validation" everywhere someone could pick it up for Sage: its manifest.json (``hud_validation``), a
``HUD-VALIDATION-FAILED.txt`` beside the zip, the CLI, the Dagster run and the dashboards' HUD reports page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from pipelines.reports.model import ReportRequest
from pipelines.reports.registry import report_named

PASSED, FAILED, NOT_CHECKED = "passed", "failed", "not checked"
FAILED_LABEL = "failed HUD validation"
MARKER_FILE = "HUD-VALIDATION-FAILED.txt"


def request_validation(con: duckdb.DuckDBPyConnection, request: ReportRequest) -> dict[str, Any]:
    """The manifest's ``hud_validation`` section of one request, from the published warehouse."""
    folders = [report_named(request.report).rule_folder]
    try:
        (checked,) = con.execute(
            "select count(*) from meta.hud_rules_checked where list_contains(?, rule_folder)", [folders]
        ).fetchone() or (0,)
        rows = con.execute(
            """
            select rule, description, failing_rows, detail
            from meta.hud_validation_failures
            where request_id = ? or (request_id is null and list_contains(string_split(reports, ','), ?))
            order by rule
            """,
            [request.request_id, request.report],
        ).fetchall()
    except duckdb.CatalogException:  # a warehouse built before HUD rules were recorded
        checked, rows = 0, []
    failures = [
        {"rule": rule, "description": description, "failing_rows": count, "rows": json.loads(detail)}
        for rule, description, count, detail in rows
    ]
    status = FAILED if failures else PASSED if checked else NOT_CHECKED
    return {"status": status, "rules_checked": checked, "failures": failures}


def mark_folder(folder: Path, validation: dict[str, Any]) -> None:
    """Put (or, once the report passes, take away) the plain-words warning beside the artifacts."""
    marker = folder / MARKER_FILE
    if validation.get("status") != FAILED:
        marker.unlink(missing_ok=True)
        return
    lines = [
        "This report FAILED HUD VALIDATION. Do not upload it to Sage.",
        "",
        "HUD's cross-table rules that do not hold for it (the rows show the cells and records that break them):",
    ]
    for failure in validation["failures"]:
        lines += ["", f"- {failure['rule']}: {failure['description']}", f"  {failure['failing_rows']} failing row(s):"]
        lines += [f"    {json.dumps(row, default=str)}" for row in failure["rows"]]
    lines += ["", "Fix the records in the HMIS (or report the rule to the Waypoint team), export again and rebuild."]
    tmp = marker.with_name(marker.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(marker)


def validation_of(manifest: dict[str, Any]) -> dict[str, Any]:
    return manifest.get("hud_validation") or {"status": NOT_CHECKED, "rules_checked": 0, "failures": []}


def status_text(manifest: dict[str, Any]) -> str:
    """``passed``, ``FAILED HUD VALIDATION (rule, ...)`` or ``not checked`` for listings."""
    validation = validation_of(manifest)
    if validation["status"] == FAILED:
        return f"{FAILED_LABEL.upper()} ({', '.join(f['rule'] for f in validation['failures'])})"
    return str(validation["status"])


def read_manifest(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
