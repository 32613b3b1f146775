"""The LSA of OK-502 for FY2026 (fixtures/spm/lsa_world.py), systemwide and project-focused (LES only), as the
HDX files Waypoint writes: LSAReport and the project descriptor files.

Every expected value is worked out below from the fixture's rows (LSA spec chapters 3, 4, 5.1-5.2 and 11). The
warehouse is the report tests' shared build (fixtures/spm/world.py); the key, period and CSV rules are checked
without one.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from datetime import date, datetime

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner
from fixtures.spm.world import LSA_FY2026, LSA_FY2026_LES, LSA_HIC_2026, report_world

from pipelines.cli.main import cli
from pipelines.config import PROJECT_ROOT
from pipelines.reports.lsa import LsaFile, lookback_date, lsa_csv, report_id
from pipelines.reports.schedule import BadReportBuild, plan_report_build

HUD_FILES = ["LSAReport", "LSAPerson", "LSAHousehold", "LSAExit", "LSACalculated", "Organization", "Project",
             "Funder", "ProjectCoC", "Inventory", "HMISParticipation", "Affiliation"]  # fmt: skip


def hud_columns(file_name: str) -> list[str]:
    with open(PROJECT_ROOT / "seeds" / "reports" / "lsa_columns.csv", newline="", encoding="utf-8") as handle:
        return [row["column_name"] for row in csv.DictReader(handle) if row["file_name"] == file_name]


def read_file(request, name: str) -> tuple[str, list[dict[str, str]]]:
    """One written LSA file: its raw text and its rows by HUD column name."""
    path = report_world().lsa_artifacts[request.request_id].folder / "csv" / f"{name}.csv"
    text = path.read_bytes().decode("utf-8")  # as written: CRLF line ends
    return text, list(csv.DictReader(io.StringIO(text)))


# --- without a warehouse ------------------------------------------------------------------------------------


def test_an_lsa_key_is_one_coc_systemwide_or_with_its_selected_projects():
    (systemwide,) = plan_report_build("lsa/2025-10-01..2026-09-30/coc=OK-502").requests
    assert (systemwide.scope_type, systemwide.scope_ids, systemwide.options) == ("coc", ("OK-502",), ())
    two = plan_report_build("lsa/2025-10-01..2026-09-30/coc=OK-502,OK-500").requests
    assert [r.scope_ids for r in two] == [("OK-502",), ("OK-500",)]  # one LSA per CoC
    (focused,) = plan_report_build("lsa/2025-10-01..2026-09-30/coc=OK-502?projects=s:2,s:1").requests
    assert focused.options == (("projects", "s:1,s:2"),)  # sorted: the same selection is the same request
    with pytest.raises(BadReportBuild, match="source_id"):
        plan_report_build("lsa/2025-10-01..2026-09-30/coc=OK-502?projects=LES")
    with pytest.raises(BadReportBuild, match="2018-10-01"):
        plan_report_build("lsa/2017-10-01..2018-09-30/coc=OK-502")
    with pytest.raises(BadReportBuild, match="per CoC"):
        plan_report_build("lsa/2025-10-01..2026-09-30/project=s:1")
    (hic,) = plan_report_build("lsa/2026-01-28..2026-01-28/coc=OK-502?lsa_scope=hic").requests
    assert hic.options == (("lsa_scope", "hic"),)
    with pytest.raises(BadReportBuild, match="one day"):
        plan_report_build("lsa/2026-01-28..2026-01-29/coc=OK-502?lsa_scope=hic")


def test_the_lsa_command_takes_a_coc_a_period_and_optional_projects():
    result = CliRunner().invoke(cli, ["report", "lsa", "--help"])
    assert result.exit_code == 0
    assert all(option in result.output for option in ("--coc", "--start", "--end", "--projects"))


def test_report_id_and_lookback_date():
    assert report_id(datetime(2026, 10, 5, 6, 7, 59)) == 610050607  # year's last digit, then MMddHHmm
    assert lookback_date(date(2025, 10, 1)) == date(2018, 10, 1)
    assert lookback_date(date(2024, 2, 29)) == date(2017, 2, 28)


def test_lsa_files_quote_strings_and_nothing_else():
    frame = pd.DataFrame(
        [["P1", 3, date(2025, 10, 1), datetime(2026, 1, 2, 3, 4, 5), 'A "big" <home>'], ["P2", None, None, None, None]],
        columns=["ProjectID", "ProjectType", "OperatingStartDate", "DateCreated", "ProjectName"],
        dtype=object,
    )
    types = {"ProjectID": "nvarchar(32)", "ProjectType": "int", "OperatingStartDate": "date",
             "DateCreated": "datetime", "ProjectName": "nvarchar(200)"}  # fmt: skip
    assert lsa_csv(LsaFile("Project", "", frame, data_types=types)) == (
        "ProjectID,ProjectType,OperatingStartDate,DateCreated,ProjectName\r\n"
        '"P1",3,2025-10-01,2026-01-02 03:04:05,"A ""big"" home"\r\n'
        '"P2",,,,\r\n'
    )


# --- the written LSA (shared report build) ------------------------------------------------------------------


@pytest.mark.slow
def test_the_upload_zip_and_csv_folder_hold_hud_files_with_hud_columns_and_one_report_id():
    for request in (LSA_FY2026, LSA_FY2026_LES, LSA_HIC_2026):
        artifacts = report_world().lsa_artifacts[request.request_id]
        folder = artifacts.folder.relative_to(report_world().settings.reports).as_posix()
        assert folder.startswith(f"lsa/{request.period_key}/coc-OK-502")
        assert folder.endswith("__projects-1-" + hashlib.sha1(b"ok502-hmis:LES").hexdigest()[:10]) == (
            request is LSA_FY2026_LES
        )  # a project-focused LSA has its own folder beside the systemwide one
        with zipfile.ZipFile(artifacts.zip_path) as archive:
            assert sorted(archive.namelist()) == sorted(f"{name}.csv" for name in HUD_FILES)
            for name in HUD_FILES:
                assert archive.read(f"{name}.csv") == (artifacts.folder / "csv" / f"{name}.csv").read_bytes()
        (report,) = read_file(request, "LSAReport")[1]
        for name in HUD_FILES:
            text, rows = read_file(request, name)
            assert text.split("\r\n")[0].split(",") == hud_columns(name), name
            ids = {row.get("ExportID", row.get("ReportID")) for row in rows}
            assert ids <= {report["ReportID"]}, name  # every file of one LSA carries its ReportID
        assert len(report["ReportID"]) == 9 and report["ReportDate"][:4] == str(datetime.now().year)


@pytest.mark.slow
def test_lsareport_parameters_and_data_quality_counts_systemwide():
    # Active households (§5.1): H1, H2, H12 (LES), H3 (LNBN: bed night in the period), H4 (LPSH), H5 (LRRH) = 6;
    # not H6 (exited 2025-09-30), H16 (2019), H15 (before the lookback), H7/H8 (not one head), H9-H11 (CoC),
    # H13 (victim service provider), H14 (not participating in HMIS).
    # Their enrollments: P1, P2, P3, P4, P5, P6, P13 = 7 (P14's relationship is 99); heads and adults: all
    # but the child P2 = 6; exits: P1, P2, P4 (auto-exit 2026-01-11), P6 (2026-01-16) = 4.
    # SSN: P3 not provided (9); P4 xxxxx1234 (last four); P2 none and P13 666... missing/invalid = 2; P5 and
    # P6 share 123450001 = 2 people, 1 value.
    # DisablingCond: P3 (99). LivingSituation: P3 (99). LengthOfStay: P3 (none). HomelessDate: P3 (none, in
    # ES) and P13 (2026-03-01 after entry) = 2; P6 has none but came from a psychiatric facility to RRH.
    # TimesHomeless: P3 (99). MonthsHomeless: P3 (none). Destination: P4 (no exit record) and P6 (435 without
    # a subsidy type) = 2.
    # NoCoC: H9 (none) and H11 (OK-501, not a CoC of LTH) = 2; not H10 (OK-501 is a CoC of LES) nor H13 (VSP).
    # NotOneHoH: H7 (no head), H8 (two) = 2. RelationshipToHoH: P14 = 1. MoveInDate: H4 (before entry) = 1.
    (report,) = read_file(LSA_FY2026, "LSAReport")[1]
    assert {k: v for k, v in report.items() if k not in ("ReportID", "ReportDate")} == {
        "ReportStart": "2025-10-01", "ReportEnd": "2026-09-30", "ReportCoC": "OK-502",
        "SoftwareVendor": "Waypoint open-source project", "SoftwareName": "Waypoint HMIS Data Warehouse",
        "VendorContact": "n/a", "VendorEmail": "n/a", "LSAScope": "1", "LookbackDate": "2018-10-01",
        "NoCoC": "2", "NotOneHoH": "2", "RelationshipToHoH": "1", "MoveInDate": "1",
        "UnduplicatedClient": "7", "HouseholdEntry": "6", "ClientEntry": "7", "AdultHoHEntry": "6", "ClientExit": "4",
        "SSN4Digit": "1", "SSNNotProvided": "1", "SSNMissingOrInvalid": "2", "ClientSSNNotUnique": "2",
        "DistinctSSNValueNotUnique": "1", "DisablingCond": "1", "LivingSituation": "1", "LengthOfStay": "1",
        "HomelessDate": "2", "TimesHomeless": "1", "MonthsHomeless": "1", "Destination": "2",
    }  # fmt: skip


@pytest.mark.slow
def test_lsareport_of_a_project_focused_lsa_counts_the_selected_projects_only():
    # LES only: H1 (P1, P2), H2 (P3), H12 (P13; P14 invalid) active = 3 households, 4 enrollments, 3 heads/adults,
    # exits P1, P2. SSN: P3 not provided; P2 and P13 missing/invalid; nobody shares one. NoCoC: H9 only (H11 is
    # in LTH). No household of LES has other than one head; no RRH/PSH; P1 and P2 exit to 101.
    (report,) = read_file(LSA_FY2026_LES, "LSAReport")[1]
    counts = {k: report[k] for k in list(report)[9:]}
    assert counts == {
        "LSAScope": "2", "LookbackDate": "2018-10-01", "NoCoC": "1", "NotOneHoH": "0", "RelationshipToHoH": "1",
        "MoveInDate": "0", "UnduplicatedClient": "4", "HouseholdEntry": "3", "ClientEntry": "4", "AdultHoHEntry": "3",
        "ClientExit": "2", "SSN4Digit": "0", "SSNNotProvided": "1", "SSNMissingOrInvalid": "2",
        "ClientSSNNotUnique": "0", "DistinctSSNValueNotUnique": "0", "DisablingCond": "1", "LivingSituation": "1",
        "LengthOfStay": "1", "HomelessDate": "2", "TimesHomeless": "1", "MonthsHomeless": "1", "Destination": "0",
    }  # fmt: skip


@pytest.mark.slow
def test_project_descriptor_files_select_hud_records():
    def ids(request, name: str, column: str) -> list[str]:
        return sorted(row[column] for row in read_file(request, name)[1])

    # Project.csv: continuum ES/TH/PSH/RRH/OPH of OK-502 not closed by the lookback (LCLOSED closed 2019: in);
    # not LSSO (services only), LOLD (closed 2018-06-30), LOTHER (OK-501), LNC (not continuum).
    assert ids(LSA_FY2026, "Project", "ProjectID") == sorted(
        ["LES", "LNBN", "LTH", "LPSH", "LRRH", "LRRHSO", "LOPH", "LCLOSED", "LVSP", "LNOHMIS"]
    )
    assert ids(LSA_FY2026, "Organization", "OrganizationID") == ["L1", "L2"]
    assert ids(LSA_FY2026, "Funder", "FunderID") == ["F1", "F3"]  # F2 ended before ReportStart, F4 is LOTHER's
    assert ids(LSA_FY2026, "ProjectCoC", "ProjectCoCID") == sorted(f"C{n}" for n in range(1, 11))  # not C1B
    assert ids(LSA_FY2026, "Inventory", "InventoryID") == ["I1", "I3", "I6"]  # I6 ends on ReportStart: in
    assert ids(LSA_FY2026, "HMISParticipation", "HMISParticipationID") == sorted(
        f"HP{n}" for n in (1, 2, 3, 4, 5, 6, 7, 9, 10)
    )  # HP8: LCLOSED closed before ReportStart
    assert ids(LSA_FY2026, "Affiliation", "AffiliationID") == ["A1"]  # A2 is LRRH's (RRH with housing)
    for name, column in (("Project", "ProjectID"), ("Funder", "FunderID"), ("Inventory", "InventoryID")):
        assert ids(LSA_FY2026_LES, name, column) == {"Project": ["LES"], "Funder": ["F1"], "Inventory": ["I1"]}[name]
    assert read_file(LSA_FY2026_LES, "Affiliation")[1] == []  # header only


@pytest.mark.slow
def test_descriptor_values_are_exported_as_hud_requires():
    text = read_file(LSA_FY2026, "Organization")[0]
    assert '"L1","Prairie Light Housing",0,' in text  # < > stripped; integers bare
    assert '"L2","Safe Harbor ""North""",1,' in text
    assert '"C1","LES","OK-502","409001",' in read_file(LSA_FY2026, "ProjectCoC")[0]
    assert ',"07430",1,' in read_file(LSA_FY2026, "ProjectCoC")[0]  # ZIP keeps its leading zero
    inventory = {row["InventoryID"]: row for row in read_file(LSA_FY2026, "Inventory")[1]}
    assert (inventory["I1"]["VetBedInventory"], inventory["I1"]["CHBedInventory"]) == ("0", "0")  # empty: 0
    assert (inventory["I3"]["Availability"], inventory["I3"]["ESBedType"]) == ("", "")  # TH: only ES has them
    assert (inventory["I1"]["Availability"], inventory["I1"]["ESBedType"]) == ("1", "1")
    (les,) = [row for row in read_file(LSA_FY2026, "Project")[1] if row["ProjectID"] == "LES"]
    assert (les["OperatingStartDate"], les["DateDeleted"], les["ContinuumProject"]) == ("2015-01-01", "", "1")
    assert len(les["DateCreated"]) == 19  # yyyy-mm-dd hh:mm:ss


