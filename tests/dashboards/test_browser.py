"""A real headless Chromium against a running `waypoint serve`: each demo user signs in, and every page, section and
Administration tab of its role is read and checked (issue 14's Done-when); `make screenshots` (WAYPOINT_SCREENSHOTS)
also saves each as <role>-<page>[-<section>].png, the pictures docs/dashboards.md links. The warehouse is the page
tests' real one (pages_world: the generator's tiny preset, built), so the pages show data.

Quick on purpose (CI budget, docs/testing.md): one browser page for every user (each signs in where the previous one
signed out), a page is read once a DOM condition holds (``wait_ready``: Streamlit's run over, nothing moved for
0.3 s, tables and charts drawn) and in one call (``read_page``), no fixed sleeps, no pictures unless asked.

Needs Debian's chromium (scripts/install_system_deps.sh chromium fonts-liberation); Playwright only drives it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboards.browser_session import (
    CHROMIUM,
    WAYPOINT,
    chromium,
    field,
    read_page,
    served_dashboards,
    settle,
    sign_in,
    wait_ready,
)
from dashboards.navigation import PAGES, pages_for
from dashboards.roles import ADMINISTRATION, CHECK_EXPORT, OVERVIEW, TRENDS, Capability, Role, can
from dashboards.settings import get_security_settings
from dashboards.state.audit import AuditLog
from dashboards.state.demo import DEMO_NAMES
from dashboards.state.users import UserStore
from dashboards.ui.maps import HIDDEN, NO_PROJECT
from pipelines.config import PROJECT_ROOT, Settings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NEW_PASSWORD = "browser test passphrase 1"
# Pages drawn one section at a time: each later section is opened and captured too (the first is the page itself).
SECTIONS = {entry.key: entry.sections[1:] for entry in PAGES if entry.sections}


def screenshot_folder() -> Path | None:
    """Where the screenshots go: the folder WAYPOINT_SCREENSHOTS names (`make screenshots`), else none are taken (a
    full-page picture costs about a second, and `make test` keeps none of them)."""
    asked = os.environ.get("WAYPOINT_SCREENSHOTS")
    if not asked:
        return None
    folder = PROJECT_ROOT / asked
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def check_a_broken_export(page, tmp_path: Path) -> None:
    """Eva's upload-and-check in the browser: an export without its CSV files is rejected, its findings listed
    (no dbt build needed; the built path is tested in tests/dq/test_check_export.py)."""
    from playwright.sync_api import expect

    export = tmp_path / "broken-export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("Client.csv", "PersonalID,FirstName\n1,A\n")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(export))
    page.get_by_role("button", name="Check this export").click()
    expect(page.get_by_text("Rejected", exact=True)).to_be_visible(timeout=60_000)
    expect(page.get_by_role("heading", name="File structure")).to_be_visible(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0


KEY = r"(?<!\()\b[a-z]{2}-\d{3}[|:]\w+"  # a bare key such as ok-507:5073 (not beside its name: "Name (ok-507:5073)")
SNAKE = re.compile(r"[a-z0-9]+(_[a-z0-9]+)+")
SNAKE_WORD = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")  # coc_code, persons_served (in a chart's titles, legend, facets)
JSON = re.compile(r"[{\[]\s*\"\w+\"\s*:")  # raw JSON ({"user": ...) where "field: value" text belongs
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")  # 2026-12-08T04:08:21+00:00, not as people write a time
HEADLINES = {
    "Persons served": "persons_served",
    "Households": "households_served",
    "Entries": "persons_entering",
    "Exits": "persons_exiting",
}


def check_words(shown: dict, where: tuple) -> None:
    """Names, never keys, on the page, in its tables and in its charts; words, never snake_case, in every table header
    and chart; no raw JSON. ``shown`` is ``read_page``'s: the tables are the grid's accessibility copy (header row and
    the rows in view; the grid draws on a canvas), AppTest checks every column of every table."""
    assert not shown["exceptions"], (where, shown["exceptions"])
    cells = [cell for grid in shown["tables"] for cell in grid["cells"]]
    assert not [c for c in cells if c in ("None", "nan", "NaT") or ISO_TIME.search(c)], (where, cells[:40])
    for text in (shown["text"], *cells):
        assert not re.search(KEY, text) and not JSON.search(text), (where, text[:300])
    assert not [t for t in shown["chartText"] if SNAKE_WORD.search(t) or re.search(KEY, t)], (where, shown["chartText"])
    for grid in shown["tables"]:
        assert grid["headers"] and not [h for h in grid["headers"] if SNAKE.fullmatch(h)], (where, grid["headers"])


def would_reveal(parts: list[int], threshold: int) -> bool:
    """Whether printing the sum of ``parts`` would let a reader narrow one of its small parts (1 to threshold-1)
    below its whole range, knowing the others are at least 1 and at most threshold-1 (or the sum is itself small):
    the only case in which a page may hide a headline figure."""
    total, small = sum(parts), [p for p in parts if 0 < p < threshold]
    if 0 < total < threshold:
        return True
    if not small:
        return False
    residual, others = sum(small), len(small) - 1
    return residual - others < threshold - 1 or residual - others * (threshold - 1) > 1


def period_of(shown: dict, lead: str) -> str:
    """The period a section shows, from its heading ("<lead>, <period>")."""
    heading = next(h for h in shown["headings"] if h.startswith(lead))
    return heading.rsplit(", ", 1)[1].strip()


def check_the_planner_map(shown: dict, world, threshold: int) -> None:
    """The county map colours every county with ``threshold`` or more persons served in the period it shows (from
    the warehouse, unsuppressed), says how many it shades, and its legend tells hidden from no project."""
    period = period_of(shown, "Persons served by county and tribal area, ")
    large = world.query(
        "select breakdown_value from marts.planning_persons_served where period_type = 'quarter' "
        "and breakdown = 'county' and period_label = ? and persons_served >= ?",
        [period, threshold],
    )
    layers = {layer["name"]: set(layer["locations"]) for layer in shown["maps"]}
    coloured = layers.get("Persons", set())
    assert len(large) > 0 and set(large["breakdown_value"]) <= coloured, (period, set(large["breakdown_value"]), layers)
    assert int(re.search(r"(\d+) shaded on the scale", shown["text"]).group(1)) == len(coloured)
    assert {HIDDEN, NO_PROJECT} <= set(shown["chartText"]), shown["chartText"]


def check_the_funder_headlines(shown: dict, world, funder_codes: tuple[str, ...], threshold: int) -> None:
    """Each of the funder's four headline figures is a number, the sum of its projects' counts in the period shown
    (from the warehouse, unsuppressed), unless printing that sum would narrow a small count (``would_reveal``)."""
    period = period_of(shown, "By project type, ")
    rows = world.query(
        "select * from marts.planning_served_by_scope where scope_level = 'project' and project_type = 'all' "
        "and period_type = 'quarter' and period_label = ? and project_key in "
        "(select project_key from marts.bridge_project_funder where cast(funder as varchar) in "
        f"({', '.join('?' for _ in funder_codes)}))",
        [period, *funder_codes],
    )
    assert not rows.empty, period
    metrics = shown["metrics"]
    assert set(metrics) == set(HEADLINES), metrics
    numbers = 0
    for title, column in HEADLINES.items():
        parts = [int(v) for v in rows[column].fillna(0)]
        if re.fullmatch(r"[\d,]+", metrics[title]):
            assert int(metrics[title].replace(",", "")) == sum(parts), (period, title, metrics[title], sum(parts))
            numbers += 1
        else:
            assert metrics[title] == "hidden" and would_reveal(parts, threshold), (period, title, metrics[title], parts)
    assert numbers >= 3, metrics  # on the test world only the exits (16 over 8 small projects) cannot be printed


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, pages_world) -> Iterator[tuple[str, Settings, dict[str, str]]]:
    """A temporary installation with demo users, served by the real `waypoint serve` on a free port."""
    home = tmp_path_factory.mktemp("browser_home")
    settings = Settings(home=home).ensure()
    shutil.copyfile(pages_world.settings.published_db, settings.published_db)
    shutil.copyfile(pages_world.settings.ingest_db, settings.ingest_db)
    shutil.copytree(pages_world.settings.reports, settings.reports, dirs_exist_ok=True)
    env = {**os.environ, "WAYPOINT_HOME": str(home)}
    demo = subprocess.run([*WAYPOINT, "users", "demo"], env=env, capture_output=True, text=True, check=True)
    passwords = dict(re.findall(r"^(demo-\S+)\s+(\S+)\s", demo.stdout, flags=re.MULTILINE))
    assert set(passwords) == set(DEMO_NAMES.values()), demo.stdout
    # The walk signs in with a chosen password: choosing one (the one-time password's page) and signing out are
    # the second test's, in the browser, and tests/dashboards/test_app.py's.
    store = UserStore(settings.app_db)
    for username in DEMO_NAMES.values():
        store.set_password(store.require(username).user_id, NEW_PASSWORD)
    with served_dashboards(home, home / "serve.log") as url:
        yield url, settings, passwords


def tabs_of(role: Role, key: str) -> list[str]:
    """The Administration tabs a role sees (dashboards/pages/administration.py), the first open with the page."""
    if key != ADMINISTRATION:
        return []
    users = can(role, Capability.MANAGE_ALL_USERS) or can(role, Capability.MANAGE_AGENCY_USERS)
    tabs = {"Users": users, "Audit log": can(role, Capability.VIEW_AUDIT_LOG)}
    tabs["Pipeline health"] = can(role, Capability.VIEW_PIPELINE_HEALTH)
    return [tab for tab, shown in tabs.items() if shown]


class Walk:
    """One browser's walk through the pages: reads each page or section once it is ready, checks it, and saves a
    picture when `make screenshots` asks for them."""

    def __init__(self, world, funder_codes: tuple[str, ...], screenshots: Path | None) -> None:
        self.world, self.funder_codes, self.screenshots = world, funder_codes, screenshots
        self.threshold = get_security_settings().suppression_threshold
        self.seen: list[str] = []

    def look(self, page, role: Role, key: str, part: str = "") -> dict:
        wait_ready(page)
        shown = read_page(page)
        check_words(shown, (role, key, part))
        if (role, key, part) == (Role.PLANNER, TRENDS, ""):
            check_the_planner_map(shown, self.world, self.threshold)
        if (role, key, part) == (Role.FUNDER, OVERVIEW, ""):
            check_the_funder_headlines(shown, self.world, self.funder_codes, self.threshold)
        name = "-".join([role.value, key, *([part.lower().replace(" ", "_")] if part else [])]) + ".png"
        self.seen.append(name)
        if self.screenshots is not None:
            page.screenshot(path=str(self.screenshots / name), full_page=True)
        return shown


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (scripts/install_system_deps.sh)")
def test_each_role_signs_in_and_every_page_is_captured(served, pages_world, tmp_path):
    """Every demo user signs in and every page, section and Administration tab of its role is read and checked
    (``check_words``; the planner's map and the funder's headlines against the warehouse); one browser, a fresh
    context per user. Pictures only under `make screenshots`."""
    from playwright.sync_api import expect

    url, settings, _ = served
    walk = Walk(
        pages_world, UserStore(settings.app_db).require(DEMO_NAMES[Role.FUNDER]).funder_codes, screenshot_folder()
    )
    requested_hosts: set[str] = set()
    with chromium(tmp_path / "chromium-profile") as browser:
        browser.on("request", lambda request: requested_hosts.add(urllib.parse.urlsplit(request.url).hostname or ""))
        page = browser.new_page()
        page.goto(url)
        for role, username in DEMO_NAMES.items():  # one page: each user signs in where the previous signed out
            field(page, "User name").fill(username)
            field(page, "Password").fill(NEW_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible(timeout=30_000)
            nav = page.locator('[data-testid="stSidebarNav"]')
            expect(nav.locator("a")).to_have_count(len(pages_for(role)))
            for entry in pages_for(role):
                nav.get_by_text(entry.title, exact=True).click()
                expect(page.get_by_role("heading", name=entry.title, exact=True)).to_be_visible(timeout=30_000)
                walk.look(page, role, entry.key)
                if entry.key == CHECK_EXPORT:
                    check_a_broken_export(page, tmp_path)
                for section in SECTIONS.get(entry.key, ()):
                    page.locator('[data-testid="stButtonGroup"]').get_by_text(section, exact=True).first.click()
                    expect(page.get_by_role("heading", name=section, exact=False).first).to_be_visible(timeout=30_000)
                    walk.look(page, role, entry.key, section)
                for tab in tabs_of(role, entry.key)[1:]:  # the first is open with the page
                    page.get_by_role("tab", name=tab, exact=True).click()
                    walk.look(page, role, entry.key, tab)
            page.get_by_role("button", name="Sign out").click()
            expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=30_000)
    # Offline: every font, icon, map shape and script comes from the app itself, nothing from a CDN.
    assert requested_hosts - {"127.0.0.1", ""} == set(), requested_hosts
    expected = {
        "-".join([role.value, entry.key, *([part.lower().replace(" ", "_")] if part else [])]) + ".png"
        for role in DEMO_NAMES
        for entry in pages_for(role)
        for part in ("", *SECTIONS.get(entry.key, ()), *tabs_of(role, entry.key)[1:])
    }
    assert set(walk.seen) == expected and "system_administrator-administration-pipeline_health.png" in expected
    if walk.screenshots is not None:
        assert {p.name for p in walk.screenshots.glob("*.png")} == set(walk.seen)
    views = AuditLog(settings.app_db).read(events=["page_view"])
    assert set(views["username"]) == set(DEMO_NAMES.values())


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (scripts/install_system_deps.sh)")
def test_reload_keeps_the_session_and_downloads_are_bound_to_it(served, tmp_path):
    """Issue 14's access gaps in the browser: a reload and a new tab stay signed in (HttpOnly session cookie, no
    token in the URL); the table toolbar offers no CSV export; a download link answers only the signed-in browser
    and dies at sign-out; security headers are sent and Streamlit's metrics are not served."""
    from playwright.sync_api import expect

    url, settings, _ = served
    env = {**os.environ, "WAYPOINT_HOME": str(settings.home)}
    added = subprocess.run(
        [*WAYPOINT, "users", "add", "browser-cookie-admin", "--role", "system_administrator"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    one_time = re.search(r"one-time password: (\S+)", added.stdout).group(1)
    with chromium(tmp_path / "chromium-profile") as browser:
        page = browser.new_page()
        sign_in(page, url, "browser-cookie-admin", one_time)
        expect(page.get_by_role("heading", name="Choose your password")).to_be_visible(timeout=30_000)
        field(page, "One-time password").fill(one_time)
        field(page, "New password").fill(NEW_PASSWORD)
        field(page, "New password again").fill(NEW_PASSWORD)
        page.get_by_role("button", name="Save password").click()
        expect(page.get_by_role("heading", name="Overview")).to_be_visible(timeout=30_000)
        page.locator('[data-testid="stSidebarNav"]').get_by_text("Administration", exact=True).click()
        expect(page.get_by_role("heading", name="Administration", exact=True)).to_be_visible(timeout=30_000)
        settle(page)
        cookie = next(c for c in browser.cookies() if c["name"] == "waypoint_session")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["value"] not in page.url
        page.reload()
        expect(page.get_by_role("heading", name="Administration", exact=True)).to_be_visible(timeout=30_000)
        other_tab = browser.new_page()
        other_tab.goto(url)
        expect(other_tab.get_by_role("heading", name="Overview")).to_be_visible(timeout=30_000)
        other_tab.close()
        settle(page)
        page.locator('[data-testid="stDataFrame"]').first.hover()
        toolbar = page.locator('[data-testid="stElementToolbar"]').first
        expect(toolbar.get_by_role("button", name="Search")).to_be_visible(timeout=10_000)
        assert toolbar.get_by_role("button", name="Download as CSV").count() == 0
        with page.expect_download() as info:
            page.get_by_role("button", name="Download CSV").first.click()
        link = info.value.url
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(link, timeout=10)
        assert refused.value.code == 403
        assert browser.request.get(link).status == 200
        home = urllib.request.urlopen(url, timeout=10)
        assert (
            home.headers["X-Frame-Options"] == "DENY"
            and "frame-ancestors 'none'" in home.headers["Content-Security-Policy"]
        )
        with pytest.raises(urllib.error.HTTPError) as metrics:
            urllib.request.urlopen(f"{url}/_stcore/metrics", timeout=10)
        assert metrics.value.code == 404
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=30_000)
        settle(page)
        assert browser.request.get(link).status in (403, 404)  # refused, or already dropped by Streamlit
        page.reload()
        expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=30_000)
