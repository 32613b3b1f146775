"""Export, Organization, User, Project, Funder, ProjectCoC, Inventory, Affiliation, HMISParticipation,
CEParticipation: the project descriptor data an HMIS administrator keeps, built from the roster."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth import pii
from pipelines.synth.calendar import SECONDS_PER_DAY, day
from pipelines.synth.meta import Clock
from pipelines.synth.options import Options
from pipelines.synth.rng import stream
from pipelines.synth.roster import Roster

ADMIN_ORG = "HMIS-LEAD"  # CDSA's HMIS administrators: they keep the project descriptor data
_DEDICATED = {
    "ch": "CHBedInventory",
    "vet": "VetBedInventory",
    "youth": "YouthBedInventory",
    "chvet": "CHVetBedInventory",
    "youthvet": "YouthVetBedInventory",
    "chyouth": "CHYouthBedInventory",
    "other": "OtherBedInventory",
}


def users(roster: Roster, seed: int) -> pd.DataFrame:
    """User accounts: a few per agency plus the HMIS lead's administrators."""
    rng = stream(seed, "users")
    orgs = roster.organizations
    org_ids = np.concatenate([np.repeat(orgs["organization_id"].to_numpy(), orgs["users"].to_numpy()), [ADMIN_ORG] * 3])
    domains = dict(zip(orgs["organization_id"], orgs["email_domain"], strict=True)) | {
        ADMIN_ORG: "cdsa-hmis.example.org"
    }
    n = len(org_ids)
    first = pii.first_names(rng, n)
    last = pii.last_names(rng, n)
    email = [f"{f[0].lower()}{la.lower()}@{domains[o]}" for f, la, o in zip(first, last, org_ids, strict=True)]
    created = day(pd.Timestamp("2015-01-05").date()) + rng.integers(0, 1500, n)
    return pd.DataFrame(
        {
            "UserID": [str(1001 + i) for i in range(n)],
            "organization_id": org_ids,
            "UserFirstName": first,
            "UserLastName": last,
            "UserPhone": [f"580555{100 + i % 900:04d}" for i in range(n)],
            "UserExtension": np.where(rng.random(n) < 0.3, rng.integers(100, 999, n).astype(str), None),
            "UserEmail": email,
            "DateCreated": created * SECONDS_PER_DAY + rng.integers(8 * 3600, 17 * 3600, n),
        }
    ).assign(DateUpdated=lambda d: d["DateCreated"] + rng.integers(0, 300, n) * SECONDS_PER_DAY)


