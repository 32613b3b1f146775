"""Column headers and values in words: every table a page draws goes through ``readable`` (dashboards/ui/widgets.py).

Headers: a label from LABELS, else the column name in words (``days_to_entry`` -> "Days to entry", with CoC, HUD,
ID, DQ written as such). Warehouse keys (``*_key`` columns) are not shown where a name column sits beside them;
in a CSV they are written ``source:id``. JSON text (the audit log's scope and detail) becomes "field: value" lines.
"""

from __future__ import annotations

import json
import re

import pandas as pd

LABELS = {
    "coc_code": "CoC",
    "organization_name": "Agency",
    "organization_key": "Agency ID",
    "project_name": "Project",
    "project_key": "Project ID",
    "project_type_label": "Project type",
    "personal_id": "PersonalID",
    "enrollment_id": "EnrollmentID",
    "household_id": "HouseholdID",
    "record_id": "Record ID",
    "check_id": "Check ID",
    "check_name": "Check",
    "what_to_fix": "What to fix",
    "detected_value": "Value found",
    "metric_value": "Value",
    "meets_threshold": "Meets threshold",
    "meets_all_thresholds": "Meets all thresholds",
    "overall_score": "Overall score",
    "completeness_score": "Completeness",
    "accuracy_score": "Accuracy",
    "timeliness_score": "Timeliness",
    "consistency_score": "Consistency",
    "persons_served": "Persons served",
    "scope_name": "Scope",
    "period_id": "Quarter",
    "audit_id": "#",
    "at": "When (UTC)",
    "event": "Event",
    "username": "User",
    "role": "Role",
    "page": "Page",
    "scope": "Scope",
    "detail": "Detail",
}
_WORDS = {"id": "ID", "coc": "CoC", "hud": "HUD", "dq": "DQ", "ssn": "SSN", "dob": "date of birth", "pct": "%"}
_KEY = re.compile(r"^(.*)_key$")


def label(column: str) -> str:
    """The header of a column, in words."""
    if column in LABELS:
        return LABELS[column]
    if not re.fullmatch(r"[a-z0-9_]+", column):
        return column[:1].upper() + column[1:] if re.fullmatch(r"[a-z][a-z0-9 ]*", column) else column
    words = [_WORDS.get(word, word) for word in column.split("_") if word]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _has_name(frame: pd.DataFrame, key_column: str) -> bool:
    stem = _KEY.match(key_column).group(1)
    return any(c in frame.columns for c in (f"{stem}_name", "organization_name" if stem == "organization" else ""))


def _json_text(value: object) -> object:
    if not isinstance(value, str) or not value.startswith("{"):
        return value
    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    if not isinstance(parsed, dict):
        return value
    parts = []
    for field, item in parsed.items():
        if isinstance(item, list):
            item = ", ".join(str(i) for i in item)
        parts.append(f"{label(field).lower()}: {item}")
    return "; ".join(parts)


def readable(frame: pd.DataFrame, *, for_csv: bool = False) -> pd.DataFrame:
    """The frame as people read it: headers in words, keys hidden beside names (kept in a CSV),
    JSON as "field: value" text, dates without a midnight time."""
    out = frame.copy()
    for column in list(out.columns):
        if not for_csv and isinstance(column, str) and _KEY.match(column) and _has_name(out, column):
            out = out.drop(columns=column)
    for column in out.columns:
        series = out[column]
        if (series.dtype == object or pd.api.types.is_string_dtype(series)) and series.map(
            lambda v: isinstance(v, str) and v.startswith("{")
        ).any():
            out[column] = series.map(_json_text)
        elif pd.api.types.is_datetime64_any_dtype(series) and (series.dropna().dt.normalize() == series.dropna()).all():
            out[column] = series.dt.date
    return out.rename(columns={c: label(c) for c in out.columns if isinstance(c, str)})
