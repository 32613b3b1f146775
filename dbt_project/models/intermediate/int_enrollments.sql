{#- The enrollment spine: one row per enrollment with everything most questions start from (exit,
    household, head of household, age, project type, CoC, county, tribal areas). Client identity
    across sources comes later (int_client_identity maps source_id + personal_id to a client). -#}
with

enrollments as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

exits as (

    select * from {{ ref('stg_hmis__exits') }}

),

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

geocodes as (

    select * from {{ ref('hud_geocodes') }}

),

tribal_overlaps as (

    select * from {{ ref('stg_oklahoma__tribal_county_overlaps') }}

),

-- An enrollment has at most one exit (HUD); where a source sends more, the latest exit counts.
one_exit_per_enrollment as (

    select * from (
        select
            exits.*,
            row_number() over (
                partition by enrollment_key
                order by exit_date desc nulls last, date_updated desc nulls last, exit_id
            ) as exit_rank
        from exits
    ) as ranked
    where exit_rank = 1

),

-- EnrollmentCoC is collected for the head of household at project start: it is the household's CoC.
household_cocs as (

    select household_key, enrollment_coc as coc_code from (
        select
            household_key,
            enrollment_coc,
            row_number() over (partition by household_key order by entry_date, enrollment_id) as head_rank
        from enrollments
        where relationship_to_hoh = 1 and enrollment_coc is not null
    ) as heads
    where head_rank = 1

),

-- Households with a head of household. The SPM reads a household's CoC only through its head (spm.md
-- general instruction 7a): a household without one is in no SPM (int_spm_enrollments).
households_with_heads as (

    select distinct household_key from enrollments where relationship_to_hoh = 1

),

project_single_cocs as (

    select project_key, min(coc_code) as coc_code
    from project_cocs
    where coc_code is not null
    group by project_key
    having count(distinct coc_code) = 1

),

project_coc_geocodes as (

    select project_key, coc_code, min(geocode) as geocode
    from project_cocs
    group by project_key, coc_code

),

county_tribal_areas as (

    select
        county_fips,
        {{ dbt.listagg('tribal_area_code', "';'", 'order by tribal_area_code') }} as tribal_area_codes
    from tribal_overlaps
    group by county_fips

),

report_period as (

    select {{ report_date('report_start') }} as report_start_date

),

spine as (

    select
        -- keys
        enrollments.enrollment_key,
        enrollments.source_id,
        enrollments.enrollment_id,
        enrollments.personal_key,
        enrollments.personal_id,
        enrollments.household_key,
        enrollments.household_id,
        enrollments.project_key,
        enrollments.project_id,
        projects.organization_key,
        one_exit_per_enrollment.exit_key,

        -- stay
        enrollments.entry_date,
        one_exit_per_enrollment.exit_date,
        one_exit_per_enrollment.exit_date is null as is_open,
        one_exit_per_enrollment.destination,
        one_exit_per_enrollment.destination_subsidy_type,

        -- household
        enrollments.relationship_to_hoh,
        coalesce(enrollments.relationship_to_hoh = 1, false) as is_head_of_household,

        -- person
        clients.dob,
        clients.dob_data_quality,
        clients.veteran_status,
        {{ age_in_years('clients.dob', 'enrollments.entry_date') }} as age_at_entry,
        case
            when report_period.report_start_date > enrollments.entry_date then report_period.report_start_date
            else enrollments.entry_date
        end as age_reference_date,

        -- project
        projects.project_type,
        projects.rrh_sub_type,

        -- enrollment elements most reports read
        enrollments.enrollment_coc,
        enrollments.living_situation,
        enrollments.disabling_condition,
        enrollments.date_of_engagement,
        enrollments.move_in_date,

        -- geography: the household's CoC, the project's geocode there, its county and tribal areas
        coalesce(household_cocs.coc_code, project_single_cocs.coc_code) as coc_code,
        case
            when household_cocs.coc_code is not null then 'head_of_household'
            when project_single_cocs.coc_code is not null then 'project'
        end as coc_code_basis,
        households_with_heads.household_key is not null as household_has_head,
        project_coc_geocodes.geocode,
        geocodes.county_fips,
        county_tribal_areas.tribal_area_codes

    from enrollments
    cross join report_period
    left join one_exit_per_enrollment
        on enrollments.enrollment_key = one_exit_per_enrollment.enrollment_key
    left join clients
        on enrollments.personal_key = clients.personal_key
    left join projects
        on enrollments.project_key = projects.project_key
    left join household_cocs
        on enrollments.household_key = household_cocs.household_key
    left join households_with_heads
        on enrollments.household_key = households_with_heads.household_key
    left join project_single_cocs
        on enrollments.project_key = project_single_cocs.project_key
    left join project_coc_geocodes
        on enrollments.project_key = project_coc_geocodes.project_key
        and coalesce(household_cocs.coc_code, project_single_cocs.coc_code) = project_coc_geocodes.coc_code
    left join geocodes
        on project_coc_geocodes.geocode = geocodes.geocode
    left join county_tribal_areas
        on geocodes.county_fips = county_tribal_areas.county_fips

),

aged as (

    select
        spine.*,
        {{ age_in_years('dob', 'age_reference_date') }} as reporting_age,
        {{ age_group(age_in_years('dob', 'age_reference_date')) }} as reporting_age_group
    from spine

)

select * from aged
