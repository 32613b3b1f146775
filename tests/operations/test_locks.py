"""Issue 16.2: one lock discipline for ingest.duckdb: ingest, build, report and the Dagster sensor, started in any
order, each runs, waits saying what it waits for, or refuses in one line."""

from __future__ import annotations

import subprocess
import sys

import dagster as dg
import pytest

from pipelines.config import Settings
from pipelines.defs.home import WaypointHome
from pipelines.defs.ingest.sensors import landing_sensor

from .world import env_for, export_zip, no_traceback, start, waypoint

HOLD = """
import signal, sys
from pathlib import Path
from pipelines.ops.locks import writer_lock
signal.alarm(int(float(sys.argv[3])))  # bounded: never outlives the test
with writer_lock(Path(sys.argv[1]), sys.argv[2]):
    print("held", flush=True)
    sys.stdin.readline()  # released when the test writes a line (or at the alarm)
"""


@pytest.fixture
def holder(tmp_path):
    """Start a process holding the writer lock as ``what`` for ``seconds``; stopped at the end of the test."""
    started = []

    def hold(home, what: str, seconds: float) -> subprocess.Popen:
        database = Settings(home).ingest_db
        process = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(database), what, str(seconds)],
            env=env_for(home),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        assert process.stdout.readline().strip() == "held"
        return process

    yield hold
    for process in started:
        process.kill()
        process.wait()


def test_an_ingest_waits_for_a_build_saying_so_then_runs(tmp_path, holder):
    home = tmp_path / "home"
    build = holder(home, "warehouse build", 300)
    ingest = start(home, "ingest", "--no-expectations", str(export_zip(tmp_path / "in")))
    said = ingest.stderr.readline()  # blocks until the ingest says what it waits for
    assert f"ingest: waiting for the warehouse build (process {build.pid}, since " in said
    assert "to finish with ingest.duckdb" in said
    assert ingest.poll() is None, "it waits rather than fails"
    build.stdin.write("done\n")
    build.stdin.flush()
    out, err = ingest.communicate(timeout=120)
    assert ingest.returncode == 0, err
    assert "ingest.duckdb is free after" in err and "LOADED" in out


def test_a_build_started_during_an_ingest_refuses_in_one_line_when_it_may_not_wait(tmp_path, holder):
    home = tmp_path / "home"
    assert waypoint(home, "ingest", "--no-expectations", str(export_zip(tmp_path / "in"))).returncode == 0
    ingest = holder(home, "ingest", 300)
    done = waypoint(home, "build", timeout=120, WAYPOINT_LOCK_WAIT_SECONDS="1")
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert done.returncode == 2 and len(errors) == 1, done.stderr
    assert f"is in use by the ingest (process {ingest.pid}" in errors[0] and "waited 1 s" in errors[0]
    assert no_traceback(done.stdout, done.stderr)
    assert not list(Settings(home).build_dir.glob("*.dbt")), "a refused build leaves nothing behind"


def test_a_report_request_waits_for_the_lock_too(tmp_path, holder, monkeypatch):
    from pipelines.ops.locks import LockHeld
    from pipelines.reports.build import record_requests

    home = tmp_path / "home"
    holder(home, "warehouse build", 300)
    monkeypatch.setenv("WAYPOINT_LOCK_WAIT_SECONDS", "0.5")
    with pytest.raises(LockHeld, match="in use by the warehouse build"):
        record_requests([], Settings(home), "test")


def test_the_landing_sensor_launches_nothing_while_the_lock_is_held(tmp_path, holder):
    home = tmp_path / "home"
    export_zip(home / "landing" / "ok-500")
    holder(home, "warehouse build", 300)
    context = dg.build_sensor_context(resources={"waypoint_home": WaypointHome(home=str(home), settle_seconds=0)})
    result = landing_sensor(context)
    assert isinstance(result, dg.SkipReason)
    assert "in use by the warehouse build" in result.skip_message
