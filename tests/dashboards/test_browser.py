"""A real headless Chromium against a running `waypoint serve`: each demo user signs in, sets a password, and every
page of its role is opened and saved as a screenshot under tests/artifacts/screenshots/<role>-<page>.png. The
warehouse is the page tests' real one (pages_world: the generator's tiny preset, built), so the pages show data.

Needs Debian's chromium (scripts/install_system_deps.sh chromium fonts-liberation); Playwright only drives it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboards.navigation import pages_for
from dashboards.state.audit import AuditLog
from dashboards.state.demo import DEMO_NAMES
from pipelines.config import PROJECT_ROOT, Settings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = PROJECT_ROOT / "tests" / "artifacts" / "screenshots"
NEW_PASSWORD = "browser test passphrase 1"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"waypoint serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("the dashboards did not start in time")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, pages_world) -> Iterator[tuple[str, Settings, dict[str, str]]]:
    """A temporary installation with demo users, served by the real `waypoint serve` on a free port."""
    home = tmp_path_factory.mktemp("browser_home")
    settings = Settings(home=home).ensure()
    shutil.copyfile(pages_world.settings.published_db, settings.published_db)
    shutil.copyfile(pages_world.settings.ingest_db, settings.ingest_db)
    shutil.copytree(pages_world.settings.reports, settings.reports, dirs_exist_ok=True)
    env = {**os.environ, "WAYPOINT_HOME": str(home)}
    waypoint = [sys.executable, "-c", "from pipelines.cli import main; main()"]
    demo = subprocess.run([*waypoint, "users", "demo"], env=env, capture_output=True, text=True, check=True)
    passwords = dict(re.findall(r"^(demo-\S+)\s+(\S+)\s", demo.stdout, flags=re.MULTILINE))
    assert set(passwords) == set(DEMO_NAMES.values()), demo.stdout
    port = free_port()
    log = (home / "serve.log").open("w")
    server = subprocess.Popen([*waypoint, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, server)
        yield url, settings, passwords
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def field(page, label: str):
    return page.get_by_role("textbox", name=label, exact=True)


def wait_for_app(page, seconds: float = 90) -> None:
    """Streamlit has finished a run when its status widget is gone and no placeholder (skeleton) or stale element
    is left; a page with a slow first run shows neither for a moment, so the calm must hold for a second."""
    busy = '[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]'
    deadline = time.monotonic() + seconds
    calm = 0
    while calm < 3 and time.monotonic() < deadline:
        page.wait_for_timeout(350)
        calm = calm + 1 if page.locator(busy).count() == 0 else 0


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (scripts/install_system_deps.sh)")
def test_each_role_signs_in_and_every_page_is_captured(served, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    url, settings, passwords = served
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 2400},  # Streamlit scrolls inside the page: a tall window shows it all
        )
        requested_hosts: set[str] = set()
        browser.on("request", lambda request: requested_hosts.add(urllib.parse.urlsplit(request.url).hostname or ""))
        try:
            for role, username in DEMO_NAMES.items():
                page = browser.new_page()
                page.goto(url)
                field(page, "User name").fill(username)
                field(page, "Password").fill(passwords[username])
                page.get_by_role("button", name="Sign in").click()
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
                    wait_for_app(page)
                    charts = page.locator('[data-testid="stPlotlyChart"]')
                    if charts.count():
                        charts.first.locator(".main-svg").first.wait_for(timeout=30_000)
                    assert page.locator('[data-testid="stException"]').count() == 0, (role, entry.key)
                    page.screenshot(path=str(SCREENSHOTS / f"{role.value}-{entry.key}.png"), full_page=True)
                page.get_by_role("button", name="Sign out").click()
                expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=30_000)
                page.close()
        finally:
            browser.close()
    # Offline: every font, icon, map shape and script comes from the app itself, nothing from a CDN.
    assert requested_hosts - {"127.0.0.1", ""} == set(), requested_hosts
    expected_files = {f"{role.value}-{entry.key}.png" for role in DEMO_NAMES for entry in pages_for(role)}
    assert {p.name for p in SCREENSHOTS.glob("*.png")} == expected_files
    views = AuditLog(settings.app_db).read(events=["page_view"])
    assert set(views["username"]) == set(DEMO_NAMES.values())
