"""The broken-export corpus: each deliberately broken export gives its finding, loads what can be
loaded, and leaves the warehouse untouched when the fault is fatal."""

from __future__ import annotations

import pytest

from pipelines.ingest import Limits, ingest_paths
from pipelines.ingest.rulebook import ISSUE_RULE_IDS

from . import corpus as c
from .helpers import query, raw_counts


def _value(settings, table: str, column: str, row: int = 1):
    rows = query(settings, f'SELECT "{column}" FROM raw."{table}" WHERE _row_number = ?', [row])
    return rows[0][0] if rows else None


def _first_name_is(expected: str):
    return lambda s, r: _value(s, "client", "FirstName") == expected


CASES: list[c.Case] = [
    # --- fatal: the export is rejected and raw stays empty ---------------------------------
    c.Case("not_a_zip", c._not_a_zip, "rejected", [("archive.unreadable", "fatal", None)]),
    c.Case("truncated_zip", c._truncated, "rejected", [("archive.unreadable", "fatal", None)]),
    c.Case(
        "empty_zip",
        c._empty_zip,
        "rejected",
        [("file.missing", "fatal", "Export"), ("file.missing", "fatal", "Client")],
    ),
    c.Case("missing_export_csv", c._drop("Export"), "rejected", [("file.missing", "fatal", "Export")]),
    c.Case("missing_client_csv", c._drop("Client"), "rejected", [("file.missing", "fatal", "Client")]),
    c.Case(
        "export_csv_without_row",
        c._mutate(lambda f: f.__setitem__("Export", f["Export"][:1])),
        "rejected",
        [("export.no_row", "fatal", "Export")],
    ),
    c.Case(
        "unknown_csv_version_over_known_columns",
        c._mutate(lambda f: c.put(f, "Export", "CSVVersion", "2014 v5.1")),
        "loaded",
        [("version.from_headers", "warning", "Export")],
        check=lambda s, r: r.csv_version == "fy2026",
    ),
    c.Case(
        "fy2024_declared_over_fy2026_columns",
        c._mutate(lambda f: c.put(f, "Export", "CSVVersion", "2024 v1.4")),
        "loaded",
        [("version.mismatch", "warning", "Export")],
        check=lambda s, r: (
            r.csv_version == "fy2026"
            and not query(s, "SELECT 1 FROM meta.validation_findings WHERE rule_id = 'header.missing'")
        ),
    ),
    c.Case(
        "unknown_csv_version_and_unknown_columns",
        c._mutate(lambda f: (c._fy2020_client_without_version(f), c.put(f, "Export", "CSVVersion", "2014 v5.1"))),
        "rejected",
        [("version.unknown", "fatal", "Export")],
    ),
    c.Case(
        "fy2020_headers_refused",
        c._mutate(c._fy2020_client_without_version),
        "rejected",
        [("version.unknown", "fatal", "Export")],
    ),
    c.Case(
        "missing_column",
        c._drop_column("Enrollment", "EntryDate"),
        "rejected",
        [("header.missing", "fatal", "Enrollment")],
    ),
    c.Case(
        "misspelled_column",
        c._rename_header("Exit", "Destination", "Destinaton"),
        "rejected",
        [("header.missing", "fatal", "Exit"), ("header.extra", "warning", "Exit")],
    ),
    c.Case("duplicate_column", c._mutate(c._duplicate_header), "rejected", [("header.duplicate", "fatal", "Exit")]),
    c.Case(
        "fy2024_headers_declared_fy2026",
        c._mutate(c._fy2024_headers),
        "rejected",
        [("header.missing", "fatal", "Client"), ("header.extra", "warning", "Client")],
    ),
    c.Case("zip_bomb_ratio", c._bomb, "rejected", [("archive.zip_bomb", "fatal", None)]),
    c.Case(
        "unpacked_size_cap",
        c._mutate(lambda f: None),
        "rejected",
        [("archive.too_large", "fatal", None)],
        limits=Limits(max_total_bytes=2_000),
    ),
    c.Case(
        "client_only_behind_traversal",
        c._with_entries(lambda f: [("../Client.csv", c.export_bytes(f)["Client"])], keep=lambda n: n != "Client"),
        "rejected",
        [("archive.unsafe_path", "error", None), ("file.missing", "fatal", "Client")],
    ),
    # --- hostile zips: the bad entry is skipped, the export loads --------------------------
    c.Case(
        "path_traversal_entry",
        c._with_entries(lambda f: [("../../evil.csv", b"x")]),
        "loaded",
        [("archive.unsafe_path", "error", None)],
    ),
    c.Case(
        "absolute_path_entry",
        c._with_entries(lambda f: [("/etc/cron.d/evil.csv", b"x")]),
        "loaded",
        [("archive.unsafe_path", "error", None)],
    ),
    c.Case("symlink_entry", c._with_entries(c._symlink_entry), "loaded", [("archive.symlink", "error", None)]),
    c.Case("nested_zip_entry", c._with_entries(c._nested_zip), "loaded", [("archive.nested", "error", None)]),
    c.Case(
        "csv_that_is_a_zip",
        c._csv_that_is_a_zip,
        "loaded",
        [("archive.nested", "error", "Funder"), ("file.missing", "error", "Funder")],
    ),
    c.Case(
        "unknown_extra_file",
        c._with_entries(lambda f: [("README.txt", b"notes")]),
        "loaded",
        [("archive.unknown_file", "warning", None)],
    ),
    c.Case(
        "same_file_twice",
        c._with_entries(lambda f: [("copy/Client.csv", c.export_bytes(f)["Client"])]),
        "loaded",
        [("archive.duplicate_file", "error", "Client")],
    ),
    # --- layout and encoding variations ----------------------------------------------------
    c.Case("files_in_one_folder", c._folder, "loaded", [], check=lambda s, r: r.rows["Client"] > 0),
    c.Case(
        "file_two_folders_deep",
        c._two_deep,
        "loaded",
        [("archive.deep_folder", "warning", "Affiliation"), ("file.missing", "error", "Affiliation")],
    ),
    c.Case(
        "file_names_in_odd_case",
        c._odd_case_names,
        "loaded",
        [],
        check=lambda s, r: r.rows["Client"] > 0 and not r.findings["error"] - r.findings["error"],
    ),
    c.Case("unzipped_export_folder", c._export_folder, "loaded", [], check=lambda s, r: r.rows["Enrollment"] > 0),
    c.Case(
        "utf8_bom", c._encoded("Client", "utf-8-sig", "Zoë", "FirstName"), "loaded", [], check=_first_name_is("Zoë")
    ),
    c.Case(
        "windows_1252",
        c._encoded("Client", "cp1252", "José", "FirstName"),
        "loaded",
        [("encoding.not_utf8", "warning", "Client")],
        check=_first_name_is("José"),
    ),
    c.Case(
        "utf16_with_bom",
        c._encoded("Client", "utf-16", "Łukasz", "FirstName"),
        "loaded",
        [("encoding.not_utf8", "warning", "Client")],
        check=_first_name_is("Łukasz"),
    ),
    c.Case(
        "semicolon_delimiter",
        c._delimited(";"),
        "loaded",
        [("format.delimiter", "warning", "Enrollment")],
        check=lambda s, r: _value(s, "enrollment", "EntryDate") is not None,
    ),
    c.Case(
        "tab_delimiter",
        c._delimited("\t"),
        "loaded",
        [("format.delimiter", "warning", "Enrollment")],
        check=lambda s, r: _value(s, "enrollment", "EntryDate") is not None,
    ),
    c.Case(
        "header_case_differs",
        c._mutate(lambda f: f["Client"].__setitem__(0, [h.lower() for h in f["Client"][0]])),
        "loaded",
        [("header.case", "warning", "Client")],
    ),
    c.Case(
        "columns_reordered",
        c._mutate(c._shuffle_columns),
        "loaded",
        [("header.order", "warning", "Client")],
        check=lambda s, r: _value(s, "client", "PersonalID") is not None,
    ),
    c.Case("extra_vendor_column", c._mutate(c._extra_column), "loaded", [("header.extra", "warning", "Project")]),
    c.Case(
        "short_ragged_row",
        c._raw_text("Client", c._ragged(extra=False)),
        "loaded",
        [("format.ragged_row", "error", "Client")],
        check=lambda s, r: _value(s, "client", "ExportID") is None,
    ),
    c.Case(
        "long_ragged_row",
        c._raw_text("Client", c._ragged(extra=True)),
        "loaded",
        [("format.ragged_row", "error", "Client")],
    ),
    c.Case(
        "unterminated_quote",
        c._raw_text("Funder", c._unterminated),
        "loaded",
        [("format.irregular", "warning", "Funder")],
    ),
    c.Case(
        "embedded_newline_and_quotes",
        c._mutate(lambda f: c.put(f, "Client", "FirstName", 'Ann "Nan"\nMarie')),
        "loaded",
        [],
        check=_first_name_is('Ann "Nan"\nMarie'),
    ),
    c.Case(
        "formula_injection",
        c._mutate(lambda f: c.put(f, "Client", "FirstName", "=cmd|' /C calc'!A0")),
        "loaded",
        [("chars.formula", "warning", "Client")],
        check=_first_name_is("=cmd|' /C calc'!A0"),
    ),
    c.Case(
        "impermissible_characters",
        c._mutate(lambda f: c.put(f, "Client", "LastName", "<script>")),
        "loaded",
        [("chars.impermissible", "warning", "Client")],
    ),
    c.Case(
        "header_only_files",
        c._mutate(c._header_only),
        "loaded",
        [],
        check=lambda s, r: r.rows["Services"] == 0 and r.rows["Client"] > 0,
    ),
    c.Case(
        "zero_byte_file", c._raw_text("Affiliation", lambda f: ""), "loaded", [("file.empty", "error", "Affiliation")]
    ),
    # --- row-level spec rules: flagged, loaded ---------------------------------------------
    c.Case(
        "date_in_us_format",
        c._mutate(lambda f: c.put(f, "Enrollment", "EntryDate", "03/01/2025")),
        "loaded",
        [("format.date", "warning", "Enrollment")],  # read as 2025-03-01 (docs/decisions.md, vendor date forms)
        check=lambda s, r: _value(s, "enrollment", "EntryDate") == "03/01/2025",
    ),
    c.Case(
        "date_nobody_can_read",
        c._mutate(lambda f: c.put(f, "Enrollment", "EntryDate", "31/31/2025")),
        "loaded",
        [("type.date", "error", "Enrollment")],
        check=lambda s, r: _value(s, "enrollment", "EntryDate") == "31/31/2025",
    ),
    c.Case(
        "text_in_integer_column",
        c._mutate(lambda f: c.put(f, "Enrollment", "RelationshipToHoH", "self")),
        "loaded",
        [("type.integer", "error", "Enrollment")],
    ),
    c.Case(
        "code_outside_list",
        c._mutate(lambda f: c.put(f, "Enrollment", "RelationshipToHoH", "7")),
        "loaded",
        [("list.invalid", "error", "Enrollment")],
    ),
    c.Case(
        "string_too_long",
        c._mutate(lambda f: c.put(f, "Client", "FirstName", "N" * 70)),
        "loaded",
        [("length.exceeded", "warning", "Client")],
    ),
    c.Case(
        "required_value_missing",
        c._mutate(lambda f: c.put(f, "Enrollment", "EntryDate", "")),
        "loaded",
        [("required.missing", "error", "Enrollment")],
    ),
    c.Case("duplicate_personal_id", c._mutate(c._duplicate_client), "loaded", [("key.duplicate", "error", "Client")]),
    c.Case("orphan_enrollment", c._mutate(c._orphan_enrollment), "loaded", [("key.foreign", "error", "Enrollment")]),
    c.Case(
        "export_id_mismatch",
        c._mutate(lambda f: c.put(f, "Client", "ExportID", "OTHER-EXPORT")),
        "loaded",
        [("key.foreign", "error", "Client")],
    ),
    c.Case(
        "conditional_rules_violated",  # one export breaks both kinds (a case costs an ingest)
        c._mutate(lambda f: (c._other_destination(f), c._services_only_without_affiliation(f))),
        "loaded",
        [("conditional.null_unless", "error", "Exit"), ("conditional.required_if", "warning", "Project")],
    ),
    c.Case(
        "type_provided_outside_record_type_list",
        c._mutate(c._services_wrong_list),
        "loaded",
        [("services.bed_night_type", "error", "Services")],  # a bed night not counted says so (RecordType 200)
    ),
    c.Case(
        "type_provided_outside_another_record_type_list",
        c._mutate(lambda f: (c.put(f, "Services", "RecordType", "141"), c.put(f, "Services", "TypeProvided", "99"))),
        "loaded",
        [("list.invalid", "error", "Services")],
    ),
    c.Case(
        "source_id_free_text_when_source_type_is_not_1",
        c._mutate(lambda f: (c.put(f, "Export", "SourceType", "3"), c.put(f, "Export", "SourceID", "Agency DB"))),
        "loaded",
        [],
        check=lambda s, r: not query(s, "SELECT 1 FROM meta.validation_findings WHERE column_name = 'SourceID'"),
    ),
    c.Case(
        "source_id_not_a_coc_code_when_source_type_is_1",
        c._mutate(lambda f: (c.put(f, "Export", "SourceType", "1"), c.put(f, "Export", "SourceID", "Agency DB"))),
        "loaded",
        [("format.pattern", "error", "Export")],
    ),
    c.Case(
        "export_csv_two_rows", c._mutate(c._second_export_row), "loaded", [("export.many_rows", "warning", "Export")]
    ),
    c.Case(
        "csv_version_empty",
        c._mutate(lambda f: c.put(f, "Export", "CSVVersion", "")),
        "loaded",
        [("version.from_headers", "warning", "Export")],
        check=lambda s, r: r.csv_version == "fy2026",
    ),
    c.Case(
        "hashed_names_not_length_checked",
        c._mutate(c._hashed_names),
        "loaded",
        [],
        check=lambda s, r: (
            not query(
                s,
                "SELECT 1 FROM meta.validation_findings WHERE column_name IN ('FirstName', 'SSN') AND rule_id IN "
                "('length.exceeded', 'format.pattern')",
            )
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_broken_export_gives_its_finding_and_loads_what_it_can(case, base_files, settings, tmp_path):
    delivery = case.build(base_files, tmp_path)
    [result] = ingest_paths([delivery], source="corpus", settings=settings, limits=case.limits)

    assert result.status == case.status
    found = query(
        settings, "SELECT rule_id, severity, file FROM meta.validation_findings WHERE ingest_id = ?", [result.ingest_id]
    )
    for rule_id, severity, file in case.expect:
        assert any(r == rule_id and s == severity and (file is None or f == file) for r, s, f in found), (
            rule_id,
            found[:20],
        )
    registry = query(
        settings, "SELECT status, archive_path FROM meta.export_registry WHERE ingest_id = ?", [result.ingest_id]
    )
    assert registry[0][0] == case.status
    assert (settings.archive / f"{result.sha256}.zip").exists()
    if case.status == "rejected":
        assert sum(raw_counts(settings).values()) == 0
        assert result.findings["fatal"] > 0
    else:
        assert result.findings["fatal"] == 0
        assert sum(raw_counts(settings).values()) == result.rows_loaded > 0
    if case.check:
        assert case.check(settings, result)


def test_every_hud_issue_type_of_the_rule_book_has_a_case_that_gives_it():
    """Each HUD issue type's rule (for "type": any type.* rule) is the finding of some case."""
    given = {rule for case in CASES for rule, _, _ in case.expect}
    covered = {rule for rule in ISSUE_RULE_IDS.values() for g in given if g == rule or g.startswith(f"{rule}.")}
    uncovered = set(ISSUE_RULE_IDS.values()) - covered
    assert uncovered == set()
    assert len({case.id for case in CASES}) == len(CASES)  # each case its own test id
