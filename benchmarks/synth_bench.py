"""Benchmark: the `state` preset (about 200,000 clients, 5 years) into a temporary folder.

Prints clients, rows per file, total rows, seconds and rows per second (figures, not a pass/fail test).
`python -m benchmarks synth`; set SYNTH_BENCH_PRESET=demo for a quick run.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from pathlib import Path

from benchmarks.common import bench_clients, bench_preset
from pipelines.synth import generate


def main() -> None:
    preset = os.environ.get("SYNTH_BENCH_PRESET") or bench_preset()
    with tempfile.TemporaryDirectory(prefix="waypoint-synth-bench-") as tmp:
        started = time.perf_counter()
        cpu_started = time.process_time()
        result = generate(Path(tmp), preset=preset, clients=bench_clients(preset))
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        size = sum(p.stat().st_size for p in Path(tmp).rglob("*.zip"))
    totals: dict[str, int] = {}
    for files in result.rows.values():
        for name, count in files.items():
            totals[name] = totals.get(name, 0) + count
    print(f"preset {preset}: {result.clients:,} clients, {len(result.zips)} sources")
    for name, count in totals.items():
        print(f"  {name:<24}{count:>12,}")
    total = sum(totals.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"total rows {total:,} in {seconds:.1f} s wall ({cpu:.1f} s CPU): {total / seconds:,.0f} rows/s")
    print(
        f"zips {size / 1e6:,.1f} MB; defects {result.defects:,}; identities {result.identities:,}; "
        f"peak memory {peak_mb:,.0f} MB"
    )


if __name__ == "__main__":
    main()
