"""Source-namespaced ids (an agency's or project's HUD id within the source that sent it), spelled one way in
each place and converted only here (docs/decisions.md, "One spelling of a source-namespaced id"):

- the warehouse key ``<source>|<HUD id>`` (``ok-507|5073``): dbt's ``*_key`` columns, users' stored scopes;
- the written form ``<source>:<HUD id>`` (``ok-507:5073``): what people type and read, report build keys,
  report requests and their artifacts' manifests.
"""

from __future__ import annotations

KEY_SEPARATOR = "|"
WRITTEN_SEPARATOR = ":"


def to_key(text: str) -> str:
    """The warehouse key of an id written ``source:id`` (or already ``source|id``); a CoC code stays as it is."""
    value = text.strip()
    if KEY_SEPARATOR in value:
        return value
    source, sep, local = value.partition(WRITTEN_SEPARATOR)
    return f"{source.strip()}{KEY_SEPARATOR}{local.strip()}" if sep else value


def written(key: str) -> str:
    """The written form (``source:id``) of a warehouse key; a written id stays as it is."""
    return key.replace(KEY_SEPARATOR, WRITTEN_SEPARATOR, 1)


def written_id(source: str, local_id: str) -> str:
    """The written form of a source and its HUD id."""
    return f"{source}{WRITTEN_SEPARATOR}{local_id}"
