"""Issue 16.1: the archived exports are encrypted at rest under a master key kept outside WAYPOINT_HOME.

Real AES-GCM files, a real ingest and a real rotation: without the key the archive copy shows no client data
and cannot be opened, a missing or wrong key is one line, and rotation keeps every byte.
"""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from click.testing import CliRunner

from pipelines.cli.main import cli
from pipelines.security import envelope
from pipelines.security.keys import KeyProblem, new_key_text, parse_key

from .world import export_zip, no_traceback, repacked


def _key(name: str = "k"):
    return parse_key(new_key_text(), name)


def _run(home, *args: str, key_file=None):
    env = {"WAYPOINT_HOME": str(home), "WAYPOINT_KEY_FILE": str(key_file) if key_file else None, "WAYPOINT_KEY": None}
    return CliRunner().invoke(cli, list(args), env=env)


def _error_line(result) -> str:
    lines = [line for line in (result.stderr or result.output).splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines) == 1 and no_traceback(result.output), result.output
    return lines[0]


@pytest.mark.parametrize("size", [0, 1, 6, 7, 8, 50])
def test_envelope_round_trip_and_random_access(tmp_path, size):
    key, plain = _key(), os.urandom(size)
    src, dest = tmp_path / "plain", tmp_path / "sealed"
    src.write_bytes(plain)
    with envelope.EncryptingWriter(open(dest, "wb"), key, chunk_size=7) as out:
        out.write(plain)
    sealed = dest.read_bytes()
    assert sealed.startswith(envelope.MAGIC) and (size < 6 or plain[:6] not in sealed[envelope.HEADER_LEN :])
    with envelope.open_plain(dest, key) as whole:
        assert whole.read() == plain
    raw = envelope.DecryptingReader(dest, [key])
    assert raw.length == size
    with io.BufferedReader(raw, buffer_size=3) as reader:
        for start in [*range(0, size, 5), *range(size - 1, -1, -4)]:  # zipfile jumps around
            reader.seek(start)
            assert reader.read(9) == plain[start : start + 9]


def test_tampered_cut_or_foreign_files_are_refused_in_one_line(tmp_path):
    key, other = _key(), _key()
    src, dest = tmp_path / "plain", tmp_path / "sealed"
    src.write_bytes(os.urandom(3 * envelope.CHUNK + 10))
    envelope.encrypt_copy(src, dest, key)
    with pytest.raises(KeyProblem, match=r"encrypted under key id \w+, not the configured key"):
        envelope.open_plain(dest, other)
    with pytest.raises(KeyProblem, match="no key is set"):
        envelope.open_plain(dest, None)
    sealed = bytearray(dest.read_bytes())
    sealed[envelope.HEADER_LEN + envelope.CHUNK + 40] ^= 1  # one bit of the second chunk
    dest.write_bytes(sealed)
    with pytest.raises(envelope.Damaged, match="chunk 2 of 4"):
        envelope.open_plain(dest, key).read()
    envelope.encrypt_copy(src, dest, key)
    with open(dest, "r+b") as handle:  # cut off after whole chunks: the new last chunk was not sealed as last
        handle.truncate(envelope.HEADER_LEN + 3 * (envelope.CHUNK + 16))
    with pytest.raises(envelope.Damaged, match="damaged or cut off"):
        envelope.open_plain(dest, key).read()


def test_ingest_encrypts_the_archive_and_rotation_keeps_every_byte(tmp_path):
    home, keys = tmp_path / "home", tmp_path / "keys"
    delivery = export_zip(tmp_path / "landing", exit_before_entry=False)
    old_file, new_file = keys / "old.key", keys / "new.key"
    assert _run(home, "key", "new", str(old_file)).exit_code == 0
    assert oct(old_file.stat().st_mode & 0o777) == "0o600"

    done = _run(home, "ingest", "--no-expectations", str(delivery), key_file=old_file)
    assert done.exit_code == 0, done.output
    (archived,) = (home / "archive").glob("*.zip")
    sealed = archived.read_bytes()
    assert sealed.startswith(envelope.MAGIC) and b"PK\x03\x04" not in sealed and b"Export.csv" not in sealed
    old = parse_key(old_file.read_text(), "old")
    with envelope.open_plain(archived, old) as plain:
        assert (
            hashlib.sha256(plain.read()).hexdigest()
            == archived.stem
            == hashlib.sha256(delivery.read_bytes()).hexdigest()
        )

    missing = _error_line(_run(home, "ingest", "--no-expectations", str(delivery)))
    assert "is encrypted" in missing and "WAYPOINT_KEY_FILE" in missing
    assert _run(home, "key", "new", str(new_file)).exit_code == 0
    wrong = _error_line(_run(home, "ingest", "--no-expectations", str(delivery), key_file=new_file))
    assert "is not the key of" in wrong
    inside = _error_line(_run(home, "ingest", "--no-expectations", str(delivery), key_file=home / "k"))
    assert "inside WAYPOINT_HOME" in inside

    rotated = _run(home, "key", "rotate", "--new-key-file", str(new_file), key_file=old_file)
    said = rotated.output
    assert rotated.exit_code == 0 and "1 archive files and 1 databases now under key id" in said, said
    new = parse_key(new_file.read_text(), "new")
    with pytest.raises(KeyProblem):
        envelope.open_plain(archived, old)
    with envelope.open_plain(archived, new) as plain:
        assert hashlib.sha256(plain.read()).hexdigest() == archived.stem
    assert "is not the key of" in _error_line(_run(home, "ingest", str(delivery), key_file=old_file))
    other = repacked(delivery, delivery.parent / "repacked.zip")  # new bytes, same content: archived and read anew
    again = _run(home, "ingest", "--no-expectations", str(other), key_file=new_file)
    assert again.exit_code == 0 and "duplicate" in again.output, again.output
    status = _run(home, "key", "status", key_file=new_file)
    assert f"2 under key id {new.key_hex}" in status.output and "databases: 1 under the configured key" in status.output


