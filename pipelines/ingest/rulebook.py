"""HUD's rule sheet (seeds/hmis_spec/fy2026_rules.csv) read into the checks Waypoint runs.

Severity follows the issue's rule, derived from the sheet's priority: a row-level "High Priority"
problem is an ``error`` (the row loads, flagged), anything HUD ranks lower is a ``warning``. Only the
structural faults in ``structure``/``unpack`` are ``fatal``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from pipelines.ingest.models import ERROR, WARNING
from pipelines.spec import SPEC_DIR

RULES_FILE = SPEC_DIR / "fy2026_rules.csv"

# HUD issue type -> Waypoint rule id (the rule ids findings carry).
ISSUE_RULE_IDS: dict[str, str] = {
    "Incorrect Data Type": "type",
    "Duplicate UniqueID": "key.duplicate",
    "Impermissible Characters": "chars.impermissible",
    "String Length Limit Exceeded": "length.exceeded",
    "Unallowed Null": "required.missing",
    "Foreign Key Missing": "key.foreign",
    "Non-Null Invalid": "list.invalid",
    "Null Unless": "conditional.null_unless",
    "Conditionally Invalid Value": "conditional.required_if",
}

_MUST_MATCH = re.compile(r"Must match (?:a|the)?\s*(?:record|(\w+))? in (\w+)\.csv", re.IGNORECASE)


@dataclass(frozen=True)
class ForeignKey:
    file: str
    column: str
    parent: str
    parent_column: str
    same_project: bool  # the match must also share ProjectID (Inventory.CoCCode, Enrollment.EnrollmentCoC)
    severity: str


@dataclass(frozen=True)
class Conditional:
    file: str
    column: str
    kind: str  # "null_unless" | "required_if"
    condition: str  # HUD's text after "Null unless" / "Non-null if"
    readable: str
    severity: str


def _severity(priority: str) -> str:
    return ERROR if priority.strip() == "High Priority" else WARNING


@cache
def _rows() -> tuple[dict[str, str], ...]:
    with open(RULES_FILE, newline="", encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


@cache
def _priorities() -> dict[tuple[str, str, str], str]:
    return {(r["CSV"], r["Name"], r["issue_type"]): r["Priority"] for r in _rows() if r["Priority"].strip()}


@cache
def _usual_priority(issue_type: str) -> str | None:
    usual = Counter(r["Priority"] for r in _rows() if r["issue_type"] == issue_type).most_common(1)
    return usual[0][0] if usual else None


# Record metadata whose form changes no HUD report: a bad value there is a warning whatever the sheet says.
METADATA_COLUMNS = frozenset({"DateCreated", "DateUpdated"})
_METADATA_ISSUES = frozenset({"Incorrect Data Type", "Impermissible Characters"})


def severity_of(file: str, column: str, issue_type: str) -> str:
    """The severity of one check on one column; the issue type's usual priority when the sheet gives none."""
    if column in METADATA_COLUMNS and issue_type in _METADATA_ISSUES:
        return WARNING
    priority = _priorities().get((file, column, issue_type), _usual_priority(issue_type))
    return WARNING if priority is None else _severity(priority)


@cache
def unique_keys() -> dict[str, str]:
    """File -> its unique identifier column, from the Duplicate UniqueID rules."""
    return {r["CSV"]: r["Name"] for r in _rows() if r["issue_type"] == "Duplicate UniqueID"}


@cache
def foreign_keys() -> tuple[ForeignKey, ...]:
    """Cross-file references: the sheet's Foreign Key rules, plus 'Must match …' notes (UserID) it lists elsewhere."""
    keys: dict[tuple[str, str], ForeignKey] = {}
    for row in _rows():
        file, column, notes = row["CSV"], row["Name"], row["validation_notes"]
        same_project = bool(re.search(r"(?:for|with) the same ProjectID", notes))
        if row["issue_type"] == "Foreign Key Missing" and row["foreign_tbl"]:
            severity = severity_of(file, column, "Foreign Key Missing")
            keys[(file, column)] = ForeignKey(
                file, column, row["foreign_tbl"], row["fk_id_col"], same_project, severity
            )
        elif (file, column) not in keys and (match := _MUST_MATCH.search(notes)):
            parent_column = match.group(1) or column
            keys[(file, column)] = ForeignKey(file, column, match.group(2), parent_column, same_project, WARNING)
    return tuple(keys.values())


@cache
def conditionals() -> tuple[Conditional, ...]:
    """'Null unless …' and 'Non-null if …' rules, wherever the sheet states them."""
    found: dict[tuple[str, str], Conditional] = {}
    for row in _rows():
        notes = row["validation_notes"].strip()
        match = re.match(r"(Null unless|Non-null if)\s+(.*)", notes, re.IGNORECASE)
        if not match:
            continue
        kind = "null_unless" if match.group(1).lower() == "null unless" else "required_if"
        condition = match.group(2).split(". ")[0].strip().rstrip(".")
        own = row["issue_type"] in ("Null Unless", "Conditionally Invalid Value")
        severity = severity_of(row["CSV"], row["Name"], row["issue_type"]) if own else WARNING
        key = (row["CSV"], row["Name"])
        if key not in found or row["issue_type"] in ("Null Unless", "Conditionally Invalid Value"):
            found[key] = Conditional(
                row["CSV"], row["Name"], kind, condition, row["readable_validation_notes"].strip(), severity
            )
    return tuple(found.values())
