"""`generate`: the whole run, from options to zips and manifest.

Order matters for the ground truth: structural defects are injected into the household stays before
any record exists, IDs are assigned, the records are built (timeliness and income defects are chosen
there), then value defects and identity variations change finished client/enrollment/exit rows.
"""

from __future__ import annotations

import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from pipelines.spec import load_spec
from pipelines.synth import identities, manifest, structural_defects, value_defects
from pipelines.synth.calendar import SECONDS_PER_DAY, day
from pipelines.synth.codes import check_choices
from pipelines.synth.enrollments import expand, prior_living
from pipelines.synth.funding import Funding
from pipelines.synth.ids import assign
from pipelines.synth.manifest import Defects
from pipelines.synth.meta import Clock, Users
from pipelines.synth.options import Options, resolve_options
from pipelines.synth.paths import candidates
from pipelines.synth.population import build_persons, build_units, keep_clients
from pipelines.synth.records import ce, client, enrollment, health, income, projects, services, stages
from pipelines.synth.rng import stream
from pipelines.synth.roster import load_roster
from pipelines.synth.stays import build_stays, cover_projects
from pipelines.synth.writer import write_zip

CSV_VERSION_TEXT = {"fy2026": "2026 v1.0", "fy2024": "2024 v1.4"}


@dataclass
class SynthResult:
    """What a run wrote: one zip per source, the manifest, and counts."""

    zips: list[Path]
    manifest_path: Path
    clients: int
    rows: dict[str, dict[str, int]] = field(default_factory=dict)  # source -> file -> rows
    defects: int = 0
    identities: int = 0
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(sum(files.values()) for files in self.rows.values())


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
    return write_all(Path(out_dir), options, tables, defects, enr, client_rows, started)


def _export_seconds(options: Options) -> int:
    return (day(options.end_date) + 4) * SECONDS_PER_DAY + 2 * 3600 + 15 * 60


def build_tables(options: Options):
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
    enr = assign(expand(stays, persons), roster.sources, options.seed)
    enr["sex"] = persons["sex"].to_numpy()[enr["person"].to_numpy()]
    enr["ce_housed_prior"] = enr["path"].str.split("+").str[0].isin(["ES", "NBN", "TH"]).to_numpy()
    defects = Defects()
    clock = Clock(stream(options.seed, "clock"), _export_seconds(options))
    user_table = projects.users(roster, options.seed)
    users = Users(user_table, stream(options.seed, "user-picks"))
    funders = Funding(roster.funders)
    bases = dict(zip(roster.sources["source_id"], roster.sources["id_base"].astype(int), strict=True))
    enrollments = enrollment.build_enrollments(enr, funders, clock, users, options, defects)
    exits = enrollment.build_exits(enr, funders, clock, users, options, defects, bases)
    for column in ("DateCreated", "DateUpdated", "UserID"):
        enr[column] = enrollments[column].to_numpy()
    clients = client.build(enr, persons, options.seed, options.csv_version)
    clients = identities.vary(clients, enr, options, defects)
    clients = value_defects.client_pii(clients, enr, options, defects)
    value_defects.disabling_condition(enrollments, enr, options, defects)
    value_defects.destinations(exits, options, defects)
    structural_defects.manifest_entries(enr, defects)
    spec = load_spec(options.csv_version)
    check_choices(spec)
    rows = stages.stage_rows(enrollments, exits, enr, clock, options)
    tables = {
        "Client": clients,
        "Enrollment": enrollments,
        "Exit": exits,
        "IncomeBenefits": _numbered(
            income.build(rows, persons, funders, options, defects), "IncomeBenefitsID", options, bases
        ),
        "HealthAndDV": health.health_and_dv(rows, persons, funders, options, bases),
        "Disabilities": health.disabilities(rows, persons, options, bases),
        "EmploymentEducation": health.employment_education(rows, funders, options, bases),
        "YouthEducationStatus": health.youth_education(rows, funders, options, bases),
    }
    service_rows = pd.concat(
        [services.bed_nights(enr, options), services.funded_services(enr, funders, spec, options)], ignore_index=True
    )
    tables["Services"] = services.finish(service_rows, enr, clock, users, options, "ServicesID", "DateProvided", bases)
    tables["CurrentLivingSituation"] = services.finish(
        services.contacts(enr, options), enr, clock, users, options, "CurrentLivingSitID", "InformationDate", bases
    )
    tables |= ce.build(enr, roster.projects, clock, users, options, bases)
    admins = _admins(user_table, roster)
    tables |= projects.descriptor_files(roster, options, clock, admins)
    tables["User"] = _users_per_source(user_table, tables, roster)
    tables["Export"] = _export_rows(roster, options)
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


def _admins(user_table: pd.DataFrame, roster) -> dict[str, np.ndarray]:
    admin = user_table.loc[user_table["organization_id"] == projects.ADMIN_ORG, "UserID"].to_numpy()
    out = {}
    for source in roster.sources.itertuples(index=False):
        if source.source_type == 1:
            out[source.source_id] = admin
        else:
            orgs = roster.projects.loc[roster.projects["source_id"] == source.source_id, "organization_id"]
            out[source.source_id] = user_table.loc[user_table["organization_id"].isin(orgs), "UserID"].to_numpy()
    return out


