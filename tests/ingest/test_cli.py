"""`waypoint ingest` and `waypoint findings` as an administrator runs them."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from pipelines.cli.main import cli

from . import corpus as c


@pytest.fixture
def run(settings, monkeypatch):
    monkeypatch.setenv("WAYPOINT_HOME", str(settings.home))
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args), catch_exceptions=False)


def test_ingest_prints_status_and_exits_zero_when_loaded(run, base_files, tmp_path):
    delivery = c.zipped(base_files, tmp_path / "ok-500")
    result = run("ingest", str(delivery), "--no-expectations")

    assert result.exit_code == 0, result.output
    assert "LOADED" in result.output and "source ok-500" in result.output and "rows loaded" in result.output


def test_ingest_exits_one_when_an_export_is_rejected(run, base_files, tmp_path):
    good = c.zipped(base_files, tmp_path, name="good.zip")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    result = run("ingest", str(good), str(bad), "--source", "agency", "--no-expectations")

    assert result.exit_code == 1
    assert "REJECTED" in result.output and "1 fatal" in result.output and "LOADED" in result.output


def test_findings_lists_and_exports_them_without_live_formulas(run, base_files, tmp_path):
    c.put(base_files, "Client", "FirstName", '=HYPERLINK("http://x")')
    run("ingest", str(c.zipped(base_files, tmp_path)), "--no-expectations")

    listed = run("findings", "--severity", "warning")
    assert "chars.formula" in listed.output and "[warning]" in listed.output
    out = tmp_path / "findings.csv"
    run("findings", "--csv", str(out))
    rows = list(csv.DictReader(out.open()))
    formula = [r for r in rows if r["rule_id"] == "chars.formula"]
    assert formula and formula[0]["value"].startswith("'=")


def test_missing_path_is_a_plain_error(run, tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nope.zip")])
    assert result.exit_code == 2 and "Traceback" not in result.output
