"""Typical paths through a CoC's projects, and which roster projects can serve each step.

A step names a category of project; the roster decides which real (fictional) projects of the CoC
offer it to a household of that kind. Weights are relative frequencies of the path among episodes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipelines.synth.population import KINDS

# category -> (ProjectType, RRHSubType or None, extra requirement on the project)
CATEGORIES: dict[str, tuple[int, int | None, str]] = {
    "ES": (0, None, ""),
    "NBN": (1, None, ""),
    "TH": (2, None, ""),
    "PSH": (3, None, ""),
    "SO": (4, None, ""),
    "SSO": (6, None, ""),
    "PHO": (9, None, ""),
    "DAY": (11, None, ""),
    "HP": (12, None, ""),
    "RRH": (13, 2, ""),
    "RRHSO": (13, 1, ""),
    "CE": (14, None, ""),
    "VRRH": (13, 2, "veterans"),
    "VHP": (12, None, "veterans"),
    "HOPWA_PH": (10, None, "hiv"),
    "HOPWA_HP": (12, None, "hiv"),
}
HOUSING = {"RRH", "PSH", "PHO", "VRRH", "HOPWA_PH"}  # steps with a move-in date
SHELTER = {"ES", "NBN", "SO", "TH", "DAY"}

_SINGLE = [
    (("ES",), 16),
    (("NBN",), 18),
    (("SO",), 7),
    (("SO", "NBN"), 4),
    (("SO", "ES"), 2),
    (("ES", "RRH"), 8),
    (("NBN", "RRH"), 5),
    (("NBN", "PSH"), 2),
    (("SO", "PSH"), 1.5),
    (("ES", "PSH"), 1),
    (("TH",), 3),
    (("ES", "TH"), 2),
    (("HP",), 6),
    (("DAY",), 6),
    (("SSO",), 3),
    (("RRH",), 3),
    (("NBN", "PHO"), 0.7),
    (("RRHSO",), 1),
    (("DAY", "NBN"), 2),
    (("HOPWA_PH",), 0.4),
    (("HOPWA_HP",), 0.4),
]
_VETERAN = [(("VRRH",), 6), (("NBN", "VRRH"), 6), (("ES", "VRRH"), 3), (("VHP",), 5), (("SO", "VRRH"), 1)]
_FAMILY = [
    (("ES",), 12),
    (("ES", "RRH"), 14),
    (("HP",), 10),
    (("TH",), 5),
    (("ES", "TH"), 3),
    (("RRH",), 5),
    (("PSH",), 1),
    (("ES", "PSH"), 1),
    (("SSO",), 1),
    (("HOPWA_HP",), 0.3),
]
_YOUTH = [
    (("ES",), 10),
    (("TH",), 4),
    (("RRH",), 4),
    (("ES", "TH"), 3),
    (("NBN",), 8),
    (("ES", "RRH"), 3),
    (("SO",), 3),
    (("DAY",), 3),
]
TEMPLATES: dict[str, list[tuple[tuple[str, ...], float]]] = {
    "single": _SINGLE,
    "couple": [t for t in _SINGLE if t[0] not in {("NBN", "PHO")}],
    "family": _FAMILY,
    "youth": _YOUTH,
    "parenting_youth": _FAMILY[:7],
    "minor": [(("ES",), 1)],
    "veteran": _SINGLE + _VETERAN,
    "veteran_family": _FAMILY + _VETERAN[:4],
}
# Which roster "serves" tags a household of each kind may use, in order of preference.
SERVES = {
    "single": ("singles",),
    "couple": ("singles",),
    "family": ("families",),
    "youth": ("youth", "singles"),
    "parenting_youth": ("youth", "families"),
    "minor": ("minors",),
    "veteran": ("veterans", "singles"),
    "veteran_family": ("veterans", "families"),
}


@dataclass(frozen=True)
class Candidates:
    """Roster rows (index into the participating projects) and weights per (CoC, kind, category)."""

    table: dict[tuple[str, str, str], tuple[np.ndarray, np.ndarray]]

    def get(self, coc: str, kind: str, category: str) -> tuple[np.ndarray, np.ndarray] | None:
        return self.table.get((coc, kind, category))


def candidates(projects: pd.DataFrame) -> Candidates:
    """For every CoC, household kind and category, the projects that could serve the step."""
    table = {}
    rows = list(projects.itertuples(index=False))
    tags = [set(p.serves.split(";")) for p in rows]
    for coc in projects["coc_code"].unique():
        for kind, wanted in SERVES.items():
            for category, (ptype, subtype, need) in CATEGORIES.items():
                found = []
                for i, p in enumerate(rows):
                    if p.coc_code != coc or p.project_type != ptype:
                        continue
                    if subtype is not None and (pd.isna(p.rrh_subtype) or int(p.rrh_subtype) != subtype):
                        continue
                    if (p.target_population == 3) != (need == "hiv"):
                        continue
                    if need == "veterans":
                        ok = "veterans" in tags[i] and "veterans" in wanted
                    else:  # veteran-only projects (SSVF) serve only veterans
                        ok = bool(tags[i] & set(wanted)) and ("veterans" in wanted or tags[i] != {"veterans"})
                    if ok:
                        found.append(i)
                if found:
                    rows_ = np.array(found)
                    table[(coc, kind, category)] = (rows_, projects["weight"].to_numpy()[rows_].astype(float))
    return Candidates(table)


def applicable_templates(cands: Candidates, coc: str, kind: str) -> tuple[list[tuple[str, ...]], np.ndarray]:
    """The kind's paths whose every step has a project in the CoC, with their weights."""
    paths, weights = [], []
    for steps, weight in TEMPLATES[kind]:
        if all(cands.get(coc, kind, s) is not None for s in steps):
            paths.append(steps)
            weights.append(weight)
    return paths, np.asarray(weights, dtype=float)


def kind_name(code: int) -> str:
    return KINDS[code]
