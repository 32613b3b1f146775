{#- The people of each CE APR request (ce-apr.md §1.3-1.6): one row per request and person. A household's
    assessment is the latest kept assessment of any of its members (ties: latest DateCreated, then the
    highest AssessmentID); its members are the stays of that household covering the assessment date; a person in
    several such households is reported once, with the later assessment, then the later entry. Age is
    taken at the later of the entry and the period start; the household type from the members present
    on the assessment date. -#}
with

requests as (

    select * from {{ ref('stg_meta__report_requests') }} where report = 'ce_apr'

),

records as (

    select * from {{ ref('int_ce_apr_records') }} where record_kind = 'assessment'

),

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

funders as (

    select * from {{ ref('stg_hmis__funders') }}

),

path_projects as (

    select distinct project_key from funders where funder = 21

),

ranked_by_person as (

    select
        records.*,
        row_number() over (
            partition by records.request_id, records.personal_key
            order by records.record_date desc, records.date_created desc,
                {{ dbt.length('records.record_id') }} desc, records.record_id desc
        ) as person_rank
    from records

),

household_assessments as (

    select
        request_id,
        household_key,
        record_key as assessment_key,
        record_date as assessment_date,
        project_key as assessment_project_key,
        assessment_type,
        prioritization_status,
        row_number() over (
            partition by request_id, household_key
            order by record_date desc, date_created desc, {{ dbt.length('record_id') }} desc, record_id desc
        ) as household_rank
    from ranked_by_person
    where person_rank = 1

),

present as (

    select
        household_assessments.*,
        enrollments.enrollment_key,
        enrollments.enrollment_id,
        enrollments.personal_key,
        enrollments.personal_id,
        enrollments.project_key,
        enrollments.project_type,
        enrollments.entry_date,
        enrollments.exit_date,
        enrollments.is_head_of_household,
        enrollments.relationship_to_hoh,
        enrollments.date_of_engagement,
        enrollments.dob,
        enrollments.dob_data_quality,
        enrollments.veteran_status,
        requests.period_start,
        requests.period_end,
        {{ age_in_years(
            'enrollments.dob',
            'case when requests.period_start > enrollments.entry_date then requests.period_start'
            ~ ' else enrollments.entry_date end'
        ) }} as reporting_age
    from household_assessments
    inner join requests
        on household_assessments.request_id = requests.request_id
    inner join enrollments
        on household_assessments.household_key = enrollments.household_key
        and enrollments.entry_date <= household_assessments.assessment_date
        and (enrollments.exit_date is null or enrollments.exit_date >= household_assessments.assessment_date)
    where household_assessments.household_rank = 1

),

aged as (

    select
        present.*,
        {{ age_group('present.reporting_age') }} as age_group
    from present

),

households as (

    select
        request_id,
        household_key,
        {{ household_type(
            "sum(case when age_group = 'adult' then 1 else 0 end)",
            "sum(case when age_group = 'child' then 1 else 0 end)",
            "sum(case when age_group = 'unknown' then 1 else 0 end)",
        ) }} as household_type,
        max(case when age_group <> 'unknown' and reporting_age between 12 and 24 then 1 else 0 end) = 1
        and max(case when age_group <> 'unknown' and reporting_age >= 25 then 1 else 0 end) = 0
            as is_youth_household
    from aged
    group by request_id, household_key

),

one_row_per_person as (

    select
        aged.*,
        row_number() over (
            partition by aged.request_id, aged.personal_key
            order by aged.assessment_date desc, aged.entry_date desc,
                {{ dbt.length('aged.enrollment_id') }} desc, aged.enrollment_id desc
        ) as person_rank
    from aged

),

final as (

    select
        -- keys
        one_row_per_person.request_id,
        one_row_per_person.personal_key,
        one_row_per_person.personal_id,
        one_row_per_person.enrollment_key,
        one_row_per_person.household_key,
        one_row_per_person.project_key,
        one_row_per_person.assessment_key,
        one_row_per_person.assessment_project_key,

        -- the household's latest assessment
        one_row_per_person.assessment_date,
        one_row_per_person.assessment_type,
        one_row_per_person.prioritization_status,
        households.household_type,

        -- the reporting stay
        one_row_per_person.project_type,
        one_row_per_person.entry_date,
        one_row_per_person.exit_date,
        one_row_per_person.relationship_to_hoh,
        one_row_per_person.is_head_of_household,
        one_row_per_person.date_of_engagement,

        -- the person
        one_row_per_person.dob,
        one_row_per_person.dob_data_quality,
        one_row_per_person.reporting_age,
        one_row_per_person.age_group = 'adult' as is_adult,
        one_row_per_person.age_group = 'child' as is_child,
        one_row_per_person.age_group = 'unknown' as is_unknown_age,
        one_row_per_person.age_group = 'adult' or one_row_per_person.is_head_of_household as is_adult_or_head,
        one_row_per_person.age_group = 'adult' and coalesce(one_row_per_person.veteran_status = 1, false)
            as is_veteran,
        households.is_youth_household
        and one_row_per_person.age_group <> 'unknown'
        and one_row_per_person.reporting_age between 12 and 24 as is_youth,
        -- the data-quality universe leaves out outreach (and PATH-funded services) not engaged by the end
        not (
            (
                one_row_per_person.project_type = 4
                or (one_row_per_person.project_type = 6 and path_projects.project_key is not null)
            )
            and coalesce(one_row_per_person.date_of_engagement > one_row_per_person.period_end, true)
        ) as is_in_dq_universe,

        -- the client record (3.01-3.04)
        clients.first_name,
        clients.last_name,
        clients.name_data_quality,
        clients.ssn,
        clients.ssn_data_quality,
        clients.am_ind_ak_native,
        clients.asian,
        clients.black_af_american,
        clients.hispanic_latinao,
        clients.mid_east_n_african,
        clients.native_hi_pacific,
        clients.white,
        clients.race_none,
        cast(clients.date_created as date) as client_created_date

    from one_row_per_person
    inner join households
        on one_row_per_person.request_id = households.request_id
        and one_row_per_person.household_key = households.household_key
    left join path_projects
        on one_row_per_person.project_key = path_projects.project_key
    left join clients
        on one_row_per_person.personal_key = clients.personal_key
    where one_row_per_person.person_rank = 1

)

select * from final
