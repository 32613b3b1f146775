"""Data-quality checks written from HUD's definitions, run on the generated CSV text in DuckDB.

Each returns the set of records it flags as (source_id, file, record_id, column). The tests compare
these sets with the manifest, so a check here is an independent statement of what each defect means.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import descriptor_predicates

if TYPE_CHECKING:
    from .conftest import Export

VALID_SSN = (
    "(SSN is not null and regexp_matches(SSN, '^[0-9]{9}$') and substr(SSN, 1, 3) not in ('000', '666') "
    "and substr(SSN, 1, 1) <> '9' and substr(SSN, 4, 2) <> '00' and substr(SSN, 6, 4) <> '0000')"
)
# An adult at some stay (completed years at entry), so veteran status must be answered.
_ADULT_CLIENT = (
    'exists (select 1 from "Enrollment" e where e._source = c._source and e.PersonalID = c.PersonalID '
    "and c.DOB is not null and date_sub('year', c.DOB::date, e.EntryDate::date) >= 18)"
)
_INCOME_EXPECTED = (
    "(e.RelationshipToHoH = '1' or (c.DOB is not null and date_sub('year', c.DOB::date, e.EntryDate::date) >= 18))"
)


def _set(export: Export, sql: str, file: str, column: str | None) -> set[tuple]:
    return {(source, file, record, column) for source, record in export.rows(sql)}


def _client_quality(export: Export, quality_column: str, code: str, column: str) -> set[tuple]:
    return _set(
        export, f"select _source, PersonalID from \"Client\" where {quality_column} = '{code}'", "Client", column
    )


def ssn_missing(export):
    return _set(
        export,
        "select _source, PersonalID from \"Client\" where SSNDataQuality = '99' and SSN is null",
        "Client",
        "SSN",
    )


def ssn_partial(export):
    return _set(
        export,
        "select _source, PersonalID from \"Client\" where SSNDataQuality = '2' and SSN like '%x%'",
        "Client",
        "SSN",
    )


def ssn_invalid(export):
    return _set(
        export,
        f"select _source, PersonalID from \"Client\" where SSNDataQuality = '1' and not {VALID_SSN}",
        "Client",
        "SSN",
    )


def dob_missing(export):
    return _set(
        export,
        "select _source, PersonalID from \"Client\" where DOBDataQuality = '99' and DOB is null",
        "Client",
        "DOB",
    )


def dob_partial(export):
    return _set(export, "select _source, PersonalID from \"Client\" where DOBDataQuality = '2'", "Client", "DOB")


def name_missing(export):
    return _set(
        export,
        "select _source, PersonalID from \"Client\" where NameDataQuality = '99' "
        "and FirstName is null and LastName is null",
        "Client",
        "NameDataQuality",
    )


def name_partial(export):
    return _set(
        export, "select _source, PersonalID from \"Client\" where NameDataQuality = '2'", "Client", "NameDataQuality"
    )


def _missing_answer(export, code: str) -> set[tuple]:
    found = set()
    if code in ("8", "9"):
        for column in ("NameDataQuality", "SSNDataQuality", "DOBDataQuality"):
            found |= _client_quality(export, column, code, column)
    found |= _client_quality(export, "RaceNone", code, "RaceNone")
    found |= _set(
        export,
        f"select _source, PersonalID from \"Client\" c where VeteranStatus = '{code}' and {_ADULT_CLIENT}",
        "Client",
        "VeteranStatus",
    )
    found |= _set(
        export,
        f"select _source, EnrollmentID from \"Enrollment\" where DisablingCondition = '{code}'",
        "Enrollment",
        "DisablingCondition",
    )
    return found


def pii_dk(export):
    return _missing_answer(export, "8")


def pii_refused(export):
    return _missing_answer(export, "9")


def pii_not_collected(export):
    return _missing_answer(export, "99")


def destination_missing(export):
    return _set(export, "select _source, ExitID from \"Exit\" where Destination in ('99', '30')", "Exit", "Destination")


def destination_dk(export):
    return _set(export, "select _source, ExitID from \"Exit\" where Destination in ('8', '9')", "Exit", "Destination")


def _income_missing(export, stage: str, date_sql: str, scope: str) -> set[tuple]:
    sql = f"""
        select e._source, e.EnrollmentID from "Enrollment" e
        join "Client" c on c._source = e._source and c.PersonalID = e.PersonalID
        {scope}
        where {_INCOME_EXPECTED} and not exists (
            select 1 from "IncomeBenefits" i where i._source = e._source and i.EnrollmentID = e.EnrollmentID
            and i.DataCollectionStage = '{stage}' and i.InformationDate = {date_sql}
            and i.IncomeFromAnySource in ('0', '1'))
    """
    return _set(export, sql, "IncomeBenefits", None)


def income_missing_at_entry(export):
    return _income_missing(export, "1", "e.EntryDate", "")


def income_missing_at_exit(export):
    scope = 'join "Exit" x on x._source = e._source and x.EnrollmentID = e.EnrollmentID'
    return _income_missing(export, "3", "x.ExitDate", scope)


_BENEFIT_SOURCES = {
    "benefits": (
        "BenefitsFromAnySource",
        ("SNAP", "WIC", "TANFChildCare", "TANFTransportation", "OtherTANF", "OtherBenefitsSource"),
    ),
    "insurance": (
        "InsuranceFromAnySource",
        (
            "Medicaid",
            "Medicare",
            "SCHIP",
            "VHAServices",
            "EmployerProvided",
            "COBRA",
            "PrivatePay",
            "StateHealthIns",
            "IndianHealthServices",
            "OtherInsurance",
        ),
    ),
}


def _benefit_record(export, name: str, stage: str, condition: str) -> set[tuple]:
    """Start (1) or exit (3) IncomeBenefits records of ``name`` (benefits, insurance) meeting ``condition``."""
    any_column, sources = _BENEFIT_SOURCES[name]
    marked = " or ".join(f"i.{s} = '1'" for s in sources)
    sql = f"""
        select i._source, i.EnrollmentID from "IncomeBenefits" i
        where i.DataCollectionStage = '{stage}'
            and {condition.format(any=f"i.{any_column}", marked=f"({marked})")}
    """
    return _set(export, sql, "IncomeBenefits", None)


def benefits_missing_at_entry(export):
    return _benefit_record(export, "benefits", "1", "{any} = '99'")


def benefits_missing_at_exit(export):
    return _benefit_record(export, "benefits", "3", "{any} = '99'")


def benefits_conflict_at_entry(export):
    return _benefit_record(export, "benefits", "1", "(({any} = '0' and {marked}) or ({any} = '1' and not {marked}))")


def benefits_conflict_at_exit(export):
    return _benefit_record(export, "benefits", "3", "(({any} = '0' and {marked}) or ({any} = '1' and not {marked}))")


def insurance_missing_at_entry(export):
    return _benefit_record(export, "insurance", "1", "{any} = '99'")


def insurance_missing_at_exit(export):
    return _benefit_record(export, "insurance", "3", "{any} = '99'")


def insurance_conflict_at_entry(export):
    return _benefit_record(export, "insurance", "1", "(({any} = '0' and {marked}) or ({any} = '1' and not {marked}))")


def insurance_conflict_at_exit(export):
    return _benefit_record(export, "insurance", "3", "(({any} = '0' and {marked}) or ({any} = '1' and not {marked}))")


_V1 = (
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
)


def _veterans(export, condition: str) -> set[tuple]:
    sql = f"select _source, PersonalID from \"Client\" where VeteranStatus = '1' and ({condition})"
    return _set(export, sql, "Client", None)


def veteran_info_missing(export):
    return _veterans(export, " or ".join(f"{c} is null or {c} = '99'" for c in _V1))


def veteran_info_dk(export):
    return _veterans(export, " or ".join(f"{c} in ('8', '9')" for c in _V1[2:]))


def veteran_years_invalid(export):
    return _veterans(export, "YearSeparated::int < YearEnteredService::int")


def _ssvf_heads(export, condition: str) -> set[tuple]:
    """Single heads of household of SSVF-funded enrollments (funder 33) meeting ``condition``."""
    sql = f"""
        select e._source, e.EnrollmentID from "Enrollment" e
        where e.RelationshipToHoH = '1'
            and exists (select 1 from "Funder" f where f._source = e._source and f.ProjectID = e.ProjectID
                and f.Funder = '33')
            and (select count(*) from "Enrollment" m where m._source = e._source and m.HouseholdID = e.HouseholdID
                and m.RelationshipToHoH = '1') = 1
            and ({condition})
    """
    return _set(export, sql, "Enrollment", None)


def percent_ami_missing(export):
    return _ssvf_heads(export, "e.PercentAMI is null or e.PercentAMI = '99'")


def vamc_station_missing(export):
    return _ssvf_heads(export, "e.VAMCStation is null or e.VAMCStation = '99'")


def hp_screening_missing(export):
    return _ssvf_heads(export, "e.TargetScreenReqd = '1' and (e.HPScreeningScore is null or e.ThresholdScore is null)")


def _history(export, condition: str) -> set[tuple]:
    """Enrollments whose 3.917 answers meet ``condition`` (e = Enrollment, p = its Project; ``since``,
    ``times`` and ``months`` typed)."""
    sql = f"""
        with e as (
            select *, DateToStreetESSH::date as since, EntryDate::date as entry,
                TimesHomelessPastThreeYears::int as times, MonthsHomelessPastThreeYears::int as months,
                LivingSituation::int as prior, LengthOfStay::int as stay
            from "Enrollment"
        )
        select e._source, e.EnrollmentID from e
        join "Project" p on p._source = e._source and p.ProjectID = e.ProjectID
        where {condition}
    """
    return _set(export, sql, "Enrollment", None)


_MONTHS_FROM_START = "least(date_diff('month', date_trunc('month', since), date_trunc('month', entry)) + 1, 13)"


def homeless_start_after_entry(export):
    return _history(export, "since > entry and p.ProjectType <> '12'")


def months_homeless_determinable(export):
    return _history(export, "times = 1 and since is not null and (months is null or months in (8, 9, 99))")


def months_homeless_start_conflict(export):
    return _history(
        export,
        f"times = 1 and since <= entry and months between 101 and 113 and abs(months - 100 - {_MONTHS_FROM_START}) > 1",
    )


def homeless_start_over_3_years(export):
    return _history(
        export,
        "since <= entry - interval 3 year and times between 1 and 4 and months between 101 and 113 "
        "and (times <> 1 or months <> 113)",
    )


def short_stay_answer_conflict(export):
    short = (
        "((prior between 200 and 299 and stay in (10, 11, 2, 3)) or (prior between 300 and 499 and stay in (10, 11)))"
    )
    return _history(
        export,
        f"LOSUnderThreshold in ('0', '1') and prior between 200 and 499 and (LOSUnderThreshold = '1') <> {short}",
    )


_REFERRALS = "Event in ('10', '11', '12', '13', '14', '15', '17', '18')"


def referral_open(export):
    sql = f"""
        select v._source, v.EnrollmentID from "Event" v join "Export" x on x._source = v._source
        where {_REFERRALS} and v.ReferralResult is null and v.EventDate::date < x.ExportEndDate::date - 14
    """
    return _set(export, sql, "Event", None)


def referral_result_undated(export):
    sql = f"""select _source, EnrollmentID from "Event"
        where {_REFERRALS} and ReferralResult is not null and ResultDate is null"""
    return _set(export, sql, "Event", None)


def address_missing(export):
    sql = """
        select pc._source, pc.ProjectID from "ProjectCoC" pc
        join "Project" p on p._source = pc._source and p.ProjectID = pc.ProjectID
        join "Organization" o on o._source = p._source and o.OrganizationID = p.OrganizationID
        where o.VictimServiceProvider <> '1' and coalesce(p.HousingType, '') <> '3'
            and (pc.Address1 is null or pc.City is null or pc.State is null or pc.ZIP is null)
    """
    return _set(export, sql, "ProjectCoC", None)


def inventory_before_operating(export):
    sql = """
        select distinct p._source, p.ProjectID from "Project" p
        join "Inventory" i on i._source = p._source and i.ProjectID = p.ProjectID
        where i.InventoryStartDate::date < p.OperatingStartDate::date
    """
    return _set(export, sql, "Inventory", None)


def late_entry(export):
    return _set(
        export,
        'select _source, EnrollmentID from "Enrollment" '
        "where date_diff('day', EntryDate::date, DateCreated::timestamp::date) > 3",
        "Enrollment",
        "DateCreated",
    )


def late_exit(export):
    return _set(
        export,
        "select _source, ExitID from \"Exit\" where date_diff('day', ExitDate::date, DateCreated::timestamp::date) > 3",
        "Exit",
        "DateCreated",
    )


def _inactive(export, project_type: str, activity: str) -> set[tuple]:
    sql = f"""
        select e._source, e.EnrollmentID from "Enrollment" e
        join "Project" p on p._source = e._source and p.ProjectID = e.ProjectID and p.ProjectType = '{project_type}'
        join "Export" x on x._source = e._source
        where not exists (select 1 from "Exit" t where t._source = e._source and t.EnrollmentID = e.EnrollmentID)
        and coalesce(({activity}), date '1900-01-01') < x.ExportEndDate::date - interval 90 day
    """
    return _set(export, sql, "Enrollment", None)


def inactive_nbn(export):
    return _inactive(
        export,
        "1",
        'select max(s.DateProvided::date) from "Services" s where s._source = e._source '
        "and s.EnrollmentID = e.EnrollmentID and s.RecordType = '200'",
    )


def inactive_outreach(export):
    return _inactive(
        export,
        "4",
        'select max(s.InformationDate::date) from "CurrentLivingSituation" s '
        "where s._source = e._source and s.EnrollmentID = e.EnrollmentID",
    )


STAYS = """
    select e._source, e.EnrollmentID, e.PersonalID, e.ProjectID, e.EntryDate::date as entry,
           x.ExitDate::date as exit, e.MoveInDate::date as move_in, e.RelationshipToHoH, e.HouseholdID
    from "Enrollment" e left join "Exit" x on x._source = e._source and x.EnrollmentID = e.EnrollmentID
