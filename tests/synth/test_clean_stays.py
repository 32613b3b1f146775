"""Stays, services and household records the manifest does not name pass HUD / Eva data-quality rules."""

from __future__ import annotations

from .predicates import STAYS, shared_bed_nights


def _declared(export, kind: str) -> set[tuple[str, str]]:
    return {(d["source_id"], d["record_id"]) for d in export.manifest["defects"] if d["defect"] == kind}


def test_nobody_is_in_two_beds_on_one_night_except_declared_overlaps(export):
    overlaps = _declared(export, "overlapping_stay")
    moved = _declared(export, "residential_overlap")  # each shares its first night with the stay before it
    originals = set(
        export.rows(f"""
        with s as ({STAYS}) select distinct a._source, a.EnrollmentID from s a join s b
        on a._source = b._source and a.PersonalID = b.PersonalID and a.ProjectID = b.ProjectID
        and a.EnrollmentID <> b.EnrollmentID""")
    )
    undeclared = {
        (source, a)
        for source, a, b in shared_bed_nights(export)
        if (source, a) not in overlaps | originals | moved and (source, b) not in moved
    }
    assert undeclared == set()


def test_bed_nights_follow_the_hud_rules(export):
    services = f"""with s as ({STAYS}) select b.*, s.entry, s.exit, p.ProjectType from "Services" b
        join s on s._source = b._source and s.EnrollmentID = b.EnrollmentID
        join "Project" p on p._source = s._source and p.ProjectID = s.ProjectID where b.RecordType = '200'"""
    assert export.scalar(f"select count(*) from ({services}) where ProjectType <> '1'") == 0
    assert (
        export.scalar(
            f"select count(*) from ({services}) where DateProvided::date < entry "
            "or DateProvided::date >= coalesce(exit, date '9999-12-31')"
        )
        == 0
    )
    no_entry_night = f"""with s as ({STAYS}) select s._source, s.EnrollmentID from s join "Project" p
        on p._source = s._source and p.ProjectID = s.ProjectID where p.ProjectType = '1' and not exists (
        select 1 from "Services" b where b._source = s._source and b.EnrollmentID = s.EnrollmentID
        and b.RecordType = '200' and b.DateProvided::date = s.entry)"""
    assert set(export.rows(no_entry_night)) <= _declared(export, "nbn_no_bed_nights")  # the emptied shelter's


def test_services_and_contacts_fall_inside_the_stay(export):
    for table, column in (
        ("Services", "DateProvided"),
        ("CurrentLivingSituation", "InformationDate"),
        ("Event", "EventDate"),
        ("Assessment", "AssessmentDate"),
    ):
        outside = export.scalar(f"""with s as ({STAYS}) select count(*) from "{table}" r join s
            on s._source = r._source and s.EnrollmentID = r.EnrollmentID
            where r.{column}::date < s.entry or r.{column}::date > coalesce(s.exit, date '9999-12-31')""")
        assert outside == 0, table


def test_stage_records_carry_the_hud_information_dates(export):
    for table in ("IncomeBenefits", "HealthAndDV", "Disabilities", "EmploymentEducation", "YouthEducationStatus"):
        wrong = export.scalar(f"""with s as ({STAYS}), h as (select _source, HouseholdID, min(entry) as anchor
            from s group by all) select count(*) from "{table}" r join s
            on s._source = r._source and s.EnrollmentID = r.EnrollmentID
            join h on h._source = s._source and h.HouseholdID = s.HouseholdID
            where (r.DataCollectionStage = '1' and r.InformationDate::date <> s.entry)
               or (r.DataCollectionStage = '3' and r.InformationDate::date is distinct from s.exit)
               or (r.DataCollectionStage = '5' and (r.InformationDate::date <= s.entry
                   or abs(date_diff('day', r.InformationDate::date, h.anchor + to_years(
                        date_sub('year', h.anchor, r.InformationDate::date + 30)::int))) > 30))""")
        assert wrong == 0, table
    per_type = export.scalar("""select count(*) from (select _source, EnrollmentID, DisabilityType,
        DataCollectionStage from "Disabilities" where DataCollectionStage in ('1','3')
        group by all having count(*) > 1)""")
    assert per_type == 0


