"""Export-scoped identifiers: each source numbers its own clients, enrollments and households.

IDs increase with the date a record was entered, with small gaps (other records of the live system
took the numbers in between), like a real HMIS. They are integers here; the writer turns them into
the source's ID style (numbers, or GUID-like hex for the agency database).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.rng import stream


def sequential(rng: np.random.Generator, count: int, base: int) -> np.ndarray:
    return base + np.cumsum(rng.integers(1, 4, size=count))


def assign(enr: pd.DataFrame, sources: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Adds PersonalID, EnrollmentID and HouseholdID (rows are already in entry order per source)."""
    enr = enr.copy()
    for col in ("PersonalID", "EnrollmentID", "HouseholdID"):
        enr[col] = np.zeros(len(enr), dtype=np.int64)
    for source in sources.itertuples(index=False):
        rng = stream(seed, f"ids-{source.source_id}")
        at = np.flatnonzero((enr["source_id"] == source.source_id).to_numpy())
        if not len(at):
            continue
        part = enr.iloc[at]
        client_key = part["person"].to_numpy() * 2 + part["dup"].to_numpy()
        _, first_pos, inverse = np.unique(client_key, return_index=True, return_inverse=True)
        order = np.argsort(np.argsort(first_pos, kind="stable"), kind="stable")  # rank by first appearance
        person_ids = sequential(rng, len(first_pos), int(source.id_base))
        enr.iloc[at, enr.columns.get_loc("PersonalID")] = person_ids[order][inverse]
        enr.iloc[at, enr.columns.get_loc("EnrollmentID")] = sequential(rng, len(at), int(source.id_base) * 3)
        _, first_stay, stay_inverse = np.unique(part["stay"].to_numpy(), return_index=True, return_inverse=True)
        stay_order = np.argsort(np.argsort(first_stay, kind="stable"), kind="stable")
        household_ids = sequential(rng, len(first_stay), int(source.id_base) * 7)
        enr.iloc[at, enr.columns.get_loc("HouseholdID")] = household_ids[stay_order][stay_inverse]
    return enr


def numbered(source_rows: pd.Series, seed: int, name: str, bases: dict[str, int]) -> np.ndarray:
    """Sequential IDs for a child file (rows already in the order they were entered) per source."""
    out = np.zeros(len(source_rows), dtype=np.int64)
    values = source_rows.to_numpy()
    for source, base in bases.items():
        at = np.flatnonzero(values == source)
        if len(at):
            out[at] = sequential(stream(seed, f"{name}-{source}"), len(at), base)
    return out
