"""How many records get a defect and which: a rate of the eligible ones, at least one when forced."""

from __future__ import annotations

import numpy as np


def pick(rng: np.random.Generator, eligible: np.ndarray, rate: float, force: bool) -> np.ndarray:
    """A sorted random subset of ``eligible`` (positions or ids) of size round(rate * len)."""
    eligible = np.asarray(eligible)
    if rate <= 0 or not len(eligible):
        return eligible[:0]
    count = round(rate * len(eligible))
    if force:
        count = max(count, 1)
    count = min(count, len(eligible))
    return np.sort(rng.choice(eligible, size=count, replace=False))