@pytest.mark.slow
def test_household_dates_follow_the_lsa_adjustments():
    con = duckdb.connect(str(report_world().warehouse), read_only=True)
    try:
        rows = con.execute(
            "select household_key, entry_date, move_in_date, exit_date, exit_dest, active, air "
            "from intermediate.int_lsa_households where request_id = ?",
            [LSA_FY2026.request_id],
        ).fetchall()
    finally:
        con.close()
    households = {key.split(":")[1]: rest for key, *rest in rows}
    assert sorted(households) == ["H1", "H12", "H16", "H2", "H3", "H4", "H5", "H6"]  # H15 ended before lookback
    # H3 night-by-night: no bed night in the 90 days to ReportEnd: exit the day after the last (2026-01-10)
    assert households["H3"] == [date(2025, 9, 1), None, date(2026, 1, 11), 99, 1, 1]
    # H5 RRH exit on the move-in date: housed that night, exit the day after; 435 without subsidy type is 99
    assert households["H5"] == [date(2025, 12, 1), date(2026, 1, 15), date(2026, 1, 16), 99, 1, 1]
    # H4 PSH move-in before entry is not used: active but not in residence
    assert households["H4"] == [date(2024, 1, 1), None, None, -1, 1, 0]
    assert households["H16"][-2:] == [0, 0] and households["H6"][-2:] == [0, 0]


