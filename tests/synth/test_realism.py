"""The data looks like the two CoCs' HMIS to an administrator: roster, project mix, households, histories."""

from __future__ import annotations

import csv

from pipelines.synth.roster import SEEDS


def test_each_coc_has_the_agencies_and_programs_cdsa_reports(export26):
    served = export26.rows("""select c._source, c.ProjectID, c.CoCCode, p.OrganizationID
        from "Project" p join "ProjectCoC" c using (_source, ProjectID)""")
    wrong = {  # a second CoC the generator gave a project as a defect (coc_without_inventory) is not served
        (d["source_id"], d["record_id"], d["value"])
        for d in export26.manifest["defects"]
        if d["defect"] == "coc_without_inventory"
    }
    with open(SEEDS / "synth_roster_projects.csv", newline="") as f:
        roster = list(csv.DictReader(f))
    counts, wanted = {}, {}
    for coc in ("OK-500", "OK-507"):
        rows = [(s, p, o) for s, p, c, o in served if c == coc and (s, p, c) not in wrong]
        counts[coc] = (len({o for *_, o in rows}), len({p for _, p, _ in rows}))
        ours = [r for r in roster if r["coc_code"] == coc]
        wanted[coc] = (len({r["organization_id"] for r in ours}), len({r["project_id"] for r in ours}))
    assert counts == wanted == {"OK-500": (6, 23), "OK-507": (7, 33)}  # every agency and project of the roster


def test_mission_of_hope_runs_a_shelter_and_a_hud_coc_psh_project_in_payne_county(export26):
    rows = export26.rows("""select p.ProjectType, f.Funder, c.CoCCode, c.City from "Organization" o
        join "Project" p using (_source, OrganizationID) join "Funder" f using (_source, ProjectID)
        join "ProjectCoC" c using (_source, ProjectID) where o.OrganizationName = 'Mission of Hope'""")
    assert ("3", "2", "OK-500", "Stillwater") in rows
    assert any(t == "0" for t, *_ in rows)


def test_every_project_type_of_the_issue_has_clients(export26):
    served = {
        t
        for (t,) in export26.rows("""select distinct p.ProjectType from "Enrollment" e
        join "Project" p using (_source, ProjectID)""")
    }
    assert {"0", "1", "2", "3", "4", "6", "11", "12", "13", "14"} <= served
    assert (
        export26.scalar("""select count(*) from "Enrollment" e join "Project" p using (_source, ProjectID)
        where p.ProjectType = '13' and p.RRHSubType = '1'""")
        > 0
    )


def test_funders_cover_coc_esg_hopwa_ssvf_and_local_money(export26):
    funders = {f for (f,) in export26.rows('select distinct Funder from "Funder"')}
    assert {"2", "3", "8", "10", "33", "46"} <= funders and funders & {"15", "17"}
    assert export26.scalar("select count(*) from \"Funder\" where Funder = '46' and OtherFunder is null") == 0


def test_non_participating_and_comparable_database_projects_have_no_clients(export26):
    assert (
        export26.scalar("""select count(*) from "Enrollment" e join "HMISParticipation" h using (_source, ProjectID)
        where h.HMISParticipationType <> '1'""")
        == 0
    )
    assert {"0", "2"} <= {t for (t,) in export26.rows('select distinct HMISParticipationType from "HMISParticipation"')}


def test_inventory_is_consistent_with_each_project(export26):
    dedicated = [
        "CHVetBedInventory",
        "YouthVetBedInventory",
        "VetBedInventory",
        "CHYouthBedInventory",
        "YouthBedInventory",
        "CHBedInventory",
        "OtherBedInventory",
    ]
    total = " + ".join(f"coalesce({c}::int, 0)" for c in dedicated)
    assert export26.scalar(f'select count(*) from "Inventory" where BedInventory::int <> {total}') == 0
    assert export26.scalar('select count(*) from "Inventory" where UnitInventory::int > BedInventory::int') == 0
    assert (
        export26.scalar("""select count(*) from "Inventory" i join "Project" p using (_source, ProjectID)
        where p.ProjectType not in ('0','1','2','3','8','9','10','13') or p.RRHSubType = '1'""")
        == 0
    )
    assert (
        export26.scalar("""select count(*) from "Project" p where p.ProjectType in ('0','1','2','3') and not exists
        (select 1 from "Inventory" i where i._source = p._source and i.ProjectID = p.ProjectID)""")
        == 0
    )


def test_project_geography_is_a_real_county_of_its_coc(export26):
    with open(SEEDS / "oklahoma" / "hud_geocodes.csv", newline="") as handle:
        geocodes = {(r["coc_code"], r["geocode"]) for r in csv.DictReader(handle)}
    rows = set(export26.rows('select CoCCode, Geocode from "ProjectCoC"'))
    assert rows <= geocodes