"""


def overlapping_stay(export):
    sql = f"""
        with s as ({STAYS})
        select distinct b._source, b.EnrollmentID from s a join s b
          on a._source = b._source and a.PersonalID = b.PersonalID and a.ProjectID = b.ProjectID
         and a.EnrollmentID <> b.EnrollmentID
         and (b.entry > a.entry or (b.entry = a.entry and b.EnrollmentID > a.EnrollmentID))
         and b.entry < coalesce(a.exit, date '9999-12-31')
    """
    return _set(export, sql, "Enrollment", None)


# Every night a person spends in a bed (Eva 77's universe): shelter, transitional housing and safe haven from
# entry, permanent housing from a valid move-in, night-by-night shelter on its bed nights.
BED_NIGHTS = f"""
    with s as ({STAYS}), p as (select _source, ProjectID, ProjectType from "Project"),
    x as (select _source, ExportEndDate::date as e from "Export"),
    residence as (
      select s._source, s.PersonalID, s.EnrollmentID,
             case when p.ProjectType in ('3','9','10','13') then s.move_in else s.entry end as first_night,
             coalesce(s.exit, x.e + 1) - 1 as last_night
      from s join p using (_source, ProjectID) join x using (_source)
      where p.ProjectType in ('0','2','8') or (p.ProjectType in ('3','9','10','13') and s.move_in is not null
            and s.move_in >= s.entry and s.move_in <= coalesce(s.exit, x.e)))
    select _source, PersonalID, EnrollmentID,
           unnest(generate_series(first_night, last_night, interval 1 day))::date as night
    from residence where last_night >= first_night
    union all
    select b._source, e.PersonalID, b.EnrollmentID, b.DateProvided::date
    from "Services" b join "Enrollment" e using (_source, EnrollmentID) where b.RecordType = '200'