def test_unpacked_csvs_are_encrypted_on_disk_and_load_the_same_rows(tmp_path):
    import duckdb

    from pipelines.ingest.reader import load_text_file
    from pipelines.ingest.textfile import prepare
    from pipelines.ingest.unpack import Member, unpack
    from pipelines.security.workfiles import open_write

    key = _key()
    delivery = export_zip(tmp_path / "landing")
    work = tmp_path / "work"
    work.mkdir()
    members, _ = unpack(delivery, work, key=key)
    client = members["Client"]
    assert client.path.read_bytes().startswith(envelope.MAGIC) and b"PersonalID" not in client.path.read_bytes()
    odd = work / "Odd.csv"  # Windows-1252 and a ragged row: the transcoding and row-by-row paths, encrypted too
    with open_write(odd, key) as out:
        out.write("A,B\r\n1,caf\xe9\r\n2,x,y\r\n3,z\r\n".encode("cp1252"))
    con = duckdb.connect()
    for name, member in (("client", client), ("odd", Member("Odd", "Odd.csv", odd, False, None, key))):
        text, _ = prepare(member)
        findings = load_text_file(con, text, name)
        assert member.path.read_bytes().startswith(envelope.MAGIC)
        if name == "odd":
            assert [f.rule_id for f in findings] == ["format.irregular", "format.ragged_row"]
            assert con.sql("SELECT c1, c2 FROM odd ORDER BY rowid").fetchall() == [
                ("1", "café"),
                ("2", "x"),
                ("3", "z"),
            ]
    plain_work = tmp_path / "plain"
    plain_work.mkdir()
    plain, _ = unpack(delivery, plain_work)
    text, _ = prepare(plain["Client"])
    load_text_file(con, text, "client_plain")
    assert con.sql("SELECT * FROM client EXCEPT ALL SELECT * FROM client_plain").fetchall() == []
    counts = con.execute("SELECT (SELECT count(*) FROM client), (SELECT count(*) FROM client_plain)").fetchall()
    assert counts == [(3, 3)]
    assert not list(work.glob("*.pipe")), "the named pipes are removed"


def test_key_encrypt_turns_encryption_on_for_an_existing_home(tmp_path):
    home, key_file = tmp_path / "home", tmp_path / "keys" / "master.key"
    delivery = export_zip(tmp_path / "landing", exit_before_entry=False)
    assert _run(home, "ingest", "--no-expectations", str(delivery)).exit_code == 0
    (archived,) = (home / "archive").glob("*.zip")
    assert archived.read_bytes().startswith(b"PK") and not (home / "encryption.json").exists()
    assert _run(home, "key", "new", str(key_file)).exit_code == 0
    done = _run(home, "key", "encrypt", key_file=key_file)
    assert done.exit_code == 0 and "encrypted 1 archive files" in done.output, done.output
    key = parse_key(key_file.read_text(), "k")
    assert archived.read_bytes().startswith(envelope.MAGIC) and (home / "encryption.json").exists()
    with envelope.open_plain(archived, key) as plain:
        assert plain.read() == delivery.read_bytes()
    assert "no key is set" in _error_line(_run(home, "key", "encrypt"))


def test_an_interrupted_rotation_is_finished_by_running_it_again(tmp_path, monkeypatch):
    from pipelines.config import Settings
    from pipelines.security.keys import active_key, record, recorded_id
    from pipelines.security.rotation import key_ids, rotate

    settings = Settings(home=tmp_path / "home").ensure()
    old_text, new_text = new_key_text(), new_key_text()
    old, new = parse_key(old_text, "old"), parse_key(new_text, "new")
    contents = {}
    for name in ("a", "b", "c"):
        contents[name] = os.urandom(3000)
        (tmp_path / name).write_bytes(contents[name])
        envelope.encrypt_copy(tmp_path / name, settings.archive / f"{name}.zip", old)
    record(settings.home, old)
    envelope.rewrap(settings.archive / "a.zip", [old], new)  # killed after the first file
    monkeypatch.setenv("WAYPOINT_KEY", old_text)
    monkeypatch.delenv("WAYPOINT_KEY_FILE", raising=False)
    assert key_ids(settings) == {old.key_hex: 2, new.key_hex: 1}
    done = rotate(settings, new)
    assert (done.changed, done.unchanged) == (2, 1) and recorded_id(settings.home) == new.key_hex
    for name, content in contents.items():
        with envelope.open_plain(settings.archive / f"{name}.zip", new) as plain:
            assert plain.read() == content
    assert not list(settings.archive.glob(".incoming-*"))
    with pytest.raises(KeyProblem, match="is not the key of"):
        active_key(settings.home)
    monkeypatch.setenv("WAYPOINT_KEY", new_text)
    assert active_key(settings.home).secret == new.secret
