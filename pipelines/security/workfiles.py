"""An ingest's unpacked CSVs, encrypted on disk when the home has a key (plain files otherwise).

Python reads and writes them through the envelope streams. DuckDB's ``read_csv`` needs a path, so it is given a
named pipe (``readable_path``) that a thread fills with the decrypted bytes: the plaintext passes through the
kernel's pipe buffer, never through a file.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from pipelines.security.envelope import CHUNK, EncryptingWriter, open_plain
from pipelines.security.keys import MasterKey


def open_write(path: Path, key: MasterKey | None) -> BinaryIO:
    handle = open(path, "wb")  # noqa: SIM115 (returned to the caller, who closes it)
    if key is None:
        return handle
    return io.BufferedWriter(EncryptingWriter(handle, key), buffer_size=CHUNK)  # type: ignore[return-value]


def open_read(path: Path, key: MasterKey | None) -> BinaryIO:
    return open(path, "rb") if key is None else open_plain(path, key)  # type: ignore[return-value]


def open_text(path: Path, key: MasterKey | None, mode: str, encoding: str = "utf-8") -> io.TextIOWrapper:
    """``mode`` 'r' or 'w'; newline translation off, as the csv module wants."""
    binary = open_read(path, key) if mode == "r" else open_write(path, key)
    return io.TextIOWrapper(binary, encoding=encoding, newline="")


@contextmanager
def readable_path(path: Path, key: MasterKey | None) -> Iterator[Path]:
    """A path DuckDB can read the plaintext from: the file itself, or a named pipe fed while the block runs."""
    if key is None:
        yield path
        return
    pipe = path.with_name(f"{path.name}.pipe")
    pipe.unlink(missing_ok=True)
    os.mkfifo(pipe, 0o600)

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError, OSError), open(pipe, "wb") as out, open_plain(path, key) as src:
            while piece := src.read(CHUNK):
                out.write(piece)

    feeder = threading.Thread(target=feed, name=f"feed {path.name}", daemon=True)
    feeder.start()
    try:
        yield pipe
    finally:
        if feeder.is_alive():  # the reader stopped early or never opened the pipe: let the feeder finish
            with contextlib.suppress(OSError):
                os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))
        feeder.join(10)
        pipe.unlink(missing_ok=True)
