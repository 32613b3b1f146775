"""Full warehouse build (dbt seeds, models, data tests, unit tests, publish) on the `state` preset.

`python -m benchmarks warehouse` (or `make bench`) generates the state preset once into
``$WAYPOINT_HOME/synth/<preset>`` and ingests it once into ``$WAYPOINT_HOME/bench/warehouse-<preset>``
(both reused afterwards), then times one `build_warehouse` and reports dbt's peak memory (max RSS of
the dbt process). ``--preset demo`` for a quick run. Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time

from benchmarks.common import bench_preset, ingested_home
from benchmarks.memory import PeakMemory
from pipelines.config import Settings
from pipelines.security import databases


def _raw_rows(settings: Settings) -> int:
    con = databases.connect(settings.ingest_db, read_only=True, home=settings.home)
    try:
        listed = con.execute("select table_name from information_schema.tables where table_schema = 'raw'")
        tables = [name for (name,) in listed.fetchall()]
        return sum(con.execute(f'select count(*) from raw."{t}"').fetchone()[0] for t in tables)
    finally:
        con.close()


_NODE_DONE = re.compile(r"\s(\S+)\s+\.*\s*\[(?:OK|PASS|WARN|INSERT)[^\]]* in ([\d.]+)s\]")


def _collect_timing(line: str, timings: list[tuple[float, str]]) -> None:
    """dbt prints one line per finished node ending '[OK in 1.23s]'; keep (seconds, node)."""
    match = _NODE_DONE.search(line)
    if match:
        timings.append((float(match.group(2)), match.group(1)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="warehouse_bench", description=__doc__)
    parser.add_argument("--preset", default=bench_preset())
    args = parser.parse_args(argv or [])
    from pipelines.warehouse.build import build_warehouse

    settings = ingested_home(args.preset)
    rows = _raw_rows(settings)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    timings: list[tuple[float, str]] = []
    with PeakMemory() as tree:
        result = build_warehouse(settings, on_line=lambda line: _collect_timing(line, timings))
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    size = settings.published_db.stat().st_size
    print(f"input   {args.preset} preset: {rows:,} raw rows in {len(result.input_ingest_ids)} exports")
    print(
        f"build   {result.models} models, {result.seeds} seeds, {result.tests} tests ({result.warnings} warnings): "
        f"{elapsed:.1f} s wall"
    )
    peak = f"{peak_kb / 1024:,.0f} MB" if peak_kb > before else f"<= {before / 1024:,.0f} MB (an earlier child)"
    print(f"memory  peak RSS of dbt (DuckDB inside): {peak}; of the whole build (sampled tree) {tree.tree_mb:,.0f} MB")
    print(f"output  {settings.published_db} ({size / 1e6:,.0f} MB)")
    slowest = ", ".join(f"{name} {seconds:.0f} s" for seconds, name in sorted(timings, reverse=True)[:6])
    print(f"slowest {slowest}")


if __name__ == "__main__":
    main(sys.argv[1:])
