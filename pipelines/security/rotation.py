"""Turning encryption on for an existing home, and rotating the master key, one file at a time and atomically.

Each archive copy is rewritten aside and renamed, and each DuckDB database copied into a new file under the new
key (COPY FROM DATABASE) and renamed, so a killed run leaves every file whole and under either key; running the
same command again finishes the rest (files already done are skipped). The home records the new key id only when
every file is under it. Both run under the writer lock, so no ingest or build runs meanwhile (dashboards keep
reading the published file they opened).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipelines.config import Settings
from pipelines.ops.locks import writer_lock
from pipelines.security.databases import rekey_home
from pipelines.security.envelope import HEADER_LEN, MAGIC, encrypt_in_place, is_encrypted, rewrap
from pipelines.security.keys import KeyProblem, MasterKey, active_key, configured_key, record, recorded_id


@dataclass(frozen=True)
class Done:
    changed: int
    unchanged: int
    key_id: str
    databases_changed: int = 0
    databases_unchanged: int = 0


def archive_files(settings: Settings) -> list[Path]:
    """The archived deliveries (temporary ``.incoming-``/``.packing-`` files excluded)."""
    folder = settings.archive
    return sorted(p for p in folder.glob("*.zip") if not p.name.startswith(".")) if folder.exists() else []


def key_ids(settings: Settings) -> Counter[str]:
    """How many archive files are under each key id ('plain' for files from before encryption)."""
    counts: Counter[str] = Counter()
    for path in archive_files(settings):
        with open(path, "rb") as handle:
            header = handle.read(HEADER_LEN)
        counts[header[8:16].hex() if header.startswith(MAGIC) else "plain"] += 1
    return counts


def encrypt_existing(settings: Settings) -> Done:
    """Encrypt the plain archive files of a home under its configured key."""
    key = active_key(settings.home)
    if key is None:
        raise KeyProblem("no key is set; set WAYPOINT_KEY_FILE to a key file (make one with `waypoint key new FILE`)")
    changed = unchanged = 0
    with writer_lock(settings.ingest_db, "key encryption"):
        for path in archive_files(settings):
            if encrypt_in_place(path, key):
                changed += 1
            else:
                unchanged += 1
        databases = rekey_home(settings.home, None, key)
    return Done(changed, unchanged, key.key_hex, *databases)


def rotate(settings: Settings, new: MasterKey) -> Done:
    """Put every archive file under ``new`` (plain ones encrypted), then record ``new`` as the home's key."""
    old = configured_key(settings.home)
    expected = recorded_id(settings.home)
    if old is None:
        raise KeyProblem("set WAYPOINT_KEY_FILE (or WAYPOINT_KEY) to the current key before rotating")
    if expected is not None and old.key_hex not in (expected, new.key_hex):
        active_key(settings.home)  # raises the one-line "wrong key" message
    if old.key_hex == new.key_hex == expected:
        raise KeyProblem(f"the new key is the current key (key id {new.key_hex}); make another one")
    changed = unchanged = 0
    with writer_lock(settings.ingest_db, "key rotation"):
        for path in archive_files(settings):
            done = rewrap(path, [old, new], new) if is_encrypted(path) else encrypt_in_place(path, new)
            changed, unchanged = changed + done, unchanged + (not done)
        databases = rekey_home(settings.home, old, new)  # each copied under the new key, then renamed
        record(settings.home, new)
    return Done(changed, unchanged, new.key_hex, *databases)
