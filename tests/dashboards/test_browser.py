"""A real headless Chromium against a running `waypoint serve`: each demo user signs in, sets a password, and every
page of its role is opened and saved as a screenshot <role>-<page>.png: in a temporary folder, or in the folder named
by WAYPOINT_SCREENSHOTS (`make screenshots` sets it to docs/screenshots/, the pictures docs/dashboards.md links). The
warehouse is the page tests' real one (pages_world: the generator's tiny preset, built), so the pages show data.

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

from dashboards.browser_session import CHROMIUM, WAYPOINT, chromium, field, served_dashboards, settle, sign_in
from dashboards.navigation import PAGES, pages_for
from dashboards.roles import CHECK_EXPORT, OVERVIEW, TRENDS, Role
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


def screenshot_folder(tmp_path: Path) -> Path:
    """Where the screenshots go: a temporary folder, so tests leave the tree clean, unless WAYPOINT_SCREENSHOTS asks."""
    asked = os.environ.get("WAYPOINT_SCREENSHOTS")
    folder = (PROJECT_ROOT / asked) if asked else tmp_path / "screenshots"
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
# The data grid draws on a canvas, but writes an accessibility copy of what it shows (the header row and the rows
# in view, the columns in view) into the canvas as a table: its column headers are what a screen reader reads.
GRID_HEADERS = """() => Array.from(document.querySelectorAll('[data-testid="stDataFrame"] [role="columnheader"]'))
  .map(header => header.textContent.trim())"""
# Every word Plotly drew: chart and axis titles, tick labels, legend entries, facet titles, annotations.
CHART_TEXT = """() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"] svg text'))
  .map(node => node.textContent.trim()).filter(Boolean)"""
# The map's layers as Plotly holds them: each choropleth trace's name and the shapes (GEOIDs) it colours.
MAP_LAYERS = """() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot'))
  .flatMap(plot => (plot.data || []).filter(trace => trace.type === 'choroplethmap')
    .map(trace => ({name: trace.name, locations: Array.from(trace.locations || [], String)})))"""
HEADLINES = {
    "Persons served": "persons_served",
    "Households": "households_served",
    "Entries": "persons_entering",
    "Exits": "persons_exiting",
}


def table_headers(page) -> list[str]:
    """The column headers of every table on the page, as the grid's accessibility table gives them."""
    page.locator('[data-testid="stDataFrame"] [role="columnheader"]').first.wait_for(state="attached", timeout=30_000)
    return page.evaluate(GRID_HEADERS)


def check_words(page, where: tuple) -> None:
    """Names, never keys, on the page and in its charts; words, never snake_case, in every chart and table header."""
    assert not re.search(KEY, page.inner_text("body")), where
    drawn = page.evaluate(CHART_TEXT)
    assert not [t for t in drawn if SNAKE_WORD.search(t) or re.search(KEY, t)], (where, drawn)
    if page.locator('[data-testid="stDataFrame"]').count():
        headers = table_headers(page)
        assert headers and not [h for h in headers if SNAKE.fullmatch(h)], (where, headers)


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


def check_the_planner_map(page, world, threshold: int) -> None:
    """The county map colours every county with ``threshold`` or more persons served in the period it shows (from
    the warehouse, unsuppressed), has a scale, and a legend telling hidden from no project."""
    from playwright.sync_api import expect

    caption = page.get_by_text(re.compile(r"\d+ shaded on the scale"))
    expect(caption).to_be_visible(timeout=60_000)
    heading = page.get_by_role("heading", name=re.compile(r"Persons served by county and tribal area, ")).inner_text()
    period = heading.rsplit(", ", 1)[1].strip()
    large = world.query(
        "select breakdown_value from marts.planning_persons_served where period_type = 'quarter' "
        "and breakdown = 'county' and period_label = ? and persons_served >= ?",
        [period, threshold],
    )
    layers = {layer["name"]: set(layer["locations"]) for layer in page.evaluate(MAP_LAYERS)}
    coloured = layers.get("Persons", set())
    assert len(large) > 0 and set(large["breakdown_value"]) <= coloured, (period, set(large["breakdown_value"]), layers)
    assert int(caption.inner_text().split()[0]) == len(coloured)
    legend = page.locator('[data-testid="stPlotlyChart"]').first
    expect(legend.get_by_text(HIDDEN, exact=True)).to_be_visible(timeout=60_000)
    expect(legend.get_by_text(NO_PROJECT, exact=True)).to_be_visible()


