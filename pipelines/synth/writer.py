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
    if values.dtype == object:
        raw = values.to_numpy()
        first = next((v for v in raw if v is not None and v == v), None) if name.endswith(_ID_SUFFIX) else None
        if isinstance(first, int | np.integer | float):  # integer IDs that pandas stored as objects
            values = pd.to_numeric(values)
    if dtype == "S":
        if values.dtype != object and name.endswith(_ID_SUFFIX):
            return format_ids(pa.array(values, from_pandas=True), name, style, source)
        if values.dtype == object:
            return pa.array(values.to_numpy(), type=pa.string(), from_pandas=True)
        return pc.cast(pa.array(values, from_pandas=True), pa.string())
    array = pa.array(values, from_pandas=True)
    if pa.types.is_dictionary(array.type):
        array = array.dictionary_decode()
    if dtype == "I":
        return array.cast(pa.int64())
    if dtype == "D":
        return array.cast(pa.int64()).cast(pa.int32()).cast(pa.date32())
    if dtype == "T":
        return array.cast(pa.int64()).cast(pa.timestamp("s"))
    cents = pc.divide(array.cast(pa.float64()), 100.0)
    return cents.cast(pa.decimal128(14, 2), safe=False)


def compact(frame: pd.DataFrame) -> pd.DataFrame:
    """Smallest exact dtypes (codes in 1-2 bytes, days in 4) so a state-sized run fits in memory."""
    out = {}
    for name in frame.columns:
        column = frame[name]
        kind = column.dtype.kind
        if name == "_source":
            out[name] = column.astype("category")
        elif kind == "f":
            values = column.to_numpy()
            finite = values[~np.isnan(values)]
            if len(finite) == 0 or (np.all(np.mod(finite, 1) == 0) and np.abs(finite).max() < 2**31):
                small = "Int16" if len(finite) == 0 or np.abs(finite).max() < 2**15 else "Int32"
                out[name] = column.astype(small)
            else:
                out[name] = column
        elif kind in "iu" and len(column):
            top = max(abs(int(column.min())), abs(int(column.max())))
            out[name] = column.astype(np.int16 if top < 2**15 else np.int32 if top < 2**31 else np.int64)
        else:
            out[name] = column
    return pd.DataFrame(out, index=frame.index)


_CHUNK_ROWS = 250_000  # rows converted and written at a time: bounds the memory a big file needs
_OPTIONS = pacsv.WriteOptions(quoting_style="needed", batch_size=65_536)


def csv_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pacsv.write_csv(table, sink, _OPTIONS)
    return sink.getvalue()


def _entry(name: str, stamp: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    try:
        info.compress_level = 1  # Python 3.13+
    except AttributeError:
        info._compresslevel = 1  # Python 3.11-3.12 spell it privately
    return info


def write_zip(
    path: Path,
    tables: dict[str, pd.DataFrame],
    spec: HmisSpec,
    style: str,
    source: str,
    stamp: tuple[int, int, int, int, int, int],
    export_id: str,
) -> dict[str, int]:
    """All 24 files of ``spec`` for one source (rows whose ``_source`` is ``source``) into ``path``.

    Each file is streamed into its zip entry in chunks, so a multi-million-row file never exists
    as one CSV string in memory.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = {}
    tmp = path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, file_spec in spec.files.items():
            frame = tables.get(name, pd.DataFrame({"_source": []}))
            positions = np.flatnonzero(frame["_source"].to_numpy() == source)
            big = len(positions) > 5_000_000  # may pass 2 GB uncompressed
            with archive.open(_entry(file_spec.filename, stamp), "w", force_zip64=big) as handle:
                writer = None
                for start in range(0, max(len(positions), 1), _CHUNK_ROWS):
                    chunk = frame.iloc[positions[start : start + _CHUNK_ROWS]]
                    table = to_arrow(chunk, file_spec, style, source, export_id)
                    if writer is None:
                        writer = pacsv.CSVWriter(handle, table.schema, write_options=_OPTIONS)
                    writer.write_table(table)
                writer.close()
            rows[name] = len(positions)
    tmp.replace(path)
    return rows
