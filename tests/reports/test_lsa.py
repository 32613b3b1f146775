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
from fixtures.spm.world import LSA_EXIT_FY2026, LSA_FY2026, LSA_FY2026_LES, LSA_HIC_2026, report_world

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
    # Active households (§5.1): H1, H2, H12 (LES), H3 (LNBN: bed night in the period), H4 (LPSH), H5 (LRRH),
    # H17 (LEND) = 7; not H6 (exited 2025-09-30), H16 (2019), H15 (before the lookback), H7/H8 (not one head),
    # H9-H11 (CoC), H13 (victim service provider), H14 (not participating in HMIS), H18 (last bed night
    # 2025-08-02: exit 08-03), H19 (no bed night: not an LSA household).
    # Their enrollments: P1, P2, P3, P4, P5, P6, P13, P20, P21 = 9 (P14's relationship is 99); heads and adults:
    # all but the children P2 and P21 = 7; exits: P1, P2, P4 (auto-exit 2026-01-11), P6 (2026-01-16), P20 and
    # P21 (LEND closed 2026-03-31) = 6.
    # SSN: P3 not provided (9); P4 xxxxx1234 (last four); P2 none and P13 666... missing/invalid = 2; P5 and
    # P6 share 123450001 = 2 people, 1 value.
    # DisablingCond: P3 (99). LivingSituation: P3 (99). LengthOfStay: P3 (none). HomelessDate: P3 (none, in
    # ES) and P13 (2026-03-01 after entry) = 2; P6 has none but came from a psychiatric facility to RRH.
    # TimesHomeless: P3 (99). MonthsHomeless: P3 (none). Destination: P4 (no exit record) and P6 (435 without
    # a subsidy type) and P20 (exit at LEND's closing, no exit record) = 3. P20 and P21: valid, unshared SSNs
    # and complete entry data.
    # NoCoC: H9 (none) and H11 (OK-501, not a CoC of LTH) = 2; not H10 (OK-501 is a CoC of LES) nor H13 (VSP).
    # NotOneHoH: H7 (no head), H8 (two) = 2. RelationshipToHoH: P14 = 1. MoveInDate: H4 (before entry) = 1.
    (report,) = read_file(LSA_FY2026, "LSAReport")[1]
    assert {k: v for k, v in report.items() if k not in ("ReportID", "ReportDate")} == {
        "ReportStart": "2025-10-01", "ReportEnd": "2026-09-30", "ReportCoC": "OK-502",
        "SoftwareVendor": "Waypoint open-source project", "SoftwareName": "Waypoint HMIS Data Warehouse",
        "VendorContact": "n/a", "VendorEmail": "n/a", "LSAScope": "1", "LookbackDate": "2018-10-01",
        "NoCoC": "2", "NotOneHoH": "2", "RelationshipToHoH": "1", "MoveInDate": "1",
        "UnduplicatedClient": "9", "HouseholdEntry": "7", "ClientEntry": "9", "AdultHoHEntry": "7", "ClientExit": "6",
        "SSN4Digit": "1", "SSNNotProvided": "1", "SSNMissingOrInvalid": "2", "ClientSSNNotUnique": "2",
        "DistinctSSNValueNotUnique": "1", "DisablingCond": "1", "LivingSituation": "1", "LengthOfStay": "1",
        "HomelessDate": "2", "TimesHomeless": "1", "MonthsHomeless": "1", "Destination": "3",
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

    # Project.csv: continuum ES/TH/PSH/RRH/OPH of OK-502 not closed by the lookback (LCLOSED closed 2019, LEND
    # 2026-03-31: in); not LSSO (services only), LOLD (closed 2018-06-30), LOTHER (OK-501), LNC (not continuum).
    assert ids(LSA_FY2026, "Project", "ProjectID") == sorted(
        ["LES", "LNBN", "LTH", "LPSH", "LRRH", "LRRHSO", "LOPH", "LCLOSED", "LVSP", "LNOHMIS", "LEND"]
    )
    assert ids(LSA_FY2026, "Organization", "OrganizationID") == ["L1", "L2"]
    assert ids(LSA_FY2026, "Funder", "FunderID") == ["F1", "F3"]  # F2 ended before ReportStart, F4 is LOTHER's
    assert ids(LSA_FY2026, "ProjectCoC", "ProjectCoCID") == sorted(f"C{n}" for n in (*range(1, 11), 15))  # not C1B
    assert ids(LSA_FY2026, "Inventory", "InventoryID") == ["I1", "I3", "I6"]  # I6 ends on ReportStart: in
    assert ids(LSA_FY2026, "HMISParticipation", "HMISParticipationID") == sorted(
        f"HP{n}" for n in (1, 2, 3, 4, 5, 6, 7, 9, 10, 11)
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
    assert sorted(households) == ["H1", "H12", "H16", "H17", "H18", "H2", "H3", "H4", "H5", "H6"]
    # not H15 (ended before the lookback) nor H19 (night-by-night without a bed night)
    # H3 night-by-night: no bed night in the 90 days to ReportEnd: exit the day after the last (2026-01-10)
    assert households["H3"] == [date(2025, 9, 1), None, date(2026, 1, 11), 99, 1, 1]
    # H5 RRH exit on the move-in date: housed that night, exit the day after; 435 without subsidy type is 99
    assert households["H5"] == [date(2025, 12, 1), date(2026, 1, 15), date(2026, 1, 16), 99, 1, 1]
    # H4 PSH move-in before entry is not used: active but not in residence
    assert households["H4"] == [date(2024, 1, 1), None, None, -1, 1, 0]
    assert households["H16"][-2:] == [0, 0] and households["H6"][-2:] == [0, 0]
    # H17: LEND closed 2026-03-31, so the open enrollment exits then (no Exit record: 99)
    assert households["H17"] == [date(2026, 2, 15), None, date(2026, 3, 31), 99, 1, 1]
    # H18 night-by-night: entry on the first bed night, exit the day after the last (2025-08-02), before the period
    assert households["H18"] == [date(2025, 8, 1), None, date(2025, 8, 3), 99, 0, 0]


@pytest.mark.slow
def test_hdx_validation_marks_the_systemwide_lsa_and_names_what_to_fix():
    # Systemwide: NotOneHoH is 2 (H7, H8), which HUD does not accept for the AHAR. Active projects without a
    # Funder record (only LES's F1 and LTH's F3 are active): LEND, LNBN, LNOHMIS, LOPH, LPSH, LRRH, LRRHSO, LVSP;
    # without an Inventory record (LRRHSO is exempt; LPSH's I6 ends on ReportStart, so it counts): LEND, LNBN,
    # LNOHMIS, LOPH, LRRH, LVSP. LCLOSED closed before the period: no record asked. I6 has 9 beds, 8 by category.
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
    no_funder = {"LEND", "LNBN", "LNOHMIS", "LOPH", "LPSH", "LRRH", "LRRHSO", "LVSP"}
    no_inventory = {"LEND", "LNBN", "LNOHMIS", "LOPH", "LRRH", "LVSP"}
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
    # P6 no = 0, P13 no record = 99. P20 (head, White, not a veteran, DisablingCondition 0, no DV record) and
    # the child P21 in LEND.
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
        "P20": (3, 5, 0, 0, 99, 0, 0, 0),
        "P21": (0, 5, -1, -1, -1, -1, -1, -1),
    }


@pytest.mark.slow
def test_lsacalculated_data_quality_counts_by_project():
    # Chapter 10, ReportRows 901-921 (Cohort 1, Universe 10, HHType 0, Population 0, SystemPath -1), the
    # LSAReport counts above split by project; a row only for a count > 0 (§10.21).
    # 901/902 (tlsa_Enrollment of projects whose OperatingEndDate is in the period, no Exit record / exited
    #   after it): LEND closed 2026-03-31: E20 (P20, no Exit) = 1, E21 (P21, exit 2026-05-01) = 1.
    # 903/904 (night-by-night enrollments of tlsa_HHID households): LNBN: E4 (H3, open, last bed night
    #   2026-01-10, before ReportEnd - 90 = 2026-07-02) = 1; E22 (H18, in tlsa_HHID though not active; exit
    #   2025-10-05, last bed night 2025-08-02, none on 10-04) = 1. E23 (H19) is in no tlsa_HHID household.
    # 905 (households with no head carrying an EnrollmentCoC): LES H9 (P11, none), LTH H7 (no head), LVSP H13
    #   (P15, none; VSPs are in lsa_Project) = 1 each; H11's head has OK-501 (a CoC, though not LTH's).
    # 906 (no HMIS participation type 1 covering the enrollment): LNOHMIS E17 (type 0 only) = 1.
    # 907 (HMIS enrollments active in the period in households without exactly one head, with an enrollment in
    #   OK-502): LTH: E8 (H7, no head) + E9, E10 (H8, two heads) = 3. 908 (RelationshipToHoH invalid): LES: E15
    #   (P14, 99) = 1. In the LES-only LSA, LTH is not in lsa_Project: only 905 and 908 LES.
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
    # LEND: H17 (P20 + the child P21) = 1 household, 2 enrollments, 1 adult/head; 912: both exit at the closing
    #   = 2; 919: P20 has no Exit record = 1 (P21 exits to 101).
    # 921 (night-by-night enrollments active by their recorded dates without a bed night): LNBN E23 (H19) = 1.
    # Not LTH (H6 exited before ReportStart; H7, H8, H11 are not LSA households), LVSP, LNOHMIS.
    # Summed over projects they give LSAReport's totals (dbt test assert_lsa_calculated_dq_rows_add_up_to_lsareport).
    expected = {
        ("901", "LEND"): "1", ("902", "LEND"): "1", ("903", "LNBN"): "1", ("904", "LNBN"): "1",
        ("905", "LES"): "1", ("905", "LTH"): "1", ("905", "LVSP"): "1", ("906", "LNOHMIS"): "1",
        ("907", "LTH"): "3", ("908", "LES"): "1",
        ("909", "LES"): "3", ("909", "LNBN"): "1", ("909", "LPSH"): "1", ("909", "LRRH"): "1", ("909", "LEND"): "1",
        ("910", "LES"): "4", ("910", "LNBN"): "1", ("910", "LPSH"): "1", ("910", "LRRH"): "1", ("910", "LEND"): "2",
        ("911", "LES"): "3", ("911", "LNBN"): "1", ("911", "LPSH"): "1", ("911", "LRRH"): "1", ("911", "LEND"): "1",
        ("912", "LES"): "2", ("912", "LNBN"): "1", ("912", "LRRH"): "1", ("912", "LEND"): "2",
        ("913", "LES"): "1", ("914", "LES"): "1", ("915", "LES"): "1", ("916", "LES"): "2",
        ("917", "LES"): "1", ("918", "LES"): "1",
        ("919", "LNBN"): "1", ("919", "LRRH"): "1", ("919", "LEND"): "1", ("921", "LNBN"): "1",
    }  # fmt: skip
    text, rows = read_file(LSA_FY2026, "LSACalculated")
    dq = [r for r in rows if int(r["ReportRow"]) > 900]
    assert {(r["ReportRow"], r["ProjectID"]): r["Value"] for r in dq} == expected
    assert {(r["Cohort"], r["Universe"], r["HHType"], r["Population"], r["SystemPath"]) for r in dq} == {
        ("1", "10", "0", "0", "-1")
    }
    assert len(dq) == len(expected)  # one row per ReportRow and project
    assert '\r\n1,1,10,0,0,-1,"LEND",901,' in text  # ProjectID quoted, the rest bare
    # The project-focused LSA (LES only) reports LES's rows and no other project's.
    les = {(r["ReportRow"], r["ProjectID"]): r["Value"] for r in read_file(LSA_FY2026_LES, "LSACalculated")[1]
           if int(r["ReportRow"]) > 900}  # fmt: skip
    assert les == {key: value for key, value in expected.items() if key[1] == "LES"}


def _calculated(request) -> dict[tuple[int, ...] | tuple, int]:
    """LSACalculated's rows by (ReportRow, Cohort, Universe, HHType, Population, SystemPath, ProjectID)."""
    return {
        (int(r["ReportRow"]), int(r["Cohort"]), int(r["Universe"]), int(r["HHType"]), int(r["Population"]),
         int(r["SystemPath"]), r["ProjectID"]): int(r["Value"])
        for r in read_file(request, "LSACalculated")[1]
    }  # fmt: skip


@pytest.mark.slow
def test_lsacalculated_air_counts_by_project_type_population_and_point_in_time():
    # Chapter 9. In residence in the period (AIR): H1 (LES, AC: P1 45 + P2 10), H2 (LES, AO: P3 35), H3 (LNBN,
    # AO: P4 50, bed nights 10-15 and 01-10 in the period), H5 (LRRH, AO: P6 40, housed 2026-01-15), H12 (LES,
    # AO: P13 35), H17 (LEND, AC: P20 45 + P21 9). Not H4 (PSH move-in unusable).
    # Households' populations (§5.12): H1 disabled head (18), fleeing DV (19), parent; H2 survivor not fleeing
    # (48) and non-veteran 25+ (14); H3 veteran (13); H5 and H12 non-veteran 25+ (14), H12 disabled (18).
    # Universe 11 (ES: LES, LNBN, LEND) = 16 (ES/SH/TH); 14 (RRH): P6.
    # Point in time: 10-31: P3 (H1 enters 11-01; P4 has no bed night that night); 01-31: P1, P2, P3 (H5 left
    # 01-16, H12 enters 02-01); 04-30 and 07-31: P3, P13 (H1 left 03-01, H17 03-31).
    # People by characteristic (55): P4 the veteran (50), disabled (54) P1, P4 (SUD), P13; fleeing (55) P1;
    # survivor not fleeing (97) P3. White only (67) P2, P20, P21; White in any combination (77) also P1 (Asian and
    # White, multi-racial 69); P4 Black and Hispanic (61, 73, 74). Largest ActiveAge: 45-54 (94) P1, P4, P20;
    # 35-44 (93) P3, P13 and P6 in RRH; 6-17 (89) P2, P21. Veterans with a subpopulation: 5054, 5061.
    # Bed nights (56, cohort 1): LES P1 and P2 2025-11-01..2026-02-28 (120 each), P3 the whole year (365), P13
    # 2026-02-01..09-30 (242) = 847 (AO 607, AC 240); LNBN P4's two bed nights = 2; LEND P20 and P21
    # 2026-02-15..03-30 (44 each) = 88; LRRH P6 the night of 2026-01-15 = 1. ES = 847 + 2 + 88 = 937. Veterans
    # (57, population 50): P4's 2.
    got = _calculated(LSA_FY2026)
    expected = {
        # ReportRow 53 people, 54 households: cohort, universe, HHType, population, (SystemPath -1), ProjectID
        (53, 1, 11, 0, 0): 7, (53, 1, 11, 1, 0): 3, (53, 1, 11, 2, 0): 4, (53, 1, 16, 0, 0): 7,
        (53, 1, 14, 0, 0): 1, (53, 1, 14, 1, 14): 1,
        (54, 1, 11, 0, 0): 5, (54, 1, 11, 1, 0): 3, (54, 1, 11, 2, 0): 2,
        (53, 1, 11, 1, 14): 2, (54, 1, 11, 1, 14): 2, (53, 1, 11, 0, 19): 2, (53, 1, 11, 2, 19): 2,
        (53, 1, 11, 0, 48): 1, (53, 1, 11, 0, 13): 1, (53, 1, 11, 1, 13): 1,
        (53, 10, 11, 0, 0): 1, (53, 11, 11, 0, 0): 3, (53, 12, 11, 0, 0): 2, (53, 13, 11, 0, 0): 2,
        (54, 11, 11, 0, 0): 2, (53, 11, 11, 2, 0): 2,
        (55, 1, 11, 0, 50): 1, (55, 1, 11, 1, 50): 1, (55, 1, 11, 0, 54): 3, (55, 1, 11, 1, 54): 2,
        (55, 1, 11, 2, 54): 1, (55, 1, 11, 0, 55): 1, (55, 1, 11, 0, 97): 1,
        (55, 1, 11, 0, 67): 3, (55, 1, 11, 0, 77): 4, (55, 1, 11, 0, 69): 1, (55, 1, 11, 0, 61): 1,
        (55, 1, 11, 0, 94): 3, (55, 1, 11, 0, 93): 2, (55, 1, 14, 0, 93): 1, (55, 1, 11, 0, 89): 2,
        (55, 1, 11, 0, 5054): 1, (55, 1, 11, 0, 5061): 1, (55, 11, 11, 0, 54): 1,
        (56, 1, 11, 0, 0): 937, (56, 1, 16, 0, 0): 937, (56, 1, 11, 1, 0): 609, (56, 1, 14, 0, 0): 1,
        (57, 1, 11, 0, 50): 2, (57, 1, 11, 1, 50): 2,
    }  # fmt: skip
    by_type = {key[:5]: value for key, value in got.items() if key[2] > 10}
    assert {key: by_type.get(key) for key in expected} == expected
    by_project = {(key[0], key[1], key[3], key[4], key[6]): value for key, value in got.items() if key[2] == 10}
    expected_projects = {
        (53, 1, 0, 0, "LES"): 4, (53, 1, 1, 0, "LES"): 2, (53, 1, 2, 0, "LES"): 2, (54, 1, 0, 0, "LES"): 3,
        (53, 1, 0, 0, "LNBN"): 1, (53, 1, 0, 0, "LEND"): 2, (53, 1, 0, 0, "LRRH"): 1, (53, 11, 0, 0, "LES"): 3,
        (55, 1, 0, 50, "LNBN"): 1, (56, 1, 0, 0, "LES"): 847, (56, 1, 1, 0, "LES"): 607, (56, 1, 2, 0, "LES"): 240,
        (56, 1, 0, 0, "LNBN"): 2, (56, 1, 0, 0, "LEND"): 88, (56, 1, 0, 0, "LRRH"): 1, (57, 1, 0, 50, "LNBN"): 2,
    }  # fmt: skip
    assert {key: by_project.get(key) for key in expected_projects} == expected_projects
    # Nobody in residence is in PSH (15), SH (12) or TH (13); no chronically homeless adult (53 of row 55, 57).
    assert not [key for key in got if key[0] < 100 and key[2] in (12, 13, 15)]
    assert not [key for key in got if key[0] in (55, 57) and key[4] == 53]
    # Project-level row 55 only for its six populations; every chapter-9 row has SystemPath -1.
    assert {key[4] for key in got if key[0] == 55 and key[2] == 10} <= {50, 53, 1190, 1191, 1290, 1291}
    assert {key[5] for key in got if key[0] in (53, 54, 55, 56, 57)} == {-1}
    # The HIC (2026-01-28): cohort 1 only (AIR that night: H1 P1, P2 and H2 P3), no bed-night rows; and §9.6's
    # OPH count by project: LOPH's H20 (P24 moved in 2025-12-05, with P25) = 2; H21 moves in after the date.
    hic = _calculated(LSA_HIC_2026)
    assert hic[(53, 1, 11, 0, 0, -1, "")] == 3 and hic[(54, 1, 11, 0, 0, -1, "")] == 2
    assert {key[1] for key in hic if key[0] < 100} == {1} and not [key for key in hic if key[0] in (56, 57)]
    assert {key: value for key, value in hic.items() if key[6] == "LOPH"} == {(53, 1, 10, 0, 0, -1, "LOPH"): 2}
    assert not [key for key in got if key[6] == "LOPH"]  # only the HIC counts OPH


@pytest.mark.slow
def test_lsacalculated_averages_of_household_days():
    # Chapter 8, rows 1-16 (Cohort 1, Universe -1, ProjectID empty): the mean of tlsa_Household's day counts
    # above zero, rounded half up. Active households and their days (int_lsa_household_days):
    #   P1 (H1, AC, ES 2025-11-01..2026-02-28 = 120; street from 2025-09-01 = 61 days of 3.917; total 181)
    #   P13 (H12, AO, ES since 2026-02-01 = 242, 3.917 date after entry: total 242)
    #   P20 (H17, AC, ES 2026-02-15..03-30 = 44 + 14 days of 3.917 = 58)
    #   P3 (H2, AO, ES since 2025-06-01 = 487)  P4 (H3, AO, 4 bed nights + 3.917 2025-08-01..31 = 31: 35)
    #   P5 (H4, AO, PSH since 2024-01-01, never moved in: 1004 days before move-in + 3.917 2023-06..12 = 214:
    #       1218; SystemPath 8, PSH only)
    #   P6 (H5, AO, RRH 2025-12-01, moved in 2026-01-15 (45 days before), housed 1 day, exited; SystemPath 4)
    # The ES households' SystemPath is 1. Stat 1 (first time homeless, population 20): P1, P13, P20, P6.
    # Row 1 (ES days): all (120 + 242 + 44 + 487 + 4) / 5 = 179.4 -> 179; AO (242 + 487 + 4) / 3 = 244.3 -> 244;
    #   AC (120 + 44) / 2 = 82; first time homeless (120 + 242 + 44) / 3 = 135.3 -> 135.
    # Row 4 (RRH/PSH before move-in): (1004 + 45) / 2 = 524.5 -> 525 (half up); by SystemPath 4: 45, 8: 1004.
    # Row 6 (3.917 days): (61 + 14 + 31 + 214) / 4 = 80; AC (61 + 14) / 2 = 37.5 -> 38.
    # Row 7 (total): (181 + 242 + 58 + 487 + 35 + 1218 + 45) / 7 = 323.7 -> 324; SystemPath 1 (the ES five)
    #   1003 / 5 = 200.6 -> 201.
    # Rows 8 and 15 (RRH housed; housed exiters): P6's 1. Row 14 (RRH start to move-in, housed): 45. No PSH
    # household moved in (rows 10-11), none in RRH without a move-in (12-13) or still housed (16).
    # White head in any combination (population 44): P1 (Asian and White) and P20: row 1 (120 + 44) / 2 = 82.
    got = {key[:6]: value for key, value in _calculated(LSA_FY2026).items() if key[0] <= 16}
    expected = {
        (1, 1, -1, 0, 0, -1): 179, (1, 1, -1, 1, 0, -1): 244, (1, 1, -1, 2, 0, -1): 82, (1, 1, -1, 0, 20, -1): 135,
        (4, 1, -1, 0, 0, -1): 525, (4, 1, -1, 0, 0, 4): 45, (4, 1, -1, 0, 0, 8): 1004,
        (6, 1, -1, 0, 0, -1): 80, (6, 1, -1, 2, 0, -1): 38,
        (7, 1, -1, 0, 0, -1): 324, (7, 1, -1, 0, 0, 1): 201,
        (8, 1, -1, 0, 0, -1): 1, (15, 1, -1, 0, 0, -1): 1, (14, 1, -1, 0, 0, -1): 45, (1, 1, -1, 0, 44, -1): 82,
    }  # fmt: skip
    assert {key: got.get(key) for key in expected} == expected
    assert not [key for key in got if key[0] in (10, 11, 12, 13, 16)]
    assert {key[1:3] for key in got} == {(1, -1)}
    assert not [key for key in got if key[5] != -1 and key[4] not in range(18)]  # by SystemPath: 0 and 10-17


@pytest.mark.slow
def test_lsacalculated_averages_of_days_to_return():
    # Chapter 8, §8.8-§8.11, from OK-510's tlsa_Exit (test_lsa_exit.py derives each value). Five exits have a
    # return (ReturnTime > 0), each alone in its cohort and Universe, so each average is one household's days; all
    # are AO (HHType 1), non-veteran 25+ (14), HHChronic 0 (annual inflow, 17):
    #   X2 cohort -2: from TH (ExitFrom 3, row 19) to 101 (temporary: Universe 3, row 101), 30 days, SystemPath 2
    #     (TH only, row 25), first time homeless (Stat 1: subpopulation 20), white head (34, 44).
    #   X13 cohort -1: from ES (2, row 18) to 410 (permanent: Universe 2, row 117), 274 days, SystemPath 1 (row 24),
    #     Stat 1, RaceNone (98: no race subpopulation).
    #   X3 cohort 0: from RRH placed in PH (5, row 21) to 411 (Universe 2, row 118), 92 days, SystemPath 5
    #     (ES/SH/RRH, row 28), Stat 5 (continuously homeless: not 20), white head.
    #   X17 cohort -2: from ES (row 18) to 410 (Universe 2, row 117), TH entry 61 days later, SystemPath 1 (row 24),
    #     Stat 1. X18 cohort -1: from ES to 99 (unknown: Universe 4, row 136), SH entry 20 days later, SystemPath 1.
    # Row 23 (all) and 36 (any SystemPath but -1, reported as -1) hold each; subpopulations only in row 23.
    got = _calculated(LSA_EXIT_FY2026)
    expected = {
        (19, -2, 3, 0, 0, -1): 30, (19, -2, 3, 1, 0, -1): 30, (19, -2, 3, 1, 14, -1): 30, (19, -2, 3, 0, 17, -1): 30,
        (18, -1, 2, 0, 0, -1): 274, (18, -1, 2, 1, 14, -1): 274, (21, 0, 2, 0, 0, -1): 92,
        (23, -2, 3, 0, 0, -1): 30, (23, -1, 2, 0, 0, -1): 274, (23, 0, 2, 0, 0, -1): 92,
        (23, -2, 3, 0, 20, -1): 30, (23, -1, 2, 1, 1420, -1): 274, (23, -2, 3, 0, 34, -1): 30,
        (23, 0, 2, 0, 44, -1): 92, (23, 0, 2, 1, 1444, -1): 92,
        (25, -2, 3, 0, 0, 2): 30, (24, -1, 2, 0, 0, 1): 274, (28, 0, 2, 0, 0, 5): 92, (36, 0, 2, 0, 0, -1): 92,
        (101, -2, 3, 0, 0, -1): 30, (117, -1, 2, 0, 0, -1): 274, (118, 0, 2, 1, 0, -1): 92,
        (18, -2, 2, 0, 0, -1): 61, (117, -2, 2, 0, 0, -1): 61, (24, -2, 2, 0, 0, 1): 61, (23, -2, 2, 1, 1420, -1): 61,
        (18, -1, 4, 0, 0, -1): 20, (136, -1, 4, 0, 0, -1): 20, (24, -1, 4, 0, 0, 1): 20, (23, -1, 4, 0, 0, -1): 20,
    }  # fmt: skip
    returns = {key[:6]: value for key, value in got.items() if 17 < key[0] < 53 or 62 < key[0] < 200}
    assert {key: returns.get(key) for key in expected} == expected
    assert not [key for key in returns if key[0] == 23 and key[4] in (20, 1420) and key[1] == 0]  # X3 is Stat 5
    assert not [key for key in returns if key[0] != 23 and key[4] not in range(10, 18) and key[4] != 0]
    assert {key[1] for key in returns} == {-2, -1, 0} and {key[2] for key in returns} == {2, 3, 4}
