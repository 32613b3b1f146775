"""Member enrollments: every household stay times the unit's members, with per-person answers.

3.917 (prior living situation and the chronic-homelessness inputs) follows the Data Standards'
branching: ES/SO/SH projects ask everything; other projects ask LOSUnderThreshold and
PreviousStreetESSH only after an institutional or housed prior situation, and the homelessness-history
questions only when the person was on the street/in shelter just before. Fields that do not apply are
null. Asked of heads of household and adults only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import day, years_between
from pipelines.synth.options import Options
from pipelines.synth.rng import stream

_AT_RISK = ((410, 435, 335, 336, 411), (0.55, 0.15, 0.15, 0.10, 0.05))
_HOMELESS_ENTRY = (
    (116, 101, 335, 336, 314, 207, 205, 204, 206, 410),
    (0.35, 0.15, 0.15, 0.12, 0.06, 0.04, 0.03, 0.02, 0.03, 0.05),
)
_LITERALLY_HOMELESS = ((116, 101), (0.55, 0.45))
FROM_PREVIOUS_STEP = {"ES": 101, "NBN": 101, "SO": 116, "DAY": 116, "TH": 302}
PRIOR_CHOICES = set(_AT_RISK[0]) | set(_HOMELESS_ENTRY[0]) | set(_LITERALLY_HOMELESS[0])
_LOS_DAYS = {10: (0, 1), 11: (1, 6), 2: (7, 29), 3: (30, 89), 4: (90, 364), 5: (365, 1200)}
_PREVENTION = ("HP", "VHP", "HOPWA_HP")


def expand(stays: pd.DataFrame, persons: pd.DataFrame, options: Options) -> pd.DataFrame:
    """One row per (stay, member); RelationshipToHoH carries the household defects."""
    members = persons[["person", "unit", "member", "role", "dob", "chronic", "disabled"]]
    enr = stays.merge(members, on="unit", how="inner", sort=False)
    enr["hh_entry"] = enr["entry"].to_numpy()
    _stagger(stream(options.seed, "stagger"), enr, day(options.end_date))
    _rebase_history(enr)
    relationship = enr["role"].to_numpy().copy()
    none = (enr["hoh_defect"] == "none").to_numpy() & (enr["member"].to_numpy() == 0)
    relationship[none] = 99
    two = (enr["hoh_defect"] == "two").to_numpy() & (enr["role"].to_numpy() == 3)
    relationship[two] = 1
    enr["relationship"] = relationship
    enr["age"] = years_between(enr["dob"].to_numpy(), enr["entry"].to_numpy())
    enr["adult_or_hoh"] = (enr["age"] >= 18) | (enr["role"] == 1)
    enr = enr.sort_values(["source_id", "entry", "stay", "member"], kind="stable").reset_index(drop=True)
    enr["enrollment"] = np.arange(len(enr))
    return enr


def _rebase_history(enr: pd.DataFrame) -> None:
    """A member who joined later counts times and months homeless up to their own project start."""
    since = enr["DateToStreetESSH"].to_numpy()
    entry = enr["entry"].to_numpy()
    joined = (entry > enr["hh_entry"].to_numpy()) & (since >= 0)
    times = enr["TimesHomelessPastThreeYears"].to_numpy().copy()
    months = enr["MonthsHomelessPastThreeYears"].to_numpy().copy()
    long_ago = joined & (entry - since >= 3 * 365)
    times[long_ago] = 1
    once = joined & (times == 1)
    entry_month = entry.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    since_month = since.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    count = entry_month - since_month + 1
    months[once] = np.where(count[once] > 12, 113, 100 + count[once])
    enr["TimesHomelessPastThreeYears"] = times
    enr["MonthsHomelessPastThreeYears"] = months


_LEAVER_DESTINATIONS = ((312, 422, 313, 207, 410, 215), (0.35, 0.25, 0.15, 0.1, 0.1, 0.05))


def _stagger(rng: np.random.Generator, enr: pd.DataFrame, end: int) -> None:
    """Some members join a household's stay after it began, or leave before the rest (same HouseholdID)."""
    n = len(enr)
    entry = enr["entry"].to_numpy()
    length = np.where(enr["exit"].to_numpy() >= 0, enr["exit"].to_numpy(), end) - entry
    step = enr["step"].to_numpy()
    ok = (enr["member"].to_numpy() > 0) & (step >= 0) & (step != 99) & (length >= 4)
    ok &= (enr["inactive_cut"].to_numpy() < 0) & (enr["cat"].to_numpy() != "CE")
    roll = rng.random(n)
    join = ok & (roll < 0.04)
    leave = ok & (roll >= 0.04) & (roll < 0.07)
    offset = 1 + (rng.random(n) * np.minimum(length - 2, 90)).astype(np.int64)
    enr.loc[join, "entry"] = entry[join] + offset[join]
    left_on = entry + 1 + (rng.random(n) * (length - 2)).astype(np.int64)
    enr.loc[leave, "exit"] = left_on[leave]
    enr.loc[leave, "dest"] = rng.choice(_LEAVER_DESTINATIONS[0], size=int(leave.sum()), p=_LEAVER_DESTINATIONS[1])
    enr.loc[leave, "subsidy"] = -1
    engaged = enr["engagement"].to_numpy()
    last = np.where(enr["exit"].to_numpy() >= 0, enr["exit"].to_numpy(), end)
    moved = (engaged >= 0) & (engaged < enr["entry"].to_numpy())
    engaged = np.where(moved, enr["entry"].to_numpy(), engaged)
    enr["engagement"] = np.where(engaged > last, -1, engaged)


