"""Report builds as Dagster partitions: one dynamic partition per report build key.

The key (``<report>/<start>..<end>/<scope>[?options]``, pipelines/reports/schedule.py) is the one currency of a
report build: the schedules, the dashboards, ``waypoint report key`` and the UI's "Add partition" all name a build
by it, and every asset of the ``report_build`` job (the requests, the dbt models, the artifacts) is materialised per
key. ``warehouse`` is the key of a build that records no report request (``waypoint run``, a model's rebuild).
"""

import dagster as dg

report_build_partitions = dg.DynamicPartitionsDefinition(name="report_builds")

# A warehouse build with no report of its own: the requests already recorded are computed, no artifact is written.
WAREHOUSE_ONLY = "warehouse"


def add_report_keys(instance: dg.DagsterInstance, keys: list[str]) -> None:
    """Register keys as partitions (those already there are left as they are)."""
    known = set(instance.get_dynamic_partitions(report_build_partitions.name))
    new = [key for key in dict.fromkeys(keys) if key not in known]
    if new:
        instance.add_dynamic_partitions(report_build_partitions.name, new)
