"""Records the manifest does not name pass the HUD / Eva data-quality rules the defects are measured by."""

from __future__ import annotations

from .predicates import STAYS


def _declared(export, kind: str) -> set[tuple[str, str]]:
    return {(d["source_id"], d["record_id"]) for d in export.manifest["defects"] if d["defect"] == kind}


def test_people_are_born_before_entry_and_younger_than_100(export):
    bad = export.rows("""
        select c._source, c.PersonalID from "Client" c join "Enrollment" e using (_source, PersonalID)
        where c.DOB is not null and (c.DOB::date >= e.EntryDate::date
              or date_sub('year', c.DOB::date, e.EntryDate::date) > 100)""")
    assert bad == []


def test_no_child_is_a_veteran_and_only_veterans_have_military_details(export):
    assert (
        export.scalar("""
        select count(*) from "Client" c where VeteranStatus = '1' and exists (select 1 from "Enrollment" e
        where e._source = c._source and e.PersonalID = c.PersonalID
        and date_sub('year', c.DOB::date, e.EntryDate::date) < 18)""")
        == 0
    )
    details = [
        "YearEnteredService",
        "YearSeparated",
        "WorldWarII",
        "KoreanWar",
        "VietnamWar",
        "DesertStorm",
        "AfghanistanOEF",
        "IraqOIF",
        "IraqOND",
        "OtherTheater",
        "MilitaryBranch",
        "DischargeStatus",
    ]
    filled = " or ".join(f"{c} is not null" for c in details)
    assert export.scalar(f"select count(*) from \"Client\" where VeteranStatus <> '1' and ({filled})") == 0
    missing = " or ".join(f"{c} is null" for c in details)
    assert export.scalar(f"select count(*) from \"Client\" where VeteranStatus = '1' and ({missing})") == 0


def test_race_none_is_set_only_when_no_race_is(export):
    races = [
        "AmIndAKNative",
        "Asian",
        "BlackAfAmerican",
        "MidEastNAfrican",
        "NativeHIPacific",
        "White",
        "HispanicLatinao" if export.spec.version == "fy2026" else "HispanicLatinaeo",
    ]
    any_race = " or ".join(f"{r} = '1'" for r in races)
    assert export.scalar(f'select count(*) from "Client" where ({any_race}) = (RaceNone is not null)') == 0


def test_nobody_is_in_two_beds_on_one_night_except_declared_overlaps(export):
    nights = f"""
        with s as ({STAYS}), p as (select _source, ProjectID, ProjectType from "Project"),
        x as (select _source, ExportEndDate::date as e from "Export"),
        residence as (
          select s._source, s.PersonalID, s.EnrollmentID,
                 case when p.ProjectType in ('3','9','10','13') then s.move_in else s.entry end as first_night,
                 coalesce(s.exit, x.e + 1) - 1 as last_night
          from s join p using (_source, ProjectID) join x using (_source)
          where p.ProjectType in ('0','2','8') or (p.ProjectType in ('3','9','10','13') and s.move_in is not null
                and s.move_in >= s.entry and s.move_in <= coalesce(s.exit, x.e))),
        nights as (
          select _source, PersonalID, EnrollmentID,
                 unnest(generate_series(first_night, last_night, interval 1 day))::date as night
          from residence where last_night >= first_night
          union all
          select b._source, b.PersonalID, b.EnrollmentID, b.DateProvided::date
          from "Services" b where RecordType = '200')
        select distinct a._source, a.EnrollmentID from nights a join nights b
          on a._source = b._source and a.PersonalID = b.PersonalID and a.night = b.night
         and a.EnrollmentID <> b.EnrollmentID
    """
    doubled = set(export.rows(nights))
    overlaps = _declared(export, "overlapping_stay")
    originals = set(
        export.rows(f"""
        with s as ({STAYS}) select distinct a._source, a.EnrollmentID from s a join s b
        on a._source = b._source and a.PersonalID = b.PersonalID and a.ProjectID = b.ProjectID
        and a.EnrollmentID <> b.EnrollmentID""")
    )
    assert doubled <= overlaps | originals


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
    assert (
        export.scalar(f"""with s as ({STAYS}) select count(*) from s join "Project" p
        on p._source = s._source and p.ProjectID = s.ProjectID where p.ProjectType = '1' and not exists (
        select 1 from "Services" b where b._source = s._source and b.EnrollmentID = s.EnrollmentID
        and b.RecordType = '200' and b.DateProvided::date = s.entry)""")
        == 0
    )


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


def test_income_answers_agree_with_sources_and_amounts(export):
    sources = [
        "Earned",
        "Unemployment",
        "SSI",
        "SSDI",
        "VADisabilityService",
        "VADisabilityNonService",
        "PrivateDisability",
        "WorkersComp",
        "TANF",
        "GA",
        "SocSecRetirement",
        "Pension",
        "ChildSupport",
        "Alimony",
        "OtherIncomeSource",
    ]
    amounts = [s + "Amount" if s != "OtherIncomeSource" else "OtherIncomeAmount" for s in sources]
    any_yes = " or ".join(f"{s} = '1'" for s in sources)
    total = " + ".join(f"coalesce({a}::decimal(14,2), 0)" for a in amounts)
    assert (
        export.scalar(f"""select count(*) from "IncomeBenefits" where IncomeFromAnySource in ('0','1')
        and (IncomeFromAnySource = '1') <> ({any_yes})""")
        == 0
    )
    assert (
        export.scalar(f"""select count(*) from "IncomeBenefits" where IncomeFromAnySource = '1'
        and TotalMonthlyIncome::decimal(14,2) <> {total}""")
        == 0
    )
    for s, a in zip(sources, amounts, strict=True):
        assert (
            export.scalar(f"""select count(*) from "IncomeBenefits"
            where ({a} is not null) <> coalesce({s} = '1', false)""")
            == 0
        ), a


