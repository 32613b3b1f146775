"""Identity resolution against the generator's ground truth: precision 1.0, recall >= 0.98."""

from __future__ import annotations

import duckdb
import pytest

from .conftest import VERSIONS, DqWorld
from .identity_truth import score_identity


def _combined(dq_world: DqWorld) -> dict:
    manifests = dq_world.manifests.values()
    return {
        "identities": [i for m in manifests for i in m["identities"]],
        "identity_matchable": [p for m in manifests for p in m["identity_matchable"]],
    }


@pytest.mark.parametrize("csv_version", list(VERSIONS))
def test_identity_links_people_the_manifest_links(
    dq_world: DqWorld, dq_con: duckdb.DuckDBPyConnection, csv_version: str
) -> None:
    manifest = dq_world.manifests[csv_version]
    assert manifest["identity_matchable"], "the tiny preset has people in several sources"
    score = score_identity(manifest, dq_con)
    assert score.recall >= 0.98, score.missed_links


def test_identity_precision_is_exact_and_recall_at_least_98_percent(
    dq_world: DqWorld, dq_con: duckdb.DuckDBPyConnection
) -> None:
    """Both CSV versions at once: two different populations, so any link between them is false."""
    score = score_identity(_combined(dq_world), dq_con)
    assert score.predicted_links > 0
    assert score.precision == 1.0, score.false_links
    assert score.recall >= 0.98, score.missed_links


def test_every_client_record_has_exactly_one_client_id(dq_con: duckdb.DuckDBPyConnection) -> None:
    clients, identified, distinct_keys = dq_con.execute(
        """
        select
            (select count(*) from staging.stg_hmis__clients),
            (select count(*) from intermediate.int_client_identity),
            (select count(distinct personal_key) from intermediate.int_client_identity)
        """
    ).fetchone()
    assert clients == identified == distinct_keys


def test_duplicate_records_within_a_source_share_a_client_id(
    dq_world: DqWorld, dq_con: duckdb.DuckDBPyConnection
) -> None:
    """The manifest's duplicate_client records carry the client_id of an earlier record of the same source."""
    duplicates = [
        (d["source_id"], str(d["record_id"]))
        for m in dq_world.manifests.values()
        for d in m["defects"]
        if d["defect"] == "duplicate_client"
    ]
    assert duplicates
    for source, personal_id in duplicates:
        (records_in_source,) = dq_con.execute(
            "select client_records_in_source from intermediate.int_client_identity"
            " where source_id = ? and personal_id = ?",
            [source, personal_id],
        ).fetchone()
        assert records_in_source >= 2, (source, personal_id)
