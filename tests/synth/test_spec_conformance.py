"""Every generated file matches the HUD HMIS CSV spec it claims (FY2026 and FY2024), read as plain text."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from pipelines.spec import FILE_ORDER

_TYPE_PATTERN = {
    "I": r"^-?[0-9]+$",
    "D": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "T": r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$",
    "M": r"^-?[0-9]+\.[0-9]{2}$",
    "M+": r"^[0-9]+\.[0-9]{2}$",
}


def test_every_zip_holds_the_24_spec_files_at_top_level(export):
    for path in export.zips.values():
        with zipfile.ZipFile(path) as archive:
            assert archive.namelist() == [f"{name}.csv" for name in FILE_ORDER]


def test_headers_are_the_spec_columns_in_spec_order(export):
    for path in export.zips.values():
        with zipfile.ZipFile(path) as archive:
            for name in FILE_ORDER:
                header = next(csv.reader(io.TextIOWrapper(archive.open(f"{name}.csv"), encoding="utf-8")))
                assert header == export.spec.file(name).column_names, name


def test_every_value_has_its_spec_type(export):
    for name, file_spec in export.spec.files.items():
        for col in file_spec.columns:
            pattern = _TYPE_PATTERN.get(col.dtype)
            if pattern is None:
                continue
            bad = export.scalar(
                f'select count(*) from "{name}" where "{col.name}" is not null '
                f"and not regexp_matches(\"{col.name}\", '{pattern}')"
            )
            assert bad == 0, f"{name}.{col.name} has {bad} values that are not {col.dtype}"
            if col.dtype in ("D", "T"):
                cast = "date" if col.dtype == "D" else "timestamp"
                bad = export.scalar(
                    f'select count(*) from "{name}" where "{col.name}" is not null '
                    f'and try_cast("{col.name}" as {cast}) is null'
                )
                assert bad == 0, f"{name}.{col.name} has impossible dates"


def test_strings_fit_their_spec_lengths(export):
    for name, file_spec in export.spec.files.items():
        for col in file_spec.columns:
            if col.dtype == "S" and col.max_length:
                longest = export.scalar(f'select coalesce(max(length("{col.name}")), 0) from "{name}"')
                assert longest <= col.max_length, f"{name}.{col.name} is {longest} > {col.max_length}"


def test_non_nullable_columns_are_never_empty(export):
    for name, file_spec in export.spec.files.items():
        for col in file_spec.columns:
            if not col.nullable:
                empty = export.scalar(f'select count(*) from "{name}" where "{col.name}" is null')
                assert empty == 0, f"{name}.{col.name} is empty in {empty} rows"


def test_coded_values_come_from_the_spec_lists(export):
    spec = export.spec
    for name, file_spec in spec.files.items():
        for col in file_spec.columns:
            if col.list_by:
                for controller, value, list_id in col.list_by:
                    allowed = ", ".join(f"'{c}'" for c in spec.lists[list_id])
                    bad = export.scalar(
                        f'select count(*) from "{name}" where "{controller}" = \'{value}\' '
                        f'and "{col.name}" is not null and "{col.name}" not in ({allowed})'
                    )
                    assert bad == 0, f"{name}.{col.name} outside list {list_id} when {controller}={value}"
                controllers = ", ".join(f"'{v}'" for _, v, _ in col.list_by)
                bad = export.scalar(
                    f'select count(*) from "{name}" where "{col.name}" is not null '
                    f'and "{col.list_by[0][0]}" not in ({controllers})'
                )
                assert bad == 0, f"{name}.{col.name} set for a controlling value without a list"
            elif col.value_lists:
                codes = set().union(*(spec.lists[x] for x in col.value_lists))
                allowed = ", ".join(f"'{c}'" for c in codes)
                bad = export.rows(
                    f'select distinct "{col.name}" from "{name}" where "{col.name}" is not null '
                    f'and "{col.name}" not in ({allowed})'
                )
                assert not bad, f"{name}.{col.name} has codes outside {col.value_lists}: {bad}"


def test_living_situation_and_destination_use_their_valid_subsets(export):
    """Spec notes list the 3.12.1 codes each column may not use (prior situation, destination, CLS)."""
    from pipelines.synth.codes import excluded_codes

    for name, column in (
        ("Enrollment", "LivingSituation"),
        ("Exit", "Destination"),
        ("CurrentLivingSituation", "CurrentLivingSituation"),
    ):
        excluded = excluded_codes(export.spec.file(name).column(column))
        assert excluded, f"no excluded codes found in the notes of {name}.{column}"
        listed = ", ".join(f"'{c}'" for c in excluded)
        assert export.scalar(f'select count(*) from "{name}" where "{column}" in ({listed})') == 0


@pytest.mark.parametrize("name", FILE_ORDER)
def test_primary_keys_are_unique_within_each_export(export, name):
    key = export.spec.file(name).key
    dupes = export.scalar(
        f'select count(*) from (select _source, "{key}" from "{name}" group by all having count(*) > 1)'
    )
    assert dupes == 0


_FOREIGN_KEYS = [
    ("Project", ["OrganizationID"], "Organization", ["OrganizationID"]),
    ("Funder", ["ProjectID"], "Project", ["ProjectID"]),
    ("ProjectCoC", ["ProjectID"], "Project", ["ProjectID"]),
    ("Inventory", ["ProjectID", "CoCCode"], "ProjectCoC", ["ProjectID", "CoCCode"]),
    ("Affiliation", ["ProjectID"], "Project", ["ProjectID"]),
    ("Affiliation", ["ResProjectID"], "Project", ["ProjectID"]),
    ("HMISParticipation", ["ProjectID"], "Project", ["ProjectID"]),
    ("CEParticipation", ["ProjectID"], "Project", ["ProjectID"]),
    ("Enrollment", ["PersonalID"], "Client", ["PersonalID"]),
    ("Enrollment", ["ProjectID"], "Project", ["ProjectID"]),
    ("Enrollment", ["ProjectID", "EnrollmentCoC"], "ProjectCoC", ["ProjectID", "CoCCode"]),
    ("Exit", ["EnrollmentID", "PersonalID"], "Enrollment", ["EnrollmentID", "PersonalID"]),
    (
        "AssessmentQuestions",
        ["AssessmentID", "EnrollmentID", "PersonalID"],
        "Assessment",
        ["AssessmentID", "EnrollmentID", "PersonalID"],
    ),
    (
        "AssessmentResults",
        ["AssessmentID", "EnrollmentID", "PersonalID"],
        "Assessment",
        ["AssessmentID", "EnrollmentID", "PersonalID"],
    ),
] + [
    (child, ["EnrollmentID", "PersonalID"], "Enrollment", ["EnrollmentID", "PersonalID"])
    for child in (
        "IncomeBenefits",
        "HealthAndDV",
        "EmploymentEducation",
        "Disabilities",
        "Services",
        "CurrentLivingSituation",
        "Assessment",
        "Event",
        "YouthEducationStatus",
    )
]


@pytest.mark.parametrize(
    ("child", "columns", "parent", "keys"), _FOREIGN_KEYS, ids=[f"{c}.{'+'.join(k)}" for c, k, _, _ in _FOREIGN_KEYS]
)
def test_foreign_keys_resolve_within_the_export(export, child, columns, parent, keys):
    on = " and ".join(f'c."{a}" = p."{b}"' for a, b in zip(columns, keys, strict=True))
    orphans = export.scalar(
        f'select count(*) from "{child}" c where not exists '
        f'(select 1 from "{parent}" p where p._source = c._source and {on})'
    )
    assert orphans == 0


def test_every_user_id_is_in_user_csv(export):
    for name in FILE_ORDER:
        if name in ("Export", "User") or "UserID" not in export.spec.file(name).column_names:
            continue
        orphans = export.scalar(
            f'select count(*) from "{name}" c where not exists '
            f'(select 1 from "User" u where u._source = c._source and u.UserID = c.UserID)'
        )
        assert orphans == 0, name


def test_clients_and_projects_are_exactly_those_enrollments_need(export):
    assert (
        export.scalar(
            'select count(*) from "Client" c where not exists '
            '(select 1 from "Enrollment" e where e._source = c._source and e.PersonalID = c.PersonalID)'
        )
        == 0
    )
    assert (
        export.scalar(
            'select count(*) from "Organization" o where not exists '
            '(select 1 from "Project" p where p._source = o._source and p.OrganizationID = o.OrganizationID)'
        )
        == 0
    )


def test_export_id_is_the_same_in_every_file_of_an_export(export):
    for name in FILE_ORDER:
        mismatched = export.scalar(
            f'select count(*) from "{name}" f join "Export" x on x._source = f._source where f.ExportID <> x.ExportID'
        )
        assert mismatched == 0, name
    assert export.scalar('select count(*) from "Export"') == len(export.manifest["sources"])


def test_export_row_describes_the_source_and_version(export):
    version = {"fy2026": "2026 v1.0", "fy2024": "2024 v1.4"}[export.spec.version]
    rows = export.rows('select _source, SourceType, SourceID, CSVVersion, ExportDirective, HashStatus from "Export"')
    for _source, source_type, source_id, csv_version, directive, hashed in rows:
        assert csv_version == version and directive == "2" and hashed == "1"
        if source_type == "1":
            assert source_id in ("OK-500", "OK-507")


def test_values_match_the_spec_patterns(export):
    checks = [
        ("ProjectCoC", "CoCCode", "^[A-Za-z]{2}-[0-9]{3}$"),
        ("ProjectCoC", "Geocode", "^[0-9]{6}$"),
        ("ProjectCoC", "ZIP", "^[0-9]{5}$"),
        ("ProjectCoC", "State", "^[A-Za-z]{2}$"),
        ("Enrollment", "EnrollmentCoC", "^[A-Za-z]{2}-[0-9]{3}$"),
        ("Client", "SSN", "^[0-9xX]{9}$"),
        ("User", "UserPhone", "^[2-9][0-9]{2}[2-9][0-9]{2}[0-9]{4}$"),
        ("Export", "SourceContactPhone", "^[2-9][0-9]{2}[2-9][0-9]{2}[0-9]{4}$"),
        ("Client", "YearEnteredService", "^(19[2-8][0-9]|199[0-9]|20[01][0-9]|202[01])$"),
        ("Client", "YearSeparated", "^(19[2-8][0-9]|199[0-9]|20[01][0-9]|202[01])$"),
    ]
    for name, column, pattern in checks:
        bad = export.scalar(
            f'select count(*) from "{name}" where "{column}" is not null '
            f"and not regexp_matches(\"{column}\", '{pattern}')"
        )
        assert bad == 0, f"{name}.{column}"