@pytest.mark.slow
def test_hdx_validation_marks_the_systemwide_lsa_and_names_what_to_fix():
    # Systemwide: NotOneHoH is 2 (H7, H8), which HUD does not accept for the AHAR. Active projects without a
    # Funder record (only LES's F1 and LTH's F3 are active): LNBN, LNOHMIS, LOPH, LPSH, LRRH, LRRHSO, LVSP; without
    # an Inventory record (LRRHSO is exempt; LPSH's I6 ends on ReportStart, so it counts): LNBN, LNOHMIS, LOPH,
    # LRRH, LVSP. LCLOSED closed before the period: no record asked. I6 has 9 beds, 8 by category.
    # Project-focused (LES): one head everywhere, F1 and I1 (10 = 10): passes.
    manifest = json.loads(report_world().lsa_artifacts[LSA_FY2026.request_id].manifest_path.read_text())
    failures = {f["rule"]: f for f in manifest["hud_validation"]["failures"]}
    assert manifest["hud_validation"]["status"] == "failed"
    assert sorted(failures) == [
        "assert_lsa_active_projects_have_their_descriptor_records",
        "assert_lsa_households_have_exactly_one_head",
        "assert_lsa_inventory_beds_add_up",
    ]
    missing = {(row["project_id"], row["problem"].split(" record")[0]) for row in
               failures["assert_lsa_active_projects_have_their_descriptor_records"]["rows"]}  # fmt: skip
    no_funder = {"LNBN", "LNOHMIS", "LOPH", "LPSH", "LRRH", "LRRHSO", "LVSP"}
    no_inventory = {"LNBN", "LNOHMIS", "LOPH", "LRRH", "LVSP"}
    assert missing == {(p, "no Funder") for p in no_funder} | {(p, "no Inventory") for p in no_inventory}
    assert [row["not_one_hoh"] for row in failures["assert_lsa_households_have_exactly_one_head"]["rows"]] == [2]
    assert [row["inventory_id"] for row in failures["assert_lsa_inventory_beds_add_up"]["rows"]] == ["I6"]
    focused = json.loads(report_world().lsa_artifacts[LSA_FY2026_LES.request_id].manifest_path.read_text())
    assert focused["hud_validation"]["status"] == "passed"


