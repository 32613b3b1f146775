"""Synthetic personal identifiers that belong to no one.

Names are composed from invented syllables (never from census or baby-name lists); SSNs are random
9-digit numbers of valid pattern (area 001-899 except 666, group 01-99, serial 0001-9999); dates of
birth are random. Uniqueness is enforced so that two distinct people never share two of
(SSN, name, DOB), which lets identity-resolution tests know the truth exactly.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

_FIRST_A = np.array(
    [
        "Ka",
        "Le",
        "Mo",
        "Ta",
        "Ri",
        "So",
        "Da",
        "Ne",
        "Vi",
        "Lo",
        "Ma",
        "Jo",
        "Ha",
        "Be",
        "Cy",
        "Fa",
        "Ge",
        "Ila",
        "Ora",
        "Ule",
        "Ya",
        "Ze",
        "Pe",
        "Wi",
        "Ar",
        "El",
        "Om",
        "Tu",
        "Quo",
        "Sa",
        "Bry",
        "Dal",
    ]
)
_FIRST_B = np.array(["", "", "la", "ri", "no", "ve", "si", "ra", "mi", "de", "lo", "ta", "ne", "qui", "vo"])
_FIRST_C = np.array(
    [
        "n",
        "ra",
        "th",
        "lyn",
        "dor",
        "sa",
        "vin",
        "ette",
        "ric",
        "na",
        "mo",
        "ly",
        "xe",
        "el",
        "ane",
        "wen",
        "ric",
        "tor",
        "bel",
        "sey",
    ]
)
_LAST_A = np.array(
    [
        "Bran",
        "Cal",
        "Dun",
        "Fen",
        "Gar",
        "Hol",
        "Kes",
        "Lam",
        "Mor",
        "Nor",
        "Pel",
        "Quen",
        "Ros",
        "Sel",
        "Tam",
        "Vor",
        "Wel",
        "Yar",
        "Zan",
        "Ash",
        "Bel",
        "Cor",
        "Dra",
        "Ell",
        "Fal",
        "Har",
        "Mar",
        "Ost",
        "Ral",
        "Stan",
        "Tav",
        "Ulm",
        "Vesk",
        "Wyn",
        "Brec",
        "Thal",
    ]
)
_LAST_B = np.array(["", "", "a", "e", "i", "o", "er", "an", "ow", "il"])
_LAST_C = np.array(
    [
        "by",
        "dale",
        "field",
        "ford",
        "ham",
        "ley",
        "more",
        "ton",
        "wick",
        "worth",
        "quist",
        "stad",
        "sen",
        "rud",
        "ville",
        "ridge",
        "cott",
        "mont",
        "ard",
        "ock",
        "vane",
        "holt",
        "brook",
        "gard",
    ]
)
_SUFFIXES = np.array(["Jr", "Sr", "II", "III"])


def first_names(rng: np.random.Generator, n: int) -> np.ndarray:
    parts = (_FIRST_A[rng.integers(len(_FIRST_A), size=n)], _FIRST_B[rng.integers(len(_FIRST_B), size=n)])
    ends = _FIRST_C[rng.integers(len(_FIRST_C), size=n)]
    return np.char.add(np.char.add(parts[0], parts[1]), ends).astype(object)


def last_names(rng: np.random.Generator, n: int) -> np.ndarray:
    a = _LAST_A[rng.integers(len(_LAST_A), size=n)]
    b = _LAST_B[rng.integers(len(_LAST_B), size=n)]
    c = _LAST_C[rng.integers(len(_LAST_C), size=n)]
    return np.char.add(np.char.add(a, b), c).astype(object)


def normalised(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Lower-case letters only, first and last joined by "|": how identity matching compares names."""
    f = pd.Series(np.asarray(first, dtype=object), dtype=object).str.lower().str.replace(r"[^a-z]", "", regex=True)
    la = pd.Series(np.asarray(last, dtype=object), dtype=object).str.lower().str.replace(r"[^a-z]", "", regex=True)
    missing = f.isna().to_numpy() | la.isna().to_numpy() | (f == "").to_numpy() | (la == "").to_numpy()
    out = (f.fillna("") + "|" + la.fillna("")).to_numpy(dtype=object).copy()
    out[missing] = None
    return out


def name_key(first: str | None, last: str | None) -> str | None:
    """:func:`normalised` for one name."""
    if not first or not last:
        return None
    f = "".join(ch for ch in first.lower() if "a" <= ch <= "z")
    la = "".join(ch for ch in last.lower() if "a" <= ch <= "z")
    return f"{f}|{la}" if f and la else None


def unique_first_names(rng: np.random.Generator, last: np.ndarray) -> np.ndarray:
    """First names such that every (first, last) pair is unique, family members included."""
    first = first_names(rng, len(last))
    while True:
        keys = normalised(first, last)
        _, index = np.unique(keys.astype(str), return_index=True)
        seen = np.zeros(len(keys), dtype=bool)
        seen[index] = True  # the first holder of each name keeps it
        clash = ~seen
        if not clash.any():
            return first
        first[clash] = first_names(rng, int(clash.sum()))


def middle_names(rng: np.random.Generator, n: int) -> np.ndarray:
    names = first_names(rng, n)
    names[rng.random(n) > 0.45] = None
    return names


def suffixes(rng: np.random.Generator, is_adult_male: np.ndarray) -> np.ndarray:
    out = np.full(len(is_adult_male), None, dtype=object)
    pick = is_adult_male & (rng.random(len(is_adult_male)) < 0.03)
    out[pick] = _SUFFIXES[rng.integers(len(_SUFFIXES), size=int(pick.sum()))]
    return out


def ssn_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """Unique random SSNs of valid pattern as 9-character strings."""
    areas = np.setdiff1d(np.arange(1, 900), [666])

    def draw(k: int) -> np.ndarray:
        area = areas[rng.integers(len(areas), size=k)]
        return area * 1_000_000 + rng.integers(1, 100, size=k) * 10_000 + rng.integers(1, 10_000, size=k)

    numbers = draw(n)
    while True:
        _, index = np.unique(numbers, return_index=True)
        dup = np.ones(n, dtype=bool)
        dup[index] = False
        if not dup.any():
            break
        numbers[dup] = draw(int(dup.sum()))
    return np.char.zfill(numbers.astype(str), 9).astype(object)


def is_valid_ssn(ssn: str | None) -> bool:
    """HUD/SSA pattern: 9 digits, area not 000/666/9xx, group not 00, serial not 0000."""
    if not isinstance(ssn, str) or len(ssn) != 9 or not ssn.isdigit():
        return False
    area, group, serial = ssn[:3], ssn[3:5], ssn[5:]
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"


def nickname(name: str, rng: np.random.Generator) -> str:
    """A shortened or mistyped first name: what a second agency might type."""
    if len(name) > 5 and rng.random() < 0.5:
        return name[: int(rng.integers(3, 5))]
    i = int(rng.integers(1, max(2, len(name) - 1)))
    letters = list(name)
    letters[i - 1], letters[i] = letters[i], letters[i - 1]
    typo = "".join(letters)
    return typo if typo.lower() != name.lower() else name + "e"
