"""Identity resolution scored against the generator manifest: pairwise precision and recall.

A predicted link is two client records (source_id, personal_id) given the same client_id; a true link
is two records the manifest's ``identities`` name as one person. Recall counts only the pairs the
manifest marks ``matchable`` (they agree on 2 of 3 of valid SSN, normalised name, DOB).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import duckdb

Record = tuple[str, str]


@dataclass(frozen=True)
class IdentityScore:
    predicted_links: int
    true_predicted_links: int
    matchable_links: int
    found_matchable_links: int
    false_links: tuple[tuple[Record, Record], ...]
    missed_links: tuple[tuple[Record, Record], ...]

    @property
    def precision(self) -> float:
        return self.true_predicted_links / self.predicted_links if self.predicted_links else 1.0

    @property
    def recall(self) -> float:
        return self.found_matchable_links / self.matchable_links if self.matchable_links else 1.0


def _pair(a: Record, b: Record) -> tuple[Record, Record]:
    return (a, b) if a <= b else (b, a)


def score_identity(manifest: dict, con: duckdb.DuckDBPyConnection) -> IdentityScore:
    person_of: dict[Record, str] = {}
    for identity in manifest["identities"]:
        for record in identity["records"]:
            person_of[(record["source_id"], str(record["personal_id"]))] = identity["person_key"]
    members: dict[str, list[Record]] = defaultdict(list)
    for source, personal_id, client_id in con.execute(
        "select source_id, personal_id, client_id from intermediate.int_client_identity"
    ).fetchall():
        members[client_id].append((source, personal_id))
    predicted = {_pair(a, b) for records in members.values() for a, b in combinations(sorted(records), 2)}
    true_predicted = {p for p in predicted if p[0] in person_of and person_of[p[0]] == person_of.get(p[1])}
    client_of = {record: client for client, records in members.items() for record in records}
    matchable = {
        _pair((p["a"]["source_id"], str(p["a"]["personal_id"])), (p["b"]["source_id"], str(p["b"]["personal_id"])))
        for p in manifest["identity_matchable"]
        if p["matchable"]
    }
    found = {p for p in matchable if p[0] in client_of and client_of.get(p[0]) == client_of.get(p[1])}
    return IdentityScore(
        predicted_links=len(predicted),
        true_predicted_links=len(true_predicted),
        matchable_links=len(matchable),
        found_matchable_links=len(found),
        false_links=tuple(sorted(predicted - true_predicted)),
        missed_links=tuple(sorted(matchable - found)),
    )