@pytest.mark.slow
def test_lsareport_of_the_hic_counts_households_in_residence_on_the_count_date():
    # HIC of 2026-01-28 (LSAScope 3, ReportStart = ReportEnd, lookback 2019-01-28). Exits after the date are no
    # exits. In residence that night (AIR): H1 (P1, P2: exit 2026-03-01 is after) and H2 (P3) = 2 households,
    # 3 enrollments, heads/adults P1 and P3, no exits. Active but not in residence, so not counted: H3 (last
    # bed night 2026-01-10), H4 (no usable move-in). H5 exited 2026-01-16; H12 enters 2026-02-01.
    # SSN of P1, P2, P3: valid, missing (P2), not provided (P3); P1's is nobody else's. P3's data as systemwide.
    # NoCoC: H9, H11 (both open that night); NotOneHoH: H7, H8; MoveInDate: H4 (active). H12 is not in the
    # LSA yet, so P14 is not counted.
    (report,) = read_file(LSA_HIC_2026, "LSAReport")[1]
    assert {k: report[k] for k in list(report)[2:]} == {
        "ReportStart": "2026-01-28", "ReportEnd": "2026-01-28", "ReportCoC": "OK-502",
        "SoftwareVendor": "Waypoint open-source project", "SoftwareName": "Waypoint HMIS Data Warehouse",
        "VendorContact": "n/a", "VendorEmail": "n/a", "LSAScope": "3", "LookbackDate": "2019-01-28",
        "NoCoC": "2", "NotOneHoH": "2", "RelationshipToHoH": "0", "MoveInDate": "1",
        "UnduplicatedClient": "3", "HouseholdEntry": "2", "ClientEntry": "3", "AdultHoHEntry": "2", "ClientExit": "0",
        "SSN4Digit": "0", "SSNNotProvided": "1", "SSNMissingOrInvalid": "1", "ClientSSNNotUnique": "0",
        "DistinctSSNValueNotUnique": "0", "DisablingCond": "1", "LivingSituation": "1", "LengthOfStay": "1",
        "HomelessDate": "1", "TimesHomeless": "1", "MonthsHomeless": "1", "Destination": "0",
    }  # fmt: skip
    folder = report_world().lsa_artifacts[LSA_HIC_2026.request_id].folder
    assert folder.name == "coc-OK-502__lsa_scope-hic" and folder.parent.name == "2026-01-28_2026-01-28"
    text, households = read_file(LSA_HIC_2026, "LSAHousehold")
    assert households == [] and text.startswith("RowTotal,Stat,")  # §2: the HIC's LSAHousehold is its header only