def descriptor_files(
    roster: Roster, options: Options, clock: Clock, admins: dict[str, np.ndarray]
) -> dict[str, pd.DataFrame]:
    """The project descriptor files for all sources (column ``_source`` says which export holds a row)."""
    rng = stream(options.seed, "descriptors")
    projects = roster.projects
    source_of_org = projects.groupby("organization_id")["source_id"].first()
    opened = np.array([day(pd.Timestamp(d).date()) for d in projects["operating_start"]])

    def stamp(event_day: np.ndarray, sources: np.ndarray) -> dict[str, np.ndarray]:
        created = clock.created(np.asarray(event_day), delay=rng.integers(0, 20, len(event_day)))
        user = np.empty(len(sources), dtype=object)
        for source, pool in admins.items():
            at = np.flatnonzero(np.asarray(sources) == source)
            user[at] = pool[rng.integers(len(pool), size=len(at))]
        return {"DateCreated": created, "DateUpdated": clock.updated(created, 0.5, 900), "UserID": user}

    orgs = roster.organizations.copy()
    orgs = orgs[orgs["organization_id"].isin(source_of_org.index)]
    org_opened = pd.Series(opened, index=projects.index).groupby(projects["organization_id"]).min()
    organization = pd.DataFrame(
        {
            "_source": source_of_org.reindex(orgs["organization_id"]).to_numpy(),
            "OrganizationID": orgs["organization_id"].to_numpy(),
            "OrganizationName": orgs["organization_name"].to_numpy(),
            "VictimServiceProvider": orgs["victim_service_provider"].to_numpy(),
            "OrganizationCommonName": orgs["common_name"].to_numpy(),
        }
        | stamp(
            org_opened.reindex(orgs["organization_id"]).to_numpy() - 30,
            source_of_org.reindex(orgs["organization_id"]).to_numpy(),
        )
    )
    ptype = projects["project_type"].to_numpy()
    sub = projects["rrh_subtype"].to_numpy(dtype=float, na_value=np.nan)
    affiliated = projects["affiliated_project_id"].notna().to_numpy()
    funded = roster.funders.groupby("project_id")["funder"].apply(set)
    hopwa = funded.reindex(projects["project_id"]).apply(lambda s: bool(s & {13, 14, 15, 16, 17, 18, 19})).to_numpy()
    base = {"_source": projects["source_id"].to_numpy(), "ProjectID": projects["project_id"].to_numpy()}
    project = pd.DataFrame(
        base
        | {
            "OrganizationID": projects["organization_id"].to_numpy(),
            "ProjectName": projects["project_name"].to_numpy(),
            "ProjectCommonName": projects["common_name"].to_numpy(),
            "OperatingStartDate": opened,
            "ContinuumProject": 1,
            "ProjectType": ptype,
            "HousingType": projects["housing_type"].to_numpy(dtype=float, na_value=np.nan),
            "RRHSubType": sub,
            "ResidentialAffiliation": np.where(
                (ptype == 6) | ((ptype == 13) & (sub == 1)), affiliated.astype(float), np.nan
            ),
            "TargetPopulation": projects["target_population"].to_numpy(),
            "HOPWAMedAssistedLivingFac": np.where(hopwa, 0, 2),
        }
        | stamp(opened - 20, projects["source_id"].to_numpy())
    )
    funders = roster.funders.merge(projects[["project_id", "source_id"]], on="project_id")
    f_start = np.array([day(pd.Timestamp(d).date()) for d in funders["start_date"]])
    funder = pd.DataFrame(
        {
            "_source": funders["source_id"].to_numpy(),
            "FunderID": np.arange(1, len(funders) + 1) + 700,
            "ProjectID": funders["project_id"].to_numpy(),
            "Funder": funders["funder"].to_numpy(),
            "OtherFunder": funders["other_funder"].to_numpy(),
            "GrantID": funders["grant_id"].to_numpy(),
            "StartDate": f_start,
            "EndDate": [day(pd.Timestamp(d).date()) if isinstance(d, str) else np.nan for d in funders["end_date"]],
        }
        | stamp(f_start - 10, funders["source_id"].to_numpy())
    )
    coc = pd.DataFrame(
        base
        | {
            "ProjectCoCID": np.arange(1, len(projects) + 1) + 300,
            "CoCCode": projects["coc_code"].to_numpy(),
            "Geocode": projects["geocode"].to_numpy(),
            "Address1": projects["address"].to_numpy(),
            "City": projects["city"].to_numpy(),
            "State": "OK",
            "ZIP": projects["zip"].to_numpy(),
            "GeographyType": projects["geography_type"].to_numpy(),
        }
        | stamp(opened - 20, projects["source_id"].to_numpy())
    )
    participation = pd.DataFrame(
        base
        | {
            "HMISParticipationID": np.arange(1, len(projects) + 1) + 900,
            "HMISParticipationType": projects["hmis_participation"].to_numpy(),
            "HMISParticipationStatusStartDate": opened,
        }
        | stamp(opened - 5, projects["source_id"].to_numpy())
    )
    return {
        "Organization": organization,
        "Project": project,
        "Funder": funder,
        "ProjectCoC": coc,
        "Inventory": _inventory(projects, opened, options, stamp),
        "Affiliation": _affiliation(projects, opened, stamp),
        "HMISParticipation": participation,
        "CEParticipation": _ce_participation(projects, opened, stamp),
    }


