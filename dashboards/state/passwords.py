"""Argon2id password hashes and one-time passwords."""

from __future__ import annotations

import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pipelines.errors import WaypointError

_HASHER = PasswordHasher()
_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


@cache
def _dummy_hash() -> str:
    """Verified when the username is unknown, so a failed sign-in costs the same either way (made on first use:
    an Argon2 hash is slow on purpose, and most processes importing this module never verify one)."""
    return _HASHER.hash(secrets.token_urlsafe(16))


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def one_time_password(length: int = 16) -> str:
    """Readable (no 0/O, 1/l/I) and strong enough to be handed over once."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def check_new_password(password: str, *, min_length: int, old_hash: str | None = None) -> None:
    """Raises WaypointError in plain words when a chosen password is too weak or unchanged."""
    if len(password) < min_length:
        raise WaypointError(f"the new password must have at least {min_length} characters")
    if len(set(password)) < 5:
        raise WaypointError("the new password repeats too few different characters")
    if old_hash and verify_password(old_hash, password):
        raise WaypointError("the new password must differ from the one-time or old password")
