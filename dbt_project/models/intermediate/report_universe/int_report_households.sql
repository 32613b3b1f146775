{#- Households of each report request: one row per request and HouseholdID with an active member.
    Household type comes from every active member's own reporting age (glossary §6), not only from
    latest stays. Head-of-household facts (move-in, the entry that anchors annual assessments) read
    all of the household's enrollments, also members no longer active, as long as they happened by
    the period end (§10, §11). -#}
with

report_enrollments as (

    select * from {{ ref('int_report_enrollments') }}

),

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

enrollment_elements as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

requests as (

    select * from {{ ref('stg_meta__report_requests') }}

),

active_members as (

    select
        request_id,
        household_key,
        count(distinct personal_key) as active_member_count,
        count(distinct case when reporting_age_group = 'adult' then personal_key end) as adult_count,
        count(distinct case when reporting_age_group = 'child' then personal_key end) as child_count,
        count(distinct case when reporting_age_group = 'unknown' then personal_key end) as unknown_age_count,
        count(distinct case when is_head_of_household then personal_key end) as active_head_count,
        max(case when reporting_age >= 25 then 1 else 0 end) = 1 as has_member_25_or_older,
        max(case when relationship_to_hoh = 2 and reporting_age between 0 and 17 then 1 else 0 end) = 1
            as has_child_of_head,
        -- the head's stay of 365 days or more, counted while still enrolled (Q5a row 17, Q6c row 4,
        -- Q19a1): calendar time, also in night-by-night shelter, like the annual assessment it asks for
        max(case when is_head_of_household and is_stayer and days_since_entry >= 365 then 1 else 0 end) = 1
            as has_head_stayer_365_days,
        max(case when is_head_of_household then exit_date end) as head_exit_date
    from report_enrollments
    group by request_id, household_key

),

-- Every enrollment of the household known by the period end (also members who left earlier).
household_history as (

    select
        active_members.request_id,
        requests.period_end,
        enrollments.household_key,
        enrollments.personal_key,
        enrollments.is_head_of_household,
        enrollment_elements.date_to_street_essh,
        row_number() over (
            partition by active_members.request_id, enrollments.household_key, enrollments.is_head_of_household
            order by enrollments.entry_date, enrollments.enrollment_id
        ) as entry_rank,
        enrollments.entry_date,
        enrollments.exit_date,
        enrollments.move_in_date,
        enrollments.project_type
    from active_members
    inner join requests
        on active_members.request_id = requests.request_id
    inner join enrollments
        on active_members.household_key = enrollments.household_key
    left join enrollment_elements
        on enrollments.enrollment_key = enrollment_elements.enrollment_key
    where enrollments.entry_date <= requests.period_end

),

heads as (

    select
        request_id,
        household_key,
        min(entry_date) as household_entry_date,
        -- HG 2024 (via Green River): with several heads over time, the earliest head's entry anchors
        -- annual assessments (docs/decisions.md).
        min(case when is_head_of_household then entry_date end) as first_head_entry_date,
        max(case when is_head_of_household and entry_rank = 1 then date_to_street_essh end)
            as first_head_date_to_street_essh,
        count(distinct case when is_head_of_household then personal_key end) as head_count_by_period_end,
        -- A head's move-in counts when it is within the head's stay and by the period end (§10).
        min(case
            when is_head_of_household
                and move_in_date >= entry_date
                and (exit_date is null or move_in_date <= exit_date)
                and move_in_date <= period_end
            then move_in_date
        end) as head_move_in_date
    from household_history
    group by request_id, household_key

),

final as (

    select
        -- keys
        active_members.request_id,
        active_members.household_key,

        -- members active in the period
        active_members.active_member_count,
        active_members.adult_count,
        active_members.child_count,
        active_members.unknown_age_count,
        active_members.active_head_count,
        {{ household_type(
            'active_members.adult_count', 'active_members.child_count', 'active_members.unknown_age_count'
        ) }} as household_type,
        active_members.has_member_25_or_older,
        active_members.has_child_of_head,
        active_members.has_head_stayer_365_days,
        active_members.head_exit_date,

        -- the household over time
        heads.household_entry_date,
        heads.first_head_entry_date,
        heads.first_head_date_to_street_essh,
        heads.head_count_by_period_end,
        heads.head_move_in_date

    from active_members
    left join heads
        on active_members.request_id = heads.request_id
        and active_members.household_key = heads.household_key

)

select * from final
