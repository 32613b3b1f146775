"""HealthAndDV, Disabilities, EmploymentEducation and YouthEducationStatus records by stage."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.funding import Funding
from pipelines.synth.ids import numbered
from pipelines.synth.options import Options
from pipelines.synth.population import DISABILITY_TYPES
from pipelines.synth.rng import stream

_BASE = [
    "_source",
    "_enrollment",
    "EnrollmentID",
    "PersonalID",
    "InformationDate",
    "DataCollectionStage",
    "DateCreated",
    "DateUpdated",
    "UserID",
]


def _funded(rows: pd.DataFrame, funding: Funding, codes: tuple[int, ...]) -> np.ndarray:
    return funding.funded(rows["project_id"].to_numpy(), codes)


def health_and_dv(
    rows: pd.DataFrame, persons: pd.DataFrame, funding: Funding, options: Options, bases: dict[str, int]
) -> pd.DataFrame:
    """Domestic violence at project start for heads of household and adults (plus RHY health questions)."""
    rng = stream(options.seed, "health")
    start = rows[(rows["DataCollectionStage"] == 1) & rows["adult_or_hoh"]]
    n = len(start)
    kind = persons["kind"].to_numpy()[start["person"].to_numpy()]
    survivor = rng.random(n) < np.where(np.isin(kind, [2, 4]), 0.28, 0.12)
    out = start[_BASE].copy()
    out.insert(0, "HealthAndDVID", numbered(out["_source"], options.seed, "HealthAndDV", bases))
    out["DomesticViolenceSurvivor"] = survivor.astype(np.int64)
    out["WhenOccurred"] = np.where(survivor, rng.choice([1, 2, 3, 4], size=n, p=[0.3, 0.2, 0.2, 0.3]), np.nan)
    out["CurrentlyFleeing"] = np.where(survivor, (rng.random(n) < 0.35).astype(float), np.nan)
    rhy = _funded(start, funding, Funding.RHY)
    for column in ("GeneralHealthStatus", "DentalHealthStatus", "MentalHealthStatus"):
        out[column] = np.where(rhy, rng.choice([1, 2, 3, 4, 5], size=n, p=[0.15, 0.25, 0.35, 0.2, 0.05]), np.nan)
    female = start["sex"].to_numpy() == 0
    pregnant = rng.random(n) < 0.12
    out["PregnancyStatus"] = np.where(rhy & female, pregnant.astype(float), np.nan)
    out["DueDate"] = np.where(
        rhy & female & pregnant, start["InformationDate"].to_numpy() + rng.integers(20, 250, n), np.nan
    )
    return out.reset_index(drop=True)


def disabilities(rows: pd.DataFrame, persons: pd.DataFrame, options: Options, bases: dict[str, int]) -> pd.DataFrame:
    """One row per disability type at project start and exit, for every member."""
    taken = rows[rows["DataCollectionStage"].isin([1, 3])]
    k = len(DISABILITY_TYPES)
    rep = np.repeat(np.arange(len(taken)), k)
    out = taken.iloc[rep][_BASE].reset_index(drop=True)
    kinds = np.tile(np.array(DISABILITY_TYPES), len(taken))
    person = np.repeat(taken["person"].to_numpy(), k)  # persons are numbered 0..n-1 in row order
    response = np.zeros(len(out), dtype=np.int64)
    indefinite = np.zeros(len(out), dtype=np.int64)
    for t in DISABILITY_TYPES:
        at = kinds == t
        response[at] = persons[f"dis{t}"].to_numpy()[person[at]]
        indefinite[at] = persons[f"indef{t}"].to_numpy()[person[at]]
    asks_impairs = np.isin(kinds, [5, 7, 9, 10]) & (response > 0)
    out.insert(0, "DisabilitiesID", numbered(out["_source"], options.seed, "Disabilities", bases))
    out["DisabilityType"] = kinds
    out["DisabilityResponse"] = response
    out["IndefiniteAndImpairs"] = np.where(asks_impairs, indefinite, np.nan)
    return out


def employment_education(rows: pd.DataFrame, funding: Funding, options: Options, bases: dict[str, int]) -> pd.DataFrame:
    """R4-R6 for youth in RHY projects, at project start and exit."""
    rng = stream(options.seed, "employment")
    taken = rows[rows["DataCollectionStage"].isin([1, 3]) & rows["adult_or_hoh"]]
    taken = taken[_funded(taken, funding, Funding.RHY)]
    n = len(taken)
    out = taken[_BASE].copy()
    out.insert(0, "EmploymentEducationID", numbered(out["_source"], options.seed, "EmploymentEducation", bases))
    age = taken["age"].to_numpy()
    out["LastGradeCompleted"] = np.where(age < 17, rng.choice([2, 3, 4], size=n), rng.choice([4, 5, 7, 10], size=n))
    out["SchoolStatus"] = np.where(
        age < 18, rng.choice([1, 2, 5], size=n, p=[0.6, 0.25, 0.15]), rng.choice([3, 4, 5], size=n, p=[0.5, 0.2, 0.3])
    )
    employed = rng.random(n) < np.where(age >= 18, 0.35, 0.1)
    out["Employed"] = employed.astype(np.int64)
    out["EmploymentType"] = np.where(employed, rng.choice([1, 2, 3], size=n, p=[0.3, 0.5, 0.2]), np.nan)
    out["NotEmployedReason"] = np.where(~employed, rng.choice([1, 2, 3], size=n, p=[0.6, 0.1, 0.3]), np.nan)
    return out.reset_index(drop=True)


def youth_education(rows: pd.DataFrame, funding: Funding, options: Options, bases: dict[str, int]) -> pd.DataFrame:
    """C3 for heads of household and adults in YHDP-funded projects, at project start and exit."""
    rng = stream(options.seed, "youth-education")
    taken = rows[rows["DataCollectionStage"].isin([1, 3]) & rows["adult_or_hoh"]]
    taken = taken[_funded(taken, funding, Funding.YHDP)]
    n = len(taken)
    out = taken[_BASE].copy()
    out.insert(0, "YouthEducationStatusID", numbered(out["_source"], options.seed, "YouthEducationStatus", bases))
    attend = rng.choice([0, 1, 2], size=n, p=[0.6, 0.15, 0.25])
    out["CurrentSchoolAttend"] = attend
    out["MostRecentEdStatus"] = np.where(attend == 0, rng.choice([0, 1, 2, 6], size=n), np.nan)
    out["CurrentEdStatus"] = np.where(attend > 0, rng.choice([0, 1, 4], size=n), np.nan)
    return out.reset_index(drop=True)
