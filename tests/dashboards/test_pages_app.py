"""The data pages driven by Streamlit's AppTest on a real tiny warehouse: every page under every role renders,
shows data in scope, hides person-level data from aggregate roles and small counts from planners and funders."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import signal
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest
from pages_world import home_without_marts
from streamlit.testing.v1 import AppTest

from dashboards.data.catalog import PERSON_COLUMNS
from dashboards.formats import GRID_PERCENT, PLOTLY_PERCENT
from dashboards.navigation import PAGES_DIR, pages_for
from dashboards.roles import Role, policy
from dashboards.state.audit import AuditLog
from dashboards.ui.context import TOKEN_KEY
from dashboards.ui.labels import label

pytestmark = pytest.mark.slow

APP = PAGES_DIR.parent / "app.py"
DATA_PAGES = {"overview", "data_quality", "hud_reports", "trends", "outcomes"}
COUNT_COLUMNS = {"persons_served", "households_served", "persons_entering", "persons_exiting", "leavers"}
NAMED_PAGES = {"overview", "trends", "outcomes", "data_quality"}
PERSON_HEADERS = PERSON_COLUMNS | {label(c) for c in PERSON_COLUMNS}  # as stored and as a table header
SNAKE = re.compile(r"[a-z0-9]+(_[a-z0-9]+)+")
KEY = r"[a-z]{2}-\d{3}:\w+"  # a source-namespaced key such as ok-507:5073
COUNT_COLUMNS |= {"Persons served", "Households", "Entries", "Exits", "Leavers", "People served"}


@dataclass(frozen=True)
class Shown:
    """What one page showed: rendered once per role and page, then checked by several tests."""

    exceptions: list[str]
    titles: list[str]
    frames: list[pd.DataFrame]
    charts: int
    figures: list[dict]  # each Plotly chart's figure, as the page sent it
    text: str
    metrics: list[str]
    selectboxes: dict[str, list[str]]
    grid_formats: list[str]  # each table column's number format (Streamlit's column config)


def signed_in(world, role: Role) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state[TOKEN_KEY] = world.sign_in(role)
    return at.run()


def open_page(at: AppTest, role: Role, key: str) -> AppTest:
    entry = next(p for p in pages_for(role) if p.key == key)
    return at.switch_page(f"pages/{entry.file}").run()


def frames(at: AppTest) -> list[pd.DataFrame]:
    return [f.value for f in at.dataframe]


def text_of(at: AppTest) -> str:
    parts = [e.value for kind in ("info", "warning", "caption", "markdown") for e in getattr(at, kind)]
    return " ".join(str(p) for p in parts)


def shown(at: AppTest) -> Shown:
    return Shown(
        exceptions=[e.value for e in at.exception],
        titles=[t.value for t in at.title],
        frames=frames(at),
        charts=len(at.get("plotly_chart")),
        figures=[json.loads(chart.proto.spec) for chart in at.get("plotly_chart")],
        text=text_of(at),
        metrics=[m.label for m in at.metric],
        selectboxes={b.key: list(b.options) for b in at.selectbox if b.key},
        grid_formats=[
            column.get("type_config", {}).get("format", "")
            for grid in at.dataframe
            for column in json.loads(grid.proto.columns or "{}").values()
        ],
    )


@pytest.fixture(scope="module")
def pages(pages_world) -> dict[tuple[Role, str], Shown]:
    """Every data page of every role, each rendered once in the role's own signed-in session."""
    seen = {}
    with pytest.MonkeyPatch.context() as env:
        env.setenv("WAYPOINT_HOME", str(pages_world.settings.home))
        for role in Role:
            at = signed_in(pages_world, role)
            for entry in pages_for(role):
                if entry.key in DATA_PAGES:
                    seen[role, entry.key] = shown(open_page(at, role, entry.key))
    return seen


