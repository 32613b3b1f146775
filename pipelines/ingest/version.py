"""Which HMIS CSV version an export is: CSVVersion first, the Client.csv headers when it says nothing."""

from __future__ import annotations

import re

from pipelines.ingest.models import FATAL, WARNING, Finding

_YEAR = re.compile(r"(20\d\d)")
_BY_YEAR = {"2026": "fy2026", "2024": "fy2024"}
_FY2026_CLIENT = {"sex", "hispaniclatinao"}
_FY2024_CLIENT = {"hispaniclatinaeo", "woman", "man", "gendernone"}


def detect_version(declared: str | None, client_header: list[str]) -> tuple[str | None, list[Finding]]:
    """Return ('fy2026' | 'fy2024' | None, findings); None comes with a fatal finding."""
    declared = (declared or "").strip()
    years = _YEAR.findall(declared)
    if years:
        year = years[0]
        if year in _BY_YEAR:
            return _BY_YEAR[year], []
        return None, [
            Finding(
                "Export",
                "version.unknown",
                FATAL,
                f"Export.csv says CSVVersion '{declared}'; Waypoint reads only the FY2026 and FY2024 HMIS CSV formats.",
                column_name="CSVVersion",
                value=declared,
            )
        ]
    headers = {h.strip().lower() for h in client_header}
    detected = "fy2026" if headers & _FY2026_CLIENT else "fy2024" if headers & _FY2024_CLIENT else None
    if detected is None:
        return None, [
            Finding(
                "Export",
                "version.unknown",
                FATAL,
                f"The HMIS CSV version cannot be told: CSVVersion is '{declared}' and Client.csv has neither the "
                "FY2026 nor the FY2024 columns.",
                column_name="CSVVersion",
                value=declared or None,
            )
        ]
    why = "empty" if not declared else f"'{declared}', which names no year"
    return detected, [
        Finding(
            "Export",
            "version.from_headers",
            WARNING,
            f"CSVVersion is {why}; the export was read as {detected.upper()} from the Client.csv columns.",
            column_name="CSVVersion",
            value=declared or None,
        )
    ]
