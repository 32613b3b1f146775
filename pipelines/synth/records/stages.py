"""Data collection stages of an enrollment: project start (1), annual assessments (5), project exit (3).

Stage rows carry the InformationDate, the stage, and the DateCreated/UserID of the record they belong
to: start records are entered with the enrollment, exit records with the exit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import add_years, day, years_between
from pipelines.synth.meta import Clock
from pipelines.synth.options import Options
from pipelines.synth.rng import stream

_CARRY = ["_source", "_enrollment", "EnrollmentID", "PersonalID"]


def stage_rows(
    enrollments: pd.DataFrame, exits: pd.DataFrame, enr: pd.DataFrame, clock: Clock, options: Options
) -> pd.DataFrame:
    """Start, annual and exit rows for every enrollment, in the order they were entered."""
    rng = stream(options.seed, "stages")
    end = day(options.end_date)
    start = enrollments[[*_CARRY, "DateCreated", "UserID"]].copy()
    start["InformationDate"] = enrollments["EntryDate"].to_numpy()
    start["DataCollectionStage"] = 1
    leave = exits[[*_CARRY, "DateCreated", "UserID"]].copy()
    leave["InformationDate"] = exits["ExitDate"].to_numpy()
    leave["DataCollectionStage"] = 3
    annual = _annual(rng, enrollments, enr, clock, end)
    rows = pd.concat([start, annual, leave], ignore_index=True)
    info = enr.set_index("enrollment")
    e = info.loc[rows["_enrollment"].to_numpy()]
    for column in (
        "person",
        "age",
        "adult_or_hoh",
        "role",
        "project_id",
        "ptype",
        "cat",
        "organization_id",
        "entry",
        "stay",
        "sex",
    ):
        rows[column] = e[column].to_numpy()
    rows["hoh_final"] = (e["relationship"].to_numpy() == 1) & (e["role"].to_numpy() == 1)
    rows["DateUpdated"] = clock.updated(rows["DateCreated"].to_numpy(), 0.2, 30)
    return rows.sort_values(["_source", "DateCreated", "_enrollment"], kind="stable").reset_index(drop=True)


def _annual(
    rng: np.random.Generator, enrollments: pd.DataFrame, enr: pd.DataFrame, clock: Clock, end: int
) -> pd.DataFrame:
    """Annual assessments within 30 days of each anniversary of the household's entry (the head's)."""
    anchor = enr["hh_entry"].to_numpy()
    own_entry = enr["entry"].to_numpy()
    last = np.where(enr["exit"].to_numpy() >= 0, enr["exit"].to_numpy() - 1, end)
    years = np.maximum(0, years_between(anchor, last))
    rows = np.repeat(np.arange(len(enr)), years)
    if not len(rows):
        return pd.DataFrame(columns=[*_CARRY, "DateCreated", "UserID", "InformationDate", "DataCollectionStage"])
    k = np.arange(len(rows)) - np.repeat(np.cumsum(years) - years, years) + 1
    anniversary = add_years(anchor[rows], k)
    keep = anniversary > own_entry[rows]  # a member who joined after the anniversary is not assessed yet
    rows, anniversary = rows[keep], anniversary[keep]
    latest = np.minimum(last[rows], anniversary + 25)
    info_day = np.minimum(anniversary + rng.integers(-25, 26, len(rows)), latest)
    info_day = np.maximum(info_day, own_entry[rows] + 1)
    by_enrollment = enrollments.set_index("_enrollment")
    e = by_enrollment.loc[enr["enrollment"].to_numpy()[rows]]
    out = pd.DataFrame({c: e[c].to_numpy() if c != "_enrollment" else e.index.to_numpy() for c in _CARRY})
    out["InformationDate"] = info_day
    out["DataCollectionStage"] = 5
    out["DateCreated"] = clock.created(info_day)
    out["UserID"] = e["UserID"].to_numpy()
    return out
