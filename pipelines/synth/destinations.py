"""Where people go when a stay ends (3.12.1 Destination), by the kind of stay and how it ended."""

from __future__ import annotations

import numpy as np

# Destination class shares: permanent, temporary, homeless, institutional, other.
_CLASS_SHARE = {
    "shelter": (0.32, 0.30, 0.22, 0.10, 0.06),
    "outreach": (0.15, 0.20, 0.45, 0.12, 0.08),
    "transitional": (0.55, 0.25, 0.10, 0.07, 0.03),
    "housed": (0.86, 0.06, 0.03, 0.02, 0.03),
    "not_housed": (0.0, 0.50, 0.38, 0.08, 0.04),
    "psh": (0.60, 0.08, 0.05, 0.15, 0.12),
    "prevention": (0.90, 0.06, 0.03, 0.005, 0.005),
    "services": (0.25, 0.30, 0.35, 0.05, 0.05),
}
CODES = {
    "permanent": ((410, 435, 422, 423, 411, 421), (0.33, 0.30, 0.20, 0.08, 0.05, 0.04)),
    "temporary": ((312, 313, 314, 302, 329, 332), (0.35, 0.28, 0.15, 0.12, 0.06, 0.04)),
    "homeless": ((116, 101, 118), (0.58, 0.40, 0.02)),
    "institutional": ((204, 205, 206, 207, 225, 215), (0.18, 0.25, 0.20, 0.30, 0.05, 0.02)),
    "other": ((17, 24), (0.5, 0.5)),
}
_CLASSES = ("permanent", "temporary", "homeless", "institutional", "other")
# Rental subsidy types (3.12.A) by the kind of housing the household moves to.
SUBSIDY_BY_STEP = {"RRH": 431, "VRRH": 431, "PSH": 439, "PHO": 440, "HOPWA_PH": 440}
SUBSIDY_AFTER = {
    "default": ((433, 434, 420, 431, 436), (0.32, 0.28, 0.2, 0.15, 0.05)),
    "veteran": ((419, 433, 420, 428), (0.5, 0.25, 0.15, 0.1)),
    "youth": ((438, 437, 433, 434), (0.25, 0.15, 0.35, 0.25)),
}
OTHER_DESTINATIONS = np.array(
    ["Moved out of state", "Left to stay with relatives in Kansas", "Moved to Texas for work", "Church host family"],
    dtype=object,
)


def step_class(category: str, moved_in: np.ndarray) -> np.ndarray:
    """Which destination profile applies to a final exit from a step of this category."""
    base = {
        "ES": "shelter",
        "NBN": "shelter",
        "SO": "outreach",
        "DAY": "services",
        "SSO": "services",
        "RRHSO": "services",
        "CE": "services",
        "TH": "transitional",
        "PSH": "psh",
        "HP": "prevention",
        "VHP": "prevention",
        "HOPWA_HP": "prevention",
    }.get(category)
    if base is not None:
        return np.full(len(moved_in), base, dtype=object)
    return np.where(moved_in, "psh" if category == "PSH" else "housed", "not_housed").astype(object)


def draw(rng: np.random.Generator, profile: np.ndarray, population: str) -> tuple[np.ndarray, np.ndarray]:
    """Destination and, for 435, the subsidy type; ``population`` picks the subsidy mix."""
    n = len(profile)
    dest = np.zeros(n, dtype=np.int64)
    for name, share in _CLASS_SHARE.items():
        at = np.flatnonzero(profile == name)
        if not len(at):
            continue
        cls = rng.choice(len(_CLASSES), size=len(at), p=np.array(share) / sum(share))
        for c, cname in enumerate(_CLASSES):
            pick = at[cls == c]
            codes, p = CODES[cname]
            dest[pick] = rng.choice(codes, size=len(pick), p=np.array(p) / sum(p))
    subsidy = np.full(n, -1, dtype=np.int64)
    rent = dest == 435
    codes, p = SUBSIDY_AFTER[population]
    subsidy[rent] = rng.choice(codes, size=int(rent.sum()), p=np.array(p) / sum(p))
    return dest, subsidy
