"""The check's XLSX: a summary, the file-structure findings, the checks with their guidance and the local
settings, then one sheet per project with the records to fix there (what an agency admin works through)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipelines.check.run import CheckReport

_BAD_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")


def _sheet_names(projects: list[str], taken: set[str]) -> dict[str, str]:
    """Excel sheet names (at most 31 characters, unique, none of []:*?/\\) for each project."""
    names = {}
    for project in projects:
        base = _BAD_SHEET_CHARACTERS.sub(" ", project).strip()[:31] or "Project"
        name, n = base, 1
        while name.lower() in taken:
            n += 1
            name = f"{base[: 31 - len(str(n)) - 1]}~{n}"
        taken.add(name.lower())
        names[project] = name
    return names


def write_workbook(report: CheckReport, path: Path) -> Path:
    """Write the report to ``path`` (.xlsx) and return it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fixed = ["Summary", "File structure", "Checks", "Settings"]
    issues = report.issues.assign(project_name=report.issues["project_name"].fillna("(no project)"))
    projects = sorted(issues["project_name"].unique())
    sheets = _sheet_names(projects, {name.lower() for name in fixed})
    with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
        about = pd.DataFrame(
            {
                "item": ["export", "source", "CSV version", "status", "file-structure findings", "DQ issues"],
                "value": [
                    report.export.name,
                    report.source_id,
                    report.csv_version or "unknown",
                    report.status,
                    len(report.findings),
                    len(report.issues),
                ],
            }
        )
        about.to_excel(writer, sheet_name="Summary", index=False)
        report.summary().to_excel(writer, sheet_name="Summary", index=False, startrow=len(about) + 2)
        report.findings.to_excel(writer, sheet_name="File structure", index=False)
        report.catalogue.to_excel(writer, sheet_name="Checks", index=False)
        report.settings.to_excel(writer, sheet_name="Settings", index=False)
        for project in projects:
            rows = issues[issues["project_name"] == project]
            rows.to_excel(writer, sheet_name=sheets[project], index=False)
        for sheet in writer.sheets.values():
            sheet.freeze_panes(1, 0)
    return path