def test_disabling_condition_agrees_with_the_disability_records(export):
    qualifying = """exists (select 1 from "Disabilities" d
        where d._source = e._source and d.EnrollmentID = e.EnrollmentID
        and d.DataCollectionStage = '1' and ((d.DisabilityType in ('6','8') and d.DisabilityResponse = '1')
        or (d.DisabilityType in ('5','7','9','10') and d.DisabilityResponse in ('1','2','3')
            and d.IndefiniteAndImpairs = '1')))"""
    assert export.scalar(f"select count(*) from \"Enrollment\" e where DisablingCondition = '0' and {qualifying}") == 0
    assert (
        export.scalar(f"select count(*) from \"Enrollment\" e where DisablingCondition = '1' and not {qualifying}") == 0
    )


def test_chronic_homelessness_questions_follow_their_branching(export):
    base = """from "Enrollment" e join "Project" p on p._source = e._source and p.ProjectID = e.ProjectID
              join "Client" c on c._source = e._source and c.PersonalID = e.PersonalID"""
    part_a = "p.ProjectType in ('0','1','4','8')"
    homeless = "e.LivingSituation like '1__'"
    adult = (
        "(e.RelationshipToHoH = '1' or (c.DOB is not null and date_sub('year', c.DOB::date, e.EntryDate::date) >= 18))"
    )
    assert (
        export.scalar(f"select count(*) {base} where {adult} and (e.LivingSituation is null or e.LengthOfStay is null)")
        == 0
    )
    assert (
        export.scalar(
            f"select count(*) {base} where ({part_a} or {homeless}) "
            "and (e.LOSUnderThreshold is not null or e.PreviousStreetESSH is not null)"
        )
        == 0
    )
    assert (
        export.scalar(
            f"select count(*) {base} where coalesce(e.LOSUnderThreshold, '0') <> '1' "
            "and e.PreviousStreetESSH is not null"
        )
        == 0
    )
    asked = f"({part_a} or {homeless} or e.PreviousStreetESSH = '1')"
    assert (
        export.scalar(
            f"select count(*) {base} where e.LivingSituation is not null and {asked} "
            "and (e.DateToStreetESSH is null or e.TimesHomelessPastThreeYears is null "
            "or e.MonthsHomelessPastThreeYears is null)"
        )
        == 0
    )
    assert (
        export.scalar(
            f"select count(*) {base} where not {asked} and (e.DateToStreetESSH is not null "
            "or e.TimesHomelessPastThreeYears is not null)"
        )
        == 0
    )
    assert export.scalar(f"select count(*) {base} where e.DateToStreetESSH::date > e.EntryDate::date") == 0
    answers = ("LivingSituation", "LengthOfStay", "TimesHomelessPastThreeYears", "MonthsHomelessPastThreeYears")
    assert (
        export.scalar(f"select count(*) {base} where " + " or ".join(f"e.{a} in ('8','9','99')" for a in answers)) == 0
    )
    assert (
        export.scalar(
            'select count(*) from "Enrollment" where (RentalSubsidyType is not null) '
            "<> coalesce(LivingSituation = '435', false)"
        )
        == 0
    )


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


def test_records_are_created_after_their_event_and_before_the_export(export):
    for name, file_spec in export.spec.files.items():
        if "DateCreated" not in file_spec.column_names:
            continue
        late = export.scalar(f"""select count(*) from "{name}" f join "Export" x using (_source)
            where f.DateCreated::timestamp > x.ExportDate::timestamp
               or f.DateUpdated::timestamp < f.DateCreated::timestamp
               or f.DateUpdated::timestamp > x.ExportDate::timestamp""")
        assert late == 0, name


def test_every_enrollment_is_active_in_the_export_period(export):
    assert (
        export.scalar(f"""with s as ({STAYS}) select count(*) from s join "Export" x using (_source)
        where s.entry > x.ExportEndDate::date or s.exit < x.ExportStartDate::date or s.exit < s.entry""")
        == 0
    )


def test_enrollments_fall_inside_operating_and_participation_periods(export):
    assert (
        export.scalar("""select count(*) from "Enrollment" e join "Project" p using (_source, ProjectID)
        join "HMISParticipation" h using (_source, ProjectID)
        where e.EntryDate::date < p.OperatingStartDate::date
           or e.EntryDate::date < h.HMISParticipationStatusStartDate::date or h.HMISParticipationType <> '1'""")
        == 0
    )
    assert (
        export.scalar("""select count(*) from "Funder" f join "Project" p using (_source, ProjectID)
        where f.StartDate::date < p.OperatingStartDate::date""")
        == 0
    )
