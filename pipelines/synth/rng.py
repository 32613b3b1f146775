"""Independent, reproducible random streams: one per named purpose, all derived from the run's seed.

Naming the stream (instead of drawing from one shared generator) keeps a part's output stable when
another part changes how many numbers it draws.
"""

from __future__ import annotations

import zlib

import numpy as np


def stream(seed: int, purpose: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(purpose.encode())])


def choice_by_weight(rng: np.random.Generator, weights: np.ndarray, size: int) -> np.ndarray:
    """Indices drawn with probability proportional to ``weights``."""
    w = np.asarray(weights, dtype=float)
    return rng.choice(len(w), size=size, p=w / w.sum())
