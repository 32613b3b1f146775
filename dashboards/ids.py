"""One way to write an agency or project id: ``<source>:<HUD id>`` (``ok-507:5073``), as the CLI's report scopes
take it. Inputs accept that and the warehouse's own ``<source>|<HUD id>`` key; pages and messages show names, and
the colon form beside a name only where users type ids (user administration)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def to_key(text: str) -> str:
    """The warehouse key (``source|id``) of a typed id, written ``source:id`` or ``source|id``."""
    value = text.strip()
    if "|" in value:
        return value
    source, sep, local = value.partition(":")
    return f"{source.strip()}|{local.strip()}" if sep else value


def to_keys(texts: Iterable[str] | None) -> list[str]:
    return [to_key(t) for t in texts or () if t and t.strip()]


def written(key: str) -> str:
    """How users write the id of a warehouse key: ``source:id``."""
    return key.replace("|", ":", 1)


def named(key: str, names: Mapping[str, str] | None = None, *, with_id: bool = False) -> str:
    """The name when known (``Name (source:id)`` with ``with_id``, where users type ids), else the written id."""
    name = (names or {}).get(key)
    if not name:
        return written(key)
    return f"{name} ({written(key)})" if with_id else name
