{#- People in the HIC's beds on the count night (hic-pit-lsa.md §1): one row per HIC/PIT request and
    enrollment present that night in a project on the HIC — ES entry/exit, TH and SH: entered by the
    night and not exited by it (the exit day is not a night); ES night-by-night: a bed night dated that
    night; PH: moved in by the night and not exited by it. Ages are as of the night; the household
    type counts the members present that night. Person-level: for system administrators. -#}
with

projects as (

    select * from {{ ref('hud_hic_pit_projects_on_night') }}

),

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

move_ins as (

    select * from {{ ref('int_move_in_adjusted') }}

),

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

client_identity as (

    select source_id, personal_id, client_id from {{ ref('int_client_identity') }}

),

present as (

    select
        projects.request_id,
        projects.pit_date,
        projects.hic_project_group,
        enrollments.*
    from projects
    inner join enrollments
        on projects.project_key = enrollments.project_key
        and projects.coc_code = enrollments.coc_code
    left join move_ins
        on enrollments.enrollment_key = move_ins.enrollment_key
    where enrollments.entry_date <= projects.pit_date
        and (enrollments.exit_date is null or enrollments.exit_date > projects.pit_date)
        and (
            enrollments.project_type in (0, 2, 8)
            or (
                enrollments.project_type = 1
                and exists (
                    select 1 from bed_nights
                    where bed_nights.enrollment_key = enrollments.enrollment_key
                        and bed_nights.bed_night_date = projects.pit_date
                )
            )
            or (enrollments.project_type in (3, 9, 10, 13) and move_ins.move_in_date_adjusted <= projects.pit_date)
        )

),

aged as (

    select
        present.*,
        {{ age_in_years('present.dob', 'present.pit_date') }} as age_on_night
    from present

),

households_on_night as (

    select
        request_id,
        household_key,
        sum(case when age_on_night >= 18 then 1 else 0 end) as adults_present,
        sum(case when age_on_night between 0 and 17 then 1 else 0 end) as children_present,
        sum(case when age_on_night is null or age_on_night < 0 then 1 else 0 end) as unknown_ages_present,
        max(case when age_on_night >= 25 then 1 else 0 end) as has_member_25_or_older,
        max(case when age_on_night >= 18 and veteran_status = 1 then 1 else 0 end) as has_adult_veteran,
        -- parenting youth (hic-pit-lsa.md §3.8): a parent (head or spouse/partner) aged 12-24 with a child
        -- of the head (RelationshipToHoH 2) under 18
        max(case when relationship_to_hoh in (1, 3) and age_on_night between 12 and 24 then 1 else 0 end)
            as has_youth_parent,
        max(case when relationship_to_hoh = 2 and age_on_night between 0 and 17 then 1 else 0 end)
            as has_child_of_head,
        max(case when is_head_of_household then age_on_night end) as head_age_on_night
    from aged
    group by request_id, household_key

),

flagged_households as (

    select
        households_on_night.*,
        {{ household_type('adults_present', 'children_present', 'unknown_ages_present') }} as household_type,
        has_member_25_or_older = 0 and unknown_ages_present = 0 as is_youth_household,
        has_member_25_or_older = 0 and unknown_ages_present = 0 and has_youth_parent = 1 and has_child_of_head = 1
            as is_parenting_youth_household
    from households_on_night

),

final as (

    select
        -- keys
        aged.request_id,
        aged.enrollment_key,
        coalesce(client_identity.client_id, aged.personal_key) as client_id,
        aged.personal_key,
        aged.household_key,
        aged.project_key,

        -- the night
        aged.pit_date,
        aged.project_type,
        aged.hic_project_group,
        aged.entry_date,
        aged.is_head_of_household,
        aged.relationship_to_hoh,
        aged.disabling_condition,

        -- the person that night
        aged.age_on_night,
        case
            when aged.age_on_night is null or aged.age_on_night < 0 then 'unknown'
            when aged.age_on_night < 18 then 'under_18'
            when aged.age_on_night <= 24 then '18_24'
            when aged.age_on_night <= 34 then '25_34'
            when aged.age_on_night <= 44 then '35_44'
            when aged.age_on_night <= 54 then '45_54'
            when aged.age_on_night <= 64 then '55_64'
            else '65_plus'
        end as age_band,
        coalesce(aged.age_on_night >= 18 and aged.veteran_status = 1, false) as is_veteran,
        {{ pit_sex('clients.sex') }} as sex,
        {{ pit_race_ethnicity('clients') }} as race_ethnicity,

        -- the household that night
        flagged_households.household_type,
        flagged_households.head_age_on_night,
        flagged_households.has_adult_veteran = 1 as is_veteran_household,
        flagged_households.is_youth_household,
        flagged_households.is_parenting_youth_household,
        -- unaccompanied youth: a youth household without children or with only children, not parenting
        flagged_households.is_youth_household and not flagged_households.is_parenting_youth_household
            and flagged_households.household_type in ('without_children', 'with_only_children')
            as is_unaccompanied_youth_household

    from aged
    inner join flagged_households
        on aged.request_id = flagged_households.request_id
        and aged.household_key = flagged_households.household_key
    left join clients
        on aged.personal_key = clients.personal_key
    left join client_identity
        on aged.source_id = client_identity.source_id
        and aged.personal_id = client_identity.personal_id

)

select * from final
