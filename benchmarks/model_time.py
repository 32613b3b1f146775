"""Model time of one warehouse build, per report, from dbt's ``run_results.json``: the sum of dbt's own
``execution_time`` over a report's models (data tests and unit tests left out). Issue 11 measures the LSA this way:
"the LSA for `state` within 2 minutes of model time on 2 cores" (docs/lsa.md "Speed").

As a command: ``python -m benchmarks.model_time [RUN_RESULTS.json]`` prints each report's model time, by default of
the build published in ``$WAYPOINT_HOME`` (``warehouse/builds/published_run_results.json``).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from pipelines.config import Settings, get_settings
from pipelines.warehouse.publish import PUBLISHED_RUN_RESULTS

# A report's models, by name prefix (the folders models/intermediate/<report> and models/marts/hud_<report>).
REPORT_MODELS: dict[str, tuple[str, ...]] = {
    "lsa": ("int_lsa_", "hud_lsa_"),
    "spm": ("int_spm_", "hud_spm_"),
    "apr": ("hud_apr_",),
    "caper": ("hud_caper_",),
    "ce_apr": ("int_ce_", "hud_ce_apr_"),
    "hic_pit": ("hud_hic_pit_",),
    "report universe": ("int_report_",),
}


@dataclass(frozen=True)
class ModelTime:
    """dbt's execution time summed over some models, with the slowest of them named."""

    seconds: float
    models: int
    slowest: tuple[tuple[str, float], ...]

    def line(self) -> str:
        named = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.slowest)
        return f"{self.seconds:.1f} s model time over {self.models} models (slowest: {named})"


def model_times(run_results: dict) -> dict[str, float]:
    """Seconds dbt spent on each model (by name) it built, tests and seeds left out (a model that failed or was
    skipped is not in it: see unbuilt_models)."""
    return {
        result["unique_id"].rsplit(".", 1)[-1]: float(result.get("execution_time") or 0.0)
        for result in run_results.get("results", [])
        if result["unique_id"].startswith("model.") and result.get("status") == "success"
    }


def unbuilt_models(run_results: dict) -> dict[str, str]:
    """Models dbt did not build (name: status, e.g. error or skipped): their report's model time is incomplete."""
    return {
        result["unique_id"].rsplit(".", 1)[-1]: str(result.get("status"))
        for result in run_results.get("results", [])
        if result["unique_id"].startswith("model.") and result.get("status") != "success"
    }


def report_model_time(run_results: dict, prefixes: tuple[str, ...], slowest: int = 3) -> ModelTime:
    """The model time of the models whose names start with one of ``prefixes``."""
    times = {name: s for name, s in model_times(run_results).items() if name.startswith(prefixes)}
    ranked = sorted(times.items(), key=lambda item: -item[1])[:slowest]
    return ModelTime(seconds=sum(times.values()), models=len(times), slowest=tuple(ranked))


def published_run_results(settings: Settings) -> Path:
    """run_results.json of the published build (pipelines/warehouse/publish.py keeps it in builds/)."""
    return settings.build_dir / PUBLISHED_RUN_RESULTS


def report_lines(run_results: dict) -> list[str]:
    """One line per report that the build computed (has models), then every model's total, then what was not built."""
    lines = []
    unbuilt = unbuilt_models(run_results)
    for report, prefixes in REPORT_MODELS.items():
        time = report_model_time(run_results, prefixes)
        missing = [name for name in unbuilt if name.startswith(prefixes)]
        if time.models:
            lines.append(f"{report:<16}{time.line()}" + (f"; {len(missing)} not built" if missing else ""))
    total = model_times(run_results)
    lines.append(f"{'all models':<16}{sum(total.values()):.1f} s model time over {len(total)} models")
    if unbuilt:
        failed = ", ".join(name for name, status in unbuilt.items() if status == "error") or "none"
        lines.append(f"{'not built':<16}{len(unbuilt)} models (failed: {failed}; the others skipped after them)")
    return lines


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else published_run_results(get_settings())
    print(f"model time of the build in {path.parent}")
    for line in report_lines(json.loads(path.read_text())):
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
