"""People known under several (source, PersonalID): realistic variation between their records, and
the manifest's identity links with whether each pair of records is matchable on 2 of 3 of
(valid SSN, normalised name, DOB).

Most links differ in at most one of the three (a nickname or typo, a mistyped DOB, an SSN not
collected); about one link in a hundred differs in two and is declared not matchable. Distinct people
never share two of the three: SSNs and names are unique per person, and variants are checked.
"""

from __future__ import annotations

from itertools import combinations

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
    for person in linked:
        roll = rng.random()
        acc = 0.0
        change = ""
        for name, share in _VARY:
            acc += share
            if roll < acc:
                change = name
                break
        if "+" in change:
            if two_left == 0:
                change = change.split("+")[0]
            two_left -= 1
        if options.defect_scale == 0:  # a clean run: no missing SSN (it would be a data-quality defect)
            change = "+".join(part for part in change.split("+") if part != "ssn")
        if not change:
            continue
        rows = np.flatnonzero(client["_person"].to_numpy() == person)
        row = client.index[rows[1 + int(rng.integers(len(rows) - 1))]]
        if "dob" in change and not (youngest[row] >= 19 and oldest[row] <= 95):
            change = change.replace("dob", "ssn") if "ssn" not in change else "ssn"
        for part in change.split("+"):
            if part == "name":
                first = client.at[row, "FirstName"]
                for _ in range(5):
                    candidate = pii.nickname(first, rng)
                    key = pii.normalised(np.array([candidate]), np.array([client.at[row, "LastName"]]))[0]
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


def agreement(a: pd.Series, b: pd.Series) -> dict[str, bool]:
    """Which of SSN, name and DOB two client records agree on."""
    ssn = (
        pii.is_valid_ssn(a["SSN"]) and a["SSNDataQuality"] == 1 and a["SSN"] == b["SSN"] and pii.is_valid_ssn(b["SSN"])
    )
    name_a = pii.normalised(np.array([a["FirstName"]], dtype=object), np.array([a["LastName"]], dtype=object))[0]
    name_b = pii.normalised(np.array([b["FirstName"]], dtype=object), np.array([b["LastName"]], dtype=object))[0]
    dob = not pd.isna(a["DOB"]) and not pd.isna(b["DOB"]) and int(a["DOB"]) == int(b["DOB"])
    return {"ssn": bool(ssn), "name": name_a is not None and name_a == name_b, "dob": bool(dob)}


def links(client: pd.DataFrame, format_id) -> tuple[list[dict], list[dict]]:
    """Manifest ``identities`` and ``identity_matchable`` (one entry per pair of records)."""
    identities, pairs = [], []
    linked = client[client["_person"].isin(linked_persons(client))].sort_values(["_person", "_source", "PersonalID"])
    for person, group in linked.groupby("_person", sort=True):
        key = f"P{int(person):07d}"
        records = [
            {"source_id": s, "personal_id": format_id(s, p)}
            for s, p in zip(group["_source"], group["PersonalID"], strict=True)
        ]
        identities.append({"person_key": key, "records": records})
        rows = [r for _, r in group.iterrows()]
        for (i, a), (j, b) in combinations(enumerate(rows), 2):
            agree = agreement(a, b)
            pairs.append(
                {
                    "person_key": key,
                    "a": records[i],
                    "b": records[j],
                    "agree": agree,
                    "matchable": sum(agree.values()) >= 2,
                }
            )
    return identities, pairs
