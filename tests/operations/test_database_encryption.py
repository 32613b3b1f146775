"""Issue 16.1: the DuckDB databases are encrypted at rest with DuckDB's own encryption when the home has a key.

Real encrypted files (DuckDB 1.5.5 with the packaged httpfs crypto module): without the key a file shows no client
data and cannot be opened, a missing, wrong or superfluous key is one line, and `waypoint key encrypt` / `rotate`
re-encrypt every database keeping every row.
"""

from __future__ import annotations

import os

import duckdb
import pytest
from click.testing import CliRunner

from pipelines.cli.main import cli
from pipelines.security import databases
from pipelines.security.keys import KeyProblem, new_key_text, parse_key

from .world import no_traceback

SECRET = "SSN-987-65-4321-Ada-Lovelace"  # a value that must never be readable in the file's bytes


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.delenv("WAYPOINT_KEY", raising=False)
    monkeypatch.delenv("WAYPOINT_KEY_FILE", raising=False)
    monkeypatch.setenv("WAYPOINT_HOME", str(tmp_path / "home"))
    home = tmp_path / "home"
    previous = os.umask(0o077)  # owner-only, as `waypoint` makes a home (else it warns)
    (home / "warehouse" / "builds").mkdir(parents=True)
    yield home
    os.umask(previous)


def _key_file(tmp_path, name: str):
    path = tmp_path / "keys" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(new_key_text() + "\n")
    path.chmod(0o600)
    return path


def _fill(database, rows: int = 2000) -> None:
    con = databases.connect(database)
    try:
        con.execute("SET force_compression = 'uncompressed'")  # a plain file then holds SECRET as written
        con.execute("create schema staging")
        con.execute(f"create table staging.clients as select i as id, '{SECRET}' || i as ssn from range({rows}) t(i)")
    finally:
        con.close()


def _rows(database) -> list[tuple]:
    con = databases.connect(database, read_only=True)
    try:
        return con.execute("select * from staging.clients order by id").fetchall()
    finally:
        con.close()


def _error_line(home, *args: str, key_file=None) -> str:
    env = {"WAYPOINT_HOME": str(home), "WAYPOINT_KEY_FILE": str(key_file) if key_file else None, "WAYPOINT_KEY": None}
    result = CliRunner().invoke(cli, list(args), env=env)
    lines = [line for line in (result.stderr or result.output).splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines) == 1 and no_traceback(result.output), result.output
    return lines[0]


def test_a_database_is_encrypted_on_disk_and_refused_without_its_key_in_one_line(home, tmp_path, monkeypatch):
    key_file = _key_file(tmp_path, "k1")
    monkeypatch.setenv("WAYPOINT_KEY_FILE", str(key_file))
    ingest_db = home / "warehouse" / "ingest.duckdb"
    _fill(ingest_db)
    assert len(_rows(ingest_db)) == 2000
    assert SECRET.encode() not in ingest_db.read_bytes()
    with pytest.raises(duckdb.Error, match="without a key"):  # DuckDB itself: no key, no data
        duckdb.connect(str(ingest_db), read_only=True)

    monkeypatch.delenv("WAYPOINT_KEY_FILE")
    with pytest.raises(KeyProblem, match=r"is encrypted .* and no key is set"):
        databases.connect(ingest_db)
    assert "no key is set" in _error_line(home, "build")
    other = _key_file(tmp_path, "k2")
    assert "is not the key of" in _error_line(home, "build", key_file=other)
    # the home's record aside, a database opened with another key still says so in one line
    key = databases.derive_database_key(parse_key(new_key_text(), "x"))
    con = duckdb.connect(":memory:")
    with pytest.raises(KeyProblem, match=r"the key set does not open .*ingest\.duckdb"):
        databases.attach(con, ingest_db, "probe", key=key, read_only=True)
    con.close()


def test_databases_from_before_the_key_are_encrypted_by_key_encrypt_and_rotated(home, tmp_path, monkeypatch):
    published = home / "warehouse" / "warehouse.duckdb"
    kept = home / "warehouse" / "builds" / "warehouse-20261207T000000000000.duckdb"
    for database in (published, kept):
        _fill(database, rows=500)  # no key yet: plain files
    before = _rows(published)
    assert SECRET.encode() in published.read_bytes()

    old_file = _key_file(tmp_path, "old")
    monkeypatch.setenv("WAYPOINT_KEY_FILE", str(old_file))
    with pytest.raises(KeyProblem, match="is not encrypted yet while a key is set; run `waypoint key encrypt`"):
        databases.connect(published)
    result = CliRunner().invoke(cli, ["key", "encrypt"])
    assert result.exit_code == 0 and "2 databases under key id" in result.output, result.output
    for database in (published, kept):
        assert SECRET.encode() not in database.read_bytes()
        with pytest.raises(duckdb.Error, match="without a key"):
            duckdb.connect(str(database), read_only=True)
        assert not database.with_name(f".{database.name}.rekey").exists()
    assert _rows(published) == before

    new_file = _key_file(tmp_path, "new")
    databases.rekey(
        kept, databases.database_key(kept), databases.derive_database_key(parse_key(new_file.read_text(), "new"))
    )  # a rotation killed after its first database
    result = CliRunner().invoke(cli, ["key", "rotate", "--new-key-file", str(new_file)])
    assert result.exit_code == 0 and "1 databases now under key id" in result.output, result.output
    assert "(0 and 1 already were)" in result.output
    monkeypatch.setenv("WAYPOINT_KEY_FILE", str(new_file))
    assert _rows(published) == before and len(_rows(kept)) == 500
    status = CliRunner().invoke(cli, ["key", "status"])
    assert "databases: 2 under the configured key" in status.output, status.output
    monkeypatch.setenv("WAYPOINT_KEY_FILE", str(old_file))
    with pytest.raises(KeyProblem, match="finish an interrupted rotation"):
        databases.connect(published)