def _users_per_source(user_table: pd.DataFrame, tables: dict[str, pd.DataFrame], roster) -> pd.DataFrame:
    """Every source's User.csv: its agencies' accounts plus every account its records name."""
    used = pd.concat([f[["_source", "UserID"]] for f in tables.values() if {"_source", "UserID"} <= set(f.columns)])
    used = used.drop_duplicates()
    frames = []
    for source in roster.sources["source_id"]:
        orgs = set(roster.projects.loc[roster.projects["source_id"] == source, "organization_id"])
        named = set(used.loc[used["_source"] == source, "UserID"])
        keep = user_table[user_table["organization_id"].isin(orgs) | user_table["UserID"].isin(named)]
        frames.append(keep.assign(_source=source))
    return pd.concat(frames, ignore_index=True)


def export_id(source_id: str, options: Options) -> str:
    digest = zlib.crc32(repr(options.as_manifest()).encode()) % 100_000
    return f"{source_id.upper().replace('-', '')}{(options.end_date + timedelta(days=4)):%Y%m%d}{digest:05d}"


def _export_rows(roster, options: Options) -> pd.DataFrame:
    s = roster.sources
    return pd.DataFrame(
        {
            "_source": s["source_id"].to_numpy(),
            "ExportID": [export_id(x, options) for x in s["source_id"]],
            "SourceType": s["source_type"].to_numpy(),
            "SourceID": s["source_code"].to_numpy(),
            "SourceName": s["source_name"].to_numpy(),
            "SourceContactFirst": s["contact_first"].to_numpy(),
            "SourceContactLast": s["contact_last"].to_numpy(),
            "SourceContactPhone": s["contact_phone"].to_numpy(),
            "SourceContactEmail": s["contact_email"].to_numpy(),
            "ExportDate": _export_seconds(options),
            "ExportStartDate": day(options.start_date),
            "ExportEndDate": day(options.end_date),
            "SoftwareName": s["software_name"].to_numpy(),
            "SoftwareVersion": s["software_version"].astype(str).to_numpy(),
            "CSVVersion": CSV_VERSION_TEXT[options.csv_version],
            "ExportPeriodType": 3,
            "ExportDirective": 2,
            "HashStatus": 1,
            "ImplementationID": s["implementation_id"].to_numpy(),
        }
    )


def write_all(
    out_dir: Path,
    options: Options,
    tables: dict[str, pd.DataFrame],
    defects: Defects,
    enr: pd.DataFrame,
    client_rows: pd.DataFrame,
    started: float,
) -> SynthResult:
    roster = load_roster()
    spec = load_spec(options.csv_version)
    styles = dict(zip(roster.sources["source_id"], roster.sources["id_style"], strict=True))
    export_day = options.end_date + timedelta(days=4)
    zips = []
    stamp = (export_day.year, export_day.month, export_day.day, 2, 15, 0)
    for source in roster.sources["source_id"]:
        folder = out_dir / source
        for old in folder.glob("*_hmis_csv_*.zip") if folder.exists() else []:
            old.unlink()
        zips.append(folder / f"{source}_hmis_csv_{options.csv_version}_{export_day:%Y%m%d}.zip")
    # Sources are written side by side: CSV encoding and deflate release the GIL (2 cores).
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            source: pool.submit(
                write_zip, path, tables, spec, styles[source], source, stamp, export_id(source, options)
            )
            for source, path in zip(roster.sources["source_id"], zips, strict=True)
        }
        rows = {source: future.result() for source, future in futures.items()}

    def format_id(source: str, value) -> str:
        from pipelines.synth.idstyle import format_one

        return format_one(int(value), "PersonalID", styles[source], source)

    identity_list, pairs = identities.links(client_rows, format_id)
    entries = manifest.format_defects(defects, spec, styles)
    document = {
        "generator": "waypoint synth",
        "generator_version": manifest.GENERATOR_VERSION,
        "seed": options.seed,
        "options": options.as_manifest(),
        "sources": [
            {
                "source_id": s.source_id,
                "source_type": int(s.source_type),
                "export_id": export_id(s.source_id, options),
                "zip": str(zips[i].relative_to(out_dir)),
                "csv_version": options.csv_version,
                "rows": rows[s.source_id],
            }
            for i, s in enumerate(roster.sources.itertuples(index=False))
        ],
        "summary": {
            "clients": int(enr["person"].nunique()),
            "defects": _count(entries),
            "identities": len(identity_list),
            "matchable_share": round(sum(p["matchable"] for p in pairs) / max(1, len(pairs)), 4),
        },
        "defects": entries,
        "identities": identity_list,
        "identity_matchable": pairs,
    }
    manifest_path = out_dir / "manifest.json"
    manifest.write(manifest_path, document)
    return SynthResult(
        zips=zips,
        manifest_path=manifest_path,
        clients=int(enr["person"].nunique()),
        rows=rows,
        defects=len(entries),
        identities=len(identity_list),
        seconds=time.perf_counter() - started,
    )


def _count(entries: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in entries:
        counts[e["defect"]] = counts.get(e["defect"], 0) + 1
    return dict(sorted(counts.items()))
