"""Great Expectations suites for the raw tables, generated from the spec, plus business rules.

One suite per HMIS file and CSV version (``client.fy2026``): required values, type patterns,
lengths, code lists and unique keys come from the spec objects and the rule set the SQL validator uses
(pipelines/ingest/spec_rules.py: type patterns, allowed codes); the hand-written business
expectations (exit not before entry, DOB not after the export, move-in within the stay) read
helper columns the runner adds (``_entry_date``, ``_exit_date``, ``_export_date``, ``_move_in_date``: the
MoveInDate of projects that collect 3.20). Every
expectation carries ``severity`` and ``rule_id`` in meta and a plain-words description.

The runner builds them in memory; ``python -m pipelines.ingest.gx.suites`` writes them as JSON into the file-mode
context ``expectations/`` for reading or for GX's own tools (generated, so not committed).
"""

from __future__ import annotations

import json
from pathlib import Path

import great_expectations as gx
import great_expectations.expectations as gxe

from pipelines.config import PROJECT_ROOT
from pipelines.ingest import rulebook
from pipelines.ingest.layout import table_name
from pipelines.ingest.spec_rules import TYPE_RULES, allowed_codes
from pipelines.spec import CSV_VERSIONS, FILE_ORDER, Column, load_spec

REPO_CONTEXT = PROJECT_ROOT / "expectations"
# Business expectations: (file, column A, column B, rule id, severity, description). A >= B must hold.
BUSINESS_RULES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("Exit", "ExitDate", "_entry_date", "business.exit_before_entry", "error",
     "ExitDate is not before the EntryDate of its enrollment."),
    ("Client", "_export_date", "DOB", "business.dob_in_future", "error",
     "DOB is not in the future (not after the export date)."),
    ("Enrollment", "_move_in_date", "EntryDate", "business.move_in_before_entry", "error",
     "MoveInDate is not before EntryDate (move-in lies within the stay; PSH, PH and RRH, which collect 3.20)."),
    ("Enrollment", "_exit_date", "_move_in_date", "business.move_in_after_exit", "error",
     "MoveInDate is not after the ExitDate (move-in lies within the stay; PSH, PH and RRH, which collect 3.20)."),
    ("Enrollment", "_export_date", "EntryDate", "business.entry_after_export", "warning",
     "EntryDate is not after the export date."),
)  # fmt: skip


def suite_name(file: str, version: str) -> str:
    return f"{table_name(file)}.{version}"


def _meta(rule_id: str, severity: str) -> dict[str, str]:
    return {"rule_id": rule_id, "severity": severity}


def _column_expectations(file: str, version: str, col: Column) -> list[gxe.Expectation]:
    spec = load_spec(version)
    found: list[gxe.Expectation] = []
    name = col.name
    if not col.nullable:
        found.append(gxe.ExpectColumnValuesToNotBeNull(
            column=name, meta=_meta("required.missing", rulebook.severity_of(file, name, "Unallowed Null")),
            description=f"{name} is required by the HMIS CSV {version.upper()} spec."))  # fmt: skip
    if col.dtype in TYPE_RULES:
        found.append(gxe.ExpectColumnValuesToMatchRegex(
            column=name, regex=TYPE_RULES[col.dtype].anchored,
            meta=_meta(TYPE_RULES[col.dtype].rule_id, rulebook.severity_of(file, name, "Incorrect Data Type")),
            description=f"{name} has HUD type {col.dtype}."))  # fmt: skip
    if col.dtype == "S" and col.max_length:
        found.append(gxe.ExpectColumnValueLengthsToBeBetween(
            column=name, max_value=col.max_length,
            meta=_meta("length.exceeded", rulebook.severity_of(file, name, "String Length Limit Exceeded")),
            description=f"{name} is at most {col.max_length} characters."))  # fmt: skip
    if col.value_lists and not col.list_by:
        codes = sorted(allowed_codes(spec, col))
        found.append(gxe.ExpectColumnValuesToBeInSet(
            column=name, value_set=codes,
            meta=_meta("list.invalid", rulebook.severity_of(file, name, "Non-Null Invalid")),
            description=f"{name} is a code of list {' or '.join(col.value_lists)}."))  # fmt: skip
    return found


def build_suite(file: str, version: str) -> gx.ExpectationSuite:
    """The suite of one raw table for exports of one CSV version."""
    file_spec = load_spec(version).file(file)
    name = suite_name(file, version)
    key = rulebook.unique_keys().get(file, file_spec.key)
    found: list[gxe.Expectation] = [gxe.ExpectColumnValuesToBeUnique(
        column=key, meta=_meta("key.duplicate", rulebook.severity_of(file, key, "Duplicate UniqueID")),
        description=f"{key} identifies one row of {file}.csv.")]  # fmt: skip
    for col in file_spec.columns:
        found += _column_expectations(file, version, col)
    for rule_file, column_a, column_b, rule_id, severity, description in BUSINESS_RULES:
        if rule_file == file:
            found.append(gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=column_a, column_B=column_b, or_equal=True, ignore_row_if="either_value_is_missing",
                meta=_meta(rule_id, severity), description=description))  # fmt: skip
    for expectation in found:
        expectation.severity = "critical" if expectation.meta["severity"] == "error" else "warning"
    return gx.ExpectationSuite(
        name=name,
        expectations=found,
        meta={"hmis_file": file, "csv_version": version, "generated_by": "pipelines.ingest.gx.suites"},
    )


def all_suites() -> list[gx.ExpectationSuite]:
    return [build_suite(file, version) for version in CSV_VERSIONS for file in FILE_ORDER]


def comparable(suite_json: dict) -> dict:
    """A suite's content without the ids GX assigns on save."""
    content = {k: v for k, v in suite_json.items() if k not in ("id", "notes")}
    content["expectations"] = [
        {k: v for k, v in e.items() if k not in ("id", "notes")} for e in suite_json.get("expectations", [])
    ]
    return json.loads(json.dumps(content, sort_keys=True, default=str))


def write_suites(root: Path = REPO_CONTEXT, suites: list[gx.ExpectationSuite] | None = None) -> int:
    """Save the generated suites into the file-mode context at ``root``; unchanged ones stay as they are."""
    context = gx.get_context(mode="file", context_root_dir=str(root))
    changed = 0
    for suite in all_suites() if suites is None else suites:
        path = suite_path(root, suite)
        if path.exists() and comparable(json.loads(path.read_text())) == comparable(suite.to_json_dict()):
            continue
        context.suites.add_or_update(suite)
        changed += 1
    return changed


def suite_path(root: Path, suite: gx.ExpectationSuite) -> Path:
    return root / "expectations" / f"{suite.name.replace('.', '/')}.json"


if __name__ == "__main__":
    print(f"{write_suites()} suites changed in {REPO_CONTEXT}")
