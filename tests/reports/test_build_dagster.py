"""Report builds in Dagster: a real in-process run of a report partition on the generator's tiny data, and
the schedules' choice of partition."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import dagster as dg
import pytest

from pipelines.config import Settings
from pipelines.defs.reports.jobs import report_build
from pipelines.defs.reports.partitions import report_build_partitions
from pipelines.defs.reports.resources import ReportBuildSettings
from pipelines.defs.reports.schedules import hic_pit_after_count_night, nightly_dq_refresh, spm_after_fiscal_year
from pipelines.ingest import ingest_paths
from pipelines.synth import generate


@pytest.mark.slow
def test_a_report_partition_runs_in_dagster_and_writes_its_artifacts(tmp_path: Path):
    settings = Settings(home=tmp_path / "home").ensure()
    exports = generate(tmp_path / "synth", preset="tiny")
    assert all(r.status == "loaded" for r in ingest_paths(exports.zips, settings=settings))
    key = "spm/2025-10-01..2026-09-30/coc=OK-500"
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(report_build_partitions.name, [key])
        result = report_build.execute_in_process(
            partition_key=key,
            instance=instance,
            resources={"report_build_settings": ReportBuildSettings(home=str(settings.home), requested_by="test")},
        )
    assert result.success
    (folder,) = result.output_for_node("build_report_partition")
    assert Path(folder) == settings.reports / "spm" / "2025-10-01_2026-09-30" / "coc-OK-500"
    assert (Path(folder) / "SPM-2025-10-01_2026-09-30.zip").is_file()
    assert len(list(Path(folder).glob("csv/*.csv"))) == 15


def _run_request(schedule, when: datetime, **resources):
    context = dg.build_schedule_context(scheduled_execution_time=when, resources=resources or None)
    return schedule(context)


def test_schedules_name_the_period_that_just_closed():
    assert _run_request(nightly_dq_refresh, datetime(2026, 3, 2, 2)).partition_key == "2026-02-01"
    assert _run_request(spm_after_fiscal_year, datetime(2026, 10, 1, 4)).partition_key == "2026"
    settings = ReportBuildSettings(pit_night="01-27", pit_report_delay_days=10)
    due = _run_request(hic_pit_after_count_night, datetime(2026, 2, 6, 5), report_build_settings=settings)
    assert due.partition_key == "2026"
    early = _run_request(hic_pit_after_count_night, datetime(2026, 2, 5, 5), report_build_settings=settings)
    assert isinstance(early, dg.SkipReason)
