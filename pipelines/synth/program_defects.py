"""Defects in program-specific answers of finished Client and Enrollment rows: the SSVF elements (V1
veteran's information, V4 percent of AMI, V6 VAMC station, V7 HP screening scores).

Each kind touches only records a check must read: veterans and heads of household of projects whose
funders require the element (``requirements.required_projects``), in households with exactly one head
(households with no or several heads are left to the household checks).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.manifest import Defects
from pipelines.synth.options import Options
from pipelines.synth.picking import pick
from pipelines.synth.requirements import required_projects
from pipelines.synth.rng import stream

_V1_ANSWERS = ("WorldWarII", "KoreanWar", "VietnamWar", "MilitaryBranch", "DischargeStatus")
_V1_BLANKABLE = ("YearEnteredService", "YearSeparated", *_V1_ANSWERS)


def ssvf(client: pd.DataFrame, enrollments: pd.DataFrame, options: Options, defects: Defects) -> None:
    """V1 answers of veterans served where V1 is required; V4/V6/V7 of the single head of household."""
    rng = stream(options.seed, "ssvf-defects")
    rates, force = options.rates, options.force_every_defect
    served = enrollments[enrollments["ProjectID"].isin(required_projects("V1"))]
    keys = set(zip(served["_source"], served["PersonalID"], strict=True))
    on_client = np.array([k in keys for k in zip(client["_source"], client["PersonalID"], strict=True)], dtype=bool)
    veterans = np.flatnonzero(on_client & (client["VeteranStatus"].to_numpy() == 1))
    used: set[int] = set()

    def take(rate: float) -> np.ndarray:
        chosen = pick(rng, np.setdiff1d(veterans, np.fromiter(used, dtype=np.int64)), rate, force)
        used.update(chosen.tolist())
        return chosen

    rows = take(rates.veteran_info_missing)
    columns = rng.choice(_V1_BLANKABLE, size=len(rows))
    for row, column in zip(rows, columns, strict=True):
        client.loc[client.index[row], column] = np.nan if column.startswith("Year") else 99
    _note(defects, "veteran_info_missing", client.iloc[rows], columns, "V1 answer blank or 99")
    rows = take(rates.veteran_info_dk)
    columns = rng.choice(_V1_ANSWERS, size=len(rows))
    codes = rng.choice([8, 9], size=len(rows))
    for row, column, code in zip(rows, columns, codes, strict=True):
        client.loc[client.index[row], column] = code
    _note(defects, "veteran_info_dk", client.iloc[rows], columns, "V1 answer 8 or 9")
    rows = take(rates.veteran_years_invalid)
    client.loc[client.index[rows], "YearSeparated"] = client["YearEnteredService"].to_numpy()[rows] - 1
    _note(
        defects, "veteran_years_invalid", client.iloc[rows], ["YearSeparated"] * len(rows), "separated before entered"
    )
    _heads(rng, enrollments, options, defects)


def _heads(rng: np.random.Generator, enrollments: pd.DataFrame, options: Options, defects: Defects) -> None:
    rates, force = options.rates, options.force_every_defect
    heads = enrollments["RelationshipToHoH"].to_numpy() == 1
    per_household = enrollments.assign(_head=heads).groupby(["_source", "HouseholdID"])["_head"].transform("sum")
    single_head = heads & (per_household.to_numpy() == 1)
    project = enrollments["ProjectID"]
    for kind, element, column, value in (
        ("percent_ami_missing", "V4", "PercentAMI", 99),
        ("vamc_station_missing", "V6", "VAMCStation", None),
        ("hp_screening_missing", "V7", "HPScreeningScore", np.nan),
    ):
        eligible = single_head & project.isin(required_projects(element)).to_numpy()
        if kind == "hp_screening_missing":
            eligible &= enrollments["TargetScreenReqd"].to_numpy() == 1
        rows = pick(rng, np.flatnonzero(eligible), getattr(rates, kind), force)
        enrollments.loc[enrollments.index[rows], column] = value
        defects.add_rows(
            kind,
            enrollments.iloc[rows],
            "Enrollment",
            "EnrollmentID",
            column=column,
            values=[value] * len(rows),
            detail=f"{column} of the head of household is missing",
        )


def _note(defects: Defects, kind: str, rows: pd.DataFrame, columns, detail: str) -> None:
    for column in sorted(set(columns)):
        subset = rows[np.asarray(columns) == column]
        defects.add_rows(
            kind, subset, "Client", "PersonalID", column=column, values=subset[column], detail=f"{column}: {detail}"
        )
