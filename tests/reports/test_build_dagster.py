"""Report builds in Dagster: the shared world is built by a real in-process run of the ``report_build`` job
(fixtures/spm/world.py), which materialises the requests, the dbt models and the artifacts for its key; the
schedules name the keys of the period that just closed."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from fixtures.spm.world import (
    SPM_AGREE_FY2026,
    SPM_FY2025,
    SPM_FY2026,
    SPM_PARTITION,
    SPM_RULES_FY2026,
    report_world,
)

from pipelines.defs.home import WaypointHome
from pipelines.defs.reports.assets import REPORT_ARTIFACTS, REPORT_REQUESTS
from pipelines.defs.reports.partitions import report_build_partitions
from pipelines.defs.reports.schedules import (
    hic_pit_after_count_night,
    nightly_dq_refresh,
    quarterly_apr_caper_schedule,
    spm_after_fiscal_year,
)


@pytest.mark.slow
def test_a_report_partition_run_materialises_requests_models_and_artifacts_for_its_key():
    world = report_world()
    run = world.dagster_run
    assert run.success
    materialised = {e.asset_key: e.partition for e in run.result.get_asset_materialization_events()}
    spm_mart = dg.AssetKey(["marts", "hud_spm_trend"])
    assert {REPORT_REQUESTS, spm_mart, REPORT_ARTIFACTS} <= set(materialised)
    assert set(materialised.values()) == {SPM_PARTITION}  # every asset of the run, for the key
    (folder,) = run.folders  # the trend year is computed, not written
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


def _evaluate(instance: dg.DagsterInstance, schedule, when: datetime, **resources) -> list:
    context = dg.build_schedule_context(instance=instance, scheduled_execution_time=when, resources=resources or None)
    return list(schedule(context))


def test_schedules_request_a_report_build_run_per_key_of_the_period_that_just_closed():
    with dg.instance_for_test() as instance:
        (dq,) = _evaluate(instance, nightly_dq_refresh, datetime(2026, 3, 2, 2))
        assert dq.partition_key == "dq/2026-02-01..2026-02-28/coc=*"
        apr, caper = _evaluate(instance, quarterly_apr_caper_schedule, datetime(2026, 4, 2, 3))
        assert (apr.partition_key, caper.partition_key) == (
            "apr/2026-01-01..2026-03-31/all",
            "caper/2026-01-01..2026-03-31/project=*",
        )
        (spm,) = _evaluate(instance, spm_after_fiscal_year, datetime(2026, 10, 1, 4))
        assert spm.partition_key == "spm/2025-10-01..2026-09-30/coc=*?trend_years=3"
        settings = WaypointHome(pit_night="01-27", pit_report_delay_days=10)
        pit = hic_pit_after_count_night
        (due,) = _evaluate(instance, pit, datetime(2026, 2, 6, 5), waypoint_home=settings)
        assert due.partition_key == "hic_pit/2026-01-27..2026-01-27/coc=*?pit_date=2026-01-27"
        (early,) = _evaluate(instance, pit, datetime(2026, 2, 5, 5), waypoint_home=settings)
        assert isinstance(early, dg.SkipReason)
        # each key is a partition of report_builds before its run is requested
        keys = [r.partition_key for r in (dq, apr, caper, spm, due)]
        assert set(instance.get_dynamic_partitions(report_build_partitions.name)) == set(keys)
