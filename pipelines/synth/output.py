"""Writing a run: Export and User rows per source, the zips (side by side), and the manifest."""

from __future__ import annotations

import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from pipelines.spec import load_spec
from pipelines.synth import identities, manifest
from pipelines.synth.calendar import SECONDS_PER_DAY, day
from pipelines.synth.idstyle import format_one
from pipelines.synth.manifest import Defects
from pipelines.synth.options import Options
from pipelines.synth.records import projects
from pipelines.synth.roster import load_roster
from pipelines.synth.writer import write_zip

CSV_VERSION_TEXT = {"fy2026": "2026 v1.0", "fy2024": "2024 v1.4", "fy2022": "2022 v1.2"}


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


def export_seconds(options: Options) -> int:
    """When the export ran: four days after its end date, at 02:15."""
    return (day(options.end_date) + 4) * SECONDS_PER_DAY + 2 * 3600 + 15 * 60


def admins(user_table: pd.DataFrame, roster) -> dict[str, np.ndarray]:
    admin = user_table.loc[user_table["organization_id"] == projects.ADMIN_ORG, "UserID"].to_numpy()
    out = {}
    for source in roster.sources.itertuples(index=False):
        if source.source_type == 1:
            out[source.source_id] = admin
        else:
            orgs = roster.projects.loc[roster.projects["source_id"] == source.source_id, "organization_id"]
            out[source.source_id] = user_table.loc[user_table["organization_id"].isin(orgs), "UserID"].to_numpy()
    return out


def users_per_source(user_table: pd.DataFrame, tables: dict[str, pd.DataFrame], roster) -> pd.DataFrame:
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


def export_rows(roster, options: Options) -> pd.DataFrame:
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
            "ExportDate": export_seconds(options),
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
