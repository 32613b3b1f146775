"""dbt's saved parse is reused only for the project it was made from (dbt's partial parsing fails when a
property entry moves between YAML files, so a changed project is parsed whole)."""

from __future__ import annotations

from pathlib import Path

from pipelines.warehouse import parse_state
from pipelines.warehouse.parse_state import PARSE_STATE


def _small_project(root: Path) -> Path:
    """A project folder with two property files (and a seeds folder beside it), as dbt_project/ is laid out."""
    project = root / "dbt_project"
    (project / "models").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "seeds" / "codes.csv").write_text("code,label\n1,Yes\n")
    (project / "dbt_project.yml").write_text("name: small\n")
    (project / "models" / "_a.yml").write_text("version: 2\nmodels:\n  - name: first\n  - name: second\n")
    (project / "models" / "_b.yml").write_text("version: 2\nmodels:\n  - name: third\n")
    (project / "target").mkdir()
    (project / "target" / PARSE_STATE).write_bytes(b"ignored: dbt's own output")
    return project


def test_the_fingerprint_changes_when_an_entry_moves_between_files_and_ignores_dbt_output(tmp_path: Path):
    project = _small_project(tmp_path)
    before = parse_state.project_fingerprint(project)
    (project / "target" / "manifest.json").write_text("{}")  # dbt's output is not the project
    assert parse_state.project_fingerprint(project) == before
    (project / "models" / "_a.yml").write_text("version: 2\nmodels:\n  - name: first\n")
    (project / "models" / "_b.yml").write_text("version: 2\nmodels:\n  - name: third\n  - name: second\n")
    moved = parse_state.project_fingerprint(project)
    assert moved != before
    (tmp_path / "seeds" / "codes.csv").write_text("code,label\n1,Yes\n0,No\n")
    assert parse_state.project_fingerprint(project) != moved


def test_a_parse_is_kept_and_restored_with_its_stamp_and_a_stale_one_is_never_used(tmp_path: Path):
    target, cache, later = tmp_path / "run1", tmp_path / "cache" / PARSE_STATE, tmp_path / "run2"
    parse_state.begin(target)  # before dbt runs: stamps the parse dbt will write
    (target / PARSE_STATE).write_bytes(b"parse of this project")  # what dbt writes
    parse_state.keep(target, cache)
    assert parse_state.is_current(cache)
    assert parse_state.restore(cache, later)
    assert (later / PARSE_STATE).read_bytes() == b"parse of this project"

    # a parse saved from another version of the project (an upgrade moved YAML entries)
    cache.with_name(cache.name + ".sha256").write_text("0" * 64 + "\n")
    assert not parse_state.is_current(cache)
    fresh = tmp_path / "run3"
    assert not parse_state.restore(cache, fresh)
    assert not (fresh / PARSE_STATE).exists()

    # dbt's own target folder holding a stale parse: deleted before dbt runs, so dbt parses the project whole
    stale = tmp_path / "run4"
    stale.mkdir()
    (stale / PARSE_STATE).write_bytes(b"parse of an older project")
    parse_state.begin(stale)
    assert not (stale / PARSE_STATE).exists()
    assert (stale / (PARSE_STATE + ".sha256")).read_text().strip() == parse_state.project_fingerprint()


def test_an_unstamped_parse_from_an_older_waypoint_is_not_used(tmp_path: Path):
    saved = tmp_path / PARSE_STATE
    saved.write_bytes(b"saved before parses were stamped")
    assert not parse_state.restore(saved, tmp_path / "run")
