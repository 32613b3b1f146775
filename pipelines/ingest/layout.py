"""The raw layer's shape (docs/contracts.md): one VARCHAR table per HMIS file, both versions' columns."""

from __future__ import annotations

import re
from functools import cache

from pipelines.spec import CSV_VERSIONS, FILE_ORDER, load_spec

META_COLUMNS: tuple[str, ...] = ("_ingest_id", "_source_id", "_csv_version", "_row_number")


def table_name(file: str) -> str:
    """'IncomeBenefits' -> 'income_benefits', 'ProjectCoC' -> 'project_coc', 'CEParticipation' -> 'ce_participation'."""
    name = file.replace("CoC", "Coc")
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


@cache
def raw_columns(file: str) -> tuple[str, ...]:
    """HUD columns of the file in FY2026 order, then FY2024-only columns."""
    names: list[str] = []
    for version in CSV_VERSIONS:
        names += [c for c in load_spec(version).file(file).column_names if c not in names]
    return tuple(names)


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def raw_table_ddl(file: str) -> str:
    columns = [f"{quote(c)} VARCHAR" for c in raw_columns(file)]
    columns += ["_ingest_id VARCHAR NOT NULL", "_source_id VARCHAR NOT NULL", "_csv_version VARCHAR NOT NULL"]
    columns += ["_row_number BIGINT NOT NULL"]
    return f"CREATE TABLE IF NOT EXISTS raw.{quote(table_name(file))} ({', '.join(columns)})"


def all_raw_tables() -> dict[str, str]:
    """HMIS file name -> raw table name, in HUD order."""
    return {file: table_name(file) for file in FILE_ORDER}
