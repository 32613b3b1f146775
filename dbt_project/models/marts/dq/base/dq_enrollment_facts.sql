{#- One row per enrollment with what the record-level checks and the HUD framework read: the spine
    (int_enrollments), the 3.917 answers, record creation dates, the client's warehouse id and the
    source's as-of dates. -#}
with

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

enrollment_elements as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

exits as (

    select * from {{ ref('stg_hmis__exits') }}

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

identity as (

    select * from {{ ref('int_client_identity') }}

),

as_of as (

    select * from {{ ref('dq_source_as_of') }}

),

facts as (

    select
        -- keys
        enrollments.enrollment_key,
        enrollments.source_id,
        enrollments.enrollment_id,
        enrollments.personal_key,
        enrollments.personal_id,
        identity.client_id,
        enrollments.household_key,
        enrollments.household_id,
        enrollments.project_key,
        enrollments.project_id,
        enrollments.organization_key,
        projects.organization_id,
        enrollments.exit_key,
        exits.exit_id,
        enrollments.coc_code,

        -- project
        enrollments.project_type,
        enrollments.rrh_sub_type,
        projects.operating_start_date,
        projects.operating_end_date,

        -- stay
        enrollments.entry_date,
        enrollments.exit_date,
        enrollments.move_in_date,
        enrollments.date_of_engagement,
        cast(enrollment_elements.date_created as date) as entry_created_date,
        cast(exits.date_created as date) as exit_created_date,
        enrollments.destination,
        enrollments.destination_subsidy_type,

        -- person and household role
        enrollments.dob,
        enrollments.veteran_status,
        enrollments.relationship_to_hoh,
        enrollments.is_head_of_household,
        enrollments.age_at_entry,
        coalesce(enrollments.age_at_entry >= 18, false) as is_adult_at_entry,
        coalesce(enrollments.age_at_entry >= 18, false) or enrollments.is_head_of_household as is_adult_or_head,

        -- 3.08, 3.16, 3.917
        enrollments.disabling_condition,
        enrollments.enrollment_coc,
        enrollment_elements.living_situation,
        enrollment_elements.rental_subsidy_type,
        enrollment_elements.length_of_stay,
        enrollment_elements.los_under_threshold,
        enrollment_elements.previous_street_essh,
        enrollment_elements.date_to_street_essh,
        enrollment_elements.times_homeless_past_three_years,
        enrollment_elements.months_homeless_past_three_years,

        -- as of the source's newest export
        as_of.as_of_date,
        as_of.export_date,
        enrollments.exit_date is null or enrollments.exit_date > as_of.as_of_date as is_open_at_as_of

    from enrollments
    inner join enrollment_elements
        on enrollments.enrollment_key = enrollment_elements.enrollment_key
    left join exits
        on enrollments.exit_key = exits.exit_key
    left join projects
        on enrollments.project_key = projects.project_key
    left join identity
        on enrollments.personal_key = identity.personal_key
    left join as_of
        on enrollments.source_id = as_of.source_id

)

select * from facts
