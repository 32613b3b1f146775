"""Run every benchmark module (``benchmarks/*_bench.py``) in name order, or those named on the command line.

`make bench` runs them all; `python -m benchmarks synth ingest` runs two; ``--preset NAME`` and ``--clients N``
(WAYPOINT_BENCH_PRESET, WAYPOINT_BENCH_CLIENTS: benchmarks/common.py) choose the data for all of them. Each prints
its own figures; this runner adds a header per benchmark and the wall time.
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
        started = time.perf_counter()
        importlib.import_module(f"benchmarks.{name}").main()
        print(f"--- {name}: {time.perf_counter() - started:.1f} s wall", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
