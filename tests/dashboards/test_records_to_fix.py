"""Records to fix (Data quality page): fix-first order, the summary, the quarter, the per-project workbook; and
table headers in words. Pure pandas on hand-made rows (the page itself: test_pages_app.py)."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd

from dashboards.ui import records_to_fix as fix
from dashboards.ui.labels import label, readable

ROWS = pd.DataFrame(
    {
        "organization_key": ["ok-500:A1"] * 5,
        "organization_name": ["Red Plains"] * 5,
        "project_key": ["ok-500:P1", "ok-500:P1", "ok-500:P2", "ok-500:P2", "ok-500:P1"],
        "project_name": ["Shelter", "Shelter", "Housing", "Housing", "Shelter"],
        "severity": ["warning", "error", "error", "warning", "error"],
        "check_name": ["Late entry", "Missing DOB", "Missing DOB", "Late entry", "SSN format"],
        "personal_id": ["p1", "p2", "p3", "p4", "p5"],
        "entry_date": pd.to_datetime(["2026-01-05", "2026-08-01", "2025-03-01", "2026-07-15", None]),
        "exit_date": pd.to_datetime([None, None, "2025-06-30", None, None]),
        "what_to_fix": ["Enter sooner", "Add the DOB", "Add the DOB", "Enter sooner", "Fix the SSN"],
    }
)


def test_errors_come_first_then_the_oldest_and_personal_id_project_and_fix_lead():
    ordered = fix.fix_first(ROWS)
    assert list(ordered["personal_id"]) == ["p3", "p2", "p5", "p1", "p4"]
    assert list(ordered.columns[:3]) == ["personal_id", "project_name", "what_to_fix"]


def test_the_summary_says_what_to_fix_first():
    summary = fix.summary(ROWS)
    assert list(summary["Check"]) == ["Missing DOB", "SSN format", "Late entry"]
    assert list(summary["Records"]) == [2, 1, 2] and list(summary["Projects"]) == [2, 1, 2]


def test_the_quarter_keeps_enrollments_open_in_it_and_client_records():
    start, end = fix.quarter_bounds("2026-07-01")
    assert (start, end) == (date(2026, 7, 1), date(2026, 9, 30))
    assert list(fix.in_quarter(ROWS, start, end)["personal_id"]) == ["p1", "p2", "p4", "p5"]


def test_the_project_workbook_has_guidance_records_and_checks():
    book = pd.read_excel(io.BytesIO(fix.project_workbook(ROWS, "Shelter", "2026-Q3")), sheet_name=None)
    assert list(book) == ["How to use", "Records", "Checks"]
    assert list(book["Records"]["PersonalID"]) == ["p2", "p5", "p1"]
    assert set(book["Records"]["Project ID"]) == {"ok-500:P1"}  # written as users type ids
    assert fix.file_name("Shelter / Night", "2026-Q3") == "records-to-fix_Shelter---Night_2026-Q3.xlsx"


def test_headers_are_words_and_keys_beside_names_are_not_shown():
    shown = readable(ROWS.assign(detail='{"user": "x", "scope": ["ok-500:P1"]}'))
    assert "Project ID" not in shown and "Agency ID" not in shown
    assert {"Project", "Agency", "PersonalID", "What to fix", "Entry date", "Detail"} <= set(shown.columns)
    assert shown["Detail"].iloc[0] == "user: x; scope: ok-500:P1"
    assert shown["Entry date"].iloc[0] == date(2026, 1, 5)  # no 00:00:00
    assert label("days_to_entry") == "Days to entry" and label("coc_code") == "CoC" and label("eva_id") == "Eva ID"
