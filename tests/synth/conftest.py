"""Tiny synthetic exports (both CSV versions) generated once per test session, loaded into DuckDB.

Every table is read with all_varchar, so the tests see exactly the text an ingesting system sees.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from pipelines.spec import HmisSpec, load_spec
from pipelines.synth import generate


@dataclass
class Export:
    """One generated run: its folder, manifest, spec and a DuckDB connection with a table per file."""

    out_dir: Path
    manifest: dict
    spec: HmisSpec
    con: duckdb.DuckDBPyConnection
    zips: dict[str, Path]

    def rows(self, sql: str) -> list[tuple]:
        return self.con.execute(sql).fetchall()

    def scalar(self, sql: str):
        return self.con.execute(sql).fetchone()[0]

    def defects(self, kind: str) -> set[tuple[str, str]]:
        return {(d["source_id"], d["record_id"]) for d in self.manifest["defects"] if d["defect"] == kind}


def load(out_dir: Path, version: str) -> Export:
    manifest = json.loads((out_dir / "manifest.json").read_text())
    spec = load_spec(version)
    con = duckdb.connect()
    zips = {}
    for source in manifest["sources"]:
        path = out_dir / source["zip"]
        zips[source["source_id"]] = path
        folder = out_dir / "_unzipped" / source["source_id"]
        with zipfile.ZipFile(path) as archive:
            archive.extractall(folder)
    for name, file_spec in spec.files.items():
        selects = []
        for source in manifest["sources"]:
            csv_path = out_dir / "_unzipped" / source["source_id"] / file_spec.filename
            columns = ", ".join(f"'{c}': 'VARCHAR'" for c in file_spec.column_names)
            selects.append(
                f"select '{source['source_id']}' as _source, * from read_csv('{csv_path}', header=true, "
                f"columns={{{columns}}}, quote='\"', escape='\"', nullstr='')"
            )
        con.execute(f'create table "{name}" as ' + " union all ".join(selects))
    return Export(out_dir, manifest, spec, con, zips)


_CACHE: dict[tuple, Export] = {}


def tiny(tmp_path_factory: pytest.TempPathFactory, version: str = "fy2026", **options) -> Export:
    """A tiny run for these options, generated once per session."""
    key = (version, tuple(sorted(options.items())))
    if key not in _CACHE:
        out = tmp_path_factory.mktemp(f"synth-{version}")
        generate(out, preset="tiny", csv_version=version, **options)
        _CACHE[key] = load(out, version)
    return _CACHE[key]


@pytest.fixture(scope="session", params=["fy2026", "fy2024"])
def export(request, tmp_path_factory) -> Export:
    """The default tiny run, once per CSV version."""
    return tiny(tmp_path_factory, request.param)


@pytest.fixture(scope="session")
def export26(tmp_path_factory) -> Export:
    return tiny(tmp_path_factory, "fy2026")
