{#- Households: everyone who entered a project stay together (HUD HouseholdID), with the head of
    household, its members' ages and HUD's household type. -#}
with

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

-- Household-level attributes come from the most recent head of household (glossary §4).
heads as (

    select * from (
        select
            household_key,
            enrollment_key as head_enrollment_key,
            personal_key as head_personal_key,
            personal_id as head_personal_id,
            row_number() over (
                partition by household_key
                order by entry_date desc, exit_date desc nulls first, enrollment_id desc
            ) as head_rank
        from enrollments
        where is_head_of_household
    ) as ranked
    where head_rank = 1

),

members as (

    select
        household_key,
        min(source_id) as source_id,
        min(household_id) as household_id,
        min(project_key) as project_key,
        cast(count(distinct project_key) as integer) as project_count,
        cast(count(*) as integer) as member_count,
        cast(sum(case when is_head_of_household then 1 else 0 end) as integer) as head_of_household_count,
        cast(sum(case when reporting_age_group = 'adult' then 1 else 0 end) as integer) as adult_count,
        cast(sum(case when reporting_age_group = 'child' then 1 else 0 end) as integer) as child_count,
        cast(sum(case when reporting_age_group = 'unknown' then 1 else 0 end) as integer) as unknown_age_count,
        min(entry_date) as household_entry_date,
        min(case when is_head_of_household then entry_date end) as first_head_entry_date,
        case when sum(case when is_open then 1 else 0 end) = 0 then max(exit_date) end as household_exit_date
    from enrollments
    group by household_key

),

identified as (

    select
        -- keys
        members.household_key,
        members.source_id,
        members.household_id,
        members.project_key,
        heads.head_enrollment_key,
        heads.head_personal_key,
        heads.head_personal_id,

        -- members
        members.member_count,
        members.head_of_household_count,
        members.head_of_household_count = 1 as has_one_head_of_household,
        members.project_count,
        members.adult_count,
        members.child_count,
        members.unknown_age_count,
        {{ household_type('members.adult_count', 'members.child_count', 'members.unknown_age_count') }} as household_type,

        -- dates
        members.household_entry_date,
        members.first_head_entry_date,
        members.household_exit_date,
        members.household_exit_date is null as is_open

    from members
    left join heads
        on members.household_key = heads.household_key

)

select * from identified
