"""`generate`: the whole run, from options to zips and manifest.

Order matters for the ground truth: structural defects are injected into the household stays before
any record exists, IDs are assigned, the records are built (timeliness and income defects are chosen
there), then value defects and identity variations change finished client/enrollment/exit rows.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from pipelines.spec import LEGACY_VERSIONS, load_spec, shape_of
from pipelines.synth import (
    declared_defects,
    descriptor_defects,
    identities,
    legacy,
    output,
    overlap_defects,
    program_defects,
    project_defects,
    structural_defects,
    value_defects,
)
from pipelines.synth.calendar import day
from pipelines.synth.codes import check_choices
from pipelines.synth.enrollments import expand, prior_living
from pipelines.synth.funding import Funding
from pipelines.synth.ids import assign
from pipelines.synth.manifest import Defects
from pipelines.synth.meta import Clock, Users
from pipelines.synth.options import Options, resolve_options
from pipelines.synth.output import SynthResult
from pipelines.synth.paths import candidates
from pipelines.synth.population import build_persons, build_units, keep_clients
from pipelines.synth.records import ce, client, enrollment, health, income, projects, services, stages
from pipelines.synth.rng import stream
from pipelines.synth.roster import load_roster
from pipelines.synth.stays import build_stays, cover_projects
from pipelines.synth.writer import compact


def generate(
    out_dir: Path,
    *,
    preset: str = "demo",
    seed: int = 42,
    csv_version: str = "fy2026",
    clients: int | None = None,
    years: int | None = None,
    end_date: date | None = None,
    defect_rate: float | None = None,
) -> SynthResult:
    """Write synthetic HMIS CSV exports (one zip per source) and their ground-truth manifest."""
    started = time.perf_counter()
    options = resolve_options(
        preset=preset,
        seed=seed,
        csv_version=csv_version,
        clients=clients,
        years=years,
        end_date=end_date,
        defect_rate=defect_rate,
    )
    tables, defects, enr, client_rows = build_tables(options)
    return output.write_all(Path(out_dir), options, tables, defects, enr, client_rows, started)


def build_tables(options: Options) -> tuple[dict[str, pd.DataFrame], Defects, pd.DataFrame, pd.DataFrame]:
    """Every HMIS file's rows for all sources (column ``_source``), the defects, enrollments and clients."""
    roster = load_roster()
    participating = roster.participating().reset_index(drop=True)
    units = build_units(options)
    persons = build_persons(units, options)
    cands = candidates(participating)
    stays = build_stays(units, cands, options)
    units, persons, stays = keep_clients(units, persons, stays, options.clients)
    cover_projects(stays, cands, units, options)
    stays = _attach_projects(stays, participating, units)
    stays = structural_defects.inject(stays, units, options)
    stays = _engagement(stays, options)
    stays = stays.merge(prior_living(stays, units, options), on="stay", how="left")
    enr = assign(expand(stays, persons, options), roster.sources, options.seed)
    enr["sex"] = persons["sex"].to_numpy()[enr["person"].to_numpy()]
    enr["ce_housed_prior"] = enr["path"].str.split("+").str[0].isin(["ES", "NBN", "TH"]).to_numpy()
    defects = Defects()
    clock = Clock(stream(options.seed, "clock"), output.export_seconds(options))
    user_table = projects.users(roster, options.seed)
    users = Users(user_table, stream(options.seed, "user-picks"))
    funders = Funding(roster.funders)
    bases = dict(zip(roster.sources["source_id"], roster.sources["id_base"].astype(int), strict=True))
    enrollments = enrollment.build_enrollments(enr, funders, clock, users, options, defects)
    exits = enrollment.build_exits(enr, funders, clock, users, options, defects, bases)
    for column in ("DateCreated", "DateUpdated", "UserID"):
        enr[column] = enrollments[column].to_numpy()
    clients = client.build(enr, persons, options.seed)
    clients = identities.vary(clients, enr, options, defects)
    clients = value_defects.client_pii(clients, enr, options, defects)
    value_defects.disabling_condition(enrollments, enr, options, defects)
    value_defects.destinations(exits, options, defects)
    program_defects.ssvf(clients, enrollments, options, defects)
    program_defects.homeless_history(enrollments, enr, options, defects)
    structural_defects.manifest_entries(enr, defects)
    spec = load_spec(shape_of(options.csv_version))  # built in a current shape; FY2022 is written from it
    check_choices(spec)
    rows = stages.stage_rows(enrollments, exits, enr, clock, options)
    tables = {"Client": compact(clients), "Enrollment": compact(enrollments), "Exit": compact(exits)}
    income_rows = income.build(rows, persons, funders, options, defects)
    tables["IncomeBenefits"] = compact(_numbered(income_rows, "IncomeBenefitsID", options, bases))
    del income_rows
    tables["HealthAndDV"] = compact(health.health_and_dv(rows, persons, funders, options, bases))
    tables["Disabilities"] = compact(health.disabilities(rows, persons, options, bases))
    tables["EmploymentEducation"] = compact(health.employment_education(rows, funders, options, bases))
    tables["YouthEducationStatus"] = compact(health.youth_education(rows, funders, options, bases))
    del rows
    service_rows = pd.concat(
        [services.bed_nights(enr, options), services.funded_services(enr, funders, spec, options)], ignore_index=True
    )
    tables["Services"] = compact(
        services.finish(service_rows, enr, clock, users, options, "ServicesID", "DateProvided", bases)
    )
    del service_rows
    tables["CurrentLivingSituation"] = compact(
        services.finish(
            services.contacts(enr, options), enr, clock, users, options, "CurrentLivingSitID", "InformationDate", bases
        )
    )
    ce_tables = ce.build(enr, roster.projects, clock, users, options, bases)
    program_defects.referrals(ce_tables["Event"], options, defects)
    tables |= {name: compact(frame) for name, frame in ce_tables.items()}
    admins = output.admins(user_table, roster)
    tables |= projects.descriptor_files(roster, options, clock, admins)
    program_defects.descriptors(tables, options, defects)
    overlap_defects.inject(tables, options, defects)
    descriptor_defects.inject(tables, options, defects)
    project_defects.inject(tables, options, defects)
    declared_defects.declare(tables, options, defects)
    tables["User"] = output.users_per_source(user_table, tables, roster)
    tables["Export"] = output.export_rows(roster, options)
    if options.csv_version in LEGACY_VERSIONS:
        tables = legacy.to_fy2022(tables)
    return tables, defects, enr, clients


