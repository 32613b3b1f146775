"""The generated world written as an FY2022 export: HUD's FY2022 -> FY2024 crosswalk read backwards.

The generator builds every table in the current shape; this turns those frames into what an FY2022
HMIS would have exported for the same people (``waypoint synth --csv-version fy2022``). Ingest maps
them forward again (pipelines/ingest/legacy.py), so the two directions test each other: the same
world in FY2022, FY2024 and FY2026 must give the same reports, except where FY2022 cannot say what
FY2024 added (docs/decisions.md, "FY2022 exports"):

- Middle Eastern or North African identity is written as White (the OMB 1997 standard FY2022 used);
- subsidies FY2022 had no code for become the nearest FY2022 code (Housing Stability Voucher:
  other ongoing subsidy; FUP and FYI vouchers: HCV voucher; PSH: permanent housing for formerly
  homeless persons);
- RRH subtypes, CE participation, CulturallySpecific and DifferentIdentity are not written.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.spec.versions import living_situation_crosswalk

# FY2024 3.12.A subsidy types FY2022 had no code for -> the FY2022 rental code closest in meaning.
_NEAREST_SUBSIDY = {436: 20, 437: 33, 438: 33, 439: 3}


def _backwards() -> tuple[dict[int, int], dict[int, int]]:
    """(FY2024 code -> FY2022 code for codes other than 435, FY2024 subsidy type -> FY2022 code)."""
    codes, subsidies = {}, dict(_NEAREST_SUBSIDY)
    for old, new, subsidy in living_situation_crosswalk():
        if subsidy:
            subsidies[int(subsidy)] = int(old)
        else:
            codes[int(new)] = int(old)
    return codes, subsidies


def _two_digit(code: pd.Series, subsidy: pd.Series) -> pd.Series:
    """3.12.1 codes and their subsidy type as one FY2022 code (435 without a subsidy: other subsidy, 20)."""
    codes, subsidies = _backwards()
    code = pd.to_numeric(code)
    subsidy = pd.to_numeric(subsidy)
    rental = subsidy.map(subsidies).fillna(20)
    out = code.map(codes).where(code != 435, rental)
    return out.where(code.notna()).astype("Int16")


def _client(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    hispanic = pd.to_numeric(out["HispanicLatinaeo"]) == 1
    race_none = pd.to_numeric(out["RaceNone"])
    out["Ethnicity"] = np.where(hispanic, 1, np.where(race_none.isin([8, 9, 99]), race_none, 0))
    out["White"] = np.maximum(pd.to_numeric(out["White"]), pd.to_numeric(out["MidEastNAfrican"]).fillna(0))
    out["Female"], out["Male"], out["NoSingleGender"] = out["Woman"], out["Man"], out["NonBinary"]
    return out


def _project(frame: pd.DataFrame, participation: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    ptype = pd.to_numeric(out["ProjectType"])
    out["TrackingMethod"] = np.select([ptype == 0, ptype == 1], [0, 3], default=np.nan)
    out["ProjectType"] = ptype.where(ptype != 0, 1)
    first = participation.drop_duplicates(["_source", "ProjectID"])  # a project may have several records
    kinds = first.set_index(["_source", "ProjectID"])["HMISParticipationType"]
    keys = pd.MultiIndex.from_arrays([out["_source"].astype(str), out["ProjectID"]])
    kinds.index = pd.MultiIndex.from_arrays(
        [kinds.index.get_level_values(0).astype(str), kinds.index.get_level_values(1)]
    )
    out["HMISParticipatingProject"] = (kinds.reindex(keys).to_numpy() == 1).astype(int)
    return out


def _enrollment_coc(enrollment: pd.DataFrame) -> pd.DataFrame:
    """One project-start record per enrollment that has a CoC (FY2022 kept 3.16 in its own file)."""
    have = enrollment[enrollment["EnrollmentCoC"].notna()]
    return pd.DataFrame(
        {
            "_source": have["_source"].to_numpy(),
            "EnrollmentCoCID": have["EnrollmentID"].to_numpy(),
            "EnrollmentID": have["EnrollmentID"].to_numpy(),
            "HouseholdID": have["HouseholdID"].to_numpy(),
            "ProjectID": have["ProjectID"].to_numpy(),
            "PersonalID": have["PersonalID"].to_numpy(),
            "InformationDate": have["EntryDate"].to_numpy(),
            "CoCCode": have["EnrollmentCoC"].to_numpy(),
            "DataCollectionStage": 1,
            "DateCreated": have["DateCreated"].to_numpy(),
            "DateUpdated": have["DateUpdated"].to_numpy(),
            "UserID": have["UserID"].to_numpy(),
        }
    )


def _renamed(frame: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The FY2024 columns the frame has, under their FY2022 names (a column the generator leaves out stays out)."""
    return frame.rename(columns={k: v for k, v in names.items() if k in frame.columns})


def to_fy2022(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The current-shape tables as FY2022 files (columns FY2022 lacks are left for the writer to drop)."""
    out = dict(tables)
    out["Client"] = _client(tables["Client"])
    out["Project"] = _project(tables["Project"], tables["HMISParticipation"])
    enrollment = tables["Enrollment"].copy()
    enrollment["LivingSituation"] = _two_digit(enrollment["LivingSituation"], enrollment["RentalSubsidyType"])
    out["Enrollment"] = enrollment
    out["EnrollmentCoC"] = _enrollment_coc(tables["Enrollment"])
    exits = tables["Exit"].copy()
    exits["Destination"] = _two_digit(exits["Destination"], exits["DestinationSubsidyType"])
    out["Exit"] = exits
    cls = tables["CurrentLivingSituation"].copy()
    subsidy = cls["CLSSubsidyType"] if "CLSSubsidyType" in cls else pd.Series(np.nan, index=cls.index)
    cls["CurrentLivingSituation"] = _two_digit(cls["CurrentLivingSituation"], subsidy)
    out["CurrentLivingSituation"] = cls
    out["HealthAndDV"] = _renamed(tables["HealthAndDV"], {"DomesticViolenceSurvivor": "DomesticViolenceVictim"})
    out["IncomeBenefits"] = _renamed(
        tables["IncomeBenefits"], {"VHAServices": "VAMedicalServices", "NoVHAReason": "NoVAMedReason"}
    )
    for gone in ("HMISParticipation", "CEParticipation"):
        out.pop(gone, None)
    return out
