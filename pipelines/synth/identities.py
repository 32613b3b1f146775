"""People known under several (source, PersonalID): realistic variation between their records, and
the manifest's identity links with whether each pair of records is matchable on 2 of 3 of
(valid SSN, normalised name, DOB).

Most links differ in at most one of the three (a nickname or typo, a mistyped DOB, an SSN not
collected); about one link in a hundred differs in two and is declared not matchable. Distinct people
never share two of the three: SSNs and names are unique per person, and variants are checked.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth import pii
from pipelines.synth.manifest import Defects
from pipelines.synth.options import Options
from pipelines.synth.rng import stream

_VARY = (("name", 0.12), ("dob", 0.06), ("ssn", 0.06), ("name+dob", 0.008), ("name+ssn", 0.006))


def linked_persons(client: pd.DataFrame) -> np.ndarray:
    counts = client.groupby("_person").size()
    return counts[counts >= 2].index.to_numpy()


def vary(client: pd.DataFrame, enr: pd.DataFrame, options: Options, defects: Defects) -> pd.DataFrame:
    """Change one later record of some linked people; a missing SSN is also a manifest defect."""
    rng = stream(options.seed, "identity-variation")
    client = client.copy()
    linked = linked_persons(client)
    taken_names = set(pii.normalised(client["FirstName"].to_numpy(), client["LastName"].to_numpy()))
    youngest, oldest = _age_bounds(client, enr)
    two_left = int(0.02 * len(linked))  # keeps at least 98 % of links matchable
    positions = client.groupby("_person").indices
    record_sources = client["_source"].to_numpy()
    for person in linked:
        roll = rng.random()
        acc = 0.0
        change = ""
        for name, share in _VARY:
            acc += share
            if roll < acc:
                change = name
                break
        rows = positions[person]
        if "+" in change and len(set(record_sources[rows])) < len(rows):
            change = change.split("+")[0]  # a within-source duplicate stays findable (2 of 3)
        if "+" in change:
            if two_left == 0:
                change = change.split("+")[0]
            two_left -= 1
        if options.defect_scale == 0:  # a clean run: no missing SSN (it would be a data-quality defect)
            change = "+".join(part for part in change.split("+") if part != "ssn")
        if not change:
            continue
        row = client.index[rows[1 + int(rng.integers(len(rows) - 1))]]
        if "dob" in change and not (youngest[row] >= 19 and oldest[row] <= 95):
            change = change.replace("dob", "ssn") if "ssn" not in change else "ssn"
        for part in change.split("+"):
            if part == "name":
                first = client.at[row, "FirstName"]
                for _ in range(5):
                    candidate = pii.nickname(first, rng)
                    key = pii.name_key(candidate, client.at[row, "LastName"])
                    if key not in taken_names:
                        taken_names.add(key)
                        client.at[row, "FirstName"] = candidate
                        break
            elif part == "dob":
                client.at[row, "DOB"] = client.at[row, "DOB"] + int(rng.choice([-3, -2, -1, 1, 2, 3]))
            elif part == "ssn":
                client.at[row, "SSN"] = None
                client.at[row, "SSNDataQuality"] = 99
                defects.add(
                    "ssn_missing",
                    client.at[row, "_source"],
                    "Client",
                    "PersonalID",
                    client.at[row, "PersonalID"],
                    client.at[row, "PersonalID"],
                    "SSN",
                    None,
                    "SSN not collected (SSNDataQuality 99)",
                )
    return client


def _age_bounds(client: pd.DataFrame, enr: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Youngest and oldest age at entry of each client row's enrollments (by index of ``client``)."""
    ages = enr.groupby(["source_id", "PersonalID"])["age"].agg(["min", "max"])
    key = pd.MultiIndex.from_arrays([client["_source"], client["PersonalID"]])
    found = ages.reindex(key)
    return (
        pd.Series(found["min"].to_numpy(), index=client.index),
        pd.Series(found["max"].to_numpy(), index=client.index),
    )


def links(client: pd.DataFrame, format_id) -> tuple[list[dict], list[dict]]:
    """Manifest ``identities`` and ``identity_matchable`` (one entry per pair of records of a person)."""
    linked = client[client["_person"].isin(linked_persons(client))].sort_values(["_person", "_source", "PersonalID"])
    linked = linked.reset_index(drop=True)
    ssn = linked["SSN"].to_numpy(dtype=object)
    valid = np.array([pii.is_valid_ssn(s) for s in ssn]) & (linked["SSNDataQuality"].to_numpy() == 1)
    keys = pd.DataFrame(
        {
            "_person": linked["_person"].to_numpy(),
            "row": np.arange(len(linked)),
            "ssn": np.where(valid, ssn, None),
            "name": pii.normalised(linked["FirstName"], linked["LastName"]),
            "dob": linked["DOB"].to_numpy(dtype=float),
        }
    )
    pairs = keys.merge(keys, on="_person", suffixes=("_a", "_b"))
    pairs = pairs[pairs["row_a"] < pairs["row_b"]]
    agree_ssn = (pairs["ssn_a"] == pairs["ssn_b"]).to_numpy() & pairs["ssn_a"].notna().to_numpy()
    agree_name = (pairs["name_a"] == pairs["name_b"]).to_numpy() & pairs["name_a"].notna().to_numpy()
    agree_dob = (pairs["dob_a"] == pairs["dob_b"]).to_numpy()
    records = [
        {"source_id": s, "personal_id": format_id(s, p)}
        for s, p in zip(linked["_source"], linked["PersonalID"], strict=True)
    ]
    person_key = [f"P{int(p):07d}" for p in linked["_person"]]
    identities = [
        {"person_key": person_key[rows[0]], "records": [records[r] for r in rows]}
        for rows in linked.groupby("_person", sort=True).indices.values()
    ]
    matchable = []
    for a, b, s, n, d in zip(pairs["row_a"], pairs["row_b"], agree_ssn, agree_name, agree_dob, strict=True):
        agree = {"ssn": bool(s), "name": bool(n), "dob": bool(d)}
        matchable.append(
            {
                "person_key": person_key[a],
                "a": records[a],
                "b": records[b],
                "agree": agree,
                "matchable": int(s) + int(n) + int(d) >= 2,
            }
        )
    return identities, matchable
