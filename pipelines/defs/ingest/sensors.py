"""Watch landing/<source>/ and launch one ingest run per new or changed delivery.

The cursor remembers each delivery's size and modification time; a file still changing (newer than
the resource's settle time) waits for the next tick. Re-delivering the same bytes under a new name
launches a run that registers nothing new (the archive is content-addressed).
"""

import json
import time
from pathlib import Path

import dagster as dg

from pipelines.defs.home import WaypointHome
from pipelines.defs.ingest.assets import ingest_job, landing_deliveries
from pipelines.ops.locks import holder


def fingerprint(delivery: Path) -> tuple[int, int]:
    """(size, newest mtime in ns) of a zip or of the CSVs of an export folder."""
    if delivery.is_file():
        stat = delivery.stat()
        return stat.st_size, stat.st_mtime_ns
    files = [p for p in delivery.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), max((p.stat().st_mtime_ns for p in files), default=0)


@dg.sensor(job=ingest_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def landing_sensor(context: dg.SensorEvaluationContext, waypoint_home: WaypointHome):
    settings = waypoint_home.settings()
    busy = holder(settings.ingest_db)
    if busy:  # runs launched now would only queue on the writer lock (pipelines.ops.locks)
        return dg.SkipReason(
            f"Waiting: {settings.ingest_db.name} is in use by {busy.describe()}; new deliveries are launched when "
            "it finishes."
        )
    seen: dict[str, list[int]] = json.loads(context.cursor) if context.cursor else {}
    settled_before = time.time_ns() - int(waypoint_home.settle_seconds * 1e9)
    requests = []
    for source, delivery in landing_deliveries(settings.landing):
        size, mtime = fingerprint(delivery)
        key = str(delivery)
        if seen.get(key) == [size, mtime] or mtime > settled_before:
            continue
        seen[key] = [size, mtime]
        requests.append(
            dg.RunRequest(
                run_key=f"{source}/{delivery.name}@{size}:{mtime}",
                run_config={"ops": {"raw_hmis_tables": {"config": {"paths": [key], "source": source}}}},
                tags={"waypoint/source": source, "waypoint/delivery": delivery.name},
            )
        )
    context.update_cursor(json.dumps(seen, sort_keys=True))
    return requests or dg.SkipReason("No new deliveries in landing/.")
