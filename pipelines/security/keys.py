"""The master key that encrypts client files at rest: from a key file or an environment variable, never the repo.

``WAYPOINT_KEY_FILE`` names a file (owner-only, outside ``WAYPOINT_HOME`` and the repository) holding the key as
44 base64 characters (32 random bytes; ``waypoint key new FILE`` makes one); ``WAYPOINT_KEY`` holds the same text
directly. Once a home is encrypted it records the key's id (not the key) in ``WAYPOINT_HOME/encryption.json``,
so a missing or wrong key is one line instead of a failed decryption deep inside an ingest.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pipelines.errors import WaypointError

KEY_BYTES = 32
MARKER = "encryption.json"
_HOW = "make one with `waypoint key new FILE` (outside WAYPOINT_HOME and the repository)"


class KeyProblem(WaypointError):
    """The key is missing, wrong, malformed or kept where it must not be."""


@dataclass(frozen=True)
class MasterKey:
    secret: bytes
    source: str  # where it came from, for messages ("WAYPOINT_KEY_FILE /etc/waypoint/key")

    @property
    def key_id(self) -> bytes:
        """8 bytes naming the key without revealing it (stored in every encrypted file's header)."""
        return hmac.new(self.secret, b"waypoint key id", hashlib.sha256).digest()[:8]

    @property
    def key_hex(self) -> str:
        return self.key_id.hex()


def new_key_text() -> str:
    return base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def parse_key(text: str, source: str) -> MasterKey:
    try:
        secret = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        secret = b""
    if len(secret) != KEY_BYTES:
        raise KeyProblem(f"{source} does not hold a Waypoint key (44 base64 characters of 32 random bytes); {_HOW}")
    return MasterKey(secret, source)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def check_key_place(path: Path, home: Path) -> None:
    """A key kept with the data (or in the repository) would travel with every backup or copy of it."""
    from pipelines.config import PROJECT_ROOT

    for folder, what in ((home, "WAYPOINT_HOME"), (PROJECT_ROOT, "the repository")):
        if _inside(path, folder):
            raise KeyProblem(f"the key file {path} is inside {what} ({folder}); keep it elsewhere, owner-only (0600)")


def read_key_file(path: Path, home: Path, variable: str = "WAYPOINT_KEY_FILE") -> MasterKey:
    source = f"{variable} {path}"
    check_key_place(path, home)
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        raise KeyProblem(f"{source} does not exist; {_HOW}") from None
    except OSError as err:
        raise KeyProblem(f"{source} cannot be read ({err.strerror}); make it readable by this account only") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyProblem(f"{source} can be read by other accounts ({mode & 0o777:04o}); run `chmod 600 {path}`")
    return parse_key(text, source)


def configured_key(home: Path) -> MasterKey | None:
    """The key named by WAYPOINT_KEY_FILE, else WAYPOINT_KEY, else None."""
    if path := os.environ.get("WAYPOINT_KEY_FILE"):
        return read_key_file(Path(path), home)
    if text := os.environ.get("WAYPOINT_KEY"):
        return parse_key(text, "WAYPOINT_KEY")
    return None


def recorded_id(home: Path) -> str | None:
    """The key id recorded by an encrypted home, or None for a home that was never encrypted."""
    marker = home / MARKER
    try:
        return str(json.loads(marker.read_text())["key_id"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise KeyProblem(f"{marker} is damaged ({err}); restore it from a backup of WAYPOINT_HOME") from None


def record(home: Path, key: MasterKey) -> None:
    """Write (atomically) that this home is encrypted under ``key``."""
    marker = home / MARKER
    tmp = marker.with_name(f".{MARKER}.tmp")
    body = {
        "key_id": key.key_hex,
        "cipher": "AES-256-GCM, a data key per file wrapped by the master key",
        "since": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    home.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(body, indent=2) + "\n")
    os.chmod(tmp, 0o600)
    os.replace(tmp, marker)


def active_key(home: Path) -> MasterKey | None:
    """The key this home's client files are encrypted with; None for a home with no key at all.

    A home that records a key id refuses to go on without that key (one line); a key configured for a home
    that was never encrypted turns encryption on from here (new files are encrypted, see `waypoint key encrypt`).
    """
    key = configured_key(home)
    expected = recorded_id(home)
    if expected is None:
        if key is not None:
            record(home, key)
        return key
    if key is None:
        raise KeyProblem(
            f"{home} is encrypted (key id {expected}) and no key is set; set WAYPOINT_KEY_FILE to its key file "
            "(or WAYPOINT_KEY to the key)"
        )
    if key.key_hex != expected:
        raise KeyProblem(
            f"the key from {key.source} (key id {key.key_hex}) is not the key of {home} (key id {expected}); "
            "use that key, or finish an interrupted rotation with `waypoint key rotate`"
        )
    return key
