"""The date and datetime forms HMIS vendors really write, read one way everywhere.

HUD's format is ``YYYY-MM-DD`` (dates) and ``YYYY-MM-DD hh:mm:ss`` (datetimes). Exports also carry
``MM-DD-YYYY``, ``M/D/YYYY``, ``YYYY/MM/DD``, two-digit years, a time with or without seconds, an
AM/PM clock or a ``T`` separator. Ingestion (its checks and ``meta.current_exports``) uses the SQL
made here; the dbt macros ``hmis_date`` / ``hmis_timestamp`` (dbt_project/macros/hmis/hmis_dates.sql)
spell the same rules, and ``parse`` is the Python statement of them the tests compare both with.

A two-digit year takes the century that does not put it after the current year (HMIS dates do not
lie in the future; ``23`` is 2023, ``51`` is 1951). A text of any other shape, or a day that does
not exist (``2023-02-30``), reads as null.
"""

from __future__ import annotations

import re
from datetime import date, datetime

DATE_SHAPES: dict[str, tuple[str, tuple[str, ...]]] = {
    # shape name -> (regular expression the trimmed text must match, strptime date parts)
    "year first": (r"[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}([ T].*)?", ("%Y-%m-%d", "%Y/%m/%d")),
    "month first": (r"[0-9]{1,2}[-/][0-9]{1,2}[-/][0-9]{4}([ T].*)?", ("%m-%d-%Y", "%m/%d/%Y")),
    "two-digit year": (r"[0-9]{1,2}[-/][0-9]{1,2}[-/][0-9]{2}([ T].*)?", ("%m-%d-%y", "%m/%d/%y")),
}
TIME_PARTS: tuple[str, ...] = (
    "", " %H:%M:%S", " %H:%M", " %H:%M:%S.%f", "T%H:%M:%S", "T%H:%M", "T%H:%M:%S.%f", " %I:%M:%S %p", " %I:%M %p",
)  # fmt: skip
HUD_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
HUD_DATETIME = r"[0-9]{4}-[0-9]{2}-[0-9]{2} ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
_YEAR_ZERO = "0000"  # no such year: DuckDB would read it as 1 BC


def formats(shape: str) -> list[str]:
    return [d + t for d in DATE_SHAPES[shape][1] for t in TIME_PARTS]


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def timestamp_sql(ref: str) -> str:
    """DuckDB SQL: the text ``ref`` read as a TIMESTAMP, or NULL when it is no date this module reads."""
    t = f"trim({ref})"
    branches = [
        f"WHEN starts_with({t}, {_lit(_YEAR_ZERO)}) THEN NULL",
        f"WHEN regexp_full_match({ref}, {_lit(HUD_DATETIME)}) THEN try_cast({ref} AS TIMESTAMP)",
    ]
    for shape, (regex, _) in DATE_SHAPES.items():
        parsed = f"try_strptime({t}, [{', '.join(_lit(f) for f in formats(shape))}])"
        if shape == "two-digit year":
            parsed = (
                f"(CASE WHEN year({parsed}) > year(current_date) THEN {parsed} - INTERVAL 100 YEAR ELSE {parsed} END)"
            )
        branches.append(f"WHEN regexp_full_match({t}, {_lit(regex)}) THEN {parsed}")
    return f"(CASE {' '.join(branches)} END)"


def date_sql(ref: str) -> str:
    """DuckDB SQL: the text ``ref`` read as a DATE (a time of day, when given, is dropped)."""
    return (
        f"(CASE WHEN regexp_full_match({ref}, {_lit(HUD_DATE)}) AND NOT starts_with({ref}, {_lit(_YEAR_ZERO)}) "
        f"THEN try_cast({ref} AS DATE) "
        f"ELSE CAST({timestamp_sql(ref)} AS DATE) END)"
    )


def parse(text: str | None, today: date | None = None) -> datetime | None:
    """The Python statement of the same rules (for tests and messages)."""
    if text is None:
        return None
    trimmed = text.strip()
    this_year = (today or date.today()).year
    for shape, (regex, _) in DATE_SHAPES.items():
        if not re.fullmatch(regex, trimmed):
            continue
        for fmt in formats(shape):
            try:
                value = datetime.strptime(trimmed, fmt)
            except ValueError:
                continue
            if shape == "two-digit year" and value.year > this_year:
                value = value.replace(year=value.year - 100)
            return value
        return None
    return None


def shape_of(text: str) -> str | None:
    """Which of the read shapes a text has (None when none)."""
    trimmed = text.strip()
    return next((s for s, (regex, _) in DATE_SHAPES.items() if re.fullmatch(regex, trimmed)), None)
