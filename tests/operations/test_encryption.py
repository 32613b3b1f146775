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
        assert hashlib.sha256(plain.read()).hexdigest() == archived.stem == hashlib.sha256(
            delivery.read_bytes()
        ).hexdigest()

    missing = _error_line(_run(home, "ingest", "--no-expectations", str(delivery)))
    assert "is encrypted" in missing and "WAYPOINT_KEY_FILE" in missing
    assert _run(home, "key", "new", str(new_file)).exit_code == 0
    wrong = _error_line(_run(home, "ingest", "--no-expectations", str(delivery), key_file=new_file))
    assert "is not the key of" in wrong
    inside = _error_line(_run(home, "ingest", "--no-expectations", str(delivery), key_file=home / "k"))
    assert "inside WAYPOINT_HOME" in inside

    rotated = _run(home, "key", "rotate", "--new-key-file", str(new_file), key_file=old_file)
    assert rotated.exit_code == 0 and "1 archive files now under key id" in rotated.output, rotated.output
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
    assert f"2 under key id {new.key_hex}" in status.output and "not encrypted yet" in status.output
