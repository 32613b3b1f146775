{#- LSACalculated.csv (LSA spec chapters 8-10, §10.21): one row per LSA request and calculated value. So far
    the project-level data-quality counts of chapter 10, ReportRows 901-921: enrollments open past their
    project's OperatingEndDate (901-902), night-by-night exit discrepancies (903-904), households without an
    EnrollmentCoC (905), enrollments in non-participating periods (906), HMIS enrollments without exactly one
    head or with an invalid RelationshipToHoH (907-908), the tlsa_Enrollment counts LSAReport's totals read
    (909-920: AIR = 1, or Active = 1 unless the LSA is the HIC, split by project) and night-by-night
    enrollments without bed nights (921). Cohort 1, Universe 10, HHType 0, Population 0, SystemPath -1,
    ProjectID of Project.csv (§10.1); chapter 9's AIR counts (ReportRows 53-57, int_lsa_calculated_counts) and
    chapter 8's averages (ReportRows 1-16 from tlsa_Household, int_lsa_calculated_averages; 18-36, 63-66 and
    101-136 from tlsa_Exit, int_lsa_calculated_exit_averages). A row only where the Value is greater than zero.
    ReportID is set when the files are written. -#}
with

reports as (

    select * from {{ ref('int_lsa_reports') }}

),

projects as (

    select
        request_id, project_key, project_id, project_type, operating_end_date, report_coc, report_start, report_end
    from {{ ref('int_lsa_projects') }}

),

hmis_enrollments as (

    select enrollments.*, exits.exit_date as hmis_exit_date
    from {{ ref('stg_hmis__enrollments') }} as enrollments
    left join {{ ref('stg_hmis__exits') }} as exits
        on enrollments.enrollment_key = exits.enrollment_key

),

heads_per_household as (

    select household_key, count(personal_key) as heads
    from hmis_enrollments
    where relationship_to_hoh = 1
    group by household_key

),

bed_nights as (

    select enrollment_key, date_provided
    from {{ ref('stg_hmis__services') }}
    where record_type = 200

),

