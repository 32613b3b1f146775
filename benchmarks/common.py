"""What the benchmarks share: the preset they run on and its exports and ingested database, made once and reused.

The preset is ``--preset`` of a benchmark, else ``WAYPOINT_BENCH_PRESET`` (``make bench PRESET=national`` sets
it for every benchmark), else ``state``; ``WAYPOINT_BENCH_CLIENTS`` (``make bench CLIENTS=400000``) takes that many
clients of it (a fraction of a preset too large for the machine). Exports go to ``$WAYPOINT_HOME/synth/<preset>``
and the ingested database to ``$WAYPOINT_HOME/bench/warehouse-<preset>/warehouse/ingest.duckdb``; both are reused.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from pipelines.config import Settings, get_settings

PRESET_ENV = "WAYPOINT_BENCH_PRESET"
CLIENTS_ENV = "WAYPOINT_BENCH_CLIENTS"  # a fraction of a preset: `make bench PRESET=national CLIENTS=400000`
# The generator holds every table in memory: the state preset (200,000 clients) peaked at 3.3 GB (docs/scale.md).
GENERATOR_KB_PER_CLIENT = 17


def bench_preset() -> str:
    return os.environ.get(PRESET_ENV) or "state"


def _available_kb() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1])
    return 0


def bench_clients(preset: str) -> int:
    """Clients to generate: WAYPOINT_BENCH_CLIENTS, else the preset's. Refuses (one line) when generating would not
    fit in the memory available now: the generator holds every table at once, and on a shared machine the kernel's
    out-of-memory killer picks any process."""
    from pipelines.synth import PRESETS

    clients = int(os.environ.get(CLIENTS_ENV) or PRESETS[preset].clients)
    need_kb, available_kb = clients * GENERATOR_KB_PER_CLIENT, _available_kb()
    if available_kb and need_kb > available_kb:
        raise SystemExit(
            f"generating {clients:,} clients ({preset}) needs about {need_kb / 1e6:.0f} GB, "
            f"{available_kb / 1e6:.0f} GB available; measure a fraction with {CLIENTS_ENV}=N "
            f"(make bench PRESET={preset} CLIENTS=N)"
        )
    return clients


def exports(preset: str) -> Path:
    """The preset's exports (generated once, seed 42); with WAYPOINT_BENCH_CLIENTS, that many clients of it."""
    from pipelines.synth import PRESETS

    clients = int(os.environ.get(CLIENTS_ENV) or PRESETS[preset].clients)
    out = get_settings().synth / (preset if clients == PRESETS[preset].clients else f"{preset}-{clients}")
    if not (out / "manifest.json").exists():
        from pipelines.synth import generate

        bench_clients(preset)
        print(f"generating the {preset} preset ({clients:,} clients) into {out} (once) ...", flush=True)
        started = time.perf_counter()
        generate(out, preset=preset, seed=42, clients=clients)
        print(f"  generated in {time.perf_counter() - started:.1f} s", flush=True)
    return out


def ingested_home(preset: str) -> Settings:
    """The warehouse benchmark's home, holding the preset ingested (once)."""
    suffix = f"-{os.environ[CLIENTS_ENV]}" if os.environ.get(CLIENTS_ENV) else ""
    settings = Settings(home=get_settings().home / "bench" / f"warehouse-{preset}{suffix}").ensure()
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
    suffix = f"-{os.environ[CLIENTS_ENV]}" if os.environ.get(CLIENTS_ENV) else ""
    settings = Settings(home=get_settings().home / "bench" / f"{name}-{preset}{suffix}").ensure()
    if not settings.ingest_db.exists():
        shared = ingested_home(preset).ingest_db
        print(f"copying the ingested {preset} preset from {shared} (once) ...", flush=True)
        shutil.copyfile(shared, settings.ingest_db)
    return settings
