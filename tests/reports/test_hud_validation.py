"""One report request fails a HUD rule: the warehouse still publishes, every report is written, the failing one is
marked "failed HUD validation" (warehouse tables, manifest, marker file, CLI, Dagster metadata).

The shared APR world holds FAULT-ES (fixtures/apr/hud_faults.py): an exit recorded before its entry, so the APR
over FAULT-ES breaks HUD's rule that Q22b's lengths fit Q22a1's. Nothing is rebuilt here.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fixtures.apr.apr_world import all_rule_requests, rule_request
from fixtures.apr.built_world import BuiltWorld, built_world
from fixtures.apr.hud_faults import FAILING_RULE

from pipelines.cli.main import cli
from pipelines.defs.reports.assets import hud_validation_metadata
from pipelines.reports.build import write_reports
from pipelines.reports.validation import MARKER_FILE
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR
from pipelines.warehouse.hud_validation import describe

pytestmark = pytest.mark.slow

FAULTY = rule_request("hud_fault", "apr")
SOUND = rule_request("hud_fault", "caper")  # the same project: the CAPER has no Q22b, and passes


def hud_rules(folder: str = "hud_*") -> set[str]:
    """HUD's cross-table rules: the dbt data tests under dbt_project/tests/hud_*/ (or one such folder)."""
    return {path.stem for path in (DBT_PROJECT_DIR / "tests").glob(f"{folder}/*.sql")}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BuiltWorld:
    return built_world(tmp_path_factory)


@pytest.fixture(scope="module")
def written(world: BuiltWorld):
    faulty, sound = write_reports([FAULTY, SOUND], world.settings, requested_by="tests")
    return {"faulty": faulty, "sound": sound}


def test_the_warehouse_publishes_and_only_the_faulty_request_is_marked(world):
    assert world.settings.published_db.exists()
    assert {(f.rule, f.request_id) for f in world.build.hud_failures} == {(FAILING_RULE, FAULTY.request_id)}
    con = world.connect()
    try:
        rules = dict(con.execute("select rule, status from meta.hud_rules_checked").fetchall())
        (stored,) = con.execute(
            f"select count(*) from hud_validation.{FAILING_RULE} where request_id = ?", [FAULTY.request_id]
        ).fetchone()
        marked = con.execute("select distinct request_id from meta.hud_validation_failures").fetchall()
        built = con.execute("select distinct request_id from marts.hud_apr_q05a_report_validations").fetchall()
    finally:
        con.close()
    assert set(rules) == hud_rules() and rules[FAILING_RULE] == "warn"  # every HUD rule checked
    assert {status for rule, status in rules.items() if rule != FAILING_RULE} == {"pass"}
    assert stored > 0
    assert marked == [(FAULTY.request_id,)]  # every other request of the build passed every rule
    assert {request.request_id for request in all_rule_requests()} <= {r for (r,) in built}  # every rule request built


def test_the_failing_report_is_written_and_its_manifest_says_why(written):
    manifest = json.loads(written["faulty"].manifest_path.read_text())
    validation = manifest["hud_validation"]
    assert validation["status"] == "failed" and validation["rules_checked"] == len(hud_rules("hud_apr"))
    (failure,) = validation["failures"]
    assert failure["rule"] == FAILING_RULE and "Q22b" in failure["description"]
    assert failure["failing_rows"] == len(failure["rows"]) > 0
    assert {row["request_id"] for row in failure["rows"]} == {FAULTY.request_id}
    assert written["faulty"].zip_path.exists()  # written all the same, to see what to fix
    marker = (written["faulty"].folder / MARKER_FILE).read_text()
    assert "Do not upload it to Sage" in marker and FAILING_RULE in marker


def test_the_other_report_passes_and_carries_no_mark(written):
    manifest = json.loads(written["sound"].manifest_path.read_text())
    assert manifest["hud_validation"]["status"] == "passed" and manifest["hud_validation"]["failures"] == []
    assert manifest["hud_validation"]["rules_checked"] == len(hud_rules("hud_apr"))  # the rules of APR and CAPER
    assert not (written["sound"].folder / MARKER_FILE).exists()


def test_the_cli_names_the_rule_exits_3_and_lists_the_status(world, written):
    runner = CliRunner(env={"WAYPOINT_HOME": str(world.settings.home)})
    args = ["--projects", "fixture-apr:FAULT-ES", "--start", "2025-01-01", "--end", "2025-12-31", "--no-build"]
    faulty = runner.invoke(cli, ["report", "apr", *args])
    assert faulty.exit_code == 3, faulty.output
    assert "FAILED HUD VALIDATION: do not upload it to Sage" in faulty.output and FAILING_RULE in faulty.output
    sound = runner.invoke(cli, ["report", "caper", *args])
    assert sound.exit_code == 0, sound.output
    listed = runner.invoke(cli, ["report", "list"]).output.splitlines()
    assert any("apr " in line and f"FAILED HUD VALIDATION ({FAILING_RULE})" in line for line in listed)
    assert any("caper " in line and "HUD validation: passed" in line for line in listed)


def test_the_dagster_report_run_names_the_failed_report(written):
    metadata = hud_validation_metadata(list(written.values()))
    assert metadata["failed_hud_validation"] == 1
    assert str(written["faulty"].folder) in metadata["hud_validation"].value
    assert str(written["sound"].folder) not in metadata["hud_validation"].value


def test_a_rule_is_described_by_its_leading_comment():
    assert describe("{#- Q20b's totals (row 6)\n    match. -#}\nselect 1") == "Q20b's totals (row 6) match."
    assert describe("-- SPM 4, 5 and 7: every part\n-- is within its universe.\n{%- set x = 1 %}") == (
        "SPM 4, 5 and 7: every part is within its universe."
    )


def test_every_hud_rule_is_a_dagster_asset_check():
    from pipelines.defs.warehouse.assets import warehouse_dbt

    checks = {key.name: key.asset_key.path[-1] for key in warehouse_dbt.check_keys}
    assert FAILING_RULE in hud_rules() and hud_rules() <= set(checks)
    assert checks[FAILING_RULE] == "hud_apr_q22a1_length_of_participation"  # the first model the rule reads
