"""Who is homeless: households (units) and their members, with traits that drive their histories.

A unit is a family group that stays together across episodes: a single adult, a couple, a family with
children, a youth (18-24), a parenting youth, an unaccompanied minor, or a veteran alone or with family.
Member 0 is the head of household.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth import pii
from pipelines.synth.calendar import day
from pipelines.synth.options import Options
from pipelines.synth.rng import stream

KINDS = ("single", "couple", "family", "youth", "parenting_youth", "minor", "veteran", "veteran_family")
COCS = ("OK-500", "OK-507")
# Share of units by kind in each CoC: OK-500 serves far more families (2017 PIT: 110 of 192 in families);
# OK-507 has more unsheltered singles and veterans and no youth shelter (so no unaccompanied minors).
_KIND_SHARE = {
    "OK-500": (0.48, 0.03, 0.25, 0.10, 0.04, 0.04, 0.05, 0.01),
    "OK-507": (0.56, 0.04, 0.17, 0.08, 0.03, 0.00, 0.10, 0.02),
}
_COC_SHARE = (0.38, 0.62)
# Some people's only stays end before the export period: draw more and keep the first who are in it.
OVERSAMPLE = 1.12
CARRY_IN_DAYS = 540  # a unit "carried in" entered up to this many days before the export period
# Race shares (AIAN well above the national HMIS norm because of the tribal geography).
_RACES = ("AmIndAKNative", "Asian", "BlackAfAmerican", "HispanicLatino", "MidEastNAfrican", "NativeHIPacific", "White")
_RACE_SHARE = {
    "OK-500": (0.20, 0.01, 0.16, 0.07, 0.005, 0.005, 0.55),
    "OK-507": (0.30, 0.005, 0.14, 0.05, 0.0025, 0.0025, 0.50),
}
# Disability prevalence (types 5 physical, 6 developmental, 7 chronic health, 8 HIV/AIDS, 9 mental, 10 substance).
DISABILITY_TYPES = (5, 6, 7, 8, 9, 10)
_ADULT_DISABILITY = (0.18, 0.04, 0.20, 0.012, 0.35, 0.22)
_CHILD_DISABILITY = (0.03, 0.06, 0.05, 0.0, 0.08, 0.0)


def _sizes(rng: np.random.Generator, kind: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Number of partners (0/1) and children per unit."""
    n = len(kind)
    partner = np.zeros(n, dtype=np.int64)
    children = np.zeros(n, dtype=np.int64)
    fam = kind == KINDS.index("family")
    partner[fam] = rng.random(fam.sum()) < 0.35
    children[fam] = rng.choice([1, 2, 3, 4, 5], size=fam.sum(), p=[0.35, 0.30, 0.20, 0.10, 0.05])
    py = kind == KINDS.index("parenting_youth")
    partner[py] = rng.random(py.sum()) < 0.15
    children[py] = rng.choice([1, 2], size=py.sum(), p=[0.75, 0.25])
    vf = kind == KINDS.index("veteran_family")
    partner[vf] = rng.random(vf.sum()) < 0.6
    children[vf] = rng.choice([1, 2, 3], size=vf.sum(), p=[0.45, 0.35, 0.20])
    partner[kind == KINDS.index("couple")] = 1
    return partner, children


def _hoh_age(rng: np.random.Generator, kind: np.ndarray) -> np.ndarray:
    n = len(kind)
    age = np.clip(rng.normal(44, 12, n), 25, 78)
    family = np.isin(kind, [KINDS.index("family")])
    age[family] = np.clip(rng.normal(32, 7, family.sum()), 20, 52)
    youth = np.isin(kind, [KINDS.index("youth"), KINDS.index("parenting_youth")])
    age[youth] = rng.uniform(18, 24.99, youth.sum())
    minor = kind == KINDS.index("minor")
    age[minor] = rng.uniform(13, 17.9, minor.sum())
    vet = kind == KINDS.index("veteran")
    age[vet] = np.clip(rng.normal(54, 11, vet.sum()), 26, 82)
    vf = kind == KINDS.index("veteran_family")
    age[vf] = np.clip(rng.normal(38, 7, vf.sum()), 26, 60)
    return age


