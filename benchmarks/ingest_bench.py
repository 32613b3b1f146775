"""Ingest + validation time of the `state` preset against the floor: DuckDB's own load of the same CSVs into tables.

`python -m benchmarks ingest` (or `make bench`) generates the preset once into ``$WAYPOINT_HOME/synth/<preset>``
(reused afterwards); ``--exports DIR`` measures other exports instead, ``--gx`` also times the Great Expectations
suites. One run: DuckDB counting the rows of every CSV, DuckDB copying every CSV into a table of a database file
(the load floor: what any loader pays), then Waypoint's ingest (archive, validate, load) of the same zips, printed
as seconds, the ratio to the load floor (target 3x) and peak memory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import duckdb

from benchmarks.common import bench_preset, exports
from benchmarks.memory import PeakMemory
from pipelines.config import Settings
from pipelines.ingest import ingest_paths


def _exports(args: argparse.Namespace) -> Path:
    return Path(args.exports) if args.exports else exports(args.preset)


def _unzip(zips: list[Path], work: Path) -> list[Path]:
    csvs = []
    for i, path in enumerate(zips):
        with zipfile.ZipFile(path) as zf:
            target = work / str(i)
            zf.extractall(target)
            csvs += sorted(p for p in target.rglob("*") if p.suffix.lower() == ".csv")
    return csvs


def _floor(csvs: list[Path]) -> tuple[float, int]:
    """Seconds DuckDB takes to count the rows of every CSV (unzipped beforehand, not timed)."""
    con = duckdb.connect()
    started = time.perf_counter()
    rows = sum(
        con.execute("SELECT count(*) FROM read_csv(?, all_varchar = true)", [str(p)]).fetchone()[0] for p in csvs
    )
    return time.perf_counter() - started, rows


def _load_floor(csvs: list[Path], db: Path) -> float:
    """Seconds DuckDB takes to copy every CSV into a table of a database file (what any loader pays)."""
    con = duckdb.connect(str(db))
    started = time.perf_counter()
    for i, path in enumerate(csvs):
        con.execute(f"CREATE TABLE t{i} AS SELECT * FROM read_csv(?, all_varchar = true)", [str(path)])
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="ingest_bench", description=__doc__)
    parser.add_argument("--exports", help="folder of exports (<source>/<name>.zip); default: the generated preset")
    parser.add_argument("--preset", default=bench_preset())
    parser.add_argument("--gx", action="store_true", help="also time the Great Expectations suites")
    args = parser.parse_args(argv or [])
    zips = sorted(_exports(args).glob("*/*.zip"))
    if not zips:
        print("no exports found")
        return
    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
        csvs = _unzip(zips, Path(tmp) / "csv")
        floor, rows = _floor(csvs)
        size = sum(p.stat().st_size for p in csvs)
        print(f"exports: {len(zips)} zips, {rows:,} rows, {size / 1e6:,.0f} MB of CSV")
        print(f"        DuckDB count(*) over every CSV:       {floor:7.1f} s")
        load_floor = _load_floor(csvs, Path(tmp) / "floor.duckdb")
        print(f"floor   DuckDB copying every CSV into tables: {load_floor:7.1f} s")
        settings = Settings(home=Path(tmp) / "home").ensure()
        started = time.perf_counter()
        with PeakMemory() as peak:
            results = ingest_paths(zips, settings=settings)
        elapsed = time.perf_counter() - started
        phases: dict[str, float] = {}
        for result in results:
            for phase, seconds in result.timings.items():
                phases[phase] = phases.get(phase, 0.0) + seconds
        print(
            f"ingest  archive + validate + load:            {elapsed:7.1f} s   ratio {elapsed / load_floor:.1f}x the "
            f"load floor (target 3x; {elapsed / floor:.1f}x the count)"
        )
        print(f"        peak RSS while ingesting {peak.tree_mb:,.0f} MB (this process and its children, sampled)")
        print(
            "        phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(phases.items(), key=lambda kv: -kv[1]))
        )
        findings = sum(sum(r.findings.values()) for r in results)
        print(
            f"        {sum(r.rows_loaded for r in results):,} rows loaded, {findings:,} findings, statuses "
            f"{[r.status for r in results]}"
        )
        if elapsed > 3 * load_floor:
            top = max(phases, key=phases.get)
            print(f"        over target: '{top}' dominates ({phases[top] / elapsed:.0%} of the time)")
        if args.gx:
            from pipelines.ingest.gx import run_expectations

            started = time.perf_counter()
            outcome = run_expectations([r.ingest_id for r in results if r.status == "loaded"], settings=settings)
            print(
                f"gx      Great Expectations suites:       {time.perf_counter() - started:7.1f} s   "
                f"({outcome.summary()})"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
