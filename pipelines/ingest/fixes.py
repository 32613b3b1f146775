"""What a data manager does about each kind of finding, in plain words (the CLI's findings summary).

Severity says how much it matters (docs/decisions.md, "Severity"): ``fatal`` the export was not loaded;
``error`` the value changes a HUD report or breaks a High Priority rule for that record; ``warning``
everything else (the record loads and reports read it).
"""

from __future__ import annotations

FIXES: dict[str, str] = {
    "type.date": "Correct the date in the HMIS and re-export (YYYY-MM-DD); until then the warehouse holds it empty.",
    "type.datetime": "Correct the date and time in the HMIS and re-export (YYYY-MM-DD hh:mm:ss); until then it "
    "is empty in the warehouse.",
    "type.integer": "Enter a whole number (a HUD code) in the HMIS and re-export; until then it is empty.",
    "type.money": "Enter the amount as digits with at most two decimals (no $ or commas) and re-export.",
    "format.date": "Nothing is lost (the dates are read as shown); ask the vendor for HUD's YYYY-MM-DD format.",
    "format.datetime": "Nothing is lost (read as shown); ask the vendor for HUD's YYYY-MM-DD hh:mm:ss format.",
    "format.pattern": "Correct the value to the form HUD requires (e.g. a CoC code OK-500) in the HMIS.",
    "format.delimiter": "Nothing is lost; ask the vendor for comma-separated files.",
    "format.irregular": "Nothing is lost; ask the vendor for standard CSV quoting.",
    "format.ragged_row": "Check the rows named: a field count differs from the header (often an unquoted comma).",
    "format.unreadable": "Re-export the file: it could not be read as CSV.",
    "encoding.not_utf8": "Nothing is lost (the text was converted); ask the vendor for UTF-8 files.",
    "list.invalid": "Choose a value of HUD's list for this field in the HMIS (the code shown is not one).",
    "services.bed_night_type": "Set TypeProvided to 200 on bed-night records (RecordType 200), or correct "
    "RecordType; until then the night is not counted as stayed.",
    "required.missing": "Fill in the field in the HMIS; HUD requires it (use 'Data not collected' where allowed).",
    "length.exceeded": "Shorten the value to HUD's maximum length.",
    "chars.impermissible": "Remove the characters < > [ ] { } from the value.",
    "chars.formula": "Nothing to do for reports; the value is shown with a leading ' in downloads so a "
    "spreadsheet never runs it.",
    "key.duplicate": "Give each record its own ID in the HMIS; the first record with the ID was kept.",
    "key.foreign": "Add the record it points to, or correct the reference, in the HMIS and re-export.",
    "conditional.null_unless": "Clear the field, or set the field it depends on, as HUD's rule says.",
    "conditional.required_if": "Fill in the field: HUD requires it given the other answers of the record.",
    "business.exit_before_entry": "Correct the exit or entry date of the enrollment in the HMIS.",
    "business.dob_in_future": "Correct the date of birth in the HMIS.",
    "business.entry_after_export": "Check the entry date: it lies after the export was made.",
    "business.move_in_before_entry": "Correct the housing move-in date: it must lie within the stay.",
    "business.move_in_after_exit": "Correct the housing move-in date: it must lie within the stay.",
    "version.mismatch": "Nothing is lost (the columns decided the version); ask the vendor to fill CSVVersion "
    "correctly.",
    "version.from_headers": "Nothing is lost; ask the vendor to fill Export.CSVVersion.",
    "version.unknown": "Export again in the HUD FY2026, FY2024 or FY2022 HMIS CSV format.",
    "version.mapped": "Nothing is lost (the rows are kept as delivered in raw_fy2022); no action needed. Reports "
    "that read what FY2022 cannot say are named in docs/decisions.md.",
    "file.other_version": "Nothing is lost (the file stays in the archive); it belongs to another HMIS CSV "
    "version than the export's other files.",
    "export.many_rows": "Nothing is lost (every row is kept); ask the vendor for one Export.csv row per export.",
    "export.no_row": "Export again: Export.csv must describe the export in one row.",
    "file.missing": "Export again with every HMIS CSV file (an empty file with its header is fine).",
    "file.empty": "Export again with the file's header row.",
    "header.missing": "Export again in the declared format: the file lacks a column HUD requires.",
    "header.duplicate": "Export again: a column appears twice.",
    "header.extra": "Nothing is lost (the column stays in the archive); no action needed.",
    "header.case": "Nothing is lost (matched by name); no action needed.",
    "header.order": "Nothing is lost (matched by name); no action needed.",
}
_BY_PREFIX = {
    "archive": "Export again as a plain zip holding the HMIS CSV files (one folder deep at most).",
    "encoding": "Ask the vendor for UTF-8 files.",
    "business": "Correct the dates of the record in the HMIS.",
    "gx": "See the message; correct the record in the HMIS and re-export.",
}


def fix_for(rule_id: str) -> str:
    """The fix of a rule id; its family's when the rule has none of its own."""
    if rule_id in FIXES:
        return FIXES[rule_id]
    family = rule_id.split(".", 1)[0]
    return _BY_PREFIX.get(family, "See the examples; correct the records in the HMIS and re-export.")
