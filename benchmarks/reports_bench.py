"""Report builds on the `state` preset: APR for every continuum project plus SPM and LSA for both CoCs.

`python -m benchmarks reports` (or `make bench`) reuses the state exports in ``$WAYPOINT_HOME/synth/state``
and, when the warehouse benchmark has ingested them, its ``bench/warehouse-state/warehouse/ingest.duckdb``
(copied, so report requests never change that benchmark's build); otherwise it generates and ingests
them once into ``$WAYPOINT_HOME/bench/reports-state``. Then it times:

1. the report build as a user runs it (`build_reports`): record the requests, one full warehouse
   build with every requested report computed set-wise, artifacts written; then each report's model time in that
   build from dbt's run_results (benchmarks/model_time.py; the LSA's is issue 11's "within 2 minutes");
2. the report models alone (report universe, APR, SPM and LSA marts) rebuilt by dbt on a copy of that
   build (the whole one kept in builds/: the LSA reads SSNs, which the published file leaves out), after dbt
   has parsed the project (as every build after the first starts) — what the requests add to a build;
3. writing the artifacts from the published warehouse.

Wall time per step and peak memory (max RSS of this process and of dbt, via getrusage) are printed.
``--preset demo`` for a quick run. Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta

from benchmarks.common import bench_preset, exports
from benchmarks.model_time import REPORT_MODELS as REPORT_PREFIXES
from benchmarks.model_time import published_run_results, report_lines
from pipelines.config import Settings, get_settings
from pipelines.reports.model import ReportRequest
from pipelines.reports.spm import spm_request
from pipelines.security import databases

REPORT_MODELS = (
    "path:models/intermediate/report_universe",
    "path:models/intermediate/spm",
    "path:models/marts/hud_apr",
    "path:models/marts/hud_spm",
    "path:models/intermediate/lsa",
    "path:models/marts/hud_lsa",
)


def _home(preset: str) -> Settings:
    """A Waypoint home holding the preset's ingested exports (copied from the warehouse benchmark if there)."""
    settings = Settings(home=get_settings().home / "bench" / f"reports-{preset}").ensure()
    if settings.ingest_db.exists():
        return settings
    shared = get_settings().home / "bench" / f"warehouse-{preset}" / "warehouse" / "ingest.duckdb"
    if shared.exists():
        print(f"copying the ingested {preset} preset from {shared} (once) ...", flush=True)
        shutil.copyfile(shared, settings.ingest_db)
        return settings
    from pipelines.ingest import ingest_paths

    zips = sorted(exports(preset).glob("*/*.zip"))
    print(f"ingesting {len(zips)} exports into {settings.ingest_db} (once) ...", flush=True)
    started = time.perf_counter()
    ingest_paths(zips, settings=settings)
    print(f"  ingested in {time.perf_counter() - started:.1f} s", flush=True)
    return settings


def _latest_export_date(settings: Settings) -> date:
    con = databases.connect(settings.ingest_db, read_only=True, home=settings.home)
    try:
        (latest,) = con.execute("select max(try_cast(export_end as date)) from meta.export_registry").fetchone()
    finally:
        con.close()
    return latest or date.today()


def _apr_projects(settings: Settings, start: date, end: date) -> list[str]:
    """Continuum projects operating in the period: from the published warehouse, else from raw Project."""
    if settings.published_db.exists():
        from pipelines.reports.schedule import catalogue_from_warehouse

        con = databases.connect(settings.published_db, read_only=True, home=settings.home)
        try:
            return list(catalogue_from_warehouse(con, start, end).projects)
        finally:
            con.close()
    con = databases.connect(settings.ingest_db, read_only=True, home=settings.home)
    try:
        rows = con.execute(
            'select distinct _source_id, "ProjectID" from raw.project where "ContinuumProject" = \'1\' order by 1, 2'
        ).fetchall()
    finally:
        con.close()
    return [f"{source}:{project}" for source, project in rows]


