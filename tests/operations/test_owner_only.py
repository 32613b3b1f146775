"""Issue 16.1: everything under WAYPOINT_HOME is owner-only whatever the umask, checked at start-up."""

from __future__ import annotations

import os
import stat

from pipelines.ops.permissions import loose_paths

from .world import export_zip, in_process, python, waypoint


def _modes(home):
    return {p.relative_to(home).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in home.rglob("*")}


def test_ingest_and_audit_under_umask_022_create_only_owner_only_files(tmp_path):
    home = tmp_path / "home"
    delivery = export_zip(tmp_path / "landing")
    done = waypoint(home, "ingest", "--no-expectations", str(delivery), umask=0o022)
    assert done.returncode == 0, done.stderr
    made = python(
        home,
        "import os; os.umask(0o022)\n"
        "from dashboards.state.audit import AuditLog\nfrom pipelines.config import get_settings\n"
        "AuditLog(get_settings().app_db).record('sign_in', username='admin')",
    )
    assert made.returncode == 0, made.stderr
    modes = _modes(home)
    assert "warehouse/ingest.duckdb" in modes and "warehouse/app.sqlite" in modes
    assert any(name.startswith("archive/") for name in modes)
    loose = {name: f"{mode:04o}" for name, mode in modes.items() if mode & 0o077}
    assert loose == {}
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


def test_start_up_warns_in_one_line_and_waypoint_secure_fixes_it(tmp_path):
    home = tmp_path / "home"
    (home / "warehouse").mkdir(parents=True)
    leaked = home / "warehouse" / "ingest.duckdb"
    leaked.write_bytes(b"names, SSNs")
    os.chmod(leaked, 0o644)
    os.chmod(home / "warehouse", 0o755)

    listed = in_process(home, "findings")
    warnings = [line for line in listed.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "can be read by other accounts" in warnings[0] and "waypoint secure" in warnings[0]

    check = in_process(home, "secure", "--check")
    assert check.exit_code == 1 and "0644" in check.stdout
    fixed = in_process(home, "secure")
    assert fixed.exit_code == 0 and "owner-only" in fixed.stdout
    assert loose_paths(home) == []
    assert stat.S_IMODE(leaked.stat().st_mode) == 0o600
    assert "warning:" not in in_process(home, "findings").stderr


def test_pipeline_health_on_the_administration_page_names_readable_files(tmp_path):
    from dashboards.data.health import pipeline_health
    from pipelines.config import Settings

    settings = Settings(tmp_path / "home").ensure()
    assert not any("other accounts" in p for p in pipeline_health(settings).problems)
    findings = settings.home / "findings.csv"
    findings.write_text("PersonalID,SSN\n")
    os.chmod(findings, 0o644)
    problems = pipeline_health(settings).problems
    assert any("can be read by other accounts" in p and "findings.csv is 0644" in p for p in problems)
