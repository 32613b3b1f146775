"""A 100 MB Services.csv loads whole, set-wise, with every row numbered and checked."""

from __future__ import annotations

import zipfile

import duckdb
import pytest

from pipelines.ingest import ingest_paths

from .exports import build_files, export_bytes
from .helpers import query

ROWS = 1_200_000


def _services_csv(path, files) -> None:
    """Write ROWS services like the export's first one with DuckDB (fast), a bad date every 100k rows."""
    header = files["Services"][0]
    template = dict(zip(header, files["Services"][1], strict=True))
    columns = []
    for name in header:
        if name == "ServicesID":
            columns.append("'SVC' || i::VARCHAR")
        elif name == "DateProvided":
            columns.append("CASE WHEN i % 100000 = 7 THEN 'not a date' ELSE '2025-03-01' END")
        else:
            value = template[name]
            columns.append("NULL::VARCHAR" if value == "" else "'" + value.replace("'", "''") + "'")
    select = ", ".join(f'{expr} AS "{name}"' for expr, name in zip(columns, header, strict=True))
    duckdb.connect().execute(f"COPY (SELECT {select} FROM range({ROWS}) t(i)) TO '{path}' (HEADER, DELIMITER ',')")


@pytest.mark.slow
def test_hundred_megabyte_services_file_loads_every_row(settings, tmp_path):
    files = build_files("fy2026")
    services = tmp_path / "Services.csv"
    _services_csv(services, files)
    assert services.stat().st_size > 100_000_000
    delivery = tmp_path / "big.zip"
    with zipfile.ZipFile(delivery, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in export_bytes(files).items():
            if name != "Services":
                zf.writestr(f"{name}.csv", data)
        zf.write(services, "Services.csv")

    [result] = ingest_paths([delivery], settings=settings)

    assert result.status == "loaded" and result.rows["Services"] == ROWS
    assert query(settings, "SELECT count(*), max(_row_number) FROM raw.services") == [(ROWS, ROWS)]
    bad = query(settings, "SELECT row_number FROM meta.validation_findings WHERE rule_id = 'type.date' ORDER BY 1")
    assert bad == [(i + 1,) for i in range(ROWS) if i % 100_000 == 7]
