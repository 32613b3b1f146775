{#- LSAReport.csv (LSA spec §2.8, §3.1, chapter 11): one row per LSA request — parameters, vendor and the
    data-quality counts. ReportID and ReportDate are set when the files are written (the moment the LSA is
    produced), so they are not columns here. -#}
with

reports as (

    select * from {{ ref('int_lsa_reports') }}

),

lsa_projects as (

    select * from {{ ref('int_lsa_projects') }}
    where project_type in (0, 1, 2, 3, 8, 13)
        and victim_service_provider = 0

),

enrollments as (

    select
        enrollments.*,
        exits.exit_date as hmis_exit_date
    from {{ ref('stg_hmis__enrollments') }} as enrollments
    left join {{ ref('stg_hmis__exits') }} as exits
        on enrollments.enrollment_key = exits.enrollment_key

),

served as (

    {#- Enrollments in the LSA's ES/SH/TH/RRH/PSH projects (non-VSP) open in the report period (§11.1, §11.2). -#}
    select
        lsa_projects.request_id,
        lsa_projects.report_coc,
        enrollments.*
    from lsa_projects
    inner join enrollments
        on lsa_projects.project_key = enrollments.project_key
        and enrollments.entry_date <= lsa_projects.report_end
        and (enrollments.hmis_exit_date is null or enrollments.hmis_exit_date >= lsa_projects.report_start)

),

no_coc as (

    select served.request_id, count(distinct served.household_key) as no_coc
    from served
    where served.relationship_to_hoh = 1
        and (
            served.enrollment_coc is null
            or not exists (
                select 1 from {{ ref('stg_hmis__project_cocs') }} as project_cocs
                where project_cocs.project_key = served.project_key
                    and project_cocs.coc_code = served.enrollment_coc
            )
        )
    group by served.request_id

),

heads_per_household as (

    select household_key, count(*) as heads
    from enrollments
    where relationship_to_hoh = 1
    group by household_key

),

not_one_hoh as (

    select served.request_id, count(distinct served.household_key) as not_one_hoh
    from served
    left join heads_per_household
        on served.household_key = heads_per_household.household_key
    where coalesce(heads_per_household.heads, 0) <> 1
        and exists (
            select 1 from enrollments as members
            where members.household_key = served.household_key
                and members.enrollment_coc = served.report_coc
        )
    group by served.request_id

),

households as (

    select * from {{ ref('int_lsa_households') }}

),

relationship_to_hoh as (

    {#- §11.3: enrollments of active households left out for a missing or invalid RelationshipToHoH. -#}
    select households.request_id, count(distinct enrollments.enrollment_key) as relationship_to_hoh
    from households
    inner join reports
        on households.request_id = reports.request_id
    inner join enrollments
        on households.household_key = enrollments.household_key
    where households.active = 1
        and (enrollments.relationship_to_hoh is null or enrollments.relationship_to_hoh not in (1, 2, 3, 4, 5))
        and enrollments.entry_date <= reports.report_end
        and (enrollments.hmis_exit_date is null or enrollments.hmis_exit_date >= reports.report_start)
    group by households.request_id

),

move_in_date as (

    {#- §11.4: active RRH/PSH heads whose recorded move-in (by ReportEnd) the LSA could not use. -#}
    select households.request_id, count(distinct households.enrollment_key) as move_in_date
    from households
    inner join reports
        on households.request_id = reports.request_id
    where households.lsa_project_type in (3, 13, 15)
        and households.active = 1
        and households.move_in_date is null
        and households.hmis_move_in_date <= reports.report_end
    group by households.request_id

),

counted as (

    {#- The enrollments the baseline and data-quality counts read: AIR, or Active unless the LSA is the HIC. -#}
    select lsa_enrollments.*, reports.lsa_scope
    from {{ ref('int_lsa_enrollments') }} as lsa_enrollments
    inner join reports
        on lsa_enrollments.request_id = reports.request_id
    where lsa_enrollments.air = 1 or (lsa_enrollments.active = 1 and reports.lsa_scope <> 3)

),

household_entry as (

    select households.request_id, count(distinct households.household_key) as household_entry
    from households
    inner join reports
        on households.request_id = reports.request_id
    where households.air = 1 or (households.active = 1 and reports.lsa_scope <> 3)
    group by households.request_id

),

enrollment_counts as (

    {#- §11.5 and §11.7 (macro lsa_dq_enrollment_counts, shared with LSACalculated's project-level rows). -#}
    select
        request_id,
        count(distinct personal_key) as unduplicated_client,
        count(distinct case when exit_date is not null then enrollment_key end) as client_exit,
        {{ lsa_dq_enrollment_counts() }}
    from (
        select counted.*, {{ lsa_dq_flags('counted') }}
        from counted
    ) as flagged
    group by request_id

),

people as (

    {#- tlsa_Person (§5.3) with SSNValid (§11.6): 9 not provided, 4 last four digits only, 0 missing or
        invalid by SSA's rules, 1 otherwise. -#}
    select
        people.request_id,
        people.personal_key,
        clients.ssn,
        case
            when clients.ssn_data_quality in (8, 9) then 9
            when clients.ssn_data_quality = 2
                and length(clients.ssn) = 9
                and lower(substring(clients.ssn, 1, 5)) = 'xxxxx'
                and length(translate(substring(clients.ssn, 6, 4), '0123456789', '')) = 0
                and substring(clients.ssn, 6, 4) <> '0000'
                then 4
            when clients.ssn is null
                or length(clients.ssn) <> 9
                or length(translate(clients.ssn, '0123456789', '')) > 0
                or substring(clients.ssn, 1, 3) in ('000', '666')
                or substring(clients.ssn, 1, 1) = '9'
                or substring(clients.ssn, 4, 2) = '00'
                or substring(clients.ssn, 6, 4) = '0000'
                or clients.ssn in (
                    '111111111', '222222222', '333333333', '444444444', '555555555', '777777777', '888888888',
                    '123456789', '234567890', '345678901', '456789012', '567890123', '678901234', '789012345',
                    '890123456', '901234567'
                )
                then 0
            else 1
        end as ssn_valid
    from (
        select distinct request_id, personal_key
        from {{ ref('int_lsa_enrollments') }}
        where active = 1
    ) as people
    left join {{ ref('stg_hmis__clients') }} as clients
        on people.personal_key = clients.personal_key

),

counted_people as (

    select people.*
    from people
    where exists (
        select 1 from counted
        where counted.request_id = people.request_id
            and counted.personal_key = people.personal_key
    )

),

shared_ssn as (

    select counted_people.request_id, counted_people.personal_key, counted_people.ssn
    from counted_people
    where counted_people.ssn_valid = 1
        and exists (
            select 1 from people as others
            where others.request_id = counted_people.request_id
                and others.ssn = counted_people.ssn
                and others.personal_key <> counted_people.personal_key
        )

),

ssn_counts as (

    select
        counted_people.request_id,
        count(distinct case when counted_people.ssn_valid = 4 then counted_people.personal_key end) as ssn4_digit,
        count(distinct case when counted_people.ssn_valid = 9 then counted_people.personal_key end)
            as ssn_not_provided,
        count(distinct case when counted_people.ssn_valid = 0 then counted_people.personal_key end)
            as ssn_missing_or_invalid
    from counted_people
    group by counted_people.request_id

),

shared_counts as (

    select
        request_id,
        count(distinct personal_key) as client_ssn_not_unique,
        count(distinct ssn) as distinct_ssn_value_not_unique
    from shared_ssn
    group by request_id

),

final as (

    select
        reports.request_id,
        1 as row_order,
        reports.report_start,
        reports.report_end,
        reports.report_coc,
        '{{ var("lsa_software_vendor", "Waypoint open-source project") }}' as software_vendor,
        '{{ var("lsa_software_name", "Waypoint HMIS Data Warehouse") }}' as software_name,
        'n/a' as vendor_contact,
        'n/a' as vendor_email,
        reports.lsa_scope,
        reports.lookback_date,
        coalesce(no_coc.no_coc, 0) as no_coc,
        coalesce(not_one_hoh.not_one_hoh, 0) as not_one_hoh,
        coalesce(relationship_to_hoh.relationship_to_hoh, 0) as relationship_to_hoh,
        coalesce(move_in_date.move_in_date, 0) as move_in_date,
        coalesce(enrollment_counts.unduplicated_client, 0) as unduplicated_client,
        coalesce(household_entry.household_entry, 0) as household_entry,
        coalesce(enrollment_counts.client_entry, 0) as client_entry,
        coalesce(enrollment_counts.adult_hoh_entry, 0) as adult_hoh_entry,
        coalesce(enrollment_counts.client_exit, 0) as client_exit,
        coalesce(ssn_counts.ssn4_digit, 0) as ssn4_digit,
        coalesce(ssn_counts.ssn_not_provided, 0) as ssn_not_provided,
        coalesce(ssn_counts.ssn_missing_or_invalid, 0) as ssn_missing_or_invalid,
        coalesce(shared_counts.client_ssn_not_unique, 0) as client_ssn_not_unique,
        coalesce(shared_counts.distinct_ssn_value_not_unique, 0) as distinct_ssn_value_not_unique,
        coalesce(enrollment_counts.disabling_cond, 0) as disabling_cond,
        coalesce(enrollment_counts.living_situation, 0) as living_situation,
        coalesce(enrollment_counts.length_of_stay, 0) as length_of_stay,
        coalesce(enrollment_counts.homeless_date, 0) as homeless_date,
        coalesce(enrollment_counts.times_homeless, 0) as times_homeless,
        coalesce(enrollment_counts.months_homeless, 0) as months_homeless,
        coalesce(enrollment_counts.destination, 0) as destination
    from reports
    left join no_coc on reports.request_id = no_coc.request_id
    left join not_one_hoh on reports.request_id = not_one_hoh.request_id
    left join relationship_to_hoh on reports.request_id = relationship_to_hoh.request_id
    left join move_in_date on reports.request_id = move_in_date.request_id
    left join enrollment_counts on reports.request_id = enrollment_counts.request_id
    left join household_entry on reports.request_id = household_entry.request_id
    left join ssn_counts on reports.request_id = ssn_counts.request_id
    left join shared_counts on reports.request_id = shared_counts.request_id

)

select * from final
