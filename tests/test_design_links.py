"""Every `DESIGN:` comment in the code names a section of docs/design.md that exists (a heading, or one of the
invariants in bold), so a reader who follows it lands somewhere."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESIGN = ROOT / "docs" / "design.md"
CODE = ("pipelines", "dashboards", "dbt_project", "tests", "scripts", "benchmarks")
SUFFIXES = {".py", ".sql", ".yml", ".md", ".sh"}
SKIPPED = {"target", "dbt_packages", "logs", "__pycache__", ".venv"}
# DESIGN: "Faults stay where they are"  or  DESIGN: Scale
REFERENCE = re.compile(r'DESIGN: (?:"([^"]+)"|([A-Z][a-z]+))')


def _sections() -> set[str]:
    text = DESIGN.read_text(encoding="utf-8")
    headings = {line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")}
    invariants = {name.rstrip(".") for name in re.findall(r"^- \*\*(.+?)\*\*", text, re.MULTILINE)}
    return headings | invariants


def _code_files() -> list[Path]:
    return [
        path
        for folder in CODE
        for path in (ROOT / folder).rglob("*")
        if path.suffix in SUFFIXES and path.is_file() and not SKIPPED & set(path.relative_to(ROOT).parts)
    ]


def test_every_design_comment_names_a_section_of_the_design() -> None:
    sections = _sections()
    unnamed, unknown = [], []
    for path in _code_files():
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if "DESIGN" not in line or path == Path(__file__):
                continue
            where = f"{path.relative_to(ROOT)}:{number}"
            names = [quoted or word for quoted, word in REFERENCE.findall(line)]
            if not names:
                unnamed.append(where)
            unknown += [f"{where}: {name}" for name in names if not any(s.startswith(name) for s in sections)]
    assert unnamed == [], 'DESIGN without a section name (write DESIGN: "<section>")'
    assert unknown == [], "DESIGN names a section docs/design.md does not have"
