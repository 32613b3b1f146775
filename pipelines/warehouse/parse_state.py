"""dbt's saved parse of the project (``partial_parse.msgpack``), reused only for the project it was made from.

A full parse of the project costs ~30 s, so builds and checks start from the last run's parse. But dbt's
partial parsing has known bugs when a property entry moves from one YAML file to another (dbt-core #11363,
#6287): it reports the model as described twice and the build fails until the file is deleted, which is what
an upgrade of Waypoint that reorganises its YAML would do to every home. So each saved parse is kept with a
fingerprint of the project's files (``<file>.sha256``) and reused only when every file is byte-identical:
any change to the project means one full parse, never a partial one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR

PARSE_STATE = "partial_parse.msgpack"  # dbt's saved parse of the project, in its target folder
_SKIPPED_FOLDERS = {"target", "logs", "dbt_packages", "__pycache__"}


def project_fingerprint(project_dir: Path = DBT_PROJECT_DIR) -> str:
    """SHA-256 over the path and bytes of every file dbt parses: the project folder and its seeds."""
    digest = hashlib.sha256()
    for root in (project_dir, project_dir.parent / "seeds"):
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not _SKIPPED_FOLDERS.intersection(relative.parts):
                digest.update(f"{root.name}/{relative}\0".encode())
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()


def _stamp(state: Path) -> Path:
    return state.with_name(state.name + ".sha256")


def is_current(state: Path, fingerprint: str | None = None) -> bool:
    """Whether ``state`` exists and was saved from the project as it is now."""
    stamp = _stamp(state)
    if not state.exists() or not stamp.exists():
        return False
    return stamp.read_text().strip() == (fingerprint or project_fingerprint())


def restore(saved: Path, dbt_target: Path) -> bool:
    """Copy a saved parse (and its stamp) into a dbt target folder when it is current; returns whether it was."""
    if not is_current(saved):
        return False
    dbt_target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(saved, dbt_target / PARSE_STATE)
    shutil.copyfile(_stamp(saved), _stamp(dbt_target / PARSE_STATE))
    return True


def start(dbt_target: Path, *saved: Path) -> None:
    """Ready ``dbt_target`` for a dbt run: the first current parse of ``saved`` copied in, and stamped."""
    for candidate in saved:
        if restore(candidate, dbt_target):
            break
    begin(dbt_target)


def begin(dbt_target: Path) -> None:
    """Call right before dbt runs with ``dbt_target`` as its target folder: delete a parse there that was
    saved from another version of the project, and stamp the parse dbt will write with the project's
    fingerprint as it is now (a file edited while dbt runs then makes it stale, never wrongly current)."""
    state = dbt_target / PARSE_STATE
    fingerprint = project_fingerprint()
    if state.exists() and not is_current(state, fingerprint):
        state.unlink()
    dbt_target.mkdir(parents=True, exist_ok=True)
    _stamp(state).write_text(fingerprint + "\n")


def keep(dbt_target: Path, kept: Path) -> None:
    """Save the parse dbt wrote in ``dbt_target`` as ``kept``, with its stamp (each file atomically; a reader
    that meets a new parse beside an old stamp only parses again)."""
    produced = dbt_target / PARSE_STATE
    if not produced.exists() or not _stamp(produced).exists():
        return
    kept.parent.mkdir(parents=True, exist_ok=True)
    for source, target in ((produced, kept), (_stamp(produced), _stamp(kept))):
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
