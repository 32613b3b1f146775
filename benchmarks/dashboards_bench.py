"""Page-load times of the data pages on a built warehouse. Target: under a second per page on the state preset.

Three views of the same pages: the access-layer calls behind each page; every page of every role rendered by
Streamlit's AppTest (the script alone, cold then warm); and, when Debian's Chromium is installed, every page of
every role opened in a real headless browser against a running ``waypoint serve`` (click in the sidebar until the
heading shows, Streamlit's run is over and every chart is drawn), first visit and second visit.

`python -m benchmarks dashboards` (or `make bench`) uses ``$WAYPOINT_HOME`` (default ./var). When its published
warehouse is missing it generates the preset into ``$WAYPOINT_HOME/synth/<preset>`` (reused if there), ingests it and
builds the warehouse once; later runs reuse it. ``--preset tiny`` measures a small warehouse quickly.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

from benchmarks.common import bench_preset, exports
from dashboards.data.access import AccessDenied, DataAccess
from dashboards.data.warehouse import DataNotReady
from dashboards.navigation import PAGES_DIR, pages_for
from dashboards.roles import Role
from dashboards.settings import get_security_settings
from dashboards.state.auth import Authenticator
from dashboards.state.users import UserStore
from pipelines.config import Settings, get_settings
from pipelines.security import databases

PASSWORD = "benchmark passphrase 1"
TARGET_SECONDS = 1.0
# The access-layer calls each page makes on first load (dataset, filters), broadest level first.
PAGE_CALLS: dict[str, list[tuple[str, dict]]] = {
    "overview": [
        (f"activity_by_{level}", {"period_type": ["quarter"], "project_type": ["all"], "scope_level": [level]})
        for level in ("coc", "agency", "project")
    ],
    "data_quality": [
        ("dq_scorecards_project", {}),
        ("dq_scorecards_agency", {}),
        ("dq_metrics_coc", {"scope_level": ["coc"]}),
    ],
    "trends": [
        ("trends_persons_served", {"period_type": ["quarter"], "breakdown": ["coc"]}),
        ("trends_persons_served", {"period_type": ["quarter"], "breakdown": ["county"]}),
        ("trends_system_flows", {"period_type": ["quarter"]}),
        ("trends_returns", {"period_type": ["quarter"]}),
    ],
    "outcomes": [("funded_project_outcomes", {"period_type": ["fiscal_year"]})],
}


def ensure_warehouse(settings: Settings, preset: str) -> None:
    if settings.published_db.exists():
        print(f"reusing the published warehouse in {settings.home}")
        return
    from pipelines.ingest import ingest_paths
    from pipelines.warehouse.build import build_warehouse

    started = time.perf_counter()
    print("ingesting ...", flush=True)
    ingest_paths(sorted(exports(preset).glob("*/*.zip")), settings=settings)
    print("building the warehouse ...", flush=True)
    build_warehouse(settings)
    print(f"  warehouse ready in {time.perf_counter() - started:.0f} s", flush=True)


def ensure_users(settings: Settings) -> dict[Role, str]:
    """One benchmark user per role, scoped to the largest agency, two of its projects and the most used funder."""
    con = databases.connect(settings.published_db, read_only=True, home=settings.home)
    try:
        agency, projects = con.execute(
            "select organization_key, list(project_key order by project_key) from marts.dim_project "
            "group by 1 order by count(*) desc, 1 limit 1"
        ).fetchone()
        (funder,) = con.execute(
            "select cast(funder as varchar) from marts.bridge_project_funder group by 1 "
            "order by count(distinct project_key) desc, 1 limit 1"
        ).fetchone()
    finally:
        con.close()
    scopes = {
        Role.AGENCY_ADMIN: {"agency_id": agency},
        Role.CASE_MANAGER_III: {"agency_id": agency},
        Role.CASE_MANAGER_II: {"agency_id": agency},
        Role.CASE_MANAGER_I: {"project_ids": projects[:2]},
        Role.FUNDER: {"funder_codes": [funder]},
    }
    store, names = UserStore(settings.app_db), {}
    for role in Role:
        name = f"bench-{role.value.replace('_', '-')}"
        if store.get(name) is None:
            store.add(name, role, created_by="benchmark", **scopes.get(role, {}))
        store.set_password(store.require(name).user_id, PASSWORD)
        names[role] = name
    return names


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def data_calls(settings: Settings, names: dict[Role, str]) -> None:
    print("\naccess-layer calls (ms, one cold call each):")
    store = UserStore(settings.app_db)
    for role in Role:
        access = DataAccess(store.require(names[role]), settings)
        parts = []
        for page in (p.key for p in pages_for(role)):
            for dataset, where in PAGE_CALLS.get(page, []):
                try:
                    seconds = timed(lambda a=access, d=dataset, w=where: a.aggregate(d, where=w))
                except (AccessDenied, DataNotReady):
                    continue
                parts.append(f"{page}/{dataset} {seconds * 1000:.0f}")
        print(f"  {role.value:22s} " + ", ".join(parts))


def page_loads(settings: Settings, names: dict[Role, str], repeats: int) -> list[tuple[str, str, float, float]]:
    from streamlit.testing.v1 import AppTest

    from dashboards.ui.context import TOKEN_KEY

    auth = Authenticator(settings.app_db, get_security_settings())
    rows = []
    for role in Role:
        for entry in pages_for(role):
            times = []
            for _ in range(repeats + 1):
                at = AppTest.from_file(str(PAGES_DIR.parent / "app.py"), default_timeout=300)
                at.session_state[TOKEN_KEY] = auth.sign_in(names[role], PASSWORD).token
                at.run()
                times.append(timed(lambda a=at, e=entry: a.switch_page(f"pages/{e.file}").run()))
                if at.exception:
                    print(f"  {role.value} {entry.key}: exception {at.exception[0].value}")
            rows.append((role.value, entry.key, times[0], statistics.median(times[1:])))
    return rows


def browser_loads(settings: Settings, names: dict[Role, str]) -> list[tuple[str, str, float, float]]:
    """(role, page, first visit, second visit) in seconds, through a real browser; the Overview's first visit is
    the sign-in's own landing on it."""
    import tempfile
    from pathlib import Path

    from dashboards.browser_session import chromium, open_page, served_dashboards, sign_in, until_still

    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with served_dashboards(settings.home, folder / "serve.log") as url, chromium(folder / "profile") as browser:
            for role in Role:
                page = browser.new_page()
                landing = until_still(page, "Overview", sign_in(page, url, names[role], PASSWORD), timeout_ms=120_000)
                entries = pages_for(role)
                first = {e.key: open_page(page, e.title) for e in entries if e.key != "overview"}
                first["overview"] = landing
                second = {e.key: open_page(page, e.title) for e in entries}
                rows += [(role.value, e.key, first[e.key], second[e.key]) for e in entries]
                page.close()
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="dashboards_bench", description=__doc__)
    parser.add_argument("--preset", default=bench_preset(), help="generator preset when no warehouse is published yet")
    parser.add_argument("--repeats", type=int, default=2, help="warm renders per page after the cold one")
    args = parser.parse_args(argv or [])
    settings = get_settings().ensure()
    os.environ["WAYPOINT_HOME"] = str(settings.home)
    ensure_warehouse(settings, args.preset)
    names = ensure_users(settings)
    data_calls(settings, names)
    print("\npage loads (AppTest render of the page, seconds):")
    print(f"  {'role':22s} {'page':14s} {'cold':>6s} {'warm':>6s}")
    slow = 0
    for role, page, cold, warm in page_loads(settings, names, args.repeats):
        mark = "  over 1 s" if warm > TARGET_SECONDS else ""
        slow += bool(mark)
        print(f"  {role:22s} {page:14s} {cold:6.2f} {warm:6.2f}{mark}")
    print(f"\n{slow} page(s) over the {TARGET_SECONDS:.0f} s target (warm render)")
    from dashboards.browser_session import CHROMIUM

    if not CHROMIUM.exists():
        print("\nno browser loads: Debian chromium is not installed (make system-deps)")
        return
    print("\npage loads in headless Chromium against `waypoint serve` (seconds; Overview first = sign-in landing):")
    print(f"  {'role':22s} {'page':14s} {'first':>6s} {'again':>6s}")
    rows = browser_loads(settings, names)
    for role, page, first, again in rows:
        mark = "  over 1 s" if max(first, again) > TARGET_SECONDS else ""
        print(f"  {role:22s} {page:14s} {first:6.2f} {again:6.2f}{mark}")
    firsts = sorted(first for _, page, first, _ in rows if page != "overview")
    print(
        f"\n{sum(max(f, a) > TARGET_SECONDS for _, _, f, a in rows)} of {len(rows)} page(s) over "
        f"{TARGET_SECONDS:.0f} s in the browser; first visits median {statistics.median(firsts):.2f} s, "
        f"slowest {firsts[-1]:.2f} s"
    )