@pytest.mark.slow
def test_person_demographics_of_the_active_clients():
    # tlsa_Person (§5.3-§5.4), systemwide: the people with an active enrollment. HoHAdult 3 for every head (all
    # adults); P2 is a child, not a head: 0, and -1 for everything but race. RaceEthnicity: P1 Asian + White = 25,
    # P2 White = 5, P3 RaceNone 9 = 98, P4 Black + Hispanic = 36, P5 RaceNone 99, P6 and P13 none = 99.
    # VetStatus: P3 doesn't know (8) = 98, P4 veteran, P5 none = 99. HIV/SMI/SUD from AIR enrollments only: P1 SMI,
    # P4 SUD, P13 HIV; P6's disorder is not indefinite and impairing; P3's record is after ReportEnd; P5 is not in
    # residence (no move-in) = -1. DisabilityStatus: P4's DisablingCondition is 0 but SUD makes it 1; P3 99;
    # P6 0. DVStatus: P1 fleeing 1, P3 lowest of 2 and "no" = 2, P4 not provided 98, P5 fleeing unknown 3,
    # P6 no = 0, P13 no record = 99.
    con = duckdb.connect(str(report_world().warehouse), read_only=True)
    try:
        rows = con.execute(
            "select personal_key, hoh_adult, race_ethnicity, vet_status, disability_status, dv_status, hiv, smi, sud "
            "from intermediate.int_lsa_people where request_id = ?",
            [LSA_FY2026.request_id],
        ).fetchall()
    finally:
        con.close()
    assert {key.split(":")[1]: tuple(rest) for key, *rest in rows} == {
        "P1": (3, 25, 0, 1, 1, 0, 1, 0),
        "P2": (0, 5, -1, -1, -1, -1, -1, -1),
        "P3": (3, 98, 98, 99, 2, 0, 0, 0),
        "P4": (3, 36, 1, 1, 98, 0, 0, 1),
        "P5": (3, 99, 99, 1, 3, -1, -1, -1),
        "P6": (3, 99, 0, 0, 0, 0, 0, 0),
        "P13": (3, 99, 0, 1, 99, 1, 0, 0),
    }


