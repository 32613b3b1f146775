"""Great Expectations: suites generated from the spec (written out on request, not committed); a real run flags
business rules, stores findings, fails the asset check and builds Data Docs."""

from __future__ import annotations

import json
import shutil

import dagster as dg
import pytest

from pipelines.config import Settings
from pipelines.definitions import defs
from pipelines.defs.ingest.assets import validation_from_checks
from pipelines.defs.ingest.resources import IngestHome
from pipelines.ingest.gx.suites import REPO_CONTEXT, all_suites, comparable, suite_path, write_suites
from pipelines.ingest.layout import table_name
from pipelines.spec import CSV_VERSIONS, FILE_ORDER
from pipelines.store.validation import validation_of

from . import corpus as c
from .exports import build_files
from .helpers import query


def test_one_suite_per_file_and_version_and_written_suites_read_back_as_generated(tmp_path):
    suites = all_suites()
    assert {suite.name for suite in suites} == {f"{table_name(f)}.{v}" for v in CSV_VERSIONS for f in FILE_ORDER}
    root = tmp_path / "expectations"
    root.mkdir()
    shutil.copyfile(REPO_CONTEXT / "great_expectations.yml", root / "great_expectations.yml")
    written = [s for s in suites if s.name.startswith(("client.", "enrollment."))]
    assert write_suites(root, written) == len(written) and write_suites(root, written) == 0  # unchanged: kept
    for suite in written:
        assert comparable(json.loads(suite_path(root, suite).read_text())) == comparable(suite.to_json_dict())


def test_every_expectation_says_its_severity_and_what_it_means():
    for suite in all_suites():
        for expectation in suite.expectations:
            assert expectation.meta["severity"] in ("error", "warning")
            assert expectation.meta["rule_id"] and expectation.description


@pytest.mark.slow
def test_gx_asset_check_fails_on_an_exit_before_entry_and_the_finding_is_stored(tmp_path):
    files = build_files("fy2026")
    c.put(files, "Enrollment", "EntryDate", "2025-05-01")
    c.put(files, "Exit", "ExitDate", "2025-04-01")
    home = tmp_path / "home"
    c.zipped(files, home / "landing" / "ok-500")

    result = defs.resolve_job_def("ingest_landing").execute_in_process(
        run_config={"ops": {"raw_hmis_tables": {"config": {"expectations": True}}}},
        instance=dg.DagsterInstance.ephemeral(),
        resources={"ingest_home": IngestHome(home=str(home))},
    )

    checks = {e.asset_key.path[-1]: e for e in result.get_asset_check_evaluations()}
    assert not checks["exit"].passed and checks["exit"].severity == dg.AssetCheckSeverity.ERROR
    assert checks["client"].passed
    # the checks and the ingest summary (`waypoint ingest`, `waypoint run`) give one verdict from the findings
    ingest_ids = [i for (i,) in query(Settings(home), "SELECT ingest_id FROM meta.export_registry")]
    validation = validation_of(Settings(home), ingest_ids)
    assert validation_from_checks(result.get_asset_check_evaluations()) == validation
    assert {f: not v.passed for f, v in validation.files.items() if not v.passed} == {"Exit": True}
    assert checks["exit"].metadata["findings_error"].value == validation.file("Exit").findings["error"] == 1
    assert validation.summary() == "validation failed: 1 error; file checks: 1 failed, 0 warned, 23 passed"

    settings = Settings(home)
    rows = query(
        settings,
        "SELECT file, row_number, column_name, severity FROM meta.validation_findings WHERE rule_id = "
        "'business.exit_before_entry'",
    )
    assert rows == [("Exit", 1, "ExitDate", "error")]
    assert query(settings, "SELECT findings_error FROM meta.export_registry") == [(1,)]
    assert checks["exit"].metadata["expectations_evaluated"].value > 0
    docs = home / "gx" / "data_docs" / "index.html"
    assert docs.exists() and "exit.fy2026" in docs.read_text()


def test_large_files_run_only_the_business_expectations_and_still_find_their_rows(settings, tmp_path):
    from pipelines.ingest import ingest_paths
    from pipelines.ingest.gx import run_expectations

    files = build_files("fy2026")
    c.put(files, "Enrollment", "EntryDate", "2025-05-01")
    c.put(files, "Exit", "ExitDate", "2025-04-01")
    broken, clean = ingest_paths(
        [
            c.zipped(files, tmp_path, name="broken.zip"),
            c.zipped(build_files("fy2026", rows=2), tmp_path, name="ok.zip"),
        ],
        settings=settings,
    )

    outcome = run_expectations([broken.ingest_id, clean.ingest_id], settings=settings, full_suite_max_rows=1)

    exits = {f.ingest_id: f for f in outcome.files if f.file == "Exit"}
    assert exits[broken.ingest_id].suite == "exit.fy2026.business" and exits[broken.ingest_id].failed["error"] == 1
    assert exits[clean.ingest_id].success
    checked = {f.file for f in outcome.files if f.ingest_id == broken.ingest_id}
    assert checked == {"Exit", "Client", "Enrollment", "Export"}  # Export has 1 row: its full suite runs
    found = query(settings, "SELECT ingest_id, rule_id FROM meta.validation_findings WHERE file = 'Exit'")
    assert found == [(broken.ingest_id, "business.exit_before_entry")]


def test_gx_and_the_sql_validator_accept_the_same_values_by_the_one_rule_set():
    """Type patterns and code lists come from pipelines.ingest.spec_rules for both: a value one accepts, the other
    accepts, and a suite's regex and value set are the rule set's."""
    import re

    import duckdb

    from pipelines.ingest.gx.suites import build_suite
    from pipelines.ingest.spec_rules import TYPE_RULES, allowed_codes
    from pipelines.spec import load_spec

    samples = ["12", "-3", "1.5", "12.34", "12.345", "2026-01-31", "2026-01-31 08:00:00", "01/31/2026", "x", ""]
    con = duckdb.connect()
    for rule in TYPE_RULES.values():
        for value in samples:
            in_sql = con.execute(f"select regexp_full_match(?, {rule.sql})", [value]).fetchone()[0]
            assert in_sql == bool(re.search(rule.anchored, value)), (rule.rule_id, value)
    con.close()
    suite = build_suite("Exit", "fy2026")
    by_column = {(e.column, type(e).__name__): e for e in suite.expectations if hasattr(e, "column")}
    assert by_column["ExitDate", "ExpectColumnValuesToMatchRegex"].regex == TYPE_RULES["D"].anchored
    destination = load_spec("fy2026").file("Exit").column("Destination")
    in_set = by_column["Destination", "ExpectColumnValuesToBeInSet"].value_set
    assert set(in_set) == allowed_codes(load_spec("fy2026"), destination) and "336" not in in_set  # notes exclude it
