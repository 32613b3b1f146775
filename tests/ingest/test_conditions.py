"""HUD's conditional-rule text becomes SQL that DuckDB evaluates the way the rule reads."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.ingest.conditions import Unsupported, to_sql
from pipelines.ingest.rulebook import conditionals, foreign_keys, severity_of


def _holds(condition: str, row: dict[str, str | None]) -> bool:
    sql = to_sql(condition, lambda ref: f'"{ref}"')
    columns = ", ".join(f'{"NULL" if v is None else repr(v)}::VARCHAR AS "{k}"' for k, v in row.items())
    return duckdb.connect().execute(f"SELECT coalesce({sql}, FALSE) FROM (SELECT {columns})").fetchone()[0]


@pytest.mark.parametrize(
    ("condition", "row", "expected"),
    [
        ("Destination = 435", {"Destination": "435"}, True),
        ("Destination = 435", {"Destination": "17"}, False),
        ("RecordType in c(151, 152)", {"RecordType": "152"}, True),
        ("R16.1 = 1 or R16.2 = 1", {"R16.1": "0", "R16.2": "1"}, True),
        ("DisabilityType = 8 AND DisabilityResponse = 1", {"DisabilityType": "8", "DisabilityResponse": "0"}, False),
        (
            "(RecordType = 144 and TypeProvided = 6) Or (RecordType = 210 and TypeProvided = 12)",
            {"RecordType": "210", "TypeProvided": "12"},
            True,
        ),
        ("W4.A is not null", {"W4.A": None}, False),
        ("ReferralResult is not null", {"ReferralResult": "1"}, True),
    ],
)
def test_condition_reads_as_hud_wrote_it(condition, row, expected):
    assert _holds(condition, row) is expected


@pytest.mark.parametrize(
    "condition", ["R18.1 = 1 AND Integer >0", "AftercareDate between list(ExitDate, ExitDate + 180)"]
)
def test_wording_the_parser_cannot_read_is_refused_not_guessed(condition):
    with pytest.raises(Unsupported):
        to_sql(condition, lambda ref: f'"{ref}"')


def test_rule_sheet_gives_conditionals_keys_and_severities():
    rules = {(r.file, r.column): r for r in conditionals()}
    assert rules[("Exit", "OtherDestination")].condition == "Destination = 17"
    assert rules[("CEParticipation", "CrisisAssessment")].kind == "required_if"
    keys = {(k.file, k.column): k for k in foreign_keys()}
    assert keys[("Enrollment", "PersonalID")].parent == "Client"
    assert keys[("Inventory", "CoCCode")].same_project
    assert severity_of("Client", "PersonalID", "Duplicate UniqueID") == "error"
    assert severity_of("Client", "FirstName", "String Length Limit Exceeded") == "warning"
