"""Issues 16.3 and 16.7: an ingest killed after loading is completed by a re-run; a re-packed export is
recognised by its content and loaded once."""

from __future__ import annotations

import os
import signal

from ingest.helpers import query

from pipelines.config import Settings

from .world import export_zip, repacked, start, waypoint


def _gx_findings(home) -> int:
    sql = "SELECT count(*) FROM meta.validation_findings WHERE rule_id = 'business.exit_before_entry'"
    return query(Settings(home), sql)[0][0]


def test_an_ingest_killed_during_great_expectations_is_completed_by_a_rerun(tmp_path):
    home = tmp_path / "home"
    delivery = export_zip(tmp_path / "in")
    ingest = start(home, "ingest", str(delivery), PYTHONUNBUFFERED="1")
    for line in ingest.stdout:  # the raw rows are committed when this line is printed; GX runs next
        if "LOADED" in line:
            break
    os.kill(ingest.pid, signal.SIGKILL)
    ingest.wait(timeout=60)
    assert ingest.returncode == -signal.SIGKILL
    assert _gx_findings(home) == 0, "killed before Great Expectations stored its findings"

    again = waypoint(home, "ingest", str(delivery))
    assert again.returncode == 0, again.stderr
    assert "duplicate of ingest" in again.stdout and "completing it now" in again.stdout
    assert _gx_findings(home) == 1
    assert not list((home / "work").glob("ingest-*")), "the killed ingest's unpacked CSVs are gone"

    third = waypoint(home, "ingest", str(delivery))
    assert "completing" not in third.stdout and "Great Expectations" not in third.stdout
    assert _gx_findings(home) == 1


def test_the_same_export_re_packed_is_recognised_by_content(tmp_path):
    home = tmp_path / "home"
    first = export_zip(tmp_path / "in", exit_before_entry=False)
    again = repacked(first, tmp_path / "in" / "same-export-rezipped.zip")
    assert first.read_bytes() != again.read_bytes()

    assert waypoint(home, "ingest", "--no-expectations", str(first)).returncode == 0
    rows = query(Settings(home), "SELECT count(*) FROM raw.client")[0][0]
    done = waypoint(home, "ingest", "--no-expectations", str(again))
    assert done.returncode == 0 and "duplicate of ingest" in done.stdout, done.stdout
    assert query(Settings(home), "SELECT count(*) FROM raw.client")[0][0] == rows
    assert query(Settings(home), "SELECT count(*) FROM meta.export_registry")[0][0] == 1

    changed = export_zip(tmp_path / "other", exit_before_entry=False, export_id="EXP2")
    assert "LOADED" in waypoint(home, "ingest", "--no-expectations", str(changed)).stdout
