"""One way to write an agency or project id: ``<source>:<HUD id>`` (``ok-507:5073``), as the CLI's report scopes
take it. Inputs accept that and the warehouse's own ``<source>|<HUD id>`` key; pages and messages show names, and
the colon form beside a name only where users type ids (user administration). The conversion itself is
pipelines/ids.py, shared with the report planner."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pipelines.ids import to_key, written
from pipelines.spec.loader import load_spec

__all__ = ["funding_source", "named", "to_key", "to_keys", "written"]
FUNDER_LIST = "2.06.1"  # HUD's Funder list (data element 2.06)


def to_keys(texts: Iterable[str] | None) -> list[str]:
    return [to_key(t) for t in texts or () if t and t.strip()]


def named(key: str, names: Mapping[str, str] | None = None, *, with_id: bool = False) -> str:
    """The name when known (``Name (source:id)`` with ``with_id``, where users type ids), else the written id."""
    name = (names or {}).get(key)
    if not name:
        return written(key)
    return f"{name} ({written(key)})" if with_id else name


def funding_source(code: str) -> str:
    """A funding source in words: HUD's label with its code (``Local or Other Funding Source (46)``); the code
    alone when HUD's FY2026 list does not have it."""
    label = load_spec().lists.get(FUNDER_LIST, {}).get(str(code), "").replace(" (Please Specify)", "")
    return f"{label} ({code})" if label else str(code)
