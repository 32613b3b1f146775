"""Report build keys turned into the requests of one warehouse build, with selectors (``coc=*``, ``project=*``,
``agency=*``, ``all``) expanded from the published warehouse. The CLI (`waypoint report key`) and the Dagster report
jobs both plan through here, so a key means the same thing wherever it is run.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from datetime import date

from pipelines.config import PROJECT_ROOT, Settings
from pipelines.reports.model import ReportRequest
from pipelines.reports.schedule import BadReportBuild, Catalogue, catalogue_from_warehouse, parse_key, plan_report_build
from pipelines.security import databases


def _seed_cocs() -> tuple[str, ...]:
    """CDSA's CoCs from the reference seed, for a first build before any warehouse is published."""
    with open(PROJECT_ROOT / "seeds" / "oklahoma" / "coc_counties.csv", newline="", encoding="utf-8") as handle:
        return tuple(sorted({row["coc_code"] for row in csv.DictReader(handle)}))


def published_catalogue(settings: Settings, start: date, end: date) -> Catalogue:
    """What selectors expand to for a period, per the published warehouse (only the CoCs before the first build)."""
    if not settings.published_db.exists():
        return Catalogue(cocs=_seed_cocs())
    con = databases.connect(settings.published_db, read_only=True, home=settings.home)
    try:
        return catalogue_from_warehouse(con, start, end)
    finally:
        con.close()


def plan_keys(
    keys: Iterable[str], settings: Settings, on_skip: Callable[[str], None] | None = None
) -> tuple[list[ReportRequest], list[ReportRequest]]:
    """(requests whose artifacts are written, supporting requests only computed) of several keys, each once.

    A key with a selector that matches nothing is skipped (``on_skip`` is told why); any other bad key raises
    BadReportBuild.
    """
    requests: dict[str, ReportRequest] = {}
    supporting: dict[str, ReportRequest] = {}
    for key in keys:
        _, start, end, scope, _ = parse_key(key)
        catalogue = published_catalogue(settings, start, end) if "*" in scope or scope == "all" else None
        try:
            plan = plan_report_build(key, catalogue)
        except BadReportBuild as err:
            if catalogue is None:
                raise
            if on_skip is not None:
                on_skip(f"skipping {key}: {err}")
            continue
        requests.update((r.request_id, r) for r in plan.requests)
        supporting.update((r.request_id, r) for r in plan.supporting)
    return list(requests.values()), [r for i, r in supporting.items() if i not in requests]
