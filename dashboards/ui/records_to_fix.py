"""The records to fix (Data quality page): most severe first, then oldest; a summary of what to fix first; the
quarter chosen on the page; a per-project XLSX with the guidance for each check. Pure pandas, so it is tested
without Streamlit (tests/dashboards/test_records_to_fix.py)."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd

from dashboards.ui.labels import readable

SEVERITY_ORDER = {"error": 0, "warning": 1}
SEVERITY_WORDS = {"error": "Error (must be fixed)", "warning": "Warning (review)"}
FIRST = ["personal_id", "project_name", "what_to_fix", "severity", "check_name", "entry_date", "exit_date"]


def quarter_bounds(period_start: object) -> tuple[date, date]:
    start = pd.Timestamp(period_start).date()
    end = (pd.Timestamp(start) + pd.offsets.QuarterEnd(0)).date()
    return start, end


def in_quarter(rows: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Records of enrollments open at some point of the quarter; records without an entry date (client-level) stay."""
    entry = pd.to_datetime(rows["entry_date"], errors="coerce").dt.date
    exit_ = pd.to_datetime(rows["exit_date"], errors="coerce").dt.date
    keep = entry.isna() | ((entry <= end) & (exit_.isna() | (exit_ >= start)))
    return rows[keep.to_numpy()]


def fix_first(rows: pd.DataFrame) -> pd.DataFrame:
    """Errors before warnings, then the oldest entry first (records without a date last); PersonalID, project and
    what to fix lead."""
    ordered = rows.assign(
        _rank=rows["severity"].map(SEVERITY_ORDER).fillna(9),
        _entry=pd.to_datetime(rows["entry_date"], errors="coerce"),
    ).sort_values(["_rank", "_entry", "project_name", "personal_id"], na_position="last", kind="stable")
    lead = [c for c in FIRST if c in ordered.columns]
    rest = [c for c in ordered.columns if c not in lead and not c.startswith("_")]
    return ordered[lead + rest].reset_index(drop=True)


def summary(rows: pd.DataFrame) -> pd.DataFrame:
    """What to fix first: one line per check, errors first, then the most records."""
    if rows.empty:
        return pd.DataFrame(columns=["Severity", "Check", "Records", "Projects", "What to fix"])
    grouped = (
        rows.groupby(["severity", "check_name"], dropna=False)
        .agg(
            records=("personal_id", "size"), projects=("project_name", "nunique"), what_to_fix=("what_to_fix", "first")
        )
        .reset_index()
    )
    grouped["_rank"] = grouped["severity"].map(SEVERITY_ORDER).fillna(9)
    grouped = grouped.sort_values(["_rank", "records"], ascending=[True, False], kind="stable")
    return pd.DataFrame(
        {
            "Severity": grouped["severity"].map(SEVERITY_WORDS).fillna(grouped["severity"]),
            "Check": grouped["check_name"],
            "Records": grouped["records"],
            "Projects": grouped["projects"],
            "What to fix": grouped["what_to_fix"],
        }
    ).reset_index(drop=True)


def project_workbook(rows: pd.DataFrame, project: str, quarter: str) -> bytes:
    """An XLSX for one project: "How to use" first, then the records to fix (in fix-first order) and one line of
    guidance per check."""
    mine = fix_first(rows[rows["project_name"] == project])
    guide = pd.DataFrame(
        {
            "": [
                f"Records to fix in {project}, {quarter}: {len(mine):,} records.",
                "Work down the Records sheet: errors first (they change a HUD report or break a high-priority rule),",
                "then warnings; the oldest enrollments first. Fix each record in the HMIS, not in this file;",
                "the next export and warehouse build show what is left.",
                "The Checks sheet says for each check what it found and how to fix it.",
                "This file holds person-level data: keep it on an approved device and delete it when done.",
            ]
        }
    )
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        guide.to_excel(writer, sheet_name="How to use", index=False, header=False)
        readable(mine, for_csv=True).to_excel(writer, sheet_name="Records", index=False)
        summary(mine).to_excel(writer, sheet_name="Checks", index=False)
        for sheet in ("Records", "Checks"):
            writer.sheets[sheet].freeze_panes(1, 0)
    return buffer.getvalue()


def file_name(project: str, quarter: str) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in project).strip("-")
    return f"records-to-fix_{safe}_{quarter}.xlsx"