def test_dependent_fields_are_null_unless_their_parent_applies(export):
    rules = [
        ("Exit", "DestinationSubsidyType is not null", "Destination = '435'"),
        ("Exit", "OtherDestination is not null", "Destination = '17'"),
        ("Exit", "EarlyExitReason is not null", "ProjectCompletionStatus = '3'"),
        ("HealthAndDV", "WhenOccurred is not null or CurrentlyFleeing is not null", "DomesticViolenceSurvivor = '1'"),
        ("HealthAndDV", "DueDate is not null", "PregnancyStatus = '1'"),
        (
            "Disabilities",
            "IndefiniteAndImpairs is not null",
            "DisabilityType in ('5','7','9','10') and DisabilityResponse <> '0'",
        ),
        ("EmploymentEducation", "EmploymentType is not null", "Employed = '1'"),
        ("EmploymentEducation", "NotEmployedReason is not null", "Employed = '0'"),
        ("YouthEducationStatus", "MostRecentEdStatus is not null", "CurrentSchoolAttend = '0'"),
        ("YouthEducationStatus", "CurrentEdStatus is not null", "CurrentSchoolAttend in ('1','2')"),
        ("Services", "FAAmount is not null", "RecordType in ('151','152')"),
        ("Services", "FAStartDate is not null or FAEndDate is not null", "RecordType = '152'"),
        ("Services", "ReferralOutcome is not null", "RecordType = '161'"),
        ("Services", "SubTypeProvided is not null", "RecordType = '144' and TypeProvided in ('3','4','5')"),
        ("Services", "OtherTypeProvided is not null", "RecordType = '144' and TypeProvided = '6'"),
        ("CurrentLivingSituation", "CLSSubsidyType is not null", "CurrentLivingSituation = '435'"),
        ("CurrentLivingSituation", "SubsequentResidence is not null", "LeaveSituation14Days = '1'"),
        ("Event", "ProbSolDivRRResult is not null", "Event = '2'"),
        ("Event", "ResultDate is not null", "ReferralResult is not null"),
        ("Project", "RRHSubType is not null", "ProjectType = '13'"),
        (
            "Project",
            "ResidentialAffiliation is not null",
            "ProjectType = '6' or (ProjectType = '13' and RRHSubType = '1')",
        ),
        ("Enrollment", "ReasonNotEnrolled is not null", "ClientEnrolledInPATH = '0'"),
        ("Enrollment", "RunawayYouth is not null", "EligibleForRHY = '1'"),
        ("IncomeBenefits", "OtherIncomeSourceIdentify is not null", "OtherIncomeSource = '1'"),
        ("IncomeBenefits", "OtherBenefitsSourceIdentify is not null", "OtherBenefitsSource = '1'"),
        ("IncomeBenefits", "NoADAPReason is not null", "ADAP = '0'"),
        ("CEParticipation", "CrisisAssessment is not null", "AccessPoint = '1'"),
        (
            "Inventory",
            "Availability is not null or ESBedType is not null",
            "ProjectID in (select ProjectID from \"Project\" where ProjectType in ('0','1'))",
        ),
    ]
    for table, child, parent in rules:
        assert (
            export.scalar(f'select count(*) from "{table}" where ({child}) and not coalesce(({parent}), false)') == 0
        ), (table, child)


def test_move_in_dates_belong_to_heads_in_permanent_housing(export):
    assert (
        export.scalar("""select count(*) from "Enrollment" e join "Project" p using (_source, ProjectID)
        where e.MoveInDate is not null and (p.ProjectType not in ('3','9','10','13') or e.RelationshipToHoH = '2')""")
        == 0
    )


def test_every_enrollment_is_active_in_the_export_period(export):
    assert (
        export.scalar(f"""with s as ({STAYS}) select count(*) from s join "Export" x using (_source)
        where s.entry > x.ExportEndDate::date or s.exit < x.ExportStartDate::date or s.exit < s.entry""")
        == 0
    )


def test_enrollments_fall_inside_operating_and_participation_periods(export):
    """Except the stays the manifest names as entered before their project's participation start."""
    outside = export.rows("""select e._source, e.EnrollmentID
        from "Enrollment" e join "Project" p using (_source, ProjectID)
        where e.EntryDate::date < p.OperatingStartDate::date or not exists (
            select 1 from "HMISParticipation" h where h._source = e._source and h.ProjectID = e.ProjectID
            and h.HMISParticipationType = '1' and h.HMISParticipationStatusStartDate::date <= e.EntryDate::date)""")
    assert set(outside) == _declared(export, "participation_window")
    assert (
        export.scalar("""select count(*) from "Funder" f join "Project" p using (_source, ProjectID)
        where f.StartDate::date < p.OperatingStartDate::date""")
        == 0
    )


def test_nothing_is_dated_after_the_export_end(export):
    for name, file_spec in export.spec.files.items():
        for col in file_spec.columns:
            if col.dtype != "D" or col.name in ("DueDate", "ExportEndDate", "InventoryEndDate", "EndDate"):
                continue
            future = export.scalar(
                f'select count(*) from "{name}" f join "Export" x using (_source) '
                f'where f."{col.name}"::date > x.ExportEndDate::date'
            )
            assert future == 0, f"{name}.{col.name}"
