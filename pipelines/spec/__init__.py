"""The HUD HMIS CSV specification as data: files, columns, types and code lists."""

from pipelines.spec.loader import SPEC_DIR, load_spec
from pipelines.spec.model import CSV_VERSIONS, FILE_ORDER, Column, FileSpec, HmisSpec

__all__ = ["CSV_VERSIONS", "FILE_ORDER", "SPEC_DIR", "Column", "FileSpec", "HmisSpec", "load_spec"]
