"""Report builds started from the HUD reports page: the scope is checked before anything starts, each build has a
status in words (queued, running, published, failed HUD validation, failed with the reason), schedules are in words."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date

import pytest

from dashboards.data.access import DataAccess
from dashboards.data.reports import ReportArtifact, ReportShelf, _key_in_words, _schedule_name, _time_of
from dashboards.roles import Role
from pipelines.errors import WaypointError


@pytest.fixture
def shelf(installation) -> ReportShelf:
    return ReportShelf(DataAccess(installation.users[Role.SYSTEM_ADMINISTRATOR], installation.settings))


def test_a_build_for_an_unknown_agency_is_refused_before_it_starts(shelf):
    with pytest.raises(WaypointError, match="not in the warehouse as an agency: Red Plains Community Action"):
        shelf.start_build("apr", date(2025, 10, 1), date(2026, 9, 30), "agency", ["Red Plains Community Action"])
    with pytest.raises(WaypointError, match="name at least one project id"):
        shelf.start_build("apr", date(2025, 10, 1), date(2026, 9, 30), "project", [])


def test_each_build_has_a_status_in_words(shelf, tmp_path):
    failed_log = tmp_path / "failed.log"
    failed_log.write_text("planning\nreport build failed: no enrollments in scope\n")
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    status = shelf.build_status({"request_id": "x", "pid": finished.pid, "log": str(failed_log)}, {})
    assert status == ("failed", "no enrollments in scope")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        queued = shelf.build_status({"request_id": "y", "pid": sleeper.pid, "log": str(tmp_path / "none.log")}, {})
        assert queued == ("queued", "waiting to start")
        (tmp_path / "run.log").write_text("building the warehouse\n")
        running = shelf.build_status({"request_id": "y", "pid": sleeper.pid, "log": str(tmp_path / "run.log")}, {})
        assert running == ("running", "building the warehouse")
    finally:
        sleeper.kill()
        sleeper.wait()
    artifact = ReportArtifact(tmp_path, {"request_id": "z", "written_at": "2026-10-02T03:00:00"})
    assert shelf.build_status({"request_id": "z", "pid": os.getpid()}, {"z": artifact})[0] == "published"


def test_keys_and_schedules_read_as_words():
    assert _key_in_words("apr/2025-10-01..2026-09-30/coc=OK-507") == "APR, 2025-10-01 to 2026-09-30, coc OK-507"
    assert _time_of("0 3 2 1,4,7,10 *") == "at 03:00 UTC"
    assert _schedule_name("quarterly_apr_caper_schedule") == "Quarterly APR and CAPER"
    assert _schedule_name("hic_pit_after_count_night") == "HIC/PIT after count night"
    import dagster as dg

    from pipelines.defs.reports import schedules

    described = [s.description for s in vars(schedules).values() if isinstance(s, dg.ScheduleDefinition)]
    assert described and not [d for d in described if re.search(r"[a-z]+_[a-z_]+", d)], described  # words only


def test_report_tables_are_listed_in_huds_order(tmp_path):
    """Q4a before Q11 (a file listing sorts Q11 first): the manifest's order, then the numbers read as numbers."""
    (tmp_path / "csv").mkdir()
    for table_id in ("Q11", "Q4a", "Q10", "Q5a", "Q23c", "Q7b", "Q7a"):
        (tmp_path / "csv" / f"{table_id}.csv").write_text(",Total\n")
    assert ReportArtifact(tmp_path, {}).tables() == ["Q4a", "Q5a", "Q7a", "Q7b", "Q10", "Q11", "Q23c"]
    listed = ReportArtifact(tmp_path, {"tables": ["Q4a", "Q5a", "Q7a", "Q7b", "Q10", "Q11", "Q99"]})
    assert listed.tables() == ["Q4a", "Q5a", "Q7a", "Q7b", "Q10", "Q11", "Q23c"]
