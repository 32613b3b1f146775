"""A dbt-duckdb plugin (profiles.yml ``plugins:``): the databases dbt attaches are opened with the database key.

dbt's process gets the derived database key in ``WAYPOINT_DUCKDB_KEY`` (pipelines/warehouse/dbt_cli.dbt_env);
with it set, this loads the packaged OpenSSL crypto module and adds ``ENCRYPTION_KEY`` to every attachment of the
profile. Without it the attachments stay plain. The key is not in the rendered profile, so changing it does not
make dbt parse the project again.

Likewise the attachments' and the temp_directory's relative paths are resolved against ``WAYPOINT_DBT_PATHS_FROM``
(the build's folder, set by pipelines/warehouse/dbt_cli.dbt_env) when it is set, not against the folder dbt runs in:
the profile renders the same paths for every home and for the CLI's and Dagster's builds, so they all reuse one
saved parse.
"""

from __future__ import annotations

import os
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin

from pipelines.security.databases import KEY_VARIABLE, load_crypto
from pipelines.warehouse.dbt_cli import PATHS_FROM_VARIABLE


class Plugin(BasePlugin):
    def update_connection_config(self, creds: Any, config: dict[str, Any]) -> None:
        key = os.environ.get(KEY_VARIABLE, "")
        paths_from = os.environ.get(PATHS_FROM_VARIABLE, "")
        spill = config.get("temp_directory")
        if paths_from and spill and not os.path.isabs(spill):
            config["temp_directory"] = os.path.join(paths_from, spill)
        for attachment in creds.attach or []:
            if paths_from and not os.path.isabs(attachment.path) and ":" not in attachment.path:
                attachment.path = os.path.join(paths_from, attachment.path)
            options = {k: v for k, v in (attachment.options or {}).items() if k != "encryption_key"}
            attachment.options = {**options, "encryption_key": key} if key else options or None

    def configure_connection(self, conn: Any) -> None:
        if os.environ.get(KEY_VARIABLE):
            load_crypto(conn)
