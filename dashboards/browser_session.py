"""Drive the served dashboards in Debian's headless Chromium: the browser test and the page-load benchmark share it.

``served_dashboards`` runs the real ``waypoint serve`` for a Waypoint home on a free local port; ``chromium``
launches Debian's Chromium through Playwright with the flags this closed network needs (no background
connections); ``sign_in`` and ``open_page`` act as a user would. Playwright only drives the browser: it never
downloads one.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
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
# Streamlit is still running a script while its status widget, a skeleton placeholder or a stale element shows.
BUSY = '[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]'
NOT_RUNNING = '[data-test-script-state="notRunning"]'  # Streamlit's app root once a run is over
WAYPOINT = [sys.executable, "-c", "from pipelines.cli import main; main()"]


# Records in the page when the document last changed visibly (any element, attribute or text), in performance.now()
# ms. Changes inside a <canvas> are left out: that is fallback content a browser never draws (the data grid writes an
# accessibility copy of its cells there a moment after drawing them).
_WATCH_CHANGES = """() => {
  if (window.__waypointObserver) return;
  window.__waypointLastChange = performance.now();
  window.__waypointObserver = new MutationObserver((changes) => {
    for (const change of changes) {
      const element = change.target.nodeType === 1 ? change.target : change.target.parentElement;
      if (element && element.parentElement && element.parentElement.closest('canvas')) continue;
      if (element && change.type === 'childList' && element.tagName === 'CANVAS') continue;
      window.__waypointLastChange = performance.now();
    }
  });
  window.__waypointObserver.observe(document.body, {subtree: true, childList: true, attributes: true,
                                                    characterData: true});
}"""
# Streamlit marks the app's root with data-test-script-state="notRunning" once a run is over.
_STILL_FOR = """([quietMs, busy]) => document.querySelectorAll(busy).length === 0
  && document.querySelector('[data-test-script-state="notRunning"]') !== null
  && performance.now() - window.__waypointLastChange > quietMs"""


# Ready to read: Streamlit's run is over, nothing busy, nothing moved for quietMs, every table in view has written its
# header row (the data grid's accessibility copy, a moment after it draws) and every chart in view has drawn its SVG.
_READY = """([quietMs, busy]) => {
  const inView = (element) => element.getClientRects().length > 0;
  const onScreen = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.bottom > 0 && box.top < window.innerHeight;
  };
  const grids = Array.from(document.querySelectorAll('[data-testid="stDataFrame"]')).filter(onScreen);
  const charts = Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]')).filter(inView);
  return document.querySelectorAll(busy).length === 0
    && document.querySelector('[data-test-script-state="notRunning"]') !== null
    && performance.now() - window.__waypointLastChange > quietMs
    && grids.every((grid) => grid.querySelector('[role="columnheader"]') !== null)
    && charts.every((chart) => chart.querySelector('.main-svg') !== null);
}"""
# Why a page is not ready (for the error when it never is).
_NOT_READY = """(busy) => ({
  busy: Array.from(document.querySelectorAll(busy), (element) => element.outerHTML.slice(0, 120)),
  running: document.querySelector('[data-test-script-state="notRunning"]') === null,
  stillFor: performance.now() - window.__waypointLastChange,
  gridsWithoutHeaders: Array.from(document.querySelectorAll('[data-testid="stDataFrame"]'))
    .filter((grid) => grid.getClientRects().length > 0 && !grid.querySelector('[role="columnheader"]'))
    .map((grid) => JSON.stringify(grid.getBoundingClientRect())),
  innerHeight: window.innerHeight,
  chartsNotDrawn: Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'))
    .filter((chart) => chart.getClientRects().length > 0 && !chart.querySelector('.main-svg')).length,
  headings: Array.from(document.querySelectorAll('h1, h2, h3'), (heading) => heading.textContent.trim()),
})"""
# What a reader sees of the page, in one call: its text, headings, metrics, the tables in view (header row and the
# rows in view, from the grid's accessibility copy), every word Plotly drew (titles, axes, legends, facets,
# annotations) and each map's coloured layers (choropleth traces: name and the shapes they colour).
_READ = """() => {
  const inView = (element) => element.getClientRects().length > 0;
  const all = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const words = (element) => (element ? element.textContent.trim() : '');
  const onScreen = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.bottom > 0 && box.top < window.innerHeight;
  };
  const charts = all('[data-testid="stPlotlyChart"]').filter(inView);
  return {
    text: document.body.innerText,
    headings: all('h1, h2, h3').filter(inView).map(words),
    exceptions: all('[data-testid="stException"]').map(words),
    metrics: Object.fromEntries(all('[data-testid="stMetric"]').filter(inView).map((metric) => [
      words(metric.querySelector('[data-testid="stMetricLabel"]')),
      words(metric.querySelector('[data-testid="stMetricValue"]'))])),
    tables: all('[data-testid="stDataFrame"]').filter(onScreen).map((grid) => ({
      headers: all('[role="columnheader"]', grid).map(words),
      cells: all('[role="gridcell"]', grid).map(words)})),
    chartText: charts.flatMap((chart) => all('svg text', chart).map(words)).filter(Boolean),
    maps: charts.flatMap((chart) => all('.js-plotly-plot', chart)).flatMap((plot) => (plot.data || [])
      .filter((trace) => trace.type === 'choroplethmap')
      .map((trace) => ({name: trace.name, locations: Array.from(trace.locations || [], String)}))),
  };
}"""


def wait_ready(page, *, quiet_ms: int = 300, timeout_ms: int = 60_000) -> None:
    """Wait until the page is ready to read (``_READY``): a DOM condition polled in the page, no fixed sleeps. Call
    it once the page's or section's heading shows (before that, the previous page may still look ready)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.evaluate(_WATCH_CHANGES)
    try:
        page.wait_for_function(_READY, arg=[quiet_ms, BUSY], timeout=timeout_ms, polling=50)
    except PlaywrightTimeout as timeout:
        raise AssertionError(f"the page was not ready in time: {page.evaluate(_NOT_READY, BUSY)}") from timeout