"""


def shared_bed_nights(export) -> set[tuple]:
    """(source, enrollment, other enrollment) of one person with a bed on the same night."""
    return set(
        export.rows(f"""with n as ({BED_NIGHTS}) select distinct a._source, a.EnrollmentID, b.EnrollmentID
            from n a join n b on a._source = b._source and a.PersonalID = b.PersonalID and a.night = b.night
            and a.EnrollmentID <> b.EnrollmentID""")
    )


def residential_overlap(export):
    """Of two stays of one person in different projects with a bed on the same night, the later one."""
    sql = f"""
        with n as ({BED_NIGHTS}), s as ({STAYS})
        select distinct b._source, b.EnrollmentID from n na join n nb
          on na._source = nb._source and na.PersonalID = nb.PersonalID and na.night = nb.night
         and na.EnrollmentID <> nb.EnrollmentID
        join s a on a._source = na._source and a.EnrollmentID = na.EnrollmentID
        join s b on b._source = nb._source and b.EnrollmentID = nb.EnrollmentID
        where a.ProjectID <> b.ProjectID
          and (b.entry > a.entry or (b.entry = a.entry and b.EnrollmentID > a.EnrollmentID))
    """
    return _set(export, sql, "Enrollment", None)


def _heads(export, condition: str) -> set[tuple]:
    sql = f"""select _source, HouseholdID from "Enrollment" group by _source, HouseholdID
              having {condition}"""
    return _set(export, sql, "Enrollment", "RelationshipToHoH")


def no_hoh(export):
    return _heads(export, "count(*) filter (where RelationshipToHoH = '1') = 0")


def multiple_hoh(export):
    return _heads(export, "count(*) filter (where RelationshipToHoH = '1') > 1")


def invalid_move_in(export):
    sql = f"""with s as ({STAYS}) select _source, EnrollmentID from s where move_in is not null
              and (move_in < entry or (exit is not null and move_in > exit))"""
    return _set(export, sql, "Enrollment", "MoveInDate")


NAME_KEY = (
    "case when FirstName is null or LastName is null then null else "
    "lower(regexp_replace(FirstName, '[^A-Za-z]', '', 'g')) || '|' || "
    "lower(regexp_replace(LastName, '[^A-Za-z]', '', 'g')) end"
)


def matching_pairs(export, same_source: bool) -> list[tuple]:
    """Pairs of client records agreeing on at least 2 of (valid SSN, normalised name, DOB)."""
    where = "a._source = b._source" if same_source else "true"
    sql = f"""
        with c as (select _source, PersonalID, case when SSNDataQuality = '1' and {VALID_SSN} then SSN end as ssn,
                          {NAME_KEY} as name, DOB as dob from "Client")
        select a._source, a.PersonalID, b._source, b.PersonalID from c a join c b
          on {where} and (a._source, a.PersonalID) < (b._source, b.PersonalID)
         and coalesce(a.ssn = b.ssn, false)::int + coalesce(a.name = b.name, false)::int
             + coalesce(a.dob = b.dob, false)::int >= 2
    """
    return export.rows(sql)


def duplicate_client(export):
    """Within one source, of two records agreeing on 2 of 3 identifiers, the one first seen later."""
    first_seen = dict(
        ((source, pid), entry)
        for source, pid, entry in export.rows(
            'select _source, PersonalID, min(EntryDate) from "Enrollment" group by all'
        )
    )
    found = set()
    for source, a, _, b in matching_pairs(export, same_source=True):
        later = a if first_seen[(source, a)] > first_seen[(source, b)] else b
        found.add((source, "Client", later, None))
    return found


KINDS = (
    "ssn_missing",
    "ssn_partial",
    "ssn_invalid",
    "dob_missing",
    "dob_partial",
    "name_missing",
    "name_partial",
    "pii_dk",
    "pii_refused",
    "pii_not_collected",
    "destination_missing",
    "destination_dk",
    "income_missing_at_entry",
    "income_missing_at_exit",
    "benefits_missing_at_entry",
    "benefits_missing_at_exit",
    "benefits_conflict_at_entry",
    "benefits_conflict_at_exit",
    "insurance_missing_at_entry",
    "insurance_missing_at_exit",
    "insurance_conflict_at_entry",
    "insurance_conflict_at_exit",
    "veteran_info_missing",
    "veteran_info_dk",
    "veteran_years_invalid",
    "percent_ami_missing",
    "vamc_station_missing",
    "hp_screening_missing",
    "homeless_start_after_entry",
    "months_homeless_determinable",
    "months_homeless_start_conflict",
    "homeless_start_over_3_years",
    "short_stay_answer_conflict",
    "referral_open",
    "referral_result_undated",
    "address_missing",
    "inventory_before_operating",
    "late_entry",
    "late_exit",
    "inactive_nbn",
    "inactive_outreach",
    "overlapping_stay",
    "residential_overlap",
    "no_hoh",
    "multiple_hoh",
    "invalid_move_in",
    "duplicate_client",
    *descriptor_predicates.KINDS,
)


def flagged(export, kind: str) -> set[tuple]:
    if kind in descriptor_predicates.KINDS:
        return getattr(descriptor_predicates, kind)(export)
    return globals()[kind](export)
