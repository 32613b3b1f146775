"""The fictional organisation roster (plus the real Mission of Hope), read from ``seeds/synth_roster_*.csv``.

The roster is data, not code, so dbt can load the same seeds and an administrator can read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Residential project types (2.02.6) that carry Inventory rows; RRH only with RRHSubType 2.
RESIDENTIAL_TYPES = (0, 1, 2, 3, 8, 9, 10, 13)
PH_TYPES = (3, 9, 10, 13)


@dataclass(frozen=True)
class Roster:
    sources: pd.DataFrame
    organizations: pd.DataFrame
    projects: pd.DataFrame
    funders: pd.DataFrame
    geocodes: pd.DataFrame

    def source_ids(self) -> list[str]:
        return list(self.sources["source_id"])

    def participating(self) -> pd.DataFrame:
        """Projects whose clients are recorded in HMIS (HMISParticipationType 1)."""
        return self.projects[self.projects["hmis_participation"] == 1]


def _read(name: str, **kwargs) -> pd.DataFrame:
    return pd.read_csv(SEEDS / name, keep_default_na=False, na_values=[""], **kwargs)


@cache
def load_roster() -> Roster:
    text = {"project_id": str, "organization_id": str, "affiliated_project_id": str, "zip": str}
    projects = _read("synth_roster_projects.csv", dtype=text | {"county_fips": str})
    for column in ("rrh_subtype", "housing_type"):
        projects[column] = projects[column].astype("Int64")
    geocodes = _read("oklahoma/hud_geocodes.csv", dtype={"geocode": str, "county_fips": str})
    projects = projects.merge(geocodes[["county_fips", "geocode"]], on="county_fips", how="left", validate="m:1")
    if projects["geocode"].isna().any():
        raise ValueError("a roster project names a county without a HUD geocode")
    funders = _read("synth_roster_funders.csv", dtype={"project_id": str, "grant_id": str})
    organizations = _read("synth_roster_organizations.csv", dtype={"organization_id": str, "zip": str})
    sources = _read("synth_roster_sources.csv", dtype={"contact_phone": str})
    _check(projects, organizations, funders, sources)
    return Roster(sources, organizations, projects, funders, geocodes)


def _check(projects: pd.DataFrame, organizations: pd.DataFrame, funders: pd.DataFrame, sources: pd.DataFrame) -> None:
    """Fail early on a roster edit that would produce an inconsistent export."""
    if not set(projects["organization_id"]) <= set(organizations["organization_id"]):
        raise ValueError("roster project names an unknown organization")
    if not set(projects["source_id"]) <= set(sources["source_id"]):
        raise ValueError("roster project names an unknown source")
    if set(projects["project_id"]) != set(funders["project_id"]):
        raise ValueError("every roster project needs at least one funder row (and only roster projects)")
    affiliated = projects["affiliated_project_id"].dropna()
    if not set(affiliated) <= set(projects["project_id"]):
        raise ValueError("roster affiliation names an unknown project")
