"""Household stays: each unit's episodes of homelessness walked through the CoC's projects.

Links between the steps of an episode follow how HMIS records them: a shelter stay ends the day the
next shelter/TH stay starts (destination 101/302); a household referred to permanent housing enters
it while still in shelter or outreach, and leaves the shelter on its move-in day (destination 435
with the housing's subsidy type), so nobody is in two beds on one night. Coordinated Entry runs
alongside. Dates are day numbers; the export period truncates stays (open ones have no exit).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth import destinations
from pipelines.synth.calendar import day
from pipelines.synth.options import Options
from pipelines.synth.paths import CATEGORIES, HOUSING, Candidates, applicable_templates, kind_name
from pipelines.synth.rng import stream

# Length of stay (days): median, spread (lognormal sigma), minimum, maximum.
_DURATION = {
    "ES": (30, 0.9, 1, 400),
    "NBN": (30, 1.2, 1, 700),
    "TH": (150, 0.6, 20, 730),
    "PSH": (900, 0.7, 90, 4000),
    "PHO": (700, 0.7, 90, 3000),
    "HOPWA_PH": (700, 0.7, 90, 3000),
    "RRH": (190, 0.5, 30, 730),
    "VRRH": (150, 0.5, 30, 600),
    "SO": (60, 1.0, 1, 540),
    "HP": (75, 0.5, 14, 365),
    "VHP": (75, 0.5, 14, 365),
    "HOPWA_HP": (60, 0.5, 14, 240),
    "DAY": (45, 1.0, 1, 365),
    "SSO": (90, 0.8, 7, 540),
    "RRHSO": (120, 0.5, 14, 365),
    "CE": (60, 0.7, 1, 365),
}
_MOVE_IN_WAIT = {
    "RRH": (35, 0.6, 3, 180),
    "VRRH": (25, 0.6, 3, 150),
    "PSH": (30, 0.7, 1, 180),
    "PHO": (20, 0.7, 1, 120),
    "HOPWA_PH": (30, 0.7, 1, 150),
}
_EXIT_BEFORE_MOVE_IN = {"RRH": 0.12, "VRRH": 0.08, "PSH": 0.04, "PHO": 0.05, "HOPWA_PH": 0.05}
_EPISODES = ([1, 2, 3, 4], [0.66, 0.22, 0.08, 0.04])
_CE_SHARE = {"housing": 0.8, "veteran_housing": 0.3, "other": 0.2}


def _lognormal(rng: np.random.Generator, spec: tuple[float, float, int, int], n: int) -> np.ndarray:
    median, sigma, lo, hi = spec
    return np.clip(np.round(median * np.exp(rng.normal(0, sigma, n))), lo, hi).astype(np.int64)


def build_stays(units: pd.DataFrame, cands: Candidates, options: Options) -> pd.DataFrame:
    """All household stays (before structural defects), one row per unit and project stay."""
    rng = stream(options.seed, "stays")
    end = day(options.end_date)
    n_units = len(units)
    episodes = rng.choice(_EPISODES[0], size=n_units, p=_EPISODES[1])
    ep_start = units["first_start"].to_numpy().copy()
    home = units["coc"].to_numpy()
    kinds = np.array([kind_name(k) for k in units["kind"].to_numpy()], dtype=object)
    parts: list[pd.DataFrame] = []
    for e in range(max(_EPISODES[0])):
        active = np.flatnonzero((episodes > e) & (ep_start <= end - 1))
        if not len(active):
            break
        coc = home[active].copy()
        if e > 0:  # some households turn up in the other CoC later (different PersonalIDs there)
            move = rng.random(len(active)) < 0.08
            coc[move] = np.where(coc[move] == "OK-500", "OK-507", "OK-500")
        batch = _episode_batch(rng, cands, active, coc, kinds[active], ep_start[active], e, day(options.start_date))
        parts.append(batch)
        last_exit = batch.groupby("unit")["exit"].max()
        still_open = batch[batch["exit"] > end]["unit"].unique()
        nxt = last_exit.reindex(units["unit"]).to_numpy()
        gap = _lognormal(rng, (180, 0.8, 20, 900), n_units)
        has = ~np.isnan(nxt)
        ep_start = np.where(has, np.nan_to_num(nxt).astype(np.int64) + gap, end + 10)
        ep_start[np.isin(units["unit"].to_numpy(), still_open)] = end + 10
    stays = pd.concat(parts, ignore_index=True)
    return _truncate(stays, options)


def cover_projects(stays: pd.DataFrame, cands: Candidates, units: pd.DataFrame, options: Options) -> None:
    """Give every project that could serve someone at least one stay (moved from a busier project)."""
    rng = stream(options.seed, "cover-projects")
    counts = stays["project"].value_counts()
    kinds = np.array([kind_name(k) for k in units["kind"].to_numpy()], dtype=object)
    stay_kind = kinds[stays["unit"].to_numpy()]
    for (coc, kind, cat), (rows, _) in cands.table.items():
        for project in rows:
            if counts.get(project, 0):
                continue
            donors = np.flatnonzero(
                (stays["coc"].to_numpy() == coc)
                & (stay_kind == kind)
                & (stays["cat"].to_numpy() == cat)
                & (stays["project"].map(counts).to_numpy() >= 2)
            )
            if len(donors):
                row = stays.index[donors[int(rng.integers(len(donors)))]]
                counts[stays.at[row, "project"]] -= 1
                stays.at[row, "project"] = project
                counts[project] = 1


def _episode_batch(
    rng: np.random.Generator,
    cands: Candidates,
    unit: np.ndarray,
    coc: np.ndarray,
    kind: np.ndarray,
    start: np.ndarray,
    episode: int,
    period_start: int,
) -> pd.DataFrame:
    """The stays of one episode for many units, grouped by (CoC, kind) to pick paths and projects."""
    parts: list[dict] = []
    groups = pd.DataFrame({"coc": coc, "kind": kind}).groupby(["coc", "kind"]).indices
    for (c, k), rows in groups.items():
        paths, weights = applicable_templates(cands, c, k)
        if not paths:
            continue
        choice = rng.choice(len(paths), size=len(rows), p=weights / weights.sum())
        if episode == 0:  # every path at least once where the group is big enough (small runs cover all)
            first = min(len(rows), len(paths))
            order = np.lexsort((unit[rows], start[rows] < period_start))  # earliest units starting in the period
            choice[order[:first]] = np.arange(first)
        for p, path in enumerate(paths):
            sel = rows[choice == p]
            if len(sel):
                parts.extend(_walk(rng, cands, path, unit[sel], c, k, start[sel], episode))
    return pd.DataFrame({key: np.concatenate([p[key] for p in parts]) for key in parts[0]})


def _walk(
    rng: np.random.Generator,
    cands: Candidates,
    path: tuple[str, ...],
    unit: np.ndarray,
    coc: str,
    kind: str,
    start: np.ndarray,
    episode: int,
) -> list[dict]:
    """Dates, projects, move-ins and destinations of every step of one path for a batch of units."""
    n = len(unit)
    ce_share = _CE_SHARE["other"]
    if any(c in HOUSING or c == "TH" for c in path):
        ce_share = _CE_SHARE["veteran_housing"] if "VRRH" in path else _CE_SHARE["housing"]
    with_ce = rng.random(n) < ce_share
    episode_start = start
    if path[0] in HOUSING or path[0] == "TH":  # assessed and referred first, housed some weeks later
        start = start + rng.integers(10, 75, n)
    steps = []
    for s, cat in enumerate(path):
        rows, weights = cands.get(coc, kind, cat)
        project = rows[rng.choice(len(rows), size=n, p=weights / weights.sum())]
        length = _lognormal(rng, _DURATION[cat], n)
        move_in = np.full(n, -1, dtype=np.int64)
        if s == 0:
            entry = start.copy()
        elif cat in HOUSING:  # referred while in shelter/outreach: leaves it on the move-in day
            prev = steps[-1]
            entry = prev["entry"] + np.floor(rng.uniform(0.3, 0.9, n) * (prev["exit"] - prev["entry"])).astype(np.int64)
        else:
            entry = steps[-1]["exit"].copy()
        if cat in HOUSING:
            wait = _lognormal(rng, _MOVE_IN_WAIT[cat], n)
            gives_up = (rng.random(n) < _EXIT_BEFORE_MOVE_IN[cat]) if s == 0 else np.zeros(n, dtype=bool)
            move_in = np.where(gives_up, -1, entry + wait)
            exit_ = np.where(
                gives_up, entry + np.maximum(1, (wait * rng.uniform(0.3, 0.9, n)).astype(np.int64)), move_in + length
            )
            if s > 0:
                prev = steps[-1]
                prev["exit"] = move_in.copy()
                prev["dest"] = np.full(n, 435)
                prev["subsidy"] = np.full(n, destinations.SUBSIDY_BY_STEP[cat])
        else:
            exit_ = entry + length
            if s > 0:
                steps[-1]["dest"] = np.full(n, 302 if cat == "TH" else 101)
        steps.append(
            {
                "cat": cat,
                "project": project,
                "entry": entry,
                "exit": exit_,
                "move_in": move_in,
                "dest": np.full(n, -1),
                "subsidy": np.full(n, -1),
                "step": s,
            }
        )
    last = steps[-1]
    population = "veteran" if kind.startswith("veteran") else "youth" if kind in ("youth", "minor") else "default"
    profile = destinations.step_class(last["cat"], last["move_in"] >= 0)
    last["dest"], last["subsidy"] = destinations.draw(rng, profile, population)
    for s, step in enumerate(steps):
        step |= {
            "unit": unit,
            "episode": np.full(n, episode),
            "coc": np.full(n, coc, dtype=object),
            "path": np.full(n, "+".join(path), dtype=object),
            "cat": np.full(n, step["cat"], dtype=object),
            "step": np.full(n, s),
            "prev_cat": np.full(n, path[s - 1] if s else "", dtype=object),
            "referred": np.full(n, "", dtype=object),
            "referred_entry": np.full(n, -1),
        }
    ce = _coordinated_entry(rng, cands, path, steps, unit, coc, kind, episode_start, episode, with_ce)
    return steps + ([ce] if ce is not None else [])


def _coordinated_entry(
    rng: np.random.Generator,
    cands: Candidates,
    path: tuple[str, ...],
    steps: list[dict],
    unit: np.ndarray,
    coc: str,
    kind: str,
    start: np.ndarray,
    episode: int,
    with_ce: np.ndarray,
) -> pd.DataFrame | None:
    """A CE enrollment alongside the episode: assessed, then referred to the housing step if any."""
    found = cands.get(coc, kind, "CE")
    take = np.flatnonzero(with_ce)
    if found is None or not len(take):
        return None
    housing_at = [i for i, c in enumerate(path) if c in HOUSING or c == "TH"]
    housing = [steps[i] for i in housing_at]
    rows, weights = found
    n = len(take)
    entry = start[take] + rng.integers(0, 4, n)
    if path[0] in HOUSING or path[0] == "TH":  # the housing entry was delayed by at least 10 days
        entry = start[take] + rng.integers(0, 4, n)
    if housing:
        exit_ = np.maximum(entry + 1, housing[0]["entry"][take])
        dest = np.where(path[0] in ("ES", "NBN", "TH"), 101, 116) + np.zeros(n, dtype=np.int64)
        subsidy = np.full(n, -1)
        referred = path[housing_at[0]]
    else:
        exit_ = entry + _lognormal(rng, _DURATION["CE"], n)
        dest, subsidy = destinations.draw(rng, destinations.step_class("CE", np.zeros(n, bool)), "default")
        referred = path[0]
    return {
        "unit": unit[take],
        "episode": np.full(n, episode),
        "coc": np.full(n, coc, dtype=object),
        "path": np.full(n, "+".join(path), dtype=object),
        "cat": np.full(n, "CE", dtype=object),
        "project": rows[rng.choice(len(rows), size=n, p=weights / weights.sum())],
        "entry": entry,
        "exit": exit_,
        "move_in": np.full(n, -1),
        "dest": dest,
        "subsidy": subsidy,
        "step": np.full(n, -1),
        "prev_cat": np.full(n, "", dtype=object),
        "referred": np.full(n, referred, dtype=object),
        "referred_entry": housing[0]["entry"][take] if housing else np.full(n, -1),
    }


def _truncate(stays: pd.DataFrame, options: Options) -> pd.DataFrame:
    """Cut at the export end (open stays, no future move-ins) and keep stays active in the period."""
    start, end = day(options.start_date), day(options.end_date)
    stays = stays[stays["entry"] <= end].copy()
    open_ = stays["exit"] > end
    stays.loc[open_, ["exit", "dest", "subsidy"]] = -1
    stays.loc[stays["move_in"] > end, "move_in"] = -1
    stays = stays[(stays["exit"] == -1) | (stays["exit"] >= start)]
    stays = stays.sort_values(["entry", "unit", "step"], kind="stable").reset_index(drop=True)
    stays["stay"] = np.arange(len(stays))
    stays["ptype"] = [CATEGORIES[c][0] for c in stays["cat"]]
    return stays
