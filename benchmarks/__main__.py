"""Run every benchmark module (``benchmarks/*_bench.py``) in name order, or those named on the command line.

`make bench` runs them all; `python -m benchmarks synth ingest` runs two. Each prints its own figures;
this runner adds a header per benchmark and the wall time.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import benchmarks


def _modules(selected: list[str]) -> list[str]:
    names = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.endswith("_bench"))
    if selected:
        names = [n for n in names if n.removesuffix("_bench") in selected or n in selected]
    return names


def main(argv: list[str]) -> int:
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
