"""Every DuckDB file Waypoint opens, opened here: encrypted with DuckDB's own database encryption when a key is set.

A file is attached to an in-memory connection under its stem (``ingest``, ``warehouse``, ``building``: the
catalog name ``duckdb.connect(file)`` would give it) and made the default catalog, so SQL reads as before. With a
master key configured (``WAYPOINT_KEY_FILE``/``WAYPOINT_KEY``, pipelines/security/keys.py) the attachment carries
``ENCRYPTION_KEY``: the **database key**, derived from the master key with HKDF-SHA256 for this purpose only (the
archive's data keys are random and wrapped by the master key; neither reveals the other). DuckDB writes encrypted
files only through OpenSSL, which its httpfs extension brings: loaded from the ``duckdb-extension-httpfs`` package,
never downloaded. A missing, wrong or superfluous key is one line (KeyProblem), never DuckDB's message alone.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb
import duckdb_extension_httpfs
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pipelines.security.keys import KeyProblem, MasterKey, active_key, configured_key

KEY_VARIABLE = "WAYPOINT_DUCKDB_KEY"  # the derived database key, set only in the environment of dbt's processes
_PURPOSE = b"waypoint duckdb database encryption v1"
_PACKAGED = Path(duckdb_extension_httpfs.__file__).parent / "extensions"
HTTPFS = _PACKAGED / f"v{duckdb.__version__}" / "httpfs.duckdb_extension"


def derive_database_key(master: MasterKey) -> str:
    """The DuckDB ENCRYPTION_KEY for a master key: 64 hex characters (HKDF-SHA256, info names the purpose)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(master.secret).hex()


def home_of(database: Path) -> Path | None:
    """The Waypoint home a database belongs to: ``<home>/warehouse/*.duckdb`` or ``<home>/warehouse/builds/``;
    None for files outside a home (a check's scratch database)."""
    for folder in database.resolve().parents[:2]:
        if folder.name == "warehouse":
            return folder.parent
    return None


def database_key(database: Path, home: Path | None = None) -> str | None:
    """The key ``database`` is (to be) encrypted with, or None when no key is set.

    In a home, the home's key (a home that records a key refuses to go on without it, keys.active_key);
    outside one, the configured key, if any."""
    home = home or home_of(database)
    master = active_key(home) if home is not None else configured_key(database.parent)
    return derive_database_key(master) if master is not None else None


def load_crypto(con: duckdb.DuckDBPyConnection) -> None:
    """Load the packaged httpfs extension (OpenSSL) so DuckDB can write encrypted files; temp files encrypted too."""
    con.execute(f"LOAD '{_sql(str(HTTPFS))}'")
    con.execute("SET temp_file_encryption = true")


def connect(database: Path, *, read_only: bool = False, home: Path | None = None) -> duckdb.DuckDBPyConnection:
    """Open ``database`` (created if missing, unless read-only) as the default catalog of a new connection,
    under the home's key (database_key); unencrypted when no key is set."""
    key = database_key(database, home)
    con = duckdb.connect(":memory:")
    try:
        attach(con, database, alias_of(database), key=key, read_only=read_only)
        con.execute(f"USE {alias_of(database)}")
    except BaseException:
        con.close()
        raise
    return con


def attach(con: duckdb.DuckDBPyConnection, database: Path, alias: str, *, key: str | None, read_only: bool) -> None:
    """ATTACH ``database`` as ``alias``, encrypted with ``key`` (the crypto module loaded first when needed)."""
    options = ["READ_ONLY"] if read_only else []
    if key:
        load_crypto(con)  # a no-op when already loaded
        options.append(f"ENCRYPTION_KEY '{key}'")
    sql = f"ATTACH '{_sql(str(database))}' AS {alias}" + (f" ({', '.join(options)})" if options else "")
    try:
        con.execute(sql)
    except duckdb.Error as err:
        raise _plain(err, database, key) from err