def prior_living(stays: pd.DataFrame, units: pd.DataFrame, options: Options) -> pd.DataFrame:
    """3.917 answers per household stay (the adults of a household answer alike)."""
    rng = stream(options.seed, "prior-living")
    n = len(stays)
    cat = stays["cat"].to_numpy()
    first_cat = stays["path"].str.split("+").str[0].to_numpy()
    prev = stays["prev_cat"].to_numpy()
    chronic = units.set_index("unit")["chronic"].reindex(stays["unit"]).to_numpy()
    prior = rng.choice(_HOMELESS_ENTRY[0], size=n, p=_HOMELESS_ENTRY[1])
    direct_housing = np.isin(cat, ["RRH", "VRRH", "PSH", "PHO", "HOPWA_PH", "RRHSO"]) & (prev == "")
    prior[direct_housing] = rng.choice(_LITERALLY_HOMELESS[0], size=direct_housing.sum(), p=_LITERALLY_HOMELESS[1])
    prior[chronic & ~np.isin(first_cat, _PREVENTION)] = rng.choice(
        _LITERALLY_HOMELESS[0], size=(chronic & ~np.isin(first_cat, _PREVENTION)).sum()
    )
    at_risk = np.isin(first_cat, _PREVENTION)
    prior[at_risk] = rng.choice(_AT_RISK[0], size=at_risk.sum(), p=_AT_RISK[1])
    for step, code in FROM_PREVIOUS_STEP.items():
        prior[prev == step] = code
    los = _length_of_stay(rng, prior, chronic, at_risk)
    part_a = np.isin(stays["ptype"].to_numpy(), [0, 1, 4, 8])
    homeless = (prior >= 100) & (prior < 200)
    institution = (prior >= 200) & (prior < 300)
    under = np.where(institution, np.isin(los, [10, 11, 2, 3]), np.isin(los, [10, 11])).astype(np.int64)
    asks_threshold = ~part_a & ~homeless
    street_before = (rng.random(n) < np.where(at_risk, 0.05, 0.75)).astype(np.int64)
    previous = np.where(asks_threshold & (under == 1), street_before, -1)
    history = part_a | homeless | (previous == 1)
    los_lo = np.array([_LOS_DAYS[x][0] for x in los])
    los_hi = np.array([_LOS_DAYS[x][1] for x in los])
    stayed = los_lo + (rng.random(n) * (los_hi - los_lo + 1)).astype(np.int64)
    entry = stays["entry"].to_numpy()
    before = np.where(homeless, stayed, np.where(previous == 1, stayed + rng.integers(14, 300, n), 0))
    before = np.where(chronic & history, np.maximum(before, rng.integers(380, 2400, n)), before)
    since = _episode_since(stays, entry - before)
    times = _times(rng, entry, since, chronic, stays["episode"].to_numpy())
    months = _months(rng, entry, since, times, chronic)
    return pd.DataFrame(
        {
            "stay": stays["stay"].to_numpy(),
            "LivingSituation": prior,
            "RentalSubsidyType": np.where(prior == 435, rng.choice([420, 433, 434, 436], size=n), -1),
            "LengthOfStay": los,
            "LOSUnderThreshold": np.where(asks_threshold, under, -1),
            "PreviousStreetESSH": previous,
            "DateToStreetESSH": np.where(history, since, -1),
            "TimesHomelessPastThreeYears": np.where(history, times, -1),
            "MonthsHomelessPastThreeYears": np.where(history, months, -1),
        }
    )


def _length_of_stay(
    rng: np.random.Generator, prior: np.ndarray, chronic: np.ndarray, at_risk: np.ndarray
) -> np.ndarray:
    n = len(prior)
    codes = np.array([10, 11, 2, 3, 4, 5])
    los = codes[rng.choice(6, size=n, p=[0.08, 0.15, 0.27, 0.25, 0.15, 0.10])]
    homeless = (prior >= 100) & (prior < 200)
    los[homeless & chronic] = rng.choice([4, 5], size=(homeless & chronic).sum(), p=[0.3, 0.7])
    housed = at_risk & np.isin(prior, [410, 435, 411])
    los[housed] = rng.choice([4, 5], size=housed.sum(), p=[0.3, 0.7])
    doubled = at_risk & np.isin(prior, [335, 336])
    los[doubled] = rng.choice([3, 4, 5], size=doubled.sum(), p=[0.4, 0.4, 0.2])
    return los


def _episode_since(stays: pd.DataFrame, since: np.ndarray) -> np.ndarray:
    """The current episode began once: every stay of an episode reports the earliest start."""
    frame = pd.DataFrame({"unit": stays["unit"].to_numpy(), "episode": stays["episode"].to_numpy(), "since": since})
    earliest = frame.groupby(["unit", "episode"])["since"].transform("min").to_numpy()
    return np.minimum(earliest, stays["entry"].to_numpy())


def _times(
    rng: np.random.Generator, entry: np.ndarray, since: np.ndarray, chronic: np.ndarray, episode: np.ndarray
) -> np.ndarray:
    n = len(entry)
    times = rng.choice([1, 2, 3, 4], size=n, p=[0.65, 0.22, 0.09, 0.04])
    times = np.where(chronic, rng.choice([1, 4], size=n, p=[0.5, 0.5]), times)
    times = np.minimum(4, times + episode)
    return np.where(entry - since >= 3 * 365, 1, times)


def _months(
    rng: np.random.Generator, entry: np.ndarray, since: np.ndarray, times: np.ndarray, chronic: np.ndarray
) -> np.ndarray:
    entry_month = entry.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    since_month = since.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    months = np.minimum(36, entry_month - since_month + 1)
    months = np.where(times > 1, months + rng.integers(1, 10, len(entry)), months)
    months = np.where(chronic & (times == 4), np.maximum(months, 12), months)
    return np.where(months > 12, 113, 100 + months)
