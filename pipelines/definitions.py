"""The Dagster code location: every asset, check, sensor, schedule and resource under ``pipelines/defs``.

Each domain registers itself: a module that defines Dagster objects (or a ``Definitions``) at top
level is picked up, so adding a domain never means editing this file.
"""

import dagster as dg

import pipelines.defs
from pipelines.ops.permissions import owner_only_umask

owner_only_umask()  # run files, dbt folders and everything under WAYPOINT_HOME are created owner-only

defs = dg.load_defs(defs_root=pipelines.defs)
