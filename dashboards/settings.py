"""Security settings of the dashboards, from environment variables with safe defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass

from pipelines.errors import WaypointError


def _int_env(name: str, default: int, minimum: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as err:
        raise WaypointError(f"{name} must be a whole number, not {raw!r}") from err
    if value < minimum:
        raise WaypointError(f"{name} must be at least {minimum}, not {value}")
    return value


@dataclass(frozen=True)
class SecuritySettings:
    max_failed_sign_ins: int = 5
    lockout_minutes: int = 15
    max_failed_sign_ins_per_client: int = 20  # from one client, whatever the names, within lockout_minutes
    idle_timeout_minutes: int = 30
    session_hours: int = 12  # a session's absolute life (and its cookie's), however active
    min_password_length: int = 12
    suppression_threshold: int = 11  # counts 1 .. threshold-1 are hidden, shown as "<threshold"


def get_security_settings() -> SecuritySettings:
    return SecuritySettings(
        max_failed_sign_ins=_int_env("WAYPOINT_MAX_FAILED_SIGN_INS", 5, 1),
        lockout_minutes=_int_env("WAYPOINT_LOCKOUT_MINUTES", 15, 1),
        max_failed_sign_ins_per_client=_int_env("WAYPOINT_MAX_FAILED_SIGN_INS_PER_CLIENT", 20, 1),
        idle_timeout_minutes=_int_env("WAYPOINT_IDLE_TIMEOUT_MINUTES", 30, 1),
        session_hours=_int_env("WAYPOINT_SESSION_HOURS", 12, 1),
        min_password_length=_int_env("WAYPOINT_MIN_PASSWORD_LENGTH", 12, 8),
        suppression_threshold=_int_env("WAYPOINT_SUPPRESSION_THRESHOLD", 11, 2),
    )
