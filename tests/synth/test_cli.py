"""`waypoint synth` writes the exports and says what it wrote; bad options fail in one line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipelines.cli.main import cli


def test_synth_command_writes_zips_and_manifest(tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "synth",
            "--preset",
            "tiny",
            "--clients",
            "120",
            "--years",
            "1",
            "--seed",
            "3",
            "--csv-version",
            "fy2024",
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "ok-500" in result.output and "Enrollment" in result.output and "manifest" in result.output
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["options"]["csv_version"] == "fy2024" and manifest["options"]["clients"] == 120
    for source in manifest["sources"]:
        assert (tmp_path / source["zip"]).is_file()


def test_synth_command_reports_bad_options_without_a_stack_trace(tmp_path):
    result = CliRunner().invoke(cli, ["synth", "--preset", "tiny", "--years", "40", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "error: --years must be between 1 and 10" in result.output
    assert "Traceback" not in result.output


def test_synth_writes_vendor_quirks_and_names_them_in_the_manifest(tmp_path):
    import zipfile

    args = ["synth", "--preset", "tiny", "--clients", "40", "--years", "1", "--out", str(tmp_path)]
    result = CliRunner().invoke(cli, [*args, "--quirk", "folder", "--quirk", "version-mislabel"])
    assert result.exit_code == 0, result.output
    assert "quirks: folder, version-mislabel" in result.output
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert set(manifest["quirks"]) == {"folder", "version-mislabel"}
    path = tmp_path / manifest["sources"][0]["zip"]
    with zipfile.ZipFile(path) as zf:
        assert all(name.startswith(f"{path.stem}/") for name in zf.namelist())
        assert "2024 v1.4" in zf.read(f"{path.stem}/Export.csv").decode()