def build_units(options: Options) -> pd.DataFrame:
    """Units until their members reach the requested number of clients."""
    rng = stream(options.seed, "units")
    n = int(options.clients * OVERSAMPLE / 1.45) + 50
    coc = rng.choice(2, size=n, p=_COC_SHARE)
    kind = np.empty(n, dtype=np.int64)
    for c, name in enumerate(COCS):
        at = coc == c
        kind[at] = rng.choice(len(KINDS), size=at.sum(), p=_KIND_SHARE[name])
    partner, children = _sizes(rng, kind)
    size = 1 + partner + children
    keep = np.cumsum(size) <= options.clients * OVERSAMPLE
    keep[: max(1, keep.sum())] = True
    start, end = day(options.start_date), day(options.end_date)
    units = pd.DataFrame(
        {"unit": np.arange(keep.sum()), "coc": np.array(COCS)[coc[keep]], "kind": kind[keep]}
        | {"partners": partner[keep], "children": children[keep], "size": size[keep]}
    )
    m = len(units)
    # Most units' first episode starts inside the export period; some carry a stay in from before it.
    carried = rng.random(m) < 0.10
    units["first_start"] = np.where(
        carried, rng.integers(start - CARRY_IN_DAYS, start, m), rng.integers(start, end - 3, m)
    )
    units["hoh_age"] = _hoh_age(rng, units["kind"].to_numpy())
    units["chronic"] = _chronic(rng, units)
    return units


def _chronic(rng: np.random.Generator, units: pd.DataFrame) -> np.ndarray:
    """Long homeless histories (candidates for chronic homelessness and PSH)."""
    kind = units["kind"].to_numpy()
    p = np.where(np.isin(kind, [0, 6]), 0.22, np.where(kind == KINDS.index("family"), 0.06, 0.03))
    p = np.where(units["coc"].to_numpy() == "OK-507", p * 1.3, p)
    return rng.random(len(units)) < p


def build_persons(units: pd.DataFrame, options: Options) -> pd.DataFrame:
    """One row per person with identity, demographics, veteran status and disabilities."""
    rng = stream(options.seed, "persons")
    unit_idx = np.repeat(units["unit"].to_numpy(), units["size"].to_numpy())
    member = _member_numbers(units["size"].to_numpy())
    u = units.set_index("unit").loc[unit_idx]
    partners = u["partners"].to_numpy()
    role = np.where(member == 0, 1, np.where((member == 1) & (partners == 1), 3, 2))  # RelationshipToHoH
    kind = u["kind"].to_numpy()
    hoh_age = u["hoh_age"].to_numpy()
    age = hoh_age.copy()
    is_partner = role == 3
    age[is_partner] = np.clip(hoh_age[is_partner] + rng.normal(0, 4, is_partner.sum()), 18, 85)
    child = role == 2
    partner_age = pd.Series(age[is_partner], index=unit_idx[is_partner]).reindex(unit_idx).to_numpy()
    youngest_parent = np.fmin(hoh_age, partner_age)  # children are at least 16 years younger than both
    max_child_age = np.clip(youngest_parent[child] - 16, 0.5, 17.9)
    age[child] = rng.uniform(0, 1, child.sum()) * max_child_age
    first_start = u["first_start"].to_numpy()
    dob = first_start - np.floor(age * 365.25).astype(np.int64) - rng.integers(0, 60, len(age))
    n = len(unit_idx)
    persons = pd.DataFrame({"person": np.arange(n), "unit": unit_idx, "member": member, "role": role, "kind": kind})
    persons["coc"] = u["coc"].to_numpy()
    persons["dob"] = dob
    persons["age_at_first"] = age
    persons["chronic"] = u["chronic"].to_numpy() & (member == 0)
    # Sex: women head most families; single adults are mostly men.
    female_p = np.where(role == 2, 0.5, np.where(np.isin(kind, [2, 4]), 0.82, np.where(role == 3, 0.7, 0.33)))
    female_p = np.where(np.isin(kind, [6, 7]) & (role == 1), 0.09, female_p)
    persons["sex"] = np.where(rng.random(n) < female_p, 0, 1)
    persons["veteran"] = (np.isin(kind, [6, 7]) & (role == 1)).astype(np.int64)
    _add_race(rng, persons)
    _add_names(rng, persons)
    persons["ssn"] = pii.ssn_numbers(rng, n)
    _add_disabilities(rng, persons)
    return persons


