"""Defects that change the shape of the data, injected into the household stays before records exist.

Each marks the stays it touches; the manifest entries are written once IDs are known
(``manifest.structural_entries``). Candidates are chosen so that nothing else about the record is
wrong: the defect is the only thing a data-quality check should find there.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import day
from pipelines.synth.options import Options
from pipelines.synth.picking import pick
from pipelines.synth.rng import stream


def inject(stays: pd.DataFrame, units: pd.DataFrame, options: Options) -> pd.DataFrame:
    rng = stream(options.seed, "structural-defects")
    rates, force = options.rates, options.force_every_defect
    end = day(options.end_date)
    stays = stays.copy()
    for column, default in (("overlaps", -1), ("inactive_cut", -1), ("hoh_defect", ""), ("bad_move_in", 0), ("dup", 0)):
        stays[column] = default
    size = units.set_index("unit")["size"].reindex(stays["unit"]).to_numpy()
    partners = units.set_index("unit")["partners"].reindex(stays["unit"]).to_numpy()
    last_of_unit = _last_stay_of_unit(stays)
    for cat, rate in (("NBN", rates.inactive_nbn), ("SO", rates.inactive_outreach)):
        ok = (stays["cat"] == cat) & (stays["entry"] <= end - 120)
        eligible = np.flatnonzero(ok & ((stays["exit"] == -1) | (last_of_unit & (size == 1))))
        open_ones = np.flatnonzero(ok & (stays["exit"] == -1))
        chosen = pick(rng, open_ones if len(open_ones) else eligible, rate, force)
        stays.loc[chosen, ["exit", "dest", "subsidy"]] = -1
        entry = stays.loc[chosen, "entry"].to_numpy()
        stays.loc[chosen, "inactive_cut"] = entry + (rng.random(len(chosen)) * (end - 91 - entry)).astype(np.int64)
    # Households: no head, or two heads.
    families = np.flatnonzero((size >= 2) & (stays["step"] >= 0).to_numpy())
    no_head = pick(rng, families, rates.no_hoh, force)
    stays.loc[no_head, "hoh_defect"] = "none"
    couples = np.setdiff1d(np.flatnonzero((partners == 1) & (stays["step"] >= 0).to_numpy()), no_head)
    stays.loc[pick(rng, couples, rates.multiple_hoh, force), "hoh_defect"] = "two"
    # Move-in dates outside the stay.
    moved = np.flatnonzero(stays["move_in"].to_numpy() >= 0)
    bad = pick(rng, moved, rates.invalid_move_in, force)
    _invalid_move_in(rng, stays, bad, end)
    stays = _overlapping(rng, stays, size, rates.overlapping_stay, force, end)
    _duplicates(rng, stays, units, rates.duplicate_client, force)
    return stays


def _last_stay_of_unit(stays: pd.DataFrame) -> np.ndarray:
    latest = stays.groupby("unit")["entry"].transform("max").to_numpy()
    per_unit = stays.groupby("unit")["stay"].transform("count").to_numpy()
    return (stays["entry"].to_numpy() == latest) & (per_unit >= 1) & (stays["step"].to_numpy() >= 0)


def _invalid_move_in(rng: np.random.Generator, stays: pd.DataFrame, rows: np.ndarray, end: int) -> None:
    entry = stays.loc[rows, "entry"].to_numpy()
    exit_ = stays.loc[rows, "exit"].to_numpy()
    after = (exit_ >= 0) & (exit_ + 30 <= end) & (rng.random(len(rows)) < 0.4)
    shift = rng.integers(1, 30, len(rows))
    stays.loc[rows, "move_in"] = np.where(after, exit_ + shift, entry - shift)
    stays.loc[rows, "bad_move_in"] = 1


def _overlapping(
    rng: np.random.Generator, stays: pd.DataFrame, size: np.ndarray, rate: float, force: bool, end: int
) -> pd.DataFrame:
    """A second enrollment of the same person in the same shelter/TH, starting inside the first."""
    exit_or_end = np.where(stays["exit"] == -1, end, stays["exit"])
    length = exit_or_end - stays["entry"].to_numpy()
    ok = stays["cat"].isin(["ES", "TH"]).to_numpy() & (size == 1) & (length >= 4)
    ok &= stays["hoh_defect"].to_numpy() == ""
    chosen = pick(rng, np.flatnonzero(ok), rate, force)
    if not len(chosen):
        return stays
    clones = stays.loc[chosen].copy()
    offset = 1 + (rng.random(len(chosen)) * (length[chosen] - 2)).astype(np.int64)
    clones["entry"] = clones["entry"].to_numpy() + offset
    clones["move_in"] = -1
    clones["overlaps"] = clones["stay"].to_numpy()
    clones["step"] = 99  # not part of the path: an extra record
    clones["stay"] = stays["stay"].max() + 1 + np.arange(len(clones))
    return pd.concat([stays, clones], ignore_index=True)


def _duplicates(rng: np.random.Generator, stays: pd.DataFrame, units: pd.DataFrame, rate: float, force: bool) -> None:
    """A person entered twice in one source: their later episodes there go to a new client record."""
    single = set(units.loc[units["size"] == 1, "unit"])
    main = stays[(stays["step"] >= 0) & (stays["step"] != 99) & stays["unit"].isin(single)]
    episodes = main.groupby(["unit", "source_id"])["episode"].agg(["min", "nunique"])
    eligible = episodes[episodes["nunique"] >= 2].reset_index()
    chosen = pick(rng, np.arange(len(eligible)), rate, force)
    for unit, source, first in eligible.loc[chosen, ["unit", "source_id", "min"]].itertuples(index=False):
        later = (stays["unit"] == unit) & (stays["source_id"] == source) & (stays["episode"] > first)
        stays.loc[later, "dup"] = 1


def manifest_entries(enr: pd.DataFrame, defects) -> None:
    """Manifest entries for the structural defects, now that the records have their IDs."""
    from pipelines.synth.calendar import to_date

    frame = enr.assign(_source=enr["source_id"])
    clones = frame[frame["overlaps"] >= 0]
    defects.add_rows(
        "overlapping_stay",
        clones,
        "Enrollment",
        "EnrollmentID",
        column="EntryDate",
        values=clones["entry"],
        detail="second enrollment of the person in the same project, starting inside an earlier one",
    )
    for cat, kind, what in (("NBN", "inactive_nbn", "bed night"), ("SO", "inactive_outreach", "contact")):
        rows = frame[(frame["inactive_cut"] >= 0) & (frame["cat"] == cat)]
        details = [
            f"open; last {what} {to_date(d).isoformat()}, more than 90 days before the export end"
            for d in rows["inactive_cut"]
        ]
        defects.add_rows(kind, rows, "Enrollment", "EnrollmentID", details=details)
    heads = frame[(frame["hoh_defect"] == "none") & (frame["member"] == 0)]
    defects.add_rows(
        "no_hoh",
        heads,
        "Enrollment",
        "HouseholdID",
        column="RelationshipToHoH",
        values=heads["relationship"],
        detail="household without a head (former head's relationship)",
    )
    seconds = frame[(frame["hoh_defect"] == "two") & (frame["role"] == 3)]
    defects.add_rows(
        "multiple_hoh",
        seconds,
        "Enrollment",
        "HouseholdID",
        column="RelationshipToHoH",
        values=seconds["relationship"],
        detail="partner also recorded as head of household",
    )
    moved = frame[(frame["bad_move_in"] == 1) & (frame["role"] == 1)]
    defects.add_rows(
        "invalid_move_in",
        moved,
        "Enrollment",
        "EnrollmentID",
        column="MoveInDate",
        values=moved["move_in"],
        detail="MoveInDate before EntryDate or after ExitDate",
    )
    dups = frame[frame["dup"] == 1].drop_duplicates(["source_id", "PersonalID"])
    defects.add_rows(
        "duplicate_client",
        dups,
        "Client",
        "PersonalID",
        detail="the same person already has another PersonalID in this source",
    )
