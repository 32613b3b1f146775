"""What the benchmarks share: the preset they run on and its exports and ingested database, made once and reused.

The preset is ``--preset`` of a benchmark, else ``WAYPOINT_BENCH_PRESET`` (``make bench PRESET=national`` sets
it for every benchmark), else ``state``. Exports go to ``$WAYPOINT_HOME/synth/<preset>`` and the ingested
database to ``$WAYPOINT_HOME/bench/warehouse-<preset>/warehouse/ingest.duckdb``; both are reused afterwards.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from pipelines.config import Settings, get_settings

PRESET_ENV = "WAYPOINT_BENCH_PRESET"


def bench_preset() -> str:
    return os.environ.get(PRESET_ENV) or "state"


def exports(preset: str) -> Path:
    """The preset's exports (generated once, seed 42)."""
    out = get_settings().synth / preset
    if not (out / "manifest.json").exists():
        from pipelines.synth import generate

        print(f"generating the {preset} preset into {out} (once) ...", flush=True)
        started = time.perf_counter()
        generate(out, preset=preset, seed=42)
        print(f"  generated in {time.perf_counter() - started:.1f} s", flush=True)
    return out


def ingested_home(preset: str) -> Settings:
    """The warehouse benchmark's home, holding the preset ingested (once)."""
    settings = Settings(home=get_settings().home / "bench" / f"warehouse-{preset}").ensure()
    if not settings.ingest_db.exists():
        from pipelines.ingest import ingest_paths

        zips = sorted(exports(preset).glob("*/*.zip"))
        print(f"ingesting {len(zips)} exports into {settings.ingest_db} (once) ...", flush=True)
        started = time.perf_counter()
        ingest_paths(zips, settings=settings)
        print(f"  ingested in {time.perf_counter() - started:.1f} s", flush=True)
    return settings


def home_with_ingest(name: str, preset: str) -> Settings:
    """A home of its own (``bench/<name>-<preset>``) starting from a copy of the ingested preset."""
    settings = Settings(home=get_settings().home / "bench" / f"{name}-{preset}").ensure()
    if not settings.ingest_db.exists():
        shared = ingested_home(preset).ingest_db
        print(f"copying the ingested {preset} preset from {shared} (once) ...", flush=True)
        shutil.copyfile(shared, settings.ingest_db)
    return settings
