"""HUD's cross-table consistency rules after a build: which report requests failed which rule, kept in the warehouse.

DESIGN: "Faults stay where they are": a HUD rule that fails marks the report requests it names, not the
warehouse. The rules are the singular dbt tests under ``dbt_project/tests/hud_apr``, ``hud_spm`` and ``hud_lsa``;
dbt_project.yml gives them severity ``warn`` (so a failure neither stops dbt nor blocks the publish), stores
their failing rows in the schema ``hud_validation`` and tags them ``meta.waypoint_check = hud_report_rule``.
After dbt, this module reads which of them ran and failed (run_results.json, manifest.json), attributes each
failing row to the request it names (a rule whose rows name no request marks every request of its reports),
and writes two tables into the build before it is published:

- ``meta.hud_rules_checked``: one row per rule of the build: rule, description, status, failing rows;
- ``meta.hud_validation_failures``: one row per rule and request that failed it, with the failing rows
  (cells, and the records where the rule names them) as JSON.

Report writing (pipelines/reports/validation.py) reads them to mark each report's manifest.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipelines.reports.registry import reports_checked_by
from pipelines.security import databases

HUD_RULE_TAG = "hud_report_rule"
DETAIL_ROWS = 20  # failing rows kept per rule and request (the full set stays in schema hud_validation)


@dataclass(frozen=True)
class RuleResult:
    """One HUD rule as the build ran it, with its failing rows (empty when it held)."""

    rule: str
    folder: str
    description: str
    status: str  # pass, warn (failed: marks requests), fail/error (a broken rule: the build failed)
    relation: tuple[str, str] | None  # (schema, table) of the stored failing rows

    @property
    def failed(self) -> bool:
        return self.status in {"warn", "fail"}


@dataclass(frozen=True)
class RequestFailure:
    """A report request that failed one HUD rule: the rule and the rows that show it."""

    rule: str
    description: str
    request_id: str | None  # None: the rows name no request (every request of ``reports``)
    reports: tuple[str, ...]
    failing_rows: int
    detail: tuple[dict[str, Any], ...]


def describe(raw_code: str) -> str:
    """A rule's plain-words description: the leading Jinja (``{#- ... -#}``) or ``--`` comment of its SQL."""
    block = re.match(r"\s*\{#-?(.*?)-?#\}", raw_code, re.S)
    if block:
        text = block.group(1)
    else:
        lines = []
        for line in raw_code.strip().splitlines():
            if not line.startswith("--"):
                break
            lines.append(line.removeprefix("--"))
        text = " ".join(lines)
    return " ".join(text.split())


def rule_results(dbt_target: Path) -> list[RuleResult]:
    """The HUD rules dbt ran in a build, from its run_results.json and manifest.json."""
    run_results = dbt_target / "run_results.json"
    manifest_path = dbt_target / "manifest.json"
    if not run_results.exists() or not manifest_path.exists():
        return []
    nodes = json.loads(manifest_path.read_text()).get("nodes", {})
    found = []
    for result in json.loads(run_results.read_text()).get("results", []):
        node = nodes.get(result.get("unique_id", ""), {})
        if (node.get("config", {}).get("meta") or node.get("meta") or {}).get("waypoint_check") != HUD_RULE_TAG:
            continue
        fqn = node.get("fqn", [])
        found.append(
            RuleResult(
                rule=node.get("name", result["unique_id"]),
                folder=fqn[1] if len(fqn) > 2 else "",
                description=describe(node.get("raw_code", "")),
                status=str(result.get("status")),
                relation=_relation(result.get("relation_name") or node.get("relation_name")),
            )
        )
    return found


def _relation(name: str | None) -> tuple[str, str] | None:
    """(schema, table) from dbt's quoted relation name ``"db"."schema"."table"``."""
    if not name:
        return None
    parts = [part.strip('"') for part in name.split(".")]
    return (parts[-2], parts[-1]) if len(parts) >= 2 else None


def request_failures(con: duckdb.DuckDBPyConnection, rules: list[RuleResult]) -> list[RequestFailure]:
    """The failing rows of each failed rule, grouped by the request they name."""
    failures = []
    for rule in rules:
        if not rule.failed or rule.relation is None:
            continue
        schema, table = rule.relation
        frame = con.execute(f'select * from "{schema}"."{table}"').fetchdf()
        rows = json.loads(frame.to_json(orient="records", date_format="iso"))
        by_request: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_request[row.get("request_id")].append(row)
        reports = reports_checked_by(rule.folder)  # for rows that name no request
        for request_id, request_rows in by_request.items():
            failures.append(
                RequestFailure(
                    rule.rule,
                    rule.description,
                    request_id,
                    reports,
                    len(request_rows),
                    tuple(request_rows[:DETAIL_ROWS]),
                )
            )
    return failures


_DDL = """
create schema if not exists meta;
create table if not exists meta.hud_rules_checked (
    build_id varchar, rule varchar, rule_folder varchar, description varchar, status varchar, failing_rows integer
);
create table if not exists meta.hud_validation_failures (
    build_id varchar, rule varchar, description varchar, request_id varchar, reports varchar,
    failing_rows integer, detail varchar
);
"""


def record_hud_validation(database: Path, dbt_target: Path, build_id: str) -> list[RequestFailure]:
    """Write meta.hud_rules_checked and meta.hud_validation_failures into the build file; return the failures.

    A partial build replaces the rows of the rules it ran and keeps the others as published.
    """
    rules = rule_results(dbt_target)
    con = databases.connect(database)
    try:
        con.execute(_DDL)
        failures = request_failures(con, rules)
        ran = [rule.rule for rule in rules]
        con.execute("delete from meta.hud_rules_checked where list_contains(?, rule)", [ran])
        con.execute("delete from meta.hud_validation_failures where list_contains(?, rule)", [ran])
        for rule in rules:
            failing = sum(f.failing_rows for f in failures if f.rule == rule.rule)
            con.execute(
                "insert into meta.hud_rules_checked values (?, ?, ?, ?, ?, ?)",
                [build_id, rule.rule, rule.folder, rule.description, rule.status, failing],
            )
        for failure in failures:
            con.execute(
                "insert into meta.hud_validation_failures values (?, ?, ?, ?, ?, ?, ?)",
                [
                    build_id,
                    failure.rule,
                    failure.description,
                    failure.request_id,
                    ",".join(failure.reports),
                    failure.failing_rows,
                    json.dumps(list(failure.detail), default=str),
                ],
            )
    finally:
        con.close()
    return failures