def check_the_funder_headlines(page, world, funder_codes: tuple[str, ...], threshold: int) -> None:
    """Each of the funder's four headline figures is a number, the sum of its projects' counts in the period shown
    (from the warehouse, unsuppressed), unless printing that sum would narrow a small count (``would_reveal``)."""
    heading = page.get_by_role("heading", name=re.compile(r"By project type, ")).inner_text()
    period = heading.rsplit(", ", 1)[1].strip()
    rows = world.query(
        "select * from marts.planning_served_by_scope where scope_level = 'project' and project_type = 'all' "
        "and period_type = 'quarter' and period_label = ? and project_key in "
        "(select project_key from marts.bridge_project_funder where cast(funder as varchar) in "
        f"({', '.join('?' for _ in funder_codes)}))",
        [period, *funder_codes],
    )
    assert not rows.empty, period
    shown = {}
    for metric in page.locator('[data-testid="stMetric"]').all():
        title = metric.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        shown[title] = metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
    assert set(shown) == set(HEADLINES), shown
    numbers = 0
    for title, column in HEADLINES.items():
        parts = [int(v) for v in rows[column].fillna(0)]
        if re.fullmatch(r"[\d,]+", shown[title]):
            assert int(shown[title].replace(",", "")) == sum(parts), (period, title, shown[title], sum(parts))
            numbers += 1
        else:
            assert shown[title] == "hidden" and would_reveal(parts, threshold), (period, title, shown[title], parts)
    assert numbers >= 3, shown  # on the test world only the exits (16 over 8 small projects) cannot be printed


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
    with served_dashboards(home, home / "serve.log") as url:
        yield url, settings, passwords


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (scripts/install_system_deps.sh)")
def test_each_role_signs_in_and_every_page_is_captured(served, pages_world, tmp_path):
    from playwright.sync_api import expect

    url, settings, passwords = served
    threshold = get_security_settings().suppression_threshold
    funder_codes = UserStore(settings.app_db).require(DEMO_NAMES[Role.FUNDER]).funder_codes
    screenshots = screenshot_folder(tmp_path)
    requested_hosts: set[str] = set()
    with chromium(tmp_path / "chromium-profile") as browser:
        browser.on("request", lambda request: requested_hosts.add(urllib.parse.urlsplit(request.url).hostname or ""))
        for role, username in DEMO_NAMES.items():
            page = browser.new_page()
            sign_in(page, url, username, passwords[username])
            expect(page.get_by_role("heading", name="Choose your password")).to_be_visible(timeout=30_000)
            field(page, "One-time password").fill(passwords[username])
            field(page, "New password").fill(NEW_PASSWORD)
            field(page, "New password again").fill(NEW_PASSWORD)
            page.get_by_role("button", name="Save password").click()
            expect(page.get_by_role("heading", name="Overview")).to_be_visible(timeout=30_000)
            nav = page.locator('[data-testid="stSidebarNav"]')
            expected = [entry.title for entry in pages_for(role)]
            expect(nav.locator("a")).to_have_count(len(expected))
            for entry in pages_for(role):
                nav.get_by_text(entry.title, exact=True).click()
                expect(page.get_by_role("heading", name=entry.title, exact=True)).to_be_visible(timeout=30_000)
                settle(page)  # a page with a slow first run shows nothing busy for a moment: the calm must hold
                charts = page.locator('[data-testid="stPlotlyChart"]')
                if charts.count():
                    charts.first.locator(".main-svg").first.wait_for(timeout=30_000)
                assert page.locator('[data-testid="stException"]').count() == 0, (role, entry.key)
                check_words(page, (role, entry.key))
                if (role, entry.key) == (Role.PLANNER, TRENDS):
                    check_the_planner_map(page, pages_world, threshold)
                if (role, entry.key) == (Role.FUNDER, OVERVIEW):
                    check_the_funder_headlines(page, pages_world, funder_codes, threshold)
                page.screenshot(path=str(screenshots / f"{role.value}-{entry.key}.png"), full_page=True)
                if entry.key == CHECK_EXPORT:
                    check_a_broken_export(page, tmp_path)
                for section in SECTIONS.get(entry.key, ()):
                    page.locator('[data-testid="stButtonGroup"]').get_by_text(section, exact=True).first.click()
                    expect(page.get_by_role("heading", name=section, exact=False).first).to_be_visible(timeout=30_000)
                    settle(page)
                    assert page.locator('[data-testid="stException"]').count() == 0, (role, entry.key, section)
                    check_words(page, (role, entry.key, section))
                    shot = f"{role.value}-{entry.key}-{section.lower().replace(' ', '_')}.png"
                    page.screenshot(path=str(screenshots / shot), full_page=True)
            page.get_by_role("button", name="Sign out").click()
            expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=30_000)
            page.close()
    # Offline: every font, icon, map shape and script comes from the app itself, nothing from a CDN.
    assert requested_hosts - {"127.0.0.1", ""} == set(), requested_hosts
    expected_files = {f"{role.value}-{entry.key}.png" for role in DEMO_NAMES for entry in pages_for(role)} | {
        f"{role.value}-{entry.key}-{section.lower().replace(' ', '_')}.png"
        for role in DEMO_NAMES
        for entry in pages_for(role)
        for section in SECTIONS.get(entry.key, ())
    }
    assert {p.name for p in screenshots.glob("*.png")} == expected_files
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
