"""The generator's ground truth in the shape the DQ marts report: which check should flag which record.

The manifest names each injected defect by its file and record id (a Client, Enrollment, Exit or
IncomeBenefits row, or a HouseholdID); checks flag clients, enrollments, exits or households. Both
sides are reduced to anchors ``(source_id, kind, id)`` with kind ``client`` (PersonalID),
``enrollment`` (EnrollmentID; exits and income records count as their enrollment) or ``household``
(HouseholdID), using the built warehouse's staging tables to follow ids. ``defect_checks.csv`` says
which check(s) each defect kind (and column, and value) must trigger.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb

MAPPING_CSV = Path(__file__).with_name("defect_checks.csv")
CHECK_KINDS = {"client": "client", "enrollment": "enrollment", "exit": "enrollment", "household": "household"}

Anchor = tuple[str, str, str]


@dataclass(frozen=True)
class Rule:
    defect: str
    column: str | None
    values: frozenset[str] | None
    check_id: str

    def matches(self, defect: dict) -> bool:
        if defect["defect"] != self.defect or (self.column and defect["column"] != self.column):
            return False
        return self.values is None or _value_text(defect["value"]) in self.values


def _value_text(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def load_rules(path: Path = MAPPING_CSV) -> list[Rule]:
    with path.open(newline="") as f:
        return [
            Rule(
                row["defect"],
                row["column"] or None,
                frozenset(row["values"].split("|")) if row["values"] else None,
                row["check_id"],
            )
            for row in csv.DictReader(f)
        ]


class Ids:
    """Id lookups from the built warehouse: which enrollment an exit or income record belongs to."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        def pairs(sql: str) -> dict[tuple[str, str], tuple]:
            return {(row[0], row[1]): row[2:] for row in con.execute(sql).fetchall()}

        self.enrollments = pairs(
            "select source_id, enrollment_id, personal_id, household_id from staging.stg_hmis__enrollments"
        )
        self.households = {(s, h) for (s, _), (_, h) in self.enrollments.items()}
        self.exits = pairs("select source_id, exit_id, enrollment_id from staging.stg_hmis__exits")
        self.incomes = pairs(
            "select source_id, income_benefits_id, enrollment_id from staging.stg_hmis__income_benefits"
        )

    def enrollment_of(self, source: str, file: str, record_id: str) -> str | None:
        key = (source, record_id)
        if file == "Exit" and key in self.exits:
            return self.exits[key][0]
        if file == "IncomeBenefits" and key in self.incomes:
            return self.incomes[key][0]
        if key in self.enrollments:
            return record_id
        return None

    def anchor(self, defect: dict, kind: str) -> Anchor:
        """The record a check of ``kind`` should flag for a manifest defect."""
        source, file, record_id = defect["source_id"], defect["file"], str(defect["record_id"])
        if file == "Client":
            return (source, "client", record_id)
        if kind in ("project", "inventory"):  # descriptor defects name the ProjectID or InventoryID
            return (source, kind, record_id)
        enrollment = self.enrollment_of(source, file, record_id)
        if enrollment is None:
            if file == "Enrollment" and (source, record_id) in self.households:
                return (source, "household", record_id)
            return (source, "missing", f"{file}:{record_id}")
        _, personal_id, household_id = (None, *self.enrollments[(source, enrollment)])
        if kind == "client":
            return (source, "client", personal_id)
        if kind == "household":
            return (source, "household", household_id)
        return (source, "enrollment", enrollment)


def check_kinds(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = con.execute("select check_id, applies_to from marts.dq_check_catalogue").fetchall()
    return {check: CHECK_KINDS.get(applies_to, applies_to) for check, applies_to in rows}


def expected_issues(manifest: dict, con: duckdb.DuckDBPyConnection, rules: list[Rule]) -> dict[str, set[Anchor]]:
    """check_id -> anchors the manifest says it must flag."""
    ids, kinds = Ids(con), check_kinds(con)
    expected: dict[str, set[Anchor]] = defaultdict(set)
    for defect in manifest["defects"]:
        for rule in rules:
            if rule.matches(defect):
                expected[rule.check_id].add(ids.anchor(defect, kinds[rule.check_id]))
    return dict(expected)


def found_issues(con: duckdb.DuckDBPyConnection) -> dict[str, set[Anchor]]:
    """check_id -> anchors dq_record_issues flags."""
    rows = con.execute(
        """
        select check_id, source_id, record_type,
            case record_type
                when 'client' then personal_id
                when 'household' then household_id
                when 'enrollment' then enrollment_id
                when 'exit' then enrollment_id
                else record_id
            end
        from marts.dq_record_issues
        """
    ).fetchall()
    found: dict[str, set[Anchor]] = defaultdict(set)
    for check, source, record_type, anchor_id in rows:
        found[check].add((source, CHECK_KINDS.get(record_type, record_type), anchor_id))
    return dict(found)


def unmatched_defects(manifest: dict, rules: list[Rule]) -> list[dict]:
    """Manifest defects no rule maps to a check (each must be found by some check)."""
    return [d for d in manifest["defects"] if not any(rule.matches(d) for rule in rules)]


def load_manifest(path: Path) -> dict:
    return json.loads(path.read_text())
