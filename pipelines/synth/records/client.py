"""Client.csv: one row per (source, PersonalID), with the person's identity as that agency recorded it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import year_of
from pipelines.synth.rng import stream

_TRIBES = np.array(
    [
        "Choctaw Nation",
        "Cherokee Nation",
        "Muscogee (Creek) Nation",
        "Chickasaw Nation",
        "Osage Nation",
        "Seminole Nation",
        "Ponca Tribe",
        "Pawnee Nation",
    ],
    dtype=object,
)
_WARS = (
    ("WorldWarII", 1941, 1945),
    ("KoreanWar", 1950, 1953),
    ("VietnamWar", 1964, 1975),
    ("DesertStorm", 1990, 1991),
    ("AfghanistanOEF", 2001, 2014),
    ("IraqOIF", 2003, 2010),
    ("IraqOND", 2010, 2011),
)


def veteran_details(persons: pd.DataFrame, seed: int) -> pd.DataFrame:
    """V1 answers for veterans (null for everyone else, as FY2026 expects)."""
    rng = stream(seed, "veterans")
    vet = persons[persons["veteran"] == 1]
    n = len(vet)
    born = year_of(vet["dob"].to_numpy())
    entered = np.minimum(born + rng.integers(18, 26, n), 2019)
    separated = np.minimum(entered + rng.integers(2, 21, n), 2021)
    details = pd.DataFrame(
        {"person": vet["person"].to_numpy(), "YearEnteredService": entered, "YearSeparated": separated}
    )
    for name, first, last in _WARS:
        details[name] = ((entered <= last) & (separated >= first)).astype(np.int64)
    details["OtherTheater"] = (rng.random(n) < 0.08).astype(np.int64)
    details["MilitaryBranch"] = rng.choice([1, 2, 3, 4, 6], size=n, p=[0.5, 0.17, 0.17, 0.13, 0.03])
    details["DischargeStatus"] = rng.choice([1, 2, 6, 7, 4], size=n, p=[0.72, 0.15, 0.08, 0.03, 0.02])
    return details


def build(enr: pd.DataFrame, persons: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Client rows; DateCreated is the first enrollment's, DateUpdated the latest record's."""
    rng = stream(seed, "clients")
    grouped = enr.groupby(["source_id", "PersonalID"], sort=False)
    first = grouped.agg(
        person=("person", "first"),
        created=("DateCreated", "min"),
        updated=("DateUpdated", "max"),
        adult=("age", "max"),
        user=("UserID", "last"),
    ).reset_index()
    p = persons.set_index("person").loc[first["person"].to_numpy()]
    n = len(first)
    adult = first["adult"].to_numpy() >= 18
    veteran = p["veteran"].to_numpy() == 1
    aian = p["AmIndAKNative"].to_numpy() == 1
    tribe = np.where(aian & (rng.random(n) < 0.35), _TRIBES[rng.integers(len(_TRIBES), size=n)], None)
    sex = p["sex"].to_numpy()
    identity = rng.random(n)
    client = pd.DataFrame(
        {
            "_source": first["source_id"].to_numpy(),
            "_person": first["person"].to_numpy(),
            "PersonalID": first["PersonalID"].to_numpy(),
            "FirstName": p["first"].to_numpy(),
            "MiddleName": p["middle"].to_numpy(),
            "LastName": p["last"].to_numpy(),
            "NameSuffix": p["suffix"].to_numpy(),
            "NameDataQuality": 1,
            "SSN": p["ssn"].to_numpy(),
            "SSNDataQuality": 1,
            "DOB": p["dob"].to_numpy(),
            "DOBDataQuality": 1,
            "Sex": sex,
            "AmIndAKNative": p["AmIndAKNative"].to_numpy(),
            "Asian": p["Asian"].to_numpy(),
            "BlackAfAmerican": p["BlackAfAmerican"].to_numpy(),
            "HispanicLatinao": p["HispanicLatino"].to_numpy(),
            "HispanicLatinaeo": p["HispanicLatino"].to_numpy(),
            "MidEastNAfrican": p["MidEastNAfrican"].to_numpy(),
            "NativeHIPacific": p["NativeHIPacific"].to_numpy(),
            "White": p["White"].to_numpy(),
            "RaceNone": np.nan,
            "AdditionalRaceEthnicity": tribe,
            # FY2024 gender (3.06): from sex, with a few transgender and non-binary people.
            "Woman": ((sex == 0) & (identity >= 0.004)).astype(int),
            "Man": ((sex == 1) & (identity >= 0.004)).astype(int),
            "NonBinary": (identity < 0.004).astype(int),
            "CulturallySpecific": ((identity < 0.002) & aian).astype(int),
            "Transgender": ((identity >= 0.004) & (identity < 0.01)).astype(int),
            "Questioning": 0,
            "DifferentIdentity": 0,
            "GenderNone": np.nan,
            "VeteranStatus": np.where(adult, veteran.astype(int), 99),
            "DateCreated": first["created"].to_numpy(),
            "DateUpdated": first["updated"].to_numpy(),
            "UserID": first["user"].to_numpy(),
        }
    )
    details = veteran_details(persons, seed)
    client = client.merge(details, left_on="_person", right_on="person", how="left").drop(columns="person")
    not_vet = client["VeteranStatus"] != 1
    client.loc[not_vet, details.columns.drop("person")] = np.nan
    return client
