"""How a source writes its record IDs: plain numbers (ServicePoint) or 32-character hex (agency database)."""

from __future__ import annotations

import hashlib

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def format_ids(values: np.ndarray, kind: str, style: str, source: str) -> pa.Array:
    """Integer IDs as strings; ``kind`` (the ID column's name) keeps GUIDs of different files apart."""
    array = values if isinstance(values, pa.Array) else pa.array(values, from_pandas=True)
    if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
        return array
    if not pa.types.is_int64(array.type):
        array = array.cast(pa.int64())
    if style == "numeric":
        return pc.cast(array, pa.string())
    prefix = f"{source}|{kind}|"
    return pa.array(
        [None if v is None else hashlib.md5((prefix + str(v)).encode()).hexdigest() for v in array.to_pylist()],
        type=pa.string(),
    )


def format_one(value: int | str | None, kind: str, style: str, source: str) -> str | None:
    """One ID exactly as :func:`format_ids` writes it."""
    if value is None or isinstance(value, str):
        return value
    if style == "numeric":
        return str(int(value))
    return hashlib.md5(f"{source}|{kind}|{int(value)}".encode()).hexdigest()