@pytest.mark.slow
def test_lsacalculated_data_quality_counts_by_project():
    # Chapter 10, ReportRows 907-920 (Cohort 1, Universe 10, HHType 0, Population 0, SystemPath -1), the
    # LSAReport counts above split by project; a row only for a count > 0 (§10.21).
    # 907 (HMIS enrollments active in the period in households without exactly one head, with an enrollment in
    #   OK-502): LTH: E8 (H7, no head) + E9, E10 (H8, two heads) = 3. 908 (RelationshipToHoH invalid): LES: E15
    #   (P14, 99) = 1. In the LES-only LSA, LTH is not in lsa_Project: only 908 LES.
    # LES: H1 (P1, P2), H2 (P3), H12 (P13; P14's relationship 99 leaves it out) = 909: 3 households,
    #   910: 4 enrollments, 911: 3 heads/adults (not the child P2), 912: P1 and P2 exited = 2 people;
    #   913/914/915/917/918: P3 (DisablingCondition 99, LivingSituation 99, no LengthOfStay, TimesHomeless 99,
    #   no MonthsHomeless) = 1 each; 916: P3 (no DateToStreetESSH, in ES) and P13 (after entry) = 2;
    #   919: none (P1, P2 exit to 101); 920: none (every DOB known).
    # LNBN: H3 (P4) = 1 household, 1 enrollment, 1 head; 912: P4's effective exit 2026-01-11 = 1; 919: no Exit
    #   record, so no Destination = 1; P4's entry data are complete (DateToStreetESSH before entry).
    # LPSH: H4 (P5) = 1/1/1; open, complete data: nothing else.
    # LRRH: H5 (P6) = 1/1/1; 912: exited 2026-01-16 = 1; 919: 435 without a subsidy type = 1; 916-918: none, as
    #   P6 came from a psychiatric facility (204) to RRH (not literally homeless).
    # Not LTH (H6 exited before ReportStart; H7, H8, H11 are not LSA households), LVSP, LNOHMIS.
    # Summed over projects they give LSAReport's totals (dbt test assert_lsa_calculated_dq_rows_add_up_to_lsareport).
    expected = {
        ("907", "LTH"): "3", ("908", "LES"): "1",
        ("909", "LES"): "3", ("909", "LNBN"): "1", ("909", "LPSH"): "1", ("909", "LRRH"): "1",
        ("910", "LES"): "4", ("910", "LNBN"): "1", ("910", "LPSH"): "1", ("910", "LRRH"): "1",
        ("911", "LES"): "3", ("911", "LNBN"): "1", ("911", "LPSH"): "1", ("911", "LRRH"): "1",
        ("912", "LES"): "2", ("912", "LNBN"): "1", ("912", "LRRH"): "1",
        ("913", "LES"): "1", ("914", "LES"): "1", ("915", "LES"): "1", ("916", "LES"): "2",
        ("917", "LES"): "1", ("918", "LES"): "1",
        ("919", "LNBN"): "1", ("919", "LRRH"): "1",
    }  # fmt: skip
    text, rows = read_file(LSA_FY2026, "LSACalculated")
    assert {(r["ReportRow"], r["ProjectID"]): r["Value"] for r in rows} == expected
    assert {(r["Cohort"], r["Universe"], r["HHType"], r["Population"], r["SystemPath"]) for r in rows} == {
        ("1", "10", "0", "0", "-1")
    }
    assert len(rows) == len(expected)  # one row per ReportRow and project
    assert text.split("\r\n")[1].split(",")[6] == '"LTH"'  # 907 LTH first; ProjectID quoted, the rest bare
    # The project-focused LSA (LES only) reports LES's rows and no other project's.
    les = {(r["ReportRow"], r["ProjectID"]): r["Value"] for r in read_file(LSA_FY2026_LES, "LSACalculated")[1]}
    assert les == {key: value for key, value in expected.items() if key[1] == "LES"}
