"""`waypoint key`: make a master key, see what is encrypted, encrypt an existing home, rotate the key."""

from __future__ import annotations

import os
from pathlib import Path

import click

from pipelines.config import get_settings
from pipelines.security.databases import database_states
from pipelines.security.keys import check_key_place, configured_key, new_key_text, read_key_file, recorded_id
from pipelines.security.rotation import encrypt_existing, key_ids, rotate


@click.group("key")
def command() -> None:
    """The master key that encrypts the archive and the databases at rest (WAYPOINT_KEY_FILE or WAYPOINT_KEY)."""


@command.command("new")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def new_command(path: Path) -> None:
    """Write a fresh random key to PATH (owner-only; outside WAYPOINT_HOME and the repository)."""
    check_key_place(path, get_settings().home)
    if path.exists():
        raise click.UsageError(f"{path} exists; a key file is never overwritten")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(new_key_text() + "\n")
    key = read_key_file(path, get_settings().home, "key file")
    click.echo(f"wrote a new key (key id {key.key_hex}) to {path}; back it up apart from WAYPOINT_HOME")


@command.command("status")
def status_command() -> None:
    """Which key the home is under, and how many archive files are encrypted under which key id."""
    settings = get_settings()
    recorded = recorded_id(settings.home)
    key = configured_key(settings.home)
    click.echo(f"home: {settings.home} ({'encrypted, key id ' + recorded if recorded else 'not encrypted'})")
    click.echo(f"configured key: {key.source + ', key id ' + key.key_hex if key else 'none'}")
    counts = key_ids(settings)
    files = ", ".join(f"{n} under key id {k}" if k != "plain" else f"{n} plain" for k, n in sorted(counts.items()))
    click.echo(f"archive: {files or 'empty'}")
    click.echo(f"databases: {database_states(settings.home, key)}")


@command.command("encrypt")
def encrypt_command() -> None:
    """Encrypt the archive files and databases written before a key was set (the configured key)."""
    done = encrypt_existing(get_settings().ensure())
    click.echo(
        f"encrypted {done.changed} archive files and {done.databases_changed} databases under key id {done.key_id} "
        f"({done.unchanged} archive files and {done.databases_unchanged} databases already were)"
    )


@command.command("rotate")
@click.option(
    "--new-key-file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The new key (make it with `waypoint key new FILE`).",
)
def rotate_command(new_key_file: Path) -> None:
    """Re-encrypt every archive file's data key and every database under the new key (current key: WAYPOINT_KEY_FILE).

    Stop ingests first (rotation waits for the writer lock). Interrupted, run it again: it finishes the rest.
    Afterwards point WAYPOINT_KEY_FILE at the new key; keep the old one until an ingest has run with the new one.
    """
    settings = get_settings().ensure()
    new = read_key_file(new_key_file, settings.home, "--new-key-file")
    done = rotate(settings, new)
    click.echo(
        f"{done.changed} archive files and {done.databases_changed} databases now under key id {done.key_id} "
        f"({done.unchanged} and {done.databases_unchanged} already were); "
        f"set WAYPOINT_KEY_FILE={new_key_file} from now on"
    )