def _inventory(projects: pd.DataFrame, opened: np.ndarray, options: Options, stamp) -> pd.DataFrame:
    """Beds and units by household type; scaled with the run's yearly volume (see docs/decisions.md)."""
    scale = max(1.0, (options.clients / options.years) / 1000.0)
    rows = []
    for i, p in enumerate(projects.itertuples(index=False)):
        residential = p.project_type in (0, 1, 2, 3, 8, 9, 10) or (p.project_type == 13 and p.rrh_subtype == 2)
        if not residential:
            continue
        es = p.project_type in (0, 1)
        for household_type, beds, units, availability in (
            (1, p.beds_hh1, p.units_hh1, 1),
            (3, p.beds_hh3, p.units_hh3, 1),
            (4, p.beds_hh4, p.units_hh4, 1),
            (1, p.overflow_beds, p.overflow_beds, 3),
        ):
            if beds <= 0:
                continue
            bed_count = round(beds * scale)
            row = {
                "_source": p.source_id,
                "ProjectID": p.project_id,
                "CoCCode": p.coc_code,
                "HouseholdType": household_type,
                "Availability": availability if es else np.nan,
                "UnitInventory": min(bed_count, max(1, round(units * scale))),
                "BedInventory": bed_count,
                "ESBedType": 1 if es else np.nan,
                "InventoryStartDate": opened[i],
                "_opened": opened[i],
            }
            for column in _DEDICATED.values():
                row[column] = 0
            row[_DEDICATED[p.dedicated]] = bed_count
            rows.append(row)
    inventory = pd.DataFrame(rows)
    inventory.insert(1, "InventoryID", np.arange(1, len(inventory) + 1) + 400)
    stamps = stamp(inventory.pop("_opened").to_numpy() - 10, inventory["_source"].to_numpy())
    return inventory.assign(**stamps)


def _affiliation(projects: pd.DataFrame, opened: np.ndarray, stamp) -> pd.DataFrame:
    at = projects["affiliated_project_id"].notna().to_numpy()
    return pd.DataFrame(
        {
            "_source": projects["source_id"].to_numpy()[at],
            "AffiliationID": np.arange(1, at.sum() + 1) + 50,
            "ProjectID": projects["project_id"].to_numpy()[at],
            "ResProjectID": projects["affiliated_project_id"].to_numpy()[at],
        }
        | stamp(opened[at], projects["source_id"].to_numpy()[at])
    )


def _ce_participation(projects: pd.DataFrame, opened: np.ndarray, stamp) -> pd.DataFrame:
    at = ((projects["ce_access_point"] == 1) | (projects["ce_receives_referrals"] == 1)).to_numpy()
    at = at & (projects["hmis_participation"] == 1).to_numpy()
    p = projects[at]
    access = p["ce_access_point"].to_numpy() == 1
    is_ce = p["project_type"].to_numpy() == 14
    start = np.maximum(opened[at], day(pd.Timestamp("2018-01-01").date()))

    def when_access(value: np.ndarray) -> np.ndarray:
        return np.where(access, value, np.nan)

    return pd.DataFrame(
        {
            "_source": p["source_id"].to_numpy(),
            "CEParticipationID": np.arange(1, len(p) + 1) + 80,
            "ProjectID": p["project_id"].to_numpy(),
            "AccessPoint": access.astype(int),
            "PreventionAssessment": when_access(is_ce.astype(float)),
            "CrisisAssessment": when_access(np.ones(len(p))),
            "HousingAssessment": when_access(is_ce.astype(float)),
            "DirectServices": when_access((~is_ce).astype(float)),
            "ReceivesReferrals": p["ce_receives_referrals"].to_numpy(),
            "CEParticipationStatusStartDate": start,
        }
        | stamp(start, p["source_id"].to_numpy())
    )
