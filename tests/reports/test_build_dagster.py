"""Report builds in Dagster: the shared world is built by a real in-process run of the ``report_build`` job
(fixtures/spm/world.py); the schedules pick the partition of the period that just closed."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from fixtures.spm.world import SPM_AGREE_FY2026, SPM_FY2025, SPM_FY2026, SPM_RULES_FY2026, report_world

from pipelines.defs.reports.resources import ReportBuildSettings
from pipelines.defs.reports.schedules import hic_pit_after_count_night, nightly_dq_refresh, spm_after_fiscal_year


@pytest.mark.slow
def test_a_report_partition_run_records_its_requests_builds_once_and_writes_the_artifacts():
    world = report_world()
    assert world.dagster_success
    (folder,) = world.dagster_folders  # the trend year is computed, not written
    assert Path(folder) == world.settings.reports / "spm" / "2025-10-01_2026-09-30" / "coc-OK-500"
    con = duckdb.connect(str(world.settings.ingest_db), read_only=True)
    try:
        requested = dict(con.execute("select request_id, requested_by from meta.report_requests").fetchall())
    finally:
        con.close()
    # the partition's request and the earlier fiscal year its trend needs, recorded for the build
    assert requested[SPM_FY2026.request_id] == requested[SPM_FY2025.request_id] == "tests"
    con = duckdb.connect(str(world.warehouse), read_only=True)
    try:
        (build_id,) = con.execute("select build_id from meta.build").fetchone()
        built = {r for (r,) in con.execute("select distinct request_id from marts.hud_spm_trend").fetchall()}
    finally:
        con.close()
    # besides the OK-505 and OK-504 rules worlds' own FY2026 requests, which the fixture recorded before the run
    assert built - {SPM_RULES_FY2026.request_id, SPM_AGREE_FY2026.request_id} == {
        SPM_FY2026.request_id,
        SPM_FY2025.request_id,
    }
    manifest = json.loads((Path(folder) / "manifest.json").read_text())
    assert manifest["warehouse"]["build_id"] == build_id


def _evaluate(schedule, when: datetime, **resources):
    return schedule(dg.build_schedule_context(scheduled_execution_time=when, resources=resources or None))


def test_schedules_name_the_period_that_just_closed():
    assert _evaluate(nightly_dq_refresh, datetime(2026, 3, 2, 2)).partition_key == "2026-02-01"
    assert _evaluate(spm_after_fiscal_year, datetime(2026, 10, 1, 4)).partition_key == "2026"
    settings = ReportBuildSettings(pit_night="01-27", pit_report_delay_days=10)
    due = _evaluate(hic_pit_after_count_night, datetime(2026, 2, 6, 5), report_build_settings=settings)
    assert due.partition_key == "2026"
    early = _evaluate(hic_pit_after_count_night, datetime(2026, 2, 5, 5), report_build_settings=settings)
    assert isinstance(early, dg.SkipReason)
