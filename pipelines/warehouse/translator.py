"""How dbt nodes appear in Dagster: asset groups follow the dbt folders (layers and mart consumers)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings


class WaypointDbtTranslator(DagsterDbtTranslator):
    """Seeds -> group ``reference``; models -> their layer (``staging``, ``intermediate``) or, in marts,
    ``marts_<consumer>`` (``marts_dimensions``, ``marts_dq``, ...). Sources keep dagster-dbt's default
    key ``[source, table]``, so ``raw.client`` is the ingestion asset ``raw/client``."""

    def __init__(self) -> None:
        super().__init__(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        fqn = dbt_resource_props.get("fqn", [])
        if dbt_resource_props["resource_type"] == "model" and len(fqn) > 2:
            layer = fqn[1]
            return f"marts_{fqn[2]}" if layer == "marts" and len(fqn) > 3 else layer
        return super().get_group_name(dbt_resource_props)
