"""Facts about code lists that the spec holds in its notes rather than its list columns."""

from __future__ import annotations

import re

from pipelines.spec import Column

_CODE_RUN = re.compile(r"\b(\d{1,3}(?:,\s*\d{1,3}){2,})\b")


def excluded_codes(column: Column) -> set[int]:
    """Codes of the column's list that its notes declare not valid here (prior situation, destination, CLS)."""
    found = _CODE_RUN.search(column.notes)
    return {int(x) for x in found.group(1).split(",")} if found else set()


def allowed_codes(spec, column: Column) -> list[int]:
    return [c for c in spec.codes(column.value_list) if c not in excluded_codes(column)]