def _requests(settings: Settings) -> tuple[list[ReportRequest], int]:
    """APR per continuum project for the last fiscal year the data covers, SPM and LSA for both CoCs for it."""
    from pipelines.reports.schedule import last_closed_fiscal_year

    # Data through September 30 covers that fiscal year: it closed at the end of the export's last day.
    fiscal_year = last_closed_fiscal_year(_latest_export_date(settings) + timedelta(days=1))
    spm = [spm_request(coc, fiscal_year) for coc in ("OK-500", "OK-507")]
    start, end = spm[0].period_start, spm[0].period_end
    apr = [ReportRequest("apr", start, end, "project", (p,)) for p in _apr_projects(settings, start, end)]
    lsa = [ReportRequest("lsa", start, end, "coc", (coc,)) for coc in ("OK-500", "OK-507")]
    return apr + spm + lsa, fiscal_year


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _report_models_only(settings: Settings) -> tuple[float, dict[str, float], str]:
    """dbt run of the report models on a copy of the last build; seconds and dbt's own timings."""
    from pipelines.warehouse.dbt_cli import dbt_env, dbt_executable
    from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR
    from pipelines.warehouse.minimise import FULL_DATABASE

    work = settings.build_dir / "bench-reports-only"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    database = work / "warehouse.duckdb"
    whole = settings.build_dir / FULL_DATABASE  # with the SSN columns the LSA reads (pipelines/warehouse/minimise.py)
    shutil.copyfile(whole if whole.exists() else settings.published_db, database)
    common = ["--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    common += ["--target-path", str(work / "target"), "--log-path", str(work)]
    env = {**os.environ, **dbt_env(database, settings.ingest_db)}
    # Parse first, untimed: a build starts from the previous build's parse (pipelines/warehouse/publish.py).
    subprocess.run([dbt_executable(), "parse", *common], env=env, check=True, stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    command = [dbt_executable(), "run", *common, "--select", *REPORT_MODELS]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    results = json.loads((work / "target" / "run_results.json").read_text())["results"]
    by_folder: dict[str, float] = {}
    for result in results:
        name = result["unique_id"].rsplit(".", 1)[-1]
        folder = next((r for r, prefixes in REPORT_PREFIXES.items() if name.startswith(prefixes)), "other")
        by_folder[folder] = by_folder.get(folder, 0.0) + result["execution_time"]
    slowest = sorted(results, key=lambda r: -r["execution_time"])[:8]
    named = ", ".join(f"{r['unique_id'].rsplit('.', 1)[-1]} {r['execution_time']:.1f} s" for r in slowest)
    shutil.rmtree(work, ignore_errors=True)
    return elapsed, by_folder, named


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="reports_bench", description=__doc__)
    parser.add_argument("--preset", default=bench_preset())
    args = parser.parse_args(argv or [])
    from pipelines.reports.build import build_reports, write_reports

    settings = _home(args.preset)
    requests, fiscal_year = _requests(settings)
    apr = sum(r.report == "apr" for r in requests)
    print(f"input    {args.preset} preset; FY{fiscal_year}: APR for {apr} projects + SPM and LSA for OK-500 and OK-507")

    started = time.perf_counter()
    artifacts = build_reports(requests, settings, "benchmark")
    full = time.perf_counter() - started
    print(f"build    requests + full warehouse build + {len(artifacts)} reports written: {full:.1f} s wall")
    print("         model time in that build (dbt's execution_time; LSA target: 120 s on 2 cores, issue 11):")
    for line in report_lines(json.loads(published_run_results(settings).read_text())):
        print(f"         {line}")

    only, by_folder, slowest = _report_models_only(settings)
    split = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(by_folder.items()))
    print(f"reports  report models alone on the built warehouse (dbt run): {only:.1f} s wall ({split} model time)")
    print(f"         slowest: {slowest}")

    started = time.perf_counter()
    write_reports(requests, settings, requested_by="benchmark")
    print(f"write    artifacts of {len(requests)} reports: {time.perf_counter() - started:.1f} s wall")
    print(
        f"memory   peak RSS: dbt {_peak_mb(resource.RUSAGE_CHILDREN):,.0f} MB, "
        f"this process {_peak_mb(resource.RUSAGE_SELF):,.0f} MB"
    )
    print(f"output   {settings.reports}")


if __name__ == "__main__":
    main(sys.argv[1:])
