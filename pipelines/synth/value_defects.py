"""Defects in values of otherwise complete records: client PII, disabling condition, exit destination.

Only people known under a single client record receive PII defects (so identity links stay as
declared); DOB defects only touch people aged 19-95 at every entry (so adult/child status and the
veteran-status rule cannot change), and veteran status only where the DOB is intact.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.identities import linked_persons
from pipelines.synth.manifest import Defects
from pipelines.synth.options import Options
from pipelines.synth.picking import pick
from pipelines.synth.rng import stream

_RACES = (
    "AmIndAKNative",
    "Asian",
    "BlackAfAmerican",
    "HispanicLatinao",
    "HispanicLatinaeo",
    "MidEastNAfrican",
    "NativeHIPacific",
    "White",
)
_NAMES = ("FirstName", "MiddleName", "LastName", "NameSuffix")
_MISSING_KIND = {8: "pii_dk", 9: "pii_refused", 99: "pii_not_collected"}


def client_pii(client: pd.DataFrame, enr: pd.DataFrame, options: Options, defects: Defects) -> pd.DataFrame:
    rng = stream(options.seed, "pii-defects")
    r, force = options.rates, options.force_every_defect
    client = client.copy()
    single = ~client["_person"].isin(linked_persons(client)).to_numpy()
    ages = enr.groupby(["source_id", "PersonalID"])["age"].agg(["min", "max"])
    found = ages.reindex(pd.MultiIndex.from_arrays([client["_source"], client["PersonalID"]]))
    dob_ok = single & (found["min"].to_numpy() >= 19) & (found["max"].to_numpy() <= 95)
    pool = np.flatnonzero(single)

    def take(candidates: np.ndarray, rate: float, used: set[int]) -> np.ndarray:
        chosen = pick(rng, np.setdiff1d(candidates, np.fromiter(used, dtype=np.int64)), rate, force)
        used.update(chosen.tolist())
        return chosen

    def note(kind: str, rows: np.ndarray, column: str, detail: str) -> None:
        frame = client.iloc[rows]
        defects.add_rows(kind, frame, "Client", "PersonalID", column=column, values=frame[column], detail=detail)

    used: set[int] = set()
    rows = take(pool, r.ssn_missing, used)
    client.loc[client.index[rows], ["SSN", "SSNDataQuality"]] = [None, 99]
    note("ssn_missing", rows, "SSN", "SSN not collected (SSNDataQuality 99)")
    rows = take(pool, r.ssn_partial, used)
    client.loc[client.index[rows], "SSN"] = ["xxxxx" + s[-4:] for s in client["SSN"].to_numpy()[rows]]
    client.loc[client.index[rows], "SSNDataQuality"] = 2
    note("ssn_partial", rows, "SSN", "last four digits only (SSNDataQuality 2)")
    rows = take(pool, r.ssn_invalid, used)
    client.loc[client.index[rows], "SSN"] = [_invalid(s, rng) for s in client["SSN"].to_numpy()[rows]]
    note("ssn_invalid", rows, "SSN", "SSN of impossible pattern with SSNDataQuality 1")
    for code in (8, 9):
        rows = take(pool, _rate(r, code), used)
        client.loc[client.index[rows], ["SSN", "SSNDataQuality"]] = [None, code]
        note(_MISSING_KIND[code], rows, "SSNDataQuality", "SSN")
    used = set()
    rows = take(np.flatnonzero(dob_ok), r.dob_missing, used)
    client.loc[client.index[rows], ["DOB", "DOBDataQuality"]] = [np.nan, 99]
    note("dob_missing", rows, "DOB", "DOB not collected (DOBDataQuality 99)")
    rows = take(np.flatnonzero(dob_ok), r.dob_partial, used)
    dob = client["DOB"].to_numpy()[rows].astype(np.int64).astype("datetime64[D]")
    client.loc[client.index[rows], "DOB"] = dob.astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)
    client.loc[client.index[rows], "DOBDataQuality"] = 2
    note("dob_partial", rows, "DOB", "approximate DOB: 1 January of the birth year (DOBDataQuality 2)")
    for code in (8, 9):
        rows = take(np.flatnonzero(dob_ok), _rate(r, code), used)
        client.loc[client.index[rows], ["DOB", "DOBDataQuality"]] = [np.nan, code]
        note(_MISSING_KIND[code], rows, "DOBDataQuality", "DOB")
    dob_intact = set(np.flatnonzero(client["DOBDataQuality"].to_numpy() == 1).tolist())
    used = set()
    rows = take(pool, r.name_missing, used)
    client.loc[client.index[rows], list(_NAMES)] = None
    client.loc[client.index[rows], "NameDataQuality"] = 99
    note("name_missing", rows, "NameDataQuality", "name not collected")
    rows = take(pool, r.name_partial, used)
    client.loc[client.index[rows], ["MiddleName", "LastName", "NameSuffix"]] = None
    client.loc[client.index[rows], "NameDataQuality"] = 2
    note("name_partial", rows, "NameDataQuality", "first name only (NameDataQuality 2)")
    for code in (8, 9):
        rows = take(pool, _rate(r, code), used)
        client.loc[client.index[rows], list(_NAMES)] = None
        client.loc[client.index[rows], "NameDataQuality"] = code
        note(_MISSING_KIND[code], rows, "NameDataQuality", "name")
    used = set()
    for code in (8, 9, 99):
        rows = take(pool, _rate(r, code), used)
        client.loc[client.index[rows], list(_RACES)] = 0
        client.loc[client.index[rows], "AdditionalRaceEthnicity"] = None
        client.loc[client.index[rows], "RaceNone"] = code
        note(_MISSING_KIND[code], rows, "RaceNone", "race and ethnicity")
    used = set()
    adults = np.flatnonzero(single & (client["VeteranStatus"].to_numpy() == 0))
    adults = np.array(sorted(set(adults.tolist()) & dob_intact), dtype=np.int64)
    for code in (8, 9, 99):
        rows = take(adults, _rate(r, code), used)
        client.loc[client.index[rows], "VeteranStatus"] = code
        note(_MISSING_KIND[code], rows, "VeteranStatus", "veteran status of an adult")
    return client


def _rate(rates, code: int) -> float:
    return {8: rates.pii_dk, 9: rates.pii_refused, 99: rates.pii_not_collected}[code]


def _invalid(ssn: str, rng: np.random.Generator) -> str:
    how = int(rng.integers(4))
    if how == 0:
        return "000" + ssn[3:]
    if how == 1:
        return "9" + ssn[1:]
    if how == 2:
        return ssn[:3] + "00" + ssn[5:]
    return ssn[:5] + "0000"


def disabling_condition(enrollments: pd.DataFrame, enr: pd.DataFrame, options: Options, defects: Defects) -> None:
    """DisablingCondition 8/9/99 on enrollments of people with no disability (so nothing contradicts it)."""
    rng = stream(options.seed, "disabling-defects")
    eligible = np.flatnonzero((enr["disabled"].to_numpy() == 0) & (enr["age"].to_numpy() >= 18))
    used: set[int] = set()
    for code in (8, 9, 99):
        chosen = pick(
            rng,
            np.setdiff1d(eligible, np.fromiter(used, dtype=np.int64)),
            _rate(options.rates, code),
            options.force_every_defect,
        )
        used.update(chosen.tolist())
        enrollments.loc[enrollments.index[chosen], "DisablingCondition"] = code
        defects.add_rows(
            _MISSING_KIND[code],
            enrollments.iloc[chosen],
            "Enrollment",
            "EnrollmentID",
            column="DisablingCondition",
            values=[code] * len(chosen),
            detail="disabling condition",
        )


def destinations(exits: pd.DataFrame, options: Options, defects: Defects) -> None:
    rng = stream(options.seed, "destination-defects")
    eligible = np.arange(len(exits))
    missing = pick(rng, eligible, options.rates.destination_missing, options.force_every_defect)
    dk = pick(rng, np.setdiff1d(eligible, missing), options.rates.destination_dk, options.force_every_defect)
    for kind, rows, codes in (("destination_missing", missing, (99, 30)), ("destination_dk", dk, (8, 9))):
        values = rng.choice(codes, size=len(rows))
        exits.loc[exits.index[rows], "Destination"] = values
        exits.loc[exits.index[rows], ["DestinationSubsidyType", "OtherDestination"]] = [np.nan, None]
        defects.add_rows(
            kind,
            exits.iloc[rows],
            "Exit",
            "ExitID",
            column="Destination",
            values=values,
            detail="no informative exit destination",
        )
