"""The one report build job: ``report_build`` materialises, for one report build key (its partition: every asset
it selects is partitioned by key, partitions.py), the requests,
the dbt models and tests, and the artifacts (assets.py). The schedules (schedules.py), the dashboards
(dashboards/data/report_runner.py) and the UI all launch it with a key.
"""

import dagster as dg

from pipelines.defs.reports.assets import report_artifacts, report_requests
from pipelines.defs.warehouse.assets import warehouse_dbt

report_build = dg.define_asset_job(
    "report_build",
    selection=dg.AssetSelection.assets(report_requests, warehouse_dbt, report_artifacts),
    description="A report build: <report>/<start>..<end>/<scope>[?options] planned, built once, laid out.",
)