@pytest.mark.parametrize("role", list(Role))
def test_every_data_page_renders_for_every_role_with_data_in_scope(pages_world, pages, role):
    projects = pages_world.projects_of(role)
    for entry in pages_for(role):
        if entry.key not in DATA_PAGES:
            continue
        page = pages[role, entry.key]
        assert not page.exceptions, (role, entry.key, page.exceptions)
        assert page.titles == [entry.title]
        assert page.frames or entry.key == "hud_reports", (role, entry.key, page.text)
        for frame in page.frames:
            if not policy(role).person_level:
                assert not PERSON_HEADERS & set(frame.columns), (role, entry.key, list(frame.columns))
            if "project_key" in frame:
                assert set(frame["project_key"].dropna()) <= projects, (role, entry.key)
            if "Project" in frame:  # names, never keys
                assert set(frame["Project"].dropna()) <= pages_world.project_names(projects), (role, entry.key)
            if entry.key in NAMED_PAGES:  # human headers; agencies and projects by name, never by key
                assert not [c for c in frame.columns if SNAKE.fullmatch(str(c))], (role, entry.key, list(frame))
                assert not frame.astype(str).apply(lambda c: c.str.contains(KEY).any()).any(), (role, entry.key)
                for coded in {"Metric", "Dimension"} & set(frame.columns):  # the DQ metrics in words, not codes
                    assert not frame[coded].astype(str).str.fullmatch(SNAKE).any(), (role, entry.key, coded)
            if policy(role).suppressed:
                for column in COUNT_COLUMNS & set(frame.columns):
                    numbers = pd.to_numeric(frame[column].astype(str).str.replace(",", ""), errors="coerce")
                    assert not numbers.between(1, 10).any(), (role, entry.key, column)


def test_overview_shows_coc_counts_with_charts_for_the_planner_and_small_ones_as_less_than_11(pages):
    page = pages[Role.PLANNER, "overview"]
    assert page.charts >= 2 or (page.charts == 1 and "nothing to chart" in page.text)
    assert page.metrics[:4] == ["Persons served", "Households", "Entries", "Exits"]
    assert (pd.concat([f.astype(str) for f in page.frames]) == "<11").any().any()


def chart_title(figure: dict) -> str:
    return str(((figure.get("layout") or {}).get("title") or {}).get("text", ""))


