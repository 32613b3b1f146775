"""Which HMIS CSV version an export is: CSVVersion first, the Client.csv headers when it says nothing.

The version signatures (years, Client.csv columns) are data in ``pipelines.spec.versions``.
"""

from __future__ import annotations

import re

from pipelines.ingest.models import FATAL, WARNING, Finding
from pipelines.spec.versions import VERSION_BY_YEAR, unread_version, version_from_client

_YEAR = re.compile(r"(20\d\d)")
_READ = "FY2026, FY2024 and FY2022"


def _unknown(message: str, declared: str) -> tuple[None, list[Finding]]:
    return None, [
        Finding("Export", "version.unknown", FATAL, message, column_name="CSVVersion", value=declared or None)
    ]


def detect_version(declared: str | None, client_header: list[str]) -> tuple[str | None, list[Finding]]:
    """Return ('fy2026' | 'fy2024' | 'fy2022' | None, findings); None comes with a fatal finding."""
    declared = (declared or "").strip()
    years = _YEAR.findall(declared)
    year = years[0] if years else None
    unread = unread_version(year, client_header)
    if unread is not None:
        version, advice = unread
        return _unknown(f"Export.csv or Client.csv says this is an {version.upper()} export: {advice}.", declared)
    if year is not None:
        if year in VERSION_BY_YEAR:
            return VERSION_BY_YEAR[year], []
        return _unknown(
            f"Export.csv says CSVVersion '{declared}'; Waypoint reads only the {_READ} HMIS CSV formats.", declared
        )
    detected = version_from_client(client_header)
    if detected is None:
        return _unknown(
            f"The HMIS CSV version cannot be told: CSVVersion is '{declared}' and Client.csv has the columns of none "
            f"of the {_READ} formats.",
            declared,
        )
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
