"""Source-namespaced ids (an agency's or project's HUD id within the source that sent it), spelled one way
everywhere: ``<source>:<HUD id>`` (``ok-507:5073``), the form people type and read. dbt's ``*_key`` columns
(macro ``hmis_key``), users' stored scopes, report build keys, requests and manifests all hold it
(docs/decisions.md, "One spelling of a source-namespaced id").
"""

from __future__ import annotations

SEPARATOR = ":"


def source_id(source: str, local_id: str) -> str:
    """The id of ``local_id`` within ``source``."""
    return f"{source}{SEPARATOR}{local_id}"


def parse(text: str) -> tuple[str, str] | None:
    """``(source, HUD id)`` of a source-namespaced id; None for a plain code (a CoC code such as ``OK-500``)."""
    source, sep, local = text.strip().partition(SEPARATOR)
    return (source.strip(), local.strip()) if sep else None


def clean(text: str) -> str:
    """An id as typed, without stray spaces (`` ok-507 : 5073 `` -> ``ok-507:5073``); a plain code as it is."""
    parts = parse(text)
    return source_id(*parts) if parts else text.strip()
