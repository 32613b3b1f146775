"""Writes one source's tables as an HMIS CSV zip: 24 files, spec column order, HUD formats.

Strings are double-quoted, numbers and dates are not (pyarrow's "needed" quoting quotes every string
value); dates are YYYY-MM-DD, datetimes YYYY-MM-DD HH:MM:SS, money has two decimals; empty cells are
nulls. Zip entries carry a fixed timestamp so the same data gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from pipelines.spec import FileSpec, HmisSpec
from pipelines.synth.idstyle import format_ids

_ID_SUFFIX = "ID"


def to_arrow(frame: pd.DataFrame, spec: FileSpec, style: str, source: str, export_id: str = "") -> pa.Table:
    """The frame's spec columns in spec order, typed; a column the frame lacks is all null."""
    n = len(frame)
    arrays = []
    for column in spec.columns:
        if column.name == "ExportID" and export_id:
            arrays.append(pa.array([export_id] * n, type=pa.string()))
            continue
        if column.name not in frame.columns:
            arrays.append(pa.nulls(n, type=_arrow_type(column.dtype)))
            continue
        values = frame[column.name]
        arrays.append(_convert(values, column.dtype, column.name, style, source))
    return pa.table(arrays, names=spec.column_names)


def _arrow_type(dtype: str) -> pa.DataType:
    return {"S": pa.string(), "I": pa.int64(), "D": pa.date32(), "T": pa.timestamp("s")}.get(
        dtype, pa.decimal128(14, 2)
    )


def _convert(values: pd.Series, dtype: str, name: str, style: str, source: str) -> pa.Array:
    raw = values.to_numpy()
    if raw.dtype == object and name.endswith(_ID_SUFFIX) and len(raw):
        first = next((v for v in raw if v is not None and v == v), None)
        if isinstance(first, int | np.integer | float):
            raw = pd.to_numeric(values).to_numpy()
    if dtype == "S":
        if raw.dtype.kind in "iuf" and name.endswith(_ID_SUFFIX):
            return format_ids(raw, name, style, source)
        return (
            pa.array(raw, type=pa.string(), from_pandas=True)
            if raw.dtype == object
            else pc.cast(pa.array(raw, from_pandas=True), pa.string())
        )
    array = pa.array(raw, from_pandas=True)
    if dtype == "I":
        return array.cast(pa.int64())
    if dtype == "D":
        return array.cast(pa.int64()).cast(pa.int32()).cast(pa.date32())
    if dtype == "T":
        return array.cast(pa.int64()).cast(pa.timestamp("s"))
    cents = pc.divide(array.cast(pa.float64()), 100.0)
    return cents.cast(pa.decimal128(14, 2), safe=False)


def csv_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pacsv.write_csv(table, sink, pacsv.WriteOptions(quoting_style="needed", batch_size=65_536))
    return sink.getvalue()


def write_zip(
    path: Path,
    tables: dict[str, pd.DataFrame],
    spec: HmisSpec,
    style: str,
    source: str,
    stamp: tuple[int, int, int, int, int, int],
    export_id: str,
) -> dict[str, int]:
    """All 24 files of ``spec`` for one source (rows whose ``_source`` is ``source``) into ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = {}
    tmp = path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, file_spec in spec.files.items():
            frame = tables.get(name, pd.DataFrame({"_source": []}))
            frame = frame.iloc[np.flatnonzero(frame["_source"].to_numpy() == source)]
            table = to_arrow(frame, file_spec, style, source, export_id)
            info = zipfile.ZipInfo(file_spec.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, csv_bytes(table), compresslevel=1)
            rows[name] = table.num_rows
    tmp.replace(path)
    return rows
