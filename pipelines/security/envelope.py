"""Envelope encryption of one file: a fresh data key per file (AES-256-GCM), wrapped by the master key.

Layout: ``MAGIC (8) | key id (8) | wrap nonce (12) | wrapped data key (48) | chunk size (4)`` then the content in
chunks of ``chunk size`` bytes, each sealed with AES-GCM under the data key (16-byte tag). A chunk's nonce is its
number and a flag for the last chunk, so chunks cannot be reordered, dropped or cut off unnoticed; the data key
is used for one file only, so counter nonces never repeat. Rotating the master key rewrites only the header.
Reading is random access (``DecryptingReader`` is seekable), so ``zipfile`` opens an encrypted zip directly and
no plaintext copy is ever written.
"""

from __future__ import annotations

import io
import os
import secrets
import struct
import tempfile
from collections.abc import Iterable
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pipelines.security.keys import KeyProblem, MasterKey

MAGIC = b"WPTENC01"
CHUNK = 1 << 20
_TAG = 16
_HEADER = struct.Struct(">8s8s12s48sI")
HEADER_LEN = _HEADER.size


class Damaged(KeyProblem):
    """An encrypted file failed authentication: damaged, cut off or altered."""


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _aad(chunk_size: int) -> bytes:
    return MAGIC + chunk_size.to_bytes(4, "big")


def _header(key: MasterKey, data_key: bytes, chunk_size: int) -> bytes:
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(key.secret).encrypt(nonce, data_key, MAGIC + key.key_id)
    return _HEADER.pack(MAGIC, key.key_id, nonce, wrapped, chunk_size)


def _unwrap(path: Path, header: bytes, keys: Iterable[MasterKey]) -> tuple[bytes, int, MasterKey]:
    if len(header) < HEADER_LEN or not header.startswith(MAGIC):
        raise Damaged(f"{path} is not a Waypoint encrypted file or its header is cut off")
    _, key_id, nonce, wrapped, chunk_size = _HEADER.unpack(header[:HEADER_LEN])
    keys = list(keys)
    for key in keys:
        if key.key_id == key_id:
            try:
                return AESGCM(key.secret).decrypt(nonce, wrapped, MAGIC + key_id), chunk_size, key
            except InvalidTag:
                raise Damaged(
                    f"{path} is damaged (its data key does not authenticate); restore it from a backup"
                ) from None
    given = ", ".join(k.key_hex for k in keys) or "none"
    raise KeyProblem(f"{path} is encrypted under key id {key_id.hex()}, not the configured key ({given})")


class EncryptingWriter(io.RawIOBase):
    """Write-only stream that encrypts into ``handle`` (closed with it); ``close`` seals the last chunk."""

    def __init__(self, handle, key: MasterKey, chunk_size: int = CHUNK):
        self._out, self._size = handle, chunk_size
        self._gcm, self._buffer, self._index = None, bytearray(), 0
        data_key = AESGCM.generate_key(bit_length=256)
        self._gcm = AESGCM(data_key)
        self._out.write(_header(key, data_key, chunk_size))

    def writable(self) -> bool:
        return True

    def _seal(self, piece: bytes, last: bool) -> None:
        self._out.write(self._gcm.encrypt(_nonce(self._index, last), piece, _aad(self._size)))
        self._index += 1

    def write(self, data) -> int:
        self._buffer += data
        while len(self._buffer) > self._size:  # keep at least one byte back: the last chunk is sealed on close
            self._seal(bytes(self._buffer[: self._size]), False)
            del self._buffer[: self._size]
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), True)
            self._out.flush()
            os.fsync(self._out.fileno())
            self._out.close()
        super().close()


class DecryptingReader(io.RawIOBase):
    """Seekable read-only view of an encrypted file's plaintext; each chunk is authenticated before use."""

    def __init__(self, path: Path, keys: Iterable[MasterKey]):
        self._path = Path(path)
        self._in = open(self._path, "rb")  # noqa: SIM115 (closed by close())
        try:
            self._gcm_key, self._size, self.key = _unwrap(self._path, self._in.read(HEADER_LEN), keys)
        except BaseException:
            self._in.close()
            raise
        self._gcm = AESGCM(self._gcm_key)
        body = os.fstat(self._in.fileno()).st_size - HEADER_LEN
        step = self._size + _TAG
        self._chunks = max(1, -(-body // step))
        self.length = body - self._chunks * _TAG
        if body < _TAG or self.length < 0:
            raise Damaged(f"{self._path} is cut off; restore it from a backup")
        self._pos, self._cached = 0, (-1, b"")

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.length}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def _chunk(self, index: int) -> bytes:
        if self._cached[0] != index:
            self._in.seek(HEADER_LEN + index * (self._size + _TAG))
            sealed = self._in.read(self._size + _TAG)
            try:
                plain = self._gcm.decrypt(_nonce(index, index == self._chunks - 1), sealed, _aad(self._size))
            except InvalidTag:
                raise Damaged(
                    f"{self._path} is damaged or cut off (chunk {index + 1} of {self._chunks} does not "
                    "authenticate); restore it from a backup"
                ) from None
            self._cached = (index, plain)
        return self._cached[1]

    def readinto(self, buffer) -> int:
        if self._pos >= self.length:
            return 0
        index, start = divmod(self._pos, self._size)
        piece = self._chunk(index)[start : start + len(buffer)]
        buffer[: len(piece)] = piece
        self._pos += len(piece)
        return len(piece)

    def close(self) -> None:
        if not self.closed:
            self._in.close()
        super().close()


def open_plain(path: Path, key: MasterKey | None) -> io.BufferedReader:
    """The plaintext of ``path``, whether it is encrypted (needs ``key``) or a plain file from before."""
    with open(path, "rb") as probe:
        encrypted = probe.read(len(MAGIC)) == MAGIC
    if not encrypted:
        return open(path, "rb")
    if key is None:
        raise KeyProblem(f"{path} is encrypted and no key is set; set WAYPOINT_KEY_FILE (or WAYPOINT_KEY)")
    return io.BufferedReader(DecryptingReader(path, [key]), buffer_size=CHUNK)


def _replace_atomically(dest: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=dest.parent)
    try:
        write(os.fdopen(fd, "wb"))
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def encrypt_copy(src: Path, dest: Path, key: MasterKey) -> None:
    """Copy ``src`` to ``dest`` encrypted (write aside, fsync, rename: never a half file)."""

    def write(handle) -> None:
        with open(src, "rb") as source, EncryptingWriter(handle, key) as out:
            while piece := source.read(CHUNK):
                out.write(piece)

    _replace_atomically(dest, write)


def encrypt_in_place(path: Path, key: MasterKey) -> bool:
    """Encrypt a plain file in place (atomically); False when it already is encrypted."""
    if is_encrypted(path):
        return False
    encrypt_copy(path, path, key)
    return True


def rewrap(path: Path, old: Iterable[MasterKey], new: MasterKey) -> bool:
    """Put the file's data key under ``new`` (rewrite aside, rename); False when it already is under ``new``."""
    with open(path, "rb") as handle:
        header = handle.read(HEADER_LEN)
        if header[8:16] == new.key_id:
            return False
        data_key, chunk_size, _ = _unwrap(path, header, old)

        def write(out) -> None:
            with out:
                out.write(_header(new, data_key, chunk_size))
                while piece := handle.read(CHUNK):
                    out.write(piece)
                out.flush()
                os.fsync(out.fileno())

        _replace_atomically(path, write)
    return True
