"""One DQ warehouse per session: the generator's tiny preset in both CSV versions, ingested for real
and built with dbt (identity and DQ models plus everything upstream), with the manifests to check it.

FY2026 exports keep their source ids (``ok-500``, ``ok-507``, ``kvh-ssvf``); FY2024 exports are a
different population (seed 7) loaded as ``<source>-fy2024``, so identity must not link the two.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from pipelines.config import Settings
from pipelines.ingest import ingest_paths
from pipelines.synth import generate
from pipelines.warehouse.publish import WORKING_DATABASE

from .dq_build import DqBuild, build_dq
from .manifest_truth import load_manifest

VERSIONS = {"fy2026": (42, ""), "fy2024": (7, "-fy2024")}


@dataclass(frozen=True)
class DqWorld:
    build: DqBuild
    manifests: dict[str, dict]  # csv version -> manifest, source ids as loaded
    ingest_db: Path

    def connect(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.build.database), read_only=True)

    def sources(self, csv_version: str) -> set[str]:
        return {source["source_id"] for source in self.manifests[csv_version]["sources"]}


def _renamed(manifest: dict, suffix: str) -> dict:
    """The manifest with source ids as ingested (suffix added)."""
    if not suffix:
        return manifest

    def rename(item: dict) -> dict:
        return {**item, "source_id": item["source_id"] + suffix} if "source_id" in item else item

    return {
        **manifest,
        "sources": [rename(s) for s in manifest["sources"]],
        "defects": [rename(d) for d in manifest["defects"]],
        "identities": [{**i, "records": [rename(r) for r in i["records"]]} for i in manifest["identities"]],
        "identity_matchable": [{**p, "a": rename(p["a"]), "b": rename(p["b"])} for p in manifest["identity_matchable"]],
    }


@pytest.fixture(scope="session")
def dq_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DqWorld]:
    root = tmp_path_factory.mktemp("dq_world")
    settings = Settings(home=root / "home").ensure()
    manifests = {}
    for version, (seed, suffix) in VERSIONS.items():
        out = root / "synth" / version
        result = generate(out, preset="tiny", seed=seed, csv_version=version)
        for delivery in result.zips:
            loaded = ingest_paths([delivery], source=delivery.parent.name + suffix, settings=settings)
            assert [r.status for r in loaded] == ["loaded"], loaded
        manifests[version] = _renamed(load_manifest(result.manifest_path), suffix)
    build = build_dq(settings.build_dir / WORKING_DATABASE, settings.ingest_db, root / "dbt")
    yield DqWorld(build=build, manifests=manifests, ingest_db=settings.ingest_db)


@pytest.fixture()
def dq_con(dq_world: DqWorld) -> Iterator[duckdb.DuckDBPyConnection]:
    con = dq_world.connect()
    try:
        yield con
    finally:
        con.close()


def catalogue_rows() -> list[dict[str, str]]:
    import csv

    path = Path(__file__).resolve().parents[2] / "seeds" / "dq" / "dq_check_definitions.csv"
    with path.open(newline="") as f:
        return list(csv.DictReader(f))