hmis_in_period as (

    {#- HMIS enrollments in lsa_Project's ES/SH/TH/RRH/PSH projects active in the report period by their recorded
        dates (an exit on the entry date is not; §10.4-§10.7, §10.20), with the household facts the rows read:
        its heads, whether a member's or the head's EnrollmentCoC is ReportCoC, whether a head has any. -#}
    select
        projects.request_id,
        projects.project_id,
        projects.project_key,
        projects.project_type,
        projects.report_start,
        projects.report_end,
        hmis_enrollments.enrollment_key,
        hmis_enrollments.household_key,
        hmis_enrollments.relationship_to_hoh,
        hmis_enrollments.entry_date,
        hmis_enrollments.hmis_exit_date,
        coalesce(heads_per_household.heads, 0) as heads,
        exists (
            select 1 from hmis_enrollments as members
            where members.household_key = hmis_enrollments.household_key
                and members.enrollment_coc = projects.report_coc
        ) as member_in_coc,
        exists (
            select 1 from hmis_enrollments as household_heads
            where household_heads.household_key = hmis_enrollments.household_key
                and household_heads.relationship_to_hoh = 1
                and household_heads.enrollment_coc = projects.report_coc
        ) as head_in_coc,
        exists (
            select 1 from hmis_enrollments as household_heads
            where household_heads.household_key = hmis_enrollments.household_key
                and household_heads.relationship_to_hoh = 1
                and household_heads.enrollment_coc is not null
        ) as head_with_coc
    from projects
    inner join hmis_enrollments
        on projects.project_key = hmis_enrollments.project_key
        and hmis_enrollments.entry_date <= projects.report_end
        and (
            hmis_enrollments.hmis_exit_date is null
            or (
                hmis_enrollments.hmis_exit_date >= projects.report_start
                and hmis_enrollments.hmis_exit_date > hmis_enrollments.entry_date
            )
        )
    left join heads_per_household
        on hmis_enrollments.household_key = heads_per_household.household_key
    where projects.project_type not in (9, 10)

),

participation as (

    {#- lsa_HMISParticipation: the participation records HMISParticipation.csv exports (§4.6). -#}
    select
        projects.request_id,
        participations.project_key,
        participations.hmis_participation_type,
        participations.hmis_participation_status_start_date as status_start,
        participations.hmis_participation_status_end_date as status_end
    from projects
    inner join {{ ref('stg_hmis__hmis_participations') }} as participations
        on projects.project_key = participations.project_key
    where projects.operating_end_date is null or projects.operating_end_date > projects.report_start

),

hmis_flagged as (

    select
        hmis_in_period.*,
        not exists (
            select 1 from participation
            where participation.request_id = hmis_in_period.request_id
                and participation.project_key = hmis_in_period.project_key
                and participation.hmis_participation_type = 1
                and participation.status_start <= hmis_in_period.entry_date
                and (
                    participation.status_end is null
                    or participation.status_end >= hmis_in_period.hmis_exit_date
                    or (hmis_in_period.hmis_exit_date is null and participation.status_end > hmis_in_period.report_end)
                )
        ) as not_participating,
        not exists (
            select 1 from bed_nights
            where bed_nights.enrollment_key = hmis_in_period.enrollment_key
                and bed_nights.date_provided >= hmis_in_period.entry_date
                and bed_nights.date_provided <= hmis_in_period.report_end
                and (hmis_in_period.hmis_exit_date is null or bed_nights.date_provided < hmis_in_period.hmis_exit_date)
        ) as no_bed_nights
    from hmis_in_period

),

household_counts as (

    {#- §10.4-§10.7 and §10.20 from HMIS enrollments. 907-908 take a household with any member in ReportCoC
        (a household without a head has no head's EnrollmentCoC), 906 and 921 the head's. -#}
    select
        request_id,
        project_id,
        count(distinct case when not head_with_coc then household_key end) as r905,
        count(distinct case when head_in_coc and not_participating then enrollment_key end) as r906,
        count(distinct case when member_in_coc and heads <> 1 then enrollment_key end) as r907,
        count(distinct case
            when member_in_coc and (relationship_to_hoh is null or relationship_to_hoh not in (1, 2, 3, 4, 5))
                then enrollment_key
        end) as r908,
        count(distinct case when project_type = 1 and head_in_coc and no_bed_nights then enrollment_key end) as r921
    from hmis_flagged
    group by request_id, project_id

),

operating_end as (

    {#- §10.2: tlsa_Enrollment rows (active or not) of projects whose OperatingEndDate is in the report period,
        with no recorded exit (901) or one after the OperatingEndDate (902). -#}
    select
        projects.request_id,
        projects.project_id,
        count(distinct case when exits.exit_date is null then enrollments.enrollment_key end) as r901,
        count(distinct case when exits.exit_date > projects.operating_end_date then enrollments.enrollment_key end)
            as r902
    from {{ ref('int_lsa_enrollments') }} as enrollments
    inner join projects
        on enrollments.request_id = projects.request_id
        and enrollments.project_key = projects.project_key
    left join {{ ref('stg_hmis__exits') }} as exits
        on enrollments.enrollment_key = exits.enrollment_key
    where projects.operating_end_date between projects.report_start and projects.report_end
    group by projects.request_id, projects.project_id

),

night_by_night as (

    {#- §10.3: HMIS enrollments of night-by-night ES households in tlsa_HHID (active or not) with their last bed
        night on or before ReportEnd. 903: no exit by ReportEnd and no bed night in the 90 days ending on
        ReportEnd; 904: an exit in the period without a bed night the night before. No bed night at all
        counts as none on those days. -#}
    select
        projects.request_id,
        projects.project_id,
        hmis_enrollments.enrollment_key,
        hmis_enrollments.hmis_exit_date,
        projects.report_start,
        projects.report_end,
        max(bed_nights.date_provided) as last_bed_night
    from projects
    inner join hmis_enrollments
        on projects.project_key = hmis_enrollments.project_key
    left join bed_nights
        on hmis_enrollments.enrollment_key = bed_nights.enrollment_key
        and bed_nights.date_provided <= projects.report_end
    where projects.project_type = 1
        and exists (
            select 1 from {{ ref('int_lsa_households') }} as households
            where households.request_id = projects.request_id
                and households.household_key = hmis_enrollments.household_key
        )
    group by
        projects.request_id,
        projects.project_id,
        hmis_enrollments.enrollment_key,
        hmis_enrollments.hmis_exit_date,
        projects.report_start,
        projects.report_end

),

night_by_night_counts as (

    select
        request_id,
        project_id,
        count(distinct case
            when (hmis_exit_date is null or hmis_exit_date > report_end)
                and (last_bed_night is null or last_bed_night <= {{ add_days(-90, 'report_end') }})
                then enrollment_key
        end) as r903,
        count(distinct case
            when hmis_exit_date between report_start and report_end
                and (last_bed_night is null or last_bed_night <> {{ add_days(-1, 'hmis_exit_date') }})
                then enrollment_key
        end) as r904
    from night_by_night
    group by request_id, project_id

),

counted as (

    {#- tlsa_Enrollment rows the DQ counts read, with the flags of §10.10-§10.18. -#}
    select
        projects.project_id,
        enrollments.*,
        {{ lsa_dq_flags('enrollments') }}
    from {{ ref('int_lsa_enrollments') }} as enrollments
    inner join reports
        on enrollments.request_id = reports.request_id
    inner join projects
        on enrollments.request_id = projects.request_id
        and enrollments.project_key = projects.project_key
    where enrollments.air = 1 or (enrollments.active = 1 and reports.lsa_scope <> 3)

),

counts as (

    {#- 909-920: the counts of LSAReport (lsa_dq_enrollment_counts) by project; 912 and 920 count people. -#}
    select
        request_id,
        project_id,
        count(distinct household_key) as r909,
        count(distinct case when exit_date is not null then personal_key end) as r912,
        count(distinct case when active_age in (98, 99) then personal_key end) as r920,
        {{ lsa_dq_enrollment_counts() }}
    from counted
    group by request_id, project_id

),

data_quality as (

    {%- set sources = [
        (901, 'operating_end', 'r901'), (902, 'operating_end', 'r902'),
        (903, 'night_by_night_counts', 'r903'), (904, 'night_by_night_counts', 'r904'),
        (905, 'household_counts', 'r905'), (906, 'household_counts', 'r906'),
        (907, 'household_counts', 'r907'), (908, 'household_counts', 'r908'),
        (909, 'counts', 'r909'), (910, 'counts', 'client_entry'), (911, 'counts', 'adult_hoh_entry'),
        (912, 'counts', 'r912'), (913, 'counts', 'disabling_cond'), (914, 'counts', 'living_situation'),
        (915, 'counts', 'length_of_stay'), (916, 'counts', 'homeless_date'), (917, 'counts', 'times_homeless'),
        (918, 'counts', 'months_homeless'), (919, 'counts', 'destination'), (920, 'counts', 'r920'),
        (921, 'household_counts', 'r921'),
    ] %}
    {%- for row, relation, column in sources %}
    select request_id, project_id, {{ row }} as report_row, {{ column }} as value from {{ relation }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

calculated as (

    select
        request_id, report_row, value, 1 as cohort, 10 as universe, 0 as hh_type, 0 as population,
        -1 as system_path, project_id
    from data_quality
    union all
    select request_id, report_row, value, cohort, universe, hh_type, population, -1 as system_path, project_id
    from {{ ref('int_lsa_calculated_counts') }}
    union all
    select request_id, report_row, value, cohort, universe, hh_type, population, system_path, project_id
    from {{ ref('int_lsa_calculated_averages') }}
    union all
    select request_id, report_row, value, cohort, universe, hh_type, population, system_path, project_id
    from {{ ref('int_lsa_calculated_exit_averages') }}

),

final as (

    select
        request_id,
        row_number() over (
            partition by request_id
            order by report_row, cohort, universe, hh_type, population, system_path, project_id
        ) as row_order,
        value,
        cohort,
        universe,
        hh_type,
        population,
        system_path,
        project_id,
        report_row
    from calculated
    where value > 0

)

select * from final
