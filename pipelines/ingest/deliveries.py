"""What counts as one delivery: a zip, or an unzipped export folder; and which source it came from."""

from __future__ import annotations

from pathlib import Path

_SKIP_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial")


def is_export_folder(path: Path) -> bool:
    """A folder holding Export.csv at its top or one folder down (any case)."""
    if not path.is_dir():
        return False
    for child in path.iterdir():
        if child.name.lower() == "export.csv":
            return True
        if child.is_dir() and not child.is_symlink() and any(c.name.lower() == "export.csv" for c in child.iterdir()):
            return True
    return False


def _candidate(path: Path) -> bool:
    name = path.name
    return not name.startswith((".", "~")) and not name.lower().endswith(_SKIP_SUFFIXES)


def find_deliveries(path: Path) -> list[Path]:
    """Expand a path given by a user or found in landing into deliveries, in name order.

    A file is a delivery whatever its name (a non-zip is archived and rejected with a finding); a folder
    is either an export folder or a folder of deliveries (one level).
    """
    if path.is_file():
        return [path]
    if is_export_folder(path):
        return [path]
    if not path.is_dir():
        return []
    found = []
    for child in sorted(path.iterdir()):
        if not _candidate(child) or child.is_symlink():
            continue
        if child.is_file() or is_export_folder(child):
            found.append(child)
    return found


def source_of(delivery: Path) -> str:
    """The landing folder name above a delivery is its source id."""
    return delivery.resolve().parent.name
