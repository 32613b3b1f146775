"""Identity links in the manifest are true: the records exist, agree as declared, and strangers never match."""

from __future__ import annotations

from . import predicates


def _client_keys(export) -> set[tuple[str, str]]:
    return set(export.rows('select _source, PersonalID from "Client"'))


def test_every_linked_record_exists(export):
    clients = _client_keys(export)
    assert export.manifest["identities"], "tiny must contain people known under several records"
    for identity in export.manifest["identities"]:
        assert len(identity["records"]) >= 2
        for record in identity["records"]:
            assert (record["source_id"], record["personal_id"]) in clients


def test_links_span_both_cocs_the_agency_database_and_duplicates(export):
    kinds = set()
    for identity in export.manifest["identities"]:
        sources = [r["source_id"] for r in identity["records"]]
        kinds.add("cross-coc" if {"ok-500", "ok-507"} <= set(sources) else "")
        kinds.add("cross-source" if "kvh-ssvf" in sources and len(set(sources)) > 1 else "")
        kinds.add("within-source" if len(sources) > len(set(sources)) else "")
    assert {"cross-coc", "cross-source", "within-source"} <= kinds


def test_matchable_flags_agree_with_the_data(export):
    matching = {frozenset([(a, b), (c, d)]) for a, b, c, d in predicates.matching_pairs(export, same_source=False)}
    pairs = export.manifest["identity_matchable"]
    assert pairs
    for pair in pairs:
        key = frozenset(
            [(pair["a"]["source_id"], pair["a"]["personal_id"]), (pair["b"]["source_id"], pair["b"]["personal_id"])]
        )
        assert (key in matching) == pair["matchable"], pair
        assert pair["matchable"] == (sum(pair["agree"].values()) >= 2)


def test_at_least_98_percent_of_links_are_matchable(export):
    pairs = export.manifest["identity_matchable"]
    assert sum(p["matchable"] for p in pairs) >= 0.98 * len(pairs)


def test_distinct_people_never_share_two_of_ssn_name_and_dob(export):
    person_of = {}
    for identity in export.manifest["identities"]:
        for record in identity["records"]:
            person_of[(record["source_id"], record["personal_id"])] = identity["person_key"]
    for a_source, a_id, b_source, b_id in predicates.matching_pairs(export, same_source=False):
        a = person_of.get((a_source, a_id), (a_source, a_id))
        b = person_of.get((b_source, b_id), (b_source, b_id))
        assert a == b, f"{a_source}/{a_id} and {b_source}/{b_id} match but are different people"


def test_duplicate_clients_are_also_identity_links(export):
    linked = {(r["source_id"], r["personal_id"]) for i in export.manifest["identities"] for r in i["records"]}
    for d in export.manifest["defects"]:
        if d["defect"] == "duplicate_client":
            assert (d["source_id"], d["record_id"]) in linked
