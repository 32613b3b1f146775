{{ config(materialized='ephemeral') }}
{#- One row per enrollment with what the planning and funder marts group by: the person, the household
    and its HUD type, CoC, agency, project, project type group, county, the exit and its destination class.
    Never materialised: the planning and funder marts hold aggregates only (DESIGN: "Scope is enforced below the page"). -#}
with

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

identity as (

    select * from {{ ref('int_client_identity') }}

),

households as (

    select * from {{ ref('int_households_identified') }}

),

destinations as (

    select * from {{ ref('int_destinations_classified') }}

),

project_type_groups as (

    select * from {{ ref('project_type_groups') }}

),

-- One group per project type for the planning breakdowns (seeds/hud/project_type_groups.csv).
type_groups as (

    select
        project_type,
        case
            when max(case when project_type_group = 'permanent_housing' then 1 else 0 end) = 1 then 'permanent_housing'
            when max(case when project_type_group = 'homeless' then 1 else 0 end) = 1 then 'homeless'
        end as project_type_group
    from project_type_groups
    group by project_type

),

final as (

    select
        -- keys
        enrollments.enrollment_key,
        enrollments.source_id,
        -- PERSON KEY (the one place it is chosen): the warehouse client id shared across sources
        -- (int_client_identity), else the source's own person key.
        coalesce(identity.client_id, enrollments.personal_key) as person_key,
        enrollments.household_key,
        -- HOUSEHOLD COUNT KEY: the person heading the household (across sources, as person_key). Every stay gets a
        -- new HouseholdID, so counting HouseholdIDs would count a person with two stays as two households; HUD
        -- counts households by their heads. A household with no head keeps its own key.
        coalesce(head_identity.client_id, households.head_personal_key, enrollments.household_key)
            as household_head_key,
        enrollments.project_key,
        enrollments.organization_key,

        -- where and what
        coalesce(enrollments.coc_code, 'unknown') as coc_code,
        enrollments.county_fips,
        enrollments.project_type,
        coalesce(type_groups.project_type_group, 'other') as project_type_group,
        coalesce(households.household_type, 'unknown_household_type') as household_type,
        enrollments.is_head_of_household,
        enrollments.age_at_entry,

        -- the stay
        enrollments.entry_date,
        enrollments.exit_date,
        enrollments.move_in_date,
        destinations.destination_class,
        coalesce(destinations.is_permanent_destination, false) as is_permanent_destination

    from enrollments
    left join identity
        on enrollments.personal_key = identity.personal_key
    left join households
        on enrollments.household_key = households.household_key
    left join identity as head_identity
        on households.head_personal_key = head_identity.personal_key
    left join destinations
        on enrollments.enrollment_key = destinations.enrollment_key
    left join type_groups
        on enrollments.project_type = type_groups.project_type

)

select * from final