def trace_values(values: object) -> list[float]:
    """A trace's values as the page sent them: a list, or Plotly's typed array (``{"dtype", "bdata"}``)."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).astype(float).tolist()
    return [np.nan if v is None else float(v) for v in values or []]


def test_charts_draw_only_what_they_show_on_honest_axes(pages):
    """The data quality trend on the whole 0-100 score scale; the funder's lines only for projects with a count shown
    in some period, the others named under the chart instead of standing in the legend with no line (issue 14)."""
    trend = next(f for f in pages[Role.AGENCY_ADMIN, "data_quality"].figures if "scores per" in chart_title(f))
    low, high = trend["layout"]["yaxis"]["range"]
    assert low == 0 and high >= 100
    funder = pages[Role.FUNDER, "overview"]
    lines = next(f for f in funder.figures if chart_title(f).startswith("Persons served per quarter"))
    assert lines["data"] and all(not np.isnan(trace_values(t["y"])).all() for t in lines["data"])
    assert "Not drawn (hidden in every period" in funder.text


def test_every_bar_of_every_chart_has_a_label(pages_world, pages):
    """Bar charts say each bar's value (issue 14): every bar trace of every data page and trends section carries
    text or a text template, for every role."""
    figures = [figure for page in pages.values() for figure in page.figures]
    at = open_page(signed_in(pages_world, Role.PLANNER), Role.PLANNER, "trends")
    figures += shown(at.button_group(key="trends_section").set_value("Inflow and outflow").run()).figures
    bars = [trace for figure in figures for trace in figure["data"] if trace.get("type") == "bar"]
    assert bars
    unlabelled = [trace.get("name") for trace in bars if trace.get("text") is None and not trace.get("texttemplate")]
    assert not unlabelled, unlabelled


def test_an_agency_user_sees_its_agency_on_the_overview(pages_world, pages):
    page = pages[Role.CASE_MANAGER_II, "overview"]
    agency_rows = [f for f in page.frames if "Agency" in f]
    (name,) = pages_world.query(
        "select organization_name from marts.dim_agency where organization_key = ?", [pages_world.agency]
    )["organization_name"]
    assert agency_rows and set(agency_rows[0]["Agency"]) == {name}


def test_trends_draws_the_county_and_tribal_maps_and_suppresses_small_counties(pages_world, pages):
    page = pages[Role.PLANNER, "trends"]
    assert page.charts == 1  # the county map: one section and one map at a time
    counties = next(f for f in page.frames if "Shown by" in f and f["Shown by"].str.contains("County").any())
    assert (counties["Persons served"] == "<11").any()
    assert counties["Persons served"].str.fullmatch(r"[\d,]+").any()  # counties with 11+ people are coloured
    assert "people cannot be split" in page.text
    at = open_page(signed_in(pages_world, Role.PLANNER), Role.PLANNER, "trends")
    at.button_group(key="trends_map_of").set_value("Tribal areas").run()
    tribal = shown(at)
    assert not tribal.exceptions and tribal.charts == 1  # the tribal map now, not the county one
    labelled = [f for f in tribal.frames if "Shown by" in f]
    assert any(f["Shown by"].str.contains("OTSA|Reservation").any() for f in labelled)
    assert not any(f["Shown by"].str.contains("County").any() for f in labelled)


@pytest.mark.parametrize(
    ("section", "columns"),
    [
        ("Over time", {"Shown by", "Persons served"}),
        ("Inflow and outflow", {"In: first time", "Out: to permanent housing"}),
        ("Returns", {"Exits to permanent housing", "Returned within 12 months"}),
    ],
)
def test_each_trends_section_draws_its_chart_and_suppressed_table(pages_world, section, columns):
    at = open_page(signed_in(pages_world, Role.PLANNER), Role.PLANNER, "trends")
    at.button_group(key="trends_section").set_value(section).run()
    page = shown(at)
    assert not page.exceptions, (section, page.exceptions)
    assert page.charts == 1 or (page.charts == 0 and "Too little to draw" in page.text), section
    table = next(f for f in page.frames if columns <= set(f.columns))
    counts = [c for c in table.columns if c in COUNT_COLUMNS | columns]
    for column in counts:
        numbers = pd.to_numeric(table[column].astype(str).str.replace(",", ""), errors="coerce")
        assert not numbers.between(1, 10).any(), (section, column)


def test_outcomes_show_only_the_funders_projects_next_to_their_benchmark(pages_world, pages):
    page = pages[Role.FUNDER, "outcomes"]
    table = page.frames[0]
    funded = pages_world.query(
        "select distinct project_name from marts.funder_project_outcomes where funder = ?", [pages_world.funder_code]
    )
    assert set(table["Project"]) <= set(funded["project_name"])
    benchmarks = {"Exits to permanent housing: CoC benchmark", "Bed utilisation: CoC benchmark"}
    assert {"Exits to permanent housing", "Returns within 12 months", *benchmarks} <= set(table)
    assert page.charts + page.text.count("Too little to chart") == 5
    assert table.isin(["<11"]).any().any()


def test_records_to_fix_are_listed_only_for_person_level_roles(pages_world, pages):
    for role in (Role.AGENCY_ADMIN, Role.CASE_MANAGER_III):
        issues = [f for f in pages[role, "data_quality"].frames if "PersonalID" in f]
        assert issues and set(issues[0]["Project"]) <= pages_world.project_names(pages_world.projects_of(role)), role
        assert list(issues[0].columns[:3]) == ["PersonalID", "Project", "What to fix"]
        severity = list(issues[0]["Severity"])
        assert severity == sorted(severity, key=["error", "warning"].index), "errors first"
        assert "dq_fix_agency" not in pages[role, "data_quality"].selectboxes
        assert "Records to fix" in pages[role, "data_quality"].metrics  # the summary above the list
    agencies = pages_world.query("select distinct organization_key, organization_name from marts.dq_scorecard_project")
    admin = pages[Role.SYSTEM_ADMINISTRATOR, "data_quality"]
    options = admin.selectboxes["dq_fix_agency"]  # one agency at a time, by name
    assert sorted(options) == sorted(agencies["organization_name"])
    for role in (Role.CASE_MANAGER_II, Role.CASE_MANAGER_I):
        assert not [f for f in pages[role, "data_quality"].frames if "PersonalID" in f]
        assert "counts only" in pages[role, "data_quality"].text


def test_every_role_sees_the_dq_checks_and_local_settings(pages):
    for role in (Role.SYSTEM_ADMINISTRATOR, Role.AGENCY_ADMIN, Role.CASE_MANAGER_I):
        frames = pages[role, "data_quality"].frames
        settings = next(f for f in frames if {"Setting", "Value"} <= set(f.columns))
        assert {"referral_days", "inactive_days", "timeliness_days"} <= set(settings["Setting"]), role
        checks = next(f for f in frames if {"Check ID", "Guidance", "Eva ID"} <= set(f.columns))
        assert "ben_start_missing" in set(checks["Check ID"]), role


def test_downloading_the_records_to_fix_is_audited(pages_home):
    at = open_page(signed_in(pages_home, Role.AGENCY_ADMIN), Role.AGENCY_ADMIN, "data_quality")
    button = next(b for b in at.get("download_button") if "dq_records_to_fix" in str(b.proto.id))
    before = len(AuditLog(pages_home.settings.app_db).read(events=["download"]))
    button.click().run()
    downloads = AuditLog(pages_home.settings.app_db).read(events=["download"])
    assert len(downloads) == before + 1
    assert json.loads(downloads["detail"].iloc[0])["what"] == "dq_records_to_fix"
    xlsx = next(b for b in at.get("download_button") if "dq_fix_xlsx" in str(b.proto.id))
    xlsx.click().run()
    downloads = AuditLog(pages_home.settings.app_db).read(events=["download"])
    assert len(downloads) == before + 2  # one project's workbook is audited too
    assert json.loads(downloads["detail"].iloc[0])["what"].startswith("dq_records_to_fix_xlsx:")


def test_hud_reports_lists_only_the_reports_inside_the_users_scope(pages):
    agency_view = pages[Role.AGENCY_ADMIN, "hud_reports"]
    options = agency_view.selectboxes["reports_build"]
    assert len(options) == 1 and " · Agency " in options[0]  # the scope in words, its agency named
    assert agency_view.frames[0].shape[0] == 2  # the Q7a table read from its CSV
    assert "build_report" not in agency_view.selectboxes  # no build controls
    admin_view = pages[Role.SYSTEM_ADMINISTRATOR, "hud_reports"]
    assert len(admin_view.selectboxes["reports_build"]) == 2
    assert any(option.endswith(" · CoC OK-500") for option in admin_view.selectboxes["reports_build"])
    assert "build_report" in admin_view.selectboxes
    assert "No report has been built for your scope" in pages[Role.CASE_MANAGER_I, "hud_reports"].text


def test_a_build_for_an_id_the_warehouse_does_not_hold_is_refused_before_it_starts(pages_home):
    at = open_page(signed_in(pages_home, Role.SYSTEM_ADMINISTRATOR), Role.SYSTEM_ADMINISTRATOR, "hud_reports")
    at.selectbox(key="build_scope_type").select("agency")
    at.text_input(key="build_scope_ids").input("Choctaw Trails Community Action Foundation")
    next(b for b in at.button if b.label == "Start build").click().run()
    assert any("in the warehouse as an agency: Choctaw Trails" in e.value for e in at.error), [
        e.value for e in at.error
    ]
    assert not any("Build started" in s.value for s in at.success)
    started = AuditLog(pages_home.settings.app_db).read(events=["build_started"])
    assert not started["detail"].str.contains("Choctaw").any()


def test_a_system_administrator_starts_a_build_and_it_is_audited(pages_home):
    at = open_page(signed_in(pages_home, Role.SYSTEM_ADMINISTRATOR), Role.SYSTEM_ADMINISTRATOR, "hud_reports")
    at.selectbox(key="build_scope_type").select("coc")
    at.text_input(key="build_scope_ids").input("OK-507")
    next(b for b in at.button if b.label == "Start build").click().run()
    assert any("Build started" in s.value for s in at.success)
    started = AuditLog(pages_home.settings.app_db).read(events=["build_started"])
    detail = json.loads(started["detail"].iloc[0])
    assert detail["request_id"].startswith("apr__") and "coc-OK-507" in detail["request_id"]
    with contextlib.suppress(ProcessLookupError):  # the build itself is the report engine's, tested there
        os.killpg(detail["pid"], signal.SIGTERM)


@pytest.fixture(scope="module")
def bare_home(pages_world, tmp_path_factory):
    return home_without_marts(tmp_path_factory.mktemp("bare"), pages_world)


@pytest.mark.parametrize("role", [Role.SYSTEM_ADMINISTRATOR, Role.PLANNER, Role.FUNDER, Role.CASE_MANAGER_I])
def test_pages_say_not_built_yet_when_their_marts_are_missing(bare_home, monkeypatch, role):
    monkeypatch.setenv("WAYPOINT_HOME", str(bare_home.settings.home))
    at = signed_in(bare_home, role)
    for entry in pages_for(role):
        if entry.key not in DATA_PAGES - {"hud_reports"}:
            continue
        page = shown(open_page(at, role, entry.key))
        assert not page.exceptions, (role, entry.key)
        assert "not built yet" in page.text.lower() or "no data yet" in page.text.lower(), page.text


PERCENTAGE = re.compile(r"-?[\d,.]*\d%")  # a percentage as printed: 5%, 1.48%, 0.0%


def percentages(page: Shown) -> tuple[list[str], list[str]]:
    """Every percentage a page prints (table cells, chart labels and texts) and every percent format it asks Plotly
    for (axis ticks, hover, bar labels)."""
    printed = [p for frame in page.frames for cell in frame.to_numpy().ravel() for p in PERCENTAGE.findall(str(cell))]
    formats = []
    for figure in page.figures:
        for name, axis in (figure.get("layout") or {}).items():
            if name.startswith(("xaxis", "yaxis")):
                formats += [
                    axis.get(key) for key in ("tickformat", "hoverformat") if str(axis.get(key, "")).endswith("%")
                ]
        for trace in figure["data"]:
            text = trace.get("text")
            printed += [
                p for t in (text if isinstance(text, list) else [text]) for p in PERCENTAGE.findall(str(t or ""))
            ]
    return printed, formats


def test_every_percentage_is_written_one_way(pages_world, pages):
    """One rule for percentages on every page (issue 14: "0%" beside "1.48%"): one decimal in table cells, bar
    labels, axes and hover ("0.0%", "1.5%"); rates in the grid printed with the same printf format."""
    seen = dict(pages)
    at = open_page(signed_in(pages_world, Role.PLANNER), Role.PLANNER, "trends")
    seen["returns"] = shown(at.button_group(key="trends_section").set_value("Returns").run())
    printed, formats, grid = [], [], []
    for page in seen.values():
        cells, asked = percentages(page)
        printed, formats, grid = printed + cells, formats + asked, grid + page.grid_formats
    assert printed and formats and GRID_PERCENT in grid
    assert [p for p in printed if not re.fullmatch(r"-?[\d,]*\d\.\d%", p)] == []
    assert set(formats) == {PLOTLY_PERCENT}
    assert {f for f in grid if "%" in f and f != "%.1f"} == {GRID_PERCENT}  # never Streamlit's own "percent"
    assert "percent" not in grid
