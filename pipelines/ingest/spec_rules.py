"""The spec's column rules, written once: what each HUD type must look like, which columns may hold hashes, and
which codes a coded column allows. The SQL validator (column_rules.py, checks.py) and the Great Expectations
suites (gx/suites.py) are both built from these objects; GX adds only the business rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.ingest.dates import HUD_DATE
from pipelines.spec import Column, HmisSpec


@dataclass(frozen=True)
class TypeRule:
    """A HUD type's rule: finding id, HUD's own form (a regular expression the whole value matches), the cast that
    must succeed, and the plain words a finding says."""

    rule_id: str
    pattern: str
    cast: str
    words: str

    @property
    def sql(self) -> str:
        """The pattern as a SQL string literal (for ``regexp_full_match``)."""
        return sql_text(self.pattern)

    @property
    def anchored(self) -> str:
        """The pattern for matchers that search rather than match whole values (GX)."""
        return f"^{self.pattern}$"


# Dates and datetimes in another form that pipelines.ingest.dates reads are a warning (format.date/format.datetime),
# not a type finding.
TYPE_RULES: dict[str, TypeRule] = {
    "I": TypeRule("type.integer", "-?[0-9]+", "INTEGER", "a whole number"),
    "D": TypeRule("type.date", HUD_DATE, "DATE",
                  "a date Waypoint can read (YYYY-MM-DD as HUD writes it, MM-DD-YYYY, M/D/YYYY)"),
    "T": TypeRule("type.datetime", "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}", "TIMESTAMP",
                  "a date and time Waypoint can read (YYYY-MM-DD hh:mm:ss as HUD writes it, MM-DD-YYYY hh:mm, ...)"),
    "M": TypeRule("type.money", "-?[0-9]+([.][0-9]{1,2})?", "DECIMAL(14, 2)", "an amount such as 1234.56"),
    "M+": TypeRule("type.money", "[0-9]+([.][0-9]{1,2})?", "DECIMAL(14, 2)",
                   "an amount of zero or more such as 1234.56"),
}  # fmt: skip

# rules.md §2: with HashStatus 2 or 4 these hold hashes; the spec's lengths and patterns apply to unhashed data only.
HASHED_COLUMNS = {("Client", "FirstName"), ("Client", "MiddleName"), ("Client", "LastName"), ("Client", "SSN")}

_EXCLUDED_CODES = re.compile(r"\s*\d+(\s*,\s*\d+)+\s*")


def sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def excluded_codes(notes: str) -> set[str]:
    """Codes a column's notes exclude from its list ('336, 335, 37' as one part of the notes)."""
    for part in notes.split("|"):
        if _EXCLUDED_CODES.fullmatch(part):
            return {code.strip() for code in part.split(",")}
    return set()


def allowed_codes(spec: HmisSpec, col: Column) -> set[str]:
    """The codes of every list of a column (not chosen by another column), less those its notes exclude."""
    excluded = excluded_codes(col.notes)
    return {code for list_id in col.value_lists for code in spec.lists.get(list_id, {}) if code not in excluded}