def read_page(page) -> dict:
    """What a reader sees of the page (``_READ``), in one call: text, headings, exceptions, metrics (label to
    value), tables (headers, cells in view), chart words and map layers."""
    return page.evaluate(_READ)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
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


@contextmanager
def served_dashboards(home: Path, log: Path) -> Iterator[str]:
    """``waypoint serve`` for ``home`` on a free port until the block ends; yields its address."""
    env = {**os.environ, "WAYPOINT_HOME": str(home)}
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen(
            [*WAYPOINT, "serve", "--port", str(port)], env=env, stdout=output, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, server)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


@contextmanager
def chromium(profile: Path, *, height: int = 2400) -> Iterator[object]:
    """A Playwright browser context on Debian's Chromium (a tall window: Streamlit scrolls inside the page)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": height},
        )
        try:
            yield context
        finally:
            context.close()


def field(page, label: str):
    return page.get_by_role("textbox", name=label, exact=True)


def sign_in(page, url: str, username: str, password: str, *, quiet_ms: int = 1000) -> float:
    """Fill the sign-in form and press Sign in once the page has been still for ``quiet_ms``; returns when it was
    pressed (page clock, for ``until_still``)."""
    page.goto(url)
    field(page, "User name").fill(username)
    field(page, "Password").fill(password)
    page.evaluate(_WATCH_CHANGES)
    # A person takes seconds to type: let the sign-in page finish loading (and preloading) before pressing.
    page.wait_for_function(_STILL_FOR, arg=[quiet_ms, BUSY], timeout=60_000, polling=50)
    pressed = page.evaluate("() => performance.now()")
    page.get_by_role("button", name="Sign in").click()
    return pressed


def settle(page, seconds: float = 90, *, calm_polls: int = 3, poll_ms: int = 350) -> None:
    """Wait until Streamlit has finished its run: nothing busy and the script not running for ``calm_polls`` polls
    in a row. (The status widget shows only after a delay and not at all in the minimal toolbar, so "nothing busy"
    alone passes while a slow section, e.g. the report schedules, is still being drawn.)"""
    deadline = time.monotonic() + seconds
    calm = 0
    while calm < calm_polls and time.monotonic() < deadline:
        page.wait_for_timeout(poll_ms)
        idle = page.locator(BUSY).count() == 0 and page.locator(NOT_RUNNING).count() > 0
        calm = calm + 1 if idle else 0


def until_still(page, heading: str, since: float, *, quiet_ms: int = 1000, timeout_ms: int = 60_000) -> float:
    """Seconds from ``since`` (page clock) to the last change of the document once ``heading`` shows and nothing has
    moved for ``quiet_ms`` (the quiet wait itself is not counted): Streamlit's run, its elements, Plotly drawing.
    Streamlit shows its running indicator only after a delay, so "no indicator" alone would stop the clock early."""
    page.get_by_role("heading", name=heading, exact=True).wait_for(timeout=timeout_ms)
    page.wait_for_function(_STILL_FOR, arg=[quiet_ms, BUSY], timeout=timeout_ms, polling=50)
    return (page.evaluate("() => window.__waypointLastChange") - since) / 1000


def open_page(page, title: str, **wait) -> float:
    """Click ``title`` in the sidebar; seconds until the page has loaded (``until_still``)."""
    page.evaluate(_WATCH_CHANGES)
    started = page.evaluate("() => performance.now()")
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    return until_still(page, title, started, **wait)