def alias_of(database: Path) -> str:
    """The catalog name duckdb.connect would give the file: its stem, as an identifier."""
    name = re.sub(r"\W", "_", database.name.split(".")[0]) or "db"
    return f'"{name}"'


def _plain(err: duckdb.Error, database: Path, key: str | None) -> Exception:
    said = str(err)
    if "without a key" in said:
        return KeyProblem(
            f"{database} is encrypted and no key is set; set WAYPOINT_KEY_FILE to its key file (or WAYPOINT_KEY)"
        )
    if "Wrong encryption key" in said:
        return KeyProblem(
            f"the key set does not open {database} (it was encrypted under another key); use that key, "
            "or finish an interrupted rotation with `waypoint key rotate`"
        )
    if key and "is not encrypted" in said:
        return KeyProblem(
            f"{database} is not encrypted yet while a key is set; run `waypoint key encrypt` to encrypt it"
        )
    return err


def _sql(text: str) -> str:
    return text.replace("'", "''")


def key_of(database: Path, candidates: list[str]) -> str | None:
    """Which of the database keys ``candidates`` opens ``database``; None when it is not encrypted."""
    con = duckdb.connect(":memory:")
    try:
        for key in [None, *candidates]:
            try:
                attach(con, database, "probe", key=key, read_only=True)
            except KeyProblem:
                continue
            return key
    finally:
        con.close()
    raise KeyProblem(f"neither the current nor the new key opens {database}; restore it from a backup")


def rekey(database: Path, old: str | None, new: str | None) -> None:
    """Copy ``database`` (under ``old``; None: plain) into a new file under ``new``, then rename it over the old
    one: killed half-way, the file is whole under one of the two keys (the copy aside is removed next time)."""
    aside = database.with_name(f".{database.name}.rekey")
    for leftover in (aside, aside.with_name(aside.name + ".wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(":memory:")
    try:
        load_crypto(con)
        if database.with_name(database.name + ".wal").exists():  # fold it in: the log would outlive the rename
            attach(con, database, "source", key=old, read_only=False)
            con.execute("CHECKPOINT source")
            con.execute("DETACH source")
        attach(con, database, "source", key=old, read_only=True)
        attach(con, aside, "target", key=new, read_only=False)
        con.execute("COPY FROM DATABASE source TO target")
        con.execute("DETACH target")
    finally:
        con.close()
    with open(aside, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(aside, database)
    folder = os.open(database.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def home_databases(home: Path) -> list[Path]:
    """Every DuckDB file of a home: ingest.duckdb, the published warehouse, kept and working builds."""
    folder = home / "warehouse"
    found = [*folder.glob("*.duckdb"), *(folder / "builds").glob("*.duckdb")]
    return sorted(p for p in found if not p.name.startswith("."))


def rekey_home(home: Path, old: MasterKey | None, new: MasterKey) -> tuple[int, int]:
    """Put every database of ``home`` under ``new`` (plain ones and ones under ``old``); (changed, unchanged)."""
    target = derive_database_key(new)
    candidates = [target] + ([derive_database_key(old)] if old is not None else [])
    changed = unchanged = 0
    for database in home_databases(home):
        current = key_of(database, candidates)
        if current == target:
            unchanged += 1
            continue
        rekey(database, current, target)
        changed += 1
    return changed, unchanged


def database_states(home: Path, key: MasterKey | None) -> str:
    """For `waypoint key status`: how many databases are plain, under the configured key, or under another."""
    candidates = [derive_database_key(key)] if key is not None else []
    counts = {"plain": 0, "under the configured key": 0, "under another key": 0}
    for database in home_databases(home):
        try:
            which = key_of(database, candidates)
        except KeyProblem:
            counts["under another key"] += 1
            continue
        counts["plain" if which is None else "under the configured key"] += 1
    return ", ".join(f"{n} {what}" for what, n in counts.items() if n) or "none yet"
