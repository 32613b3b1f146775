"""The spec package reproduces HUD's machine-readable tables exactly."""

import csv

import pytest

from pipelines.spec import FILE_ORDER, SPEC_DIR, load_spec
from pipelines.spec.versions import living_situation_crosswalk, version_from_client


@pytest.mark.parametrize(("version", "columns"), [("fy2026", 519), ("fy2024", 531)])
def test_every_version_has_24_files_and_hud_column_count(version, columns):
    spec = load_spec(version)
    assert list(spec.files) == list(FILE_ORDER)
    assert sum(len(f.columns) for f in spec.files.values()) == columns


def test_fy2026_client_has_sex_and_no_gender_columns():
    client = load_spec("fy2026").file("Client")
    assert "Sex" in client.column_names and "HispanicLatinao" in client.column_names
    assert not {"Woman", "Man", "GenderNone"} & set(client.column_names)
    assert client.column_names.index("Sex") == client.column_names.index("DOBDataQuality") + 1


def test_fy2026_columns_keep_hud_order():
    with open(SPEC_DIR / "fy2026_columns.csv", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["CSV"] == "Enrollment"]
    hud_order = [r["Name"] for r in sorted(rows, key=lambda r: int(r["Order"]))]
    assert load_spec("fy2026").file("Enrollment").column_names == hud_order


@pytest.mark.parametrize("version", ["fy2026", "fy2024", "fy2022"])
def test_every_referenced_code_list_exists(version):
    spec = load_spec(version)
    for file in spec.files.values():
        for col in file.columns:
            for list_id in col.value_lists:
                assert spec.lists.get(list_id), f"{file.name}.{col.name} names missing list {list_id}"


def test_services_type_provided_list_depends_on_record_type():
    col = load_spec("fy2026").file("Services").column("TypeProvided")
    assert ("RecordType", "200", "4.14") in col.list_by
    assert ("RecordType", "144", "V2.2") in col.list_by


def test_new_fy2026_codes_have_labels():
    spec = load_spec("fy2026")
    assert spec.label("4.21", 0) == "Female"
    assert spec.label("2.06.1", 56) == "HUD: CoC Builds"
    assert spec.label("3.12.1", 116).startswith("Place not meant")


def test_unknown_version_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown HMIS CSV version"):
        load_spec("fy2019")


def test_fy2022_has_enrollment_coc_and_no_participation_files():
    spec = load_spec("fy2022")
    names = list(spec.files)
    assert names[names.index("Enrollment") + 1] == "EnrollmentCoC"
    assert not {"HMISParticipation", "CEParticipation"} & set(names) and len(names) == 23
    assert sum(len(f.columns) for f in spec.files.values()) == 517
    client = spec.file("Client").column_names
    assert client[client.index("RaceNone") + 1 : client.index("GenderNone") + 1] == [
        "Ethnicity", "Female", "Male", "NoSingleGender", "Transgender", "Questioning", "GenderNone",
    ]  # fmt: skip
    assert "TrackingMethod" in spec.file("Project").column_names


def test_the_living_situation_crosswalk_maps_every_fy2022_code_to_an_fy2024_code():
    fy2022, fy2024 = load_spec("fy2022").lists, load_spec("fy2024").lists
    crosswalk = living_situation_crosswalk()
    assert sorted(int(old) for old, _, _ in crosswalk) == sorted(int(c) for c in fy2022["3.12.1"])
    for old, new, subsidy in crosswalk:
        assert new in fy2024["3.12.1"], old
        assert (new == "435") == (subsidy is not None) and (subsidy is None or subsidy in fy2024["3.12.A"])
    assert ("16", "116", None) in crosswalk and ("19", "435", "419") in crosswalk and ("2", "302", None) in crosswalk


@pytest.mark.parametrize(
    ("columns", "version"),
    [(["Sex", "HispanicLatinao"], "fy2026"), (["HispanicLatinaeo", "Woman"], "fy2024"),
     (["Ethnicity", "Female", "Male"], "fy2022"), (["Ethnicity", "Gender"], None)],
)  # fmt: skip
def test_client_columns_tell_the_version(columns, version):
    assert version_from_client(["PersonalID", *columns]) == version