def _member_numbers(size: np.ndarray) -> np.ndarray:
    starts = np.repeat(np.cumsum(size) - size, size)
    return np.arange(size.sum()) - starts


def _add_race(rng: np.random.Generator, persons: pd.DataFrame) -> None:
    """Race flags per household head, shared by most members; some people report two races."""
    n = len(persons)
    primary = np.empty(n, dtype=np.int64)
    for coc, share in _RACE_SHARE.items():
        at = persons["coc"].to_numpy() == coc
        primary[at] = rng.choice(len(_RACES), size=at.sum(), p=np.array(share) / sum(share))
    head = persons.groupby("unit")["person"].transform("min").to_numpy()
    primary = np.where(rng.random(n) < 0.85, primary[head], primary)
    flags = np.zeros((n, len(_RACES)), dtype=np.int64)
    flags[np.arange(n), primary] = 1
    second = rng.random(n) < 0.12
    other = np.where(primary == 0, 6, 0)  # AIAN with White is the common pairing
    flags[np.arange(n)[second], other[second]] = 1
    hispanic_too = rng.random(n) < 0.04
    flags[hispanic_too, 3] = 1
    for i, name in enumerate(_RACES):
        persons[name] = flags[:, i]


def _add_names(rng: np.random.Generator, persons: pd.DataFrame) -> None:
    unit_last = pii.last_names(rng, int(persons["unit"].max()) + 1)
    last = unit_last[persons["unit"].to_numpy()]
    own = (persons["role"].to_numpy() == 3) & (rng.random(len(persons)) < 0.5)
    last[own] = pii.last_names(rng, int(own.sum()))
    persons["last"] = last
    persons["first"] = pii.unique_first_names(rng, last)
    persons["middle"] = pii.middle_names(rng, len(persons))
    adult_male = (persons["role"].to_numpy() != 2) & (persons["sex"].to_numpy() == 1)
    persons["suffix"] = pii.suffixes(rng, adult_male)


def _add_disabilities(rng: np.random.Generator, persons: pd.DataFrame) -> None:
    """Disability responses per type and whether each is indefinite and impairing."""
    n = len(persons)
    adult = persons["age_at_first"].to_numpy() >= 18
    disabled_any = np.zeros(n, dtype=bool)
    for i, t in enumerate(DISABILITY_TYPES):
        p = np.where(adult, _ADULT_DISABILITY[i], _CHILD_DISABILITY[i])
        has = rng.random(n) < p
        response = has.astype(np.int64)
        if t == 10:  # 4.10.2: 1 alcohol, 2 drug, 3 both
            response[has] = rng.choice([1, 2, 3], size=has.sum(), p=[0.35, 0.4, 0.25])
        indefinite = has & ((t in (6, 8)) | (rng.random(n) < 0.62))
        persons[f"dis{t}"] = response
        persons[f"indef{t}"] = indefinite.astype(np.int64)
        disabled_any |= indefinite
    chronic = persons["chronic"].to_numpy()
    force = chronic & ~disabled_any
    persons.loc[force, "dis9"] = 1
    persons.loc[force, "indef9"] = 1
    disabled_any |= force
    persons["disabled"] = disabled_any.astype(np.int64)


def keep_clients(units: pd.DataFrame, persons: pd.DataFrame, stays: pd.DataFrame, clients: int):
    """The first units with a stay in the export period, up to ``clients`` people; renumbered from 0."""
    active = units[units["unit"].isin(stays["unit"])]
    active = active[np.cumsum(active["size"].to_numpy()) <= clients]
    new_unit = pd.Series(np.arange(len(active)), index=active["unit"].to_numpy())
    units = active.assign(unit=np.arange(len(active))).reset_index(drop=True)
    persons = persons[persons["unit"].isin(new_unit.index)].copy()
    persons["unit"] = new_unit.reindex(persons["unit"]).to_numpy()
    persons["person"] = np.arange(len(persons))
    persons = persons.reset_index(drop=True)
    stays = stays[stays["unit"].isin(new_unit.index)].copy()
    stays["unit"] = new_unit.reindex(stays["unit"]).to_numpy()
    stays = stays.reset_index(drop=True)
    stays["stay"] = np.arange(len(stays))
    return units, persons, stays