def test_households_include_families_youth_and_veterans(export26):
    households = export26.rows("""select e._source, e.HouseholdID,
        count(*) filter (where date_sub('year', c.DOB::date, e.EntryDate::date) < 18) as children,
        count(*) filter (where date_sub('year', c.DOB::date, e.EntryDate::date) >= 18) as adults,
        max(date_sub('year', c.DOB::date, e.EntryDate::date)) as oldest
        from "Enrollment" e join "Client" c using (_source, PersonalID) where c.DOB is not null group by all""")
    assert any(children and adults for _, _, children, adults, _ in households)
    assert any(children and not adults for _, _, children, adults, _ in households)
    assert any(adults and oldest <= 24 for _, _, children, adults, oldest in households if not children)
    assert (
        export26.scalar("""select count(*) from "Enrollment" e join "Funder" f using (_source, ProjectID)
        join "Client" c using (_source, PersonalID) where f.Funder = '33' and e.RelationshipToHoH = '1'
        and c.VeteranStatus <> '1'""")
        == 0
    )
    assert export26.scalar("select count(*) from \"Client\" where VeteranStatus = '1'") > 0


def test_children_are_younger_than_their_parent(export26):
    assert (
        export26.scalar("""select count(*) from "Enrollment" k join "Enrollment" h
        on h._source = k._source and h.HouseholdID = k.HouseholdID and h.RelationshipToHoH = '1'
        join "Client" ck on ck._source = k._source and ck.PersonalID = k.PersonalID
        join "Client" ch on ch._source = h._source and ch.PersonalID = h.PersonalID
        where k.RelationshipToHoH = '2' and date_sub('year', ch.DOB::date, ck.DOB::date) < 12""")
        == 0
    )


def test_american_indian_share_is_well_above_the_national_norm(export26):
    share = export26.scalar("select avg((AmIndAKNative = '1')::int) from \"Client\" where RaceNone is null")
    assert share > 0.15


def test_exits_reach_every_destination_class(export26):
    classes = {d[0] for (d,) in export26.rows('select distinct Destination from "Exit"') if len(d) == 3}
    assert {"1", "2", "3", "4"} <= classes
    assert export26.scalar("select count(*) from \"Exit\" where Destination in ('24', '17')") > 0


def test_some_people_return_to_homelessness_after_permanent_housing(export26):
    returns = export26.scalar("""select count(*) from "Exit" x join "Enrollment" a using (_source, EnrollmentID)
        join "Enrollment" b on b._source = a._source and b.PersonalID = a.PersonalID and b.EntryDate > x.ExitDate
        join "Project" p on p._source = b._source and p.ProjectID = b.ProjectID
        where x.Destination like '4__' and p.ProjectType in ('0','1','4')""")
    assert returns > 0


def test_permanent_housing_has_move_ins_and_shelters_have_bed_nights(export26):
    assert export26.scalar('select count(*) from "Enrollment" where MoveInDate is not null') > 0
    assert export26.scalar("select count(*) from \"Services\" where RecordType = '200'") > 0
    assert export26.scalar('select count(*) from "CurrentLivingSituation"') > 0
    assert export26.scalar("select count(*) from \"Services\" where RecordType in ('144','152')") > 0


def test_enrollments_stay_open_at_the_export_end(export26):
    open_ = export26.scalar("""select count(*) from "Enrollment" e where not exists
        (select 1 from "Exit" x where x._source = e._source and x.EnrollmentID = e.EnrollmentID)""")
    assert open_ > 0


def test_fy2024_output_uses_gender_columns_and_fy2026_uses_sex(export):
    columns = export.spec.file("Client").column_names
    if export.spec.version == "fy2024":
        assert (
            "Woman" in columns and export.scalar("select count(*) from \"Client\" where Woman = '1' or Man = '1'") > 0
        )
    else:
        assert export.scalar("select count(*) from \"Client\" where Sex in ('0', '1')") > 0


def test_every_roster_project_operates_before_the_earliest_possible_stay():
    from datetime import date, timedelta

    from pipelines.synth.options import EARLIEST_EXPORT_START
    from pipelines.synth.population import CARRY_IN_DAYS
    from pipelines.synth.roster import load_roster

    earliest_stay = EARLIEST_EXPORT_START - timedelta(days=CARRY_IN_DAYS)
    roster = load_roster()
    opened = [date.fromisoformat(d) for d in roster.projects["operating_start"]]
    assert max(opened) <= earliest_stay


def test_some_members_join_late_or_leave_early(export26):
    joined = export26.scalar("""select count(*) from "Enrollment" e join (select _source, HouseholdID,
        min(EntryDate) as first_entry from "Enrollment" group by all) h using (_source, HouseholdID)
        where e.EntryDate > h.first_entry""")
    left = export26.scalar("""select count(*) from "Exit" x join "Enrollment" e using (_source, EnrollmentID)
        join "Enrollment" head on head._source = e._source and head.HouseholdID = e.HouseholdID
         and head.RelationshipToHoH = '1'
        left join "Exit" hx on hx._source = head._source and hx.EnrollmentID = head.EnrollmentID
        where e.RelationshipToHoH <> '1' and x.ExitDate < coalesce(hx.ExitDate, '9999-12-31')""")
    assert joined > 0 and left > 0
