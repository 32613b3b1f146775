"""Header checks: a file's columns against the spec, matched by name without regard to case.

A missing or doubled column rejects the export (the file cannot be read as HUD meant it);
case, order and extra columns are vendor variations, said as warnings while the file loads.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.ingest.models import ERROR, FATAL, WARNING, Finding
from pipelines.spec import FileSpec


@dataclass(frozen=True)
class ColumnMap:
    """Position in the delivered header -> HUD column name (None for a column HUD does not define)."""

    file: str
    names: tuple[str | None, ...]

    @property
    def loaded(self) -> list[tuple[int, str]]:
        return [(i, n) for i, n in enumerate(self.names) if n is not None]


def check_header(
    header: list[str], spec: FileSpec, other: tuple[str, FileSpec] | None = None
) -> tuple[ColumnMap, list[Finding]]:
    """Match the header to the spec; ``other`` (version, file spec) lets a finding name the other format."""
    file = spec.name
    findings: list[Finding] = []
    if not header or header == [""]:
        findings.append(
            Finding(file, "file.empty", ERROR, f"{file}.csv is empty: it has no header row; no rows were loaded.")
        )
        return ColumnMap(file, ()), findings
    by_lower = {c.lower(): c for c in spec.column_names}
    names: list[str | None] = []
    seen: dict[str, int] = {}
    for pos, raw in enumerate(header, start=1):
        hud = by_lower.get(raw.lower())
        if hud is None:
            names.append(None)
            hint = ""
            if other is not None and raw.lower() in {c.lower() for c in other[1].column_names}:
                hint = f" (it belongs to the {other[0].upper()} format)"
            findings.append(
                Finding(
                    file,
                    "header.extra",
                    WARNING,
                    f"{file}.csv has a column '{raw}' that the spec does not define{hint}; its values were not "
                    "loaded (they stay in the archive).",
                    column_name=raw or None,
                    value=raw,
                )
            )
            continue
        if hud in seen:
            findings.append(
                Finding(
                    file,
                    "header.duplicate",
                    FATAL,
                    f"{file}.csv has the column {hud} twice (positions {seen[hud]} and {pos}).",
                    column_name=hud,
                    value=raw,
                )
            )
            names.append(None)
            continue
        seen[hud] = pos
        names.append(hud)
    missing = [c for c in spec.column_names if c not in seen]
    for col in missing:
        findings.append(
            Finding(
                file,
                "header.missing",
                FATAL,
                f"{file}.csv lacks the column {col}, so the file cannot be read as the spec says.",
                column_name=col,
            )
        )
    wrong_case = [f"'{raw}' (spec: {hud})" for raw, hud in zip(header, names, strict=True) if hud and raw != hud]
    if wrong_case:
        findings.append(
            Finding(
                file,
                "header.case",
                WARNING,
                f"{file}.csv spells {len(wrong_case)} column name(s) in another case: "
                f"{', '.join(wrong_case[:5])}{' …' if len(wrong_case) > 5 else ''}; matched anyway.",
            )
        )
    present = [n for n in names if n]
    expected = [c for c in spec.column_names if c in seen]
    if not missing and present != expected:
        first = next(i for i, (a, b) in enumerate(zip(present, expected, strict=True)) if a != b)
        findings.append(
            Finding(
                file,
                "header.order",
                WARNING,
                f"{file}.csv has its columns in another order than the spec (column {first + 1} is {present[first]}, "
                f"the spec has {expected[first]}); matched by name.",
                column_name=present[first],
            )
        )
    return ColumnMap(file, tuple(names)), findings
