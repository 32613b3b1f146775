"""The files of a warehouse build, and the one atomic step that publishes one.

DESIGN: "Readers never block or see half a build": a failed build leaves the published warehouse as it
was. A build writes ``builds/building.duckdb``; only a checked build is moved over the published file
with ``os.replace`` (atomic on one filesystem), and a failed one is kept as
``builds/warehouse-<timestamp>.duckdb`` beside its dbt folder. Readers that hold the old file open keep
reading it: the old inode lives until they close it.

The working file's path never changes (one build at a time holds the build lock) and dbt runs in ``builds/``
with paths relative to it (``dbt_cli.dbt_env``), so dbt's profile reads the same in every home, and each build
starts from the previous build's parse of the project (``partial_parse.msgpack`` kept in ``builds/``, and the
checkout's last one for a new home): dbt parses everything again whenever the profile changes (~30 s).
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pipelines.config import Settings
from pipelines.errors import WaypointError
from pipelines.security import databases
from pipelines.warehouse import parse_state
from pipelines.warehouse.dbt_paths import DBT_TARGET_DIR
from pipelines.warehouse.minimise import FULL_DATABASE, write_published_copy

BUILD_PREFIX = "warehouse-"
WORKING_DATABASE = "building.duckdb"
PARSE_STATE = parse_state.PARSE_STATE
# The last parse any home of this checkout saved (gitignored), for a new home's first build.
SHARED_PARSE_STATE = DBT_TARGET_DIR / "build_partial_parse.msgpack"
# dbt's run_results.json of the published build (each model's and test's time: benchmarks/model_time.py), kept in
# builds/ when the build's dbt folder is removed at publishing.
PUBLISHED_RUN_RESULTS = "published_run_results.json"


class BuildBusy(WaypointError):
    """Another warehouse build holds the build lock."""


@dataclass(frozen=True)
class BuildFiles:
    """Where one build writes: the working DuckDB file, its dbt target folder (artifacts and log), and where
    the file is kept if the build fails."""

    build_id: str
    database: Path
    dbt_target: Path
    started: datetime

    @classmethod
    def new(cls, settings: Settings) -> BuildFiles:
        started = datetime.now()
        build_id = BUILD_PREFIX + started.strftime("%Y%m%dT%H%M%S%f")
        return cls(
            build_id=build_id,
            database=settings.build_dir / WORKING_DATABASE,
            dbt_target=settings.build_dir / f"{build_id}.dbt",
            started=started,
        )

    @property
    def log(self) -> Path:
        return self.dbt_target / "dbt.log"

    @property
    def kept_database(self) -> Path:
        return self.database.with_name(f"{self.build_id}.duckdb")

    def _files(self, database: Path) -> tuple[Path, Path]:
        return database, database.with_name(database.name + ".wal")

    def clear_working(self) -> None:
        """Remove what a killed build left in the working file (the build lock is held)."""
        for path in self._files(self.database):
            path.unlink(missing_ok=True)

    def keep_failed(self) -> Path | None:
        """Keep a failed build's file under its build id (prune_builds keeps the newest three)."""
        if not self.database.exists():
            return None
        for working, kept in zip(self._files(self.database), self._files(self.kept_database), strict=True):
            if working.exists():
                os.replace(working, kept)
        return self.kept_database


def restore_parse_state(settings: Settings, files: BuildFiles) -> None:
    """Start dbt from the last build's parse of the project when it was made from the project as it is now
    (``parse_state``): this home's, else the last one any home of this checkout saved (a new home's first
    build). The parse dbt then writes is stamped with the project as it is when the build starts."""
    parse_state.start(files.dbt_target, settings.build_dir / PARSE_STATE, SHARED_PARSE_STATE)


def copy_parse_state(saved: Path, dbt_target: Path) -> None:
    """Start a dbt run in ``dbt_target`` from a saved parse, if it is current (and stamp what dbt writes)."""
    parse_state.start(dbt_target, saved)


def save_parse_state(settings: Settings, files: BuildFiles) -> None:
    """Keep the build's parse of the project in ``builds/`` for the home's next build."""
    parse_state.keep(files.dbt_target, settings.build_dir / PARSE_STATE)


def share_parse_state(files: BuildFiles) -> None:
    """Keep it for the first build of other homes too (only builds whose profile is the same in every home,
    run_dbt_build's; a read-only checkout just keeps none)."""
    with suppress(OSError):
        parse_state.keep(files.dbt_target, SHARED_PARSE_STATE)


@contextmanager
def build_lock(settings: Settings) -> Iterator[None]:
    """One build at a time per Waypoint home (DuckDB allows one writer per file, and builds are heavy)."""
    settings.build_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.build_dir / ".build.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise BuildBusy("another warehouse build is running; try again when it finishes") from err
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def seed_from_published(settings: Settings, files: BuildFiles) -> bool:
    """Start a partial build from a copy of the last published build (models not rebuilt stay as published): the
    private whole copy (minimise.py; SSNs included), else the published file of a home built before it existed."""
    for source in (settings.build_dir / FULL_DATABASE, settings.published_db):
        if source.exists():
            shutil.copyfile(source, files.database)
            return True
    return False


def checkpoint(database: Path) -> None:
    """Fold any write-ahead log into the file so the published file stands alone."""
    con = databases.connect(database)
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    wal = database.with_name(database.name + ".wal")
    if wal.exists():
        raise WaypointError(f"{database} still has a write-ahead log after checkpoint; not publishing it")


def publish(files: BuildFiles, settings: Settings) -> Path:
    """Atomically make the build the published warehouse: a copy without SSN columns is renamed over the published
    file, and the whole build is kept privately as ``builds/full.duckdb`` for partial builds (minimise.py)."""
    target = settings.published_db
    target.parent.mkdir(parents=True, exist_ok=True)
    checkpoint(files.database)
    staged = target.with_name(f".publishing-{target.name}")
    write_published_copy(files.database, staged)  # without SSN columns (minimise.py)
    _fsync(staged)
    os.replace(files.database, settings.build_dir / FULL_DATABASE)  # kept whole, privately, for partial builds
    os.replace(staged, target)
    for folder in {target.parent, settings.build_dir}:
        _fsync_folder(folder)
    run_results = files.dbt_target / "run_results.json"
    if run_results.exists():
        os.replace(run_results, settings.build_dir / PUBLISHED_RUN_RESULTS)
    shutil.rmtree(files.dbt_target, ignore_errors=True)
    return target


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def prune_builds(settings: Settings, keep: int = 3) -> list[Path]:
    """Delete all but the newest ``keep`` leftover builds (failed or killed) with their dbt folders."""
    leftovers = sorted(settings.build_dir.glob(f"{BUILD_PREFIX}*.duckdb"), reverse=True)
    removed = []
    for database in leftovers[keep:]:
        for path in (database, database.with_suffix(".dbt"), database.with_name(database.name + ".wal")):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists():
                path.unlink()
            removed.append(path)
    kept = {d.with_suffix(".dbt") for d in leftovers[:keep]}
    for target in settings.build_dir.glob(f"{BUILD_PREFIX}*.dbt"):
        if target not in kept and not target.with_suffix(".duckdb").exists():
            shutil.rmtree(target, ignore_errors=True)
            removed.append(target)
    return removed
