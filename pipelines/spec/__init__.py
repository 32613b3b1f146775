"""The HUD HMIS CSV specification as data: files, columns, types and code lists."""

from pipelines.spec.loader import SPEC_DIR, load_spec
from pipelines.spec.model import (
    ALL_FILES,
    CSV_VERSIONS,
    FILE_ORDER,
    FILES_BY_VERSION,
    LEGACY_VERSIONS,
    READ_VERSIONS,
    Column,
    FileSpec,
    HmisSpec,
    shape_of,
)

__all__ = [
    "ALL_FILES",
    "CSV_VERSIONS",
    "FILES_BY_VERSION",
    "FILE_ORDER",
    "LEGACY_VERSIONS",
    "READ_VERSIONS",
    "SPEC_DIR",
    "Column",
    "FileSpec",
    "HmisSpec",
    "load_spec",
    "shape_of",
]