def _numbered(frame: pd.DataFrame, column: str, options: Options, bases: dict[str, int]) -> pd.DataFrame:
    from pipelines.synth.ids import numbered

    frame.insert(0, column, numbered(frame["_source"], options.seed, column, bases))
    return frame


def _attach_projects(stays: pd.DataFrame, participating: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    p = participating.iloc[stays["project"].to_numpy()]
    for column in ("project_id", "source_id", "coc_code", "organization_id"):
        stays[column] = p[column].to_numpy()
    # Deceased only as the very last exit of a person living alone; otherwise "other".
    size = units.set_index("unit")["size"].reindex(stays["unit"]).to_numpy()
    latest = stays.groupby("unit")["entry"].transform("max").to_numpy()
    deceased_ok = (size == 1) & (stays["entry"].to_numpy() == latest)
    stays.loc[(stays["dest"] == 24) & ~deceased_ok, "dest"] = 17
    return stays


def _engagement(stays: pd.DataFrame, options: Options) -> pd.DataFrame:
    """Date of engagement for most outreach stays, on or after entry and within the stay."""
    rng = stream(options.seed, "engagement")
    end = day(options.end_date)
    n = len(stays)
    limit = np.where(
        stays["exit"] >= 0, stays["exit"], np.where(stays["inactive_cut"] >= 0, stays["inactive_cut"], end)
    )
    when = np.minimum(stays["entry"].to_numpy() + rng.integers(0, 21, n), limit)
    engaged = (stays["ptype"].to_numpy() == 4) & (rng.random(n) < 0.85)
    stays["engagement"] = np.where(engaged, when, -1)
    return stays
