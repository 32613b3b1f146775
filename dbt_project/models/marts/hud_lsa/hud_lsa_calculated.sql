{#- LSACalculated.csv (LSA spec chapters 8-10, §10.21): one row per LSA request and calculated value. So far
    the project-level data-quality counts ReportRows 907-908 (HMIS enrollments without exactly one head or
    with an invalid RelationshipToHoH, §10.6-§10.7) and 909-920 of tlsa_Enrollment (§10.8-§10.19): Cohort 1,
    Universe 10, HHType 0, Population 0, SystemPath -1, ProjectID of Project.csv (§10.1); a row only where the
    count is greater than zero. They read the enrollments LSAReport's totals read (AIR = 1, or Active = 1 unless
    the LSA is the HIC), split by project; the rows of chapters 8-9 and ReportRows 901-906/921 are not built yet
    (docs/lsa.md). ReportID is set when the files are written. -#}
with

reports as (

    select * from {{ ref('int_lsa_reports') }}

),

projects as (

    select request_id, project_key, project_id, project_type, report_coc, report_start, report_end
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

hmis_active as (

    {#- §10.6-§10.7: HMIS enrollments in lsa_Project's ES/SH/TH/RRH/PSH projects active in the report period
        (an exit on the entry date is not), of a household with an enrollment in ReportCoC. The spec asks for
        the head's EnrollmentCoC; a household without a head has none, so any member's counts, as LSAReport's
        NotOneHoH and HUD's sample code read it. -#}
    select
        projects.request_id,
        projects.project_id,
        hmis_enrollments.enrollment_key,
        hmis_enrollments.relationship_to_hoh,
        coalesce(heads_per_household.heads, 0) as heads
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
        and exists (
            select 1 from hmis_enrollments as members
            where members.household_key = hmis_enrollments.household_key
                and members.enrollment_coc = projects.report_coc
        )

),

household_counts as (

    select
        request_id,
        project_id,
        count(distinct case when heads <> 1 then enrollment_key end) as r907,
        count(distinct case
            when relationship_to_hoh is null or relationship_to_hoh not in (1, 2, 3, 4, 5) then enrollment_key
        end) as r908
    from hmis_active
    group by request_id, project_id

),

counted as (

    {#- tlsa_Enrollment rows the DQ counts read, with the flags of §10.10-§10.18. -#}
    select
        enrollments.request_id,
        projects.project_id,
        enrollments.household_key,
        enrollments.enrollment_key,
        enrollments.personal_key,
        enrollments.exit_date,
        enrollments.active_age,
        enrollments.disability_status,
        enrollments.living_situation,
        enrollments.length_of_stay,
        enrollments.date_to_street_essh,
        enrollments.hmis_entry_date,
        enrollments.times_homeless_past_three_years,
        enrollments.months_homeless_past_three_years,
        enrollments.destination,
        enrollments.destination_subsidy_type,
        (enrollments.active_age between 18 and 65 or enrollments.relationship_to_hoh = 1) as adult_or_head,
        (
            enrollments.lsa_project_type in (0, 1, 8)
            or enrollments.living_situation in (101, 116, 118)
            or enrollments.previous_street_essh = 1
        ) as literally_homeless
    from {{ ref('int_lsa_enrollments') }} as enrollments
    inner join reports
        on enrollments.request_id = reports.request_id
    inner join projects
        on enrollments.request_id = projects.request_id
        and enrollments.project_key = projects.project_key
    where enrollments.air = 1 or (enrollments.active = 1 and reports.lsa_scope <> 3)

),

counts as (

    select
        request_id,
        project_id,
        count(distinct household_key) as r909,
        count(distinct enrollment_key) as r910,
        count(distinct case when adult_or_head then enrollment_key end) as r911,
        count(distinct case when exit_date is not null then personal_key end) as r912,
        count(distinct case when disability_status is null then enrollment_key end) as r913,
        count(distinct case
            when adult_or_head and (living_situation is null or living_situation in (8, 9, 99)) then enrollment_key
        end) as r914,
        count(distinct case
            when adult_or_head and (length_of_stay is null or length_of_stay in (8, 9, 99)) then enrollment_key
        end) as r915,
        count(distinct case
            when adult_or_head
                and (
                    date_to_street_essh > hmis_entry_date
                    or (date_to_street_essh is null and literally_homeless)
                )
                then enrollment_key
        end) as r916,
        count(distinct case
            when adult_or_head and literally_homeless
                and (times_homeless_past_three_years is null or times_homeless_past_three_years not in (1, 2, 3, 4))
                then enrollment_key
        end) as r917,
        count(distinct case
            when adult_or_head and literally_homeless
                and (
                    months_homeless_past_three_years is null
                    or months_homeless_past_three_years not between 101 and 113
                )
                then enrollment_key
        end) as r918,
        count(distinct case
            when exit_date is not null
                and (
                    destination is null
                    or destination in (8, 9, 17, 30, 99)
                    or (destination = 435 and destination_subsidy_type is null)
                )
                then enrollment_key
        end) as r919,
        count(distinct case when active_age in (98, 99) then personal_key end) as r920
    from counted
    group by request_id, project_id

),

data_quality as (

    select request_id, project_id, 907 as report_row, r907 as value from household_counts
    union all
    select request_id, project_id, 908 as report_row, r908 as value from household_counts
    union all

    {%- for row in range(909, 921) %}
    select request_id, project_id, {{ row }} as report_row, r{{ row }} as value from counts
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

final as (

    select
        request_id,
        row_number() over (partition by request_id order by report_row, project_id) as row_order,
        value,
        1 as cohort,
        10 as universe,
        0 as hh_type,
        0 as population,
        -1 as system_path,
        project_id,
        report_row
    from data_quality
    where value > 0

)

select * from final
