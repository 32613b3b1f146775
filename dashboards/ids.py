"""One way to write an agency or project id: ``<source>:<HUD id>`` (``ok-507:5073``), the warehouse key itself
(pipelines/ids.py). Pages and messages show names, and the id beside a name only where users type ids (user
administration)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pipelines.ids import clean
from pipelines.spec.loader import load_spec

__all__ = ["clean", "cleaned", "funding_source", "named"]
FUNDER_LIST = "2.06.1"  # HUD's Funder list (data element 2.06)


def cleaned(texts: Iterable[str] | None) -> list[str]:
    """The typed ids without blanks or stray spaces."""
    return [clean(t) for t in texts or () if t and t.strip()]


def named(key: str, names: Mapping[str, str] | None = None, *, with_id: bool = False) -> str:
    """The name when known (``Name (source:id)`` with ``with_id``, where users type ids), else the id."""
    name = (names or {}).get(key)
    if not name:
        return key
    return f"{name} ({key})" if with_id else name


def funding_source(code: str) -> str:
    """A funding source in words: HUD's label with its code (``Local or Other Funding Source (46)``); the code
    alone when HUD's FY2026 list does not have it."""
    label = load_spec().lists.get(FUNDER_LIST, {}).get(str(code), "").replace(" (Please Specify)", "")
    return f"{label} ({code})" if label else str(code)
