"""Run every benchmark module (``benchmarks/*_bench.py``) in name order, or those named on the command line.

`make bench` runs them all; `python -m benchmarks synth ingest` runs two; ``--preset NAME`` and ``--clients N``
(WAYPOINT_BENCH_PRESET, WAYPOINT_BENCH_CLIENTS: benchmarks/common.py) choose the data for all of them. Each prints
its own figures; this runner adds a header per benchmark, the wall time and the machine's 1-minute load average at
its start and end (on a shared machine the walls scale with it: docs/scale.md).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import time

import benchmarks
from benchmarks.common import CLIENTS_ENV, PRESET_ENV


def _modules(selected: list[str]) -> list[str]:
    names = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.endswith("_bench"))
    if selected:
        names = [n for n in names if n.removesuffix("_bench") in selected or n in selected]
    return names


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--preset", help="synthetic preset (default: WAYPOINT_BENCH_PRESET, else state)")
    parser.add_argument("--clients", type=int, help="that many clients of the preset (a fraction of it)")
    args = parser.parse_args(argv)
    if args.preset:
        os.environ[PRESET_ENV] = args.preset
    if args.clients:
        os.environ[CLIENTS_ENV] = str(args.clients)
    argv = args.names
    names = _modules(argv)
    if not names:
        print("no benchmarks matched", argv)
        return 1
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        started, load = time.perf_counter(), os.getloadavg()[0]
        importlib.import_module(f"benchmarks.{name}").main()
        wall, load_after = time.perf_counter() - started, os.getloadavg()[0]
        print(f"--- {name}: {wall:.1f} s wall, load average {load:.1f} -> {load_after:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
