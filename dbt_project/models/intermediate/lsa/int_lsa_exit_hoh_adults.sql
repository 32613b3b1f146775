{#- tlsa_ExitHoHAdult (LSA spec §7.4): one row per LSA request, exit cohort, qualifying exit household and head of
    household or adult member (age for the cohort 18+) on it with an ExitDate on or after CohortStart, with
    DisabilityStatus, LastActive (the member's exit), CHStart (three years before, + 1 day) and CHTime 400 /
    CHTimeStatus 2 where 3.917 says four or more times and 12+ months on an entry in the year to LastActive (the
    rest is int_lsa_exit_chronic's). Households that left TH after a year or more, or RRH/PSH after a year or more
    housed, have none: they cannot be chronically homeless in the year ending on their exit. -#}
with

exits as (

    select * from {{ ref('int_lsa_exits') }}
    where (exit_from <> 3 or entry_date > {{ add_years(-1, 'exit_date') }})
        and (exit_from not in (5, 6) or move_in_date > {{ add_years(-1, 'exit_date') }})

),

members as (

    select
        exits.request_id,
        exits.cohort,
        exits.qualifying_exit_household_key,
        enrollments.personal_key,
        enrollments.entry_date,
        enrollments.hmis_entry_date,
        enrollments.exit_date,
        enrollments.disability_status,
        hmis.times_homeless_past_three_years,
        hmis.months_homeless_past_three_years
    from exits
    inner join {{ ref('int_lsa_exit_enrollments') }} as enrollments
        on exits.request_id = enrollments.request_id
        and exits.cohort = enrollments.cohort
        and exits.qualifying_exit_household_key = enrollments.household_key
    inner join {{ ref('stg_hmis__enrollments') }} as hmis
        on enrollments.enrollment_key = hmis.enrollment_key
    where enrollments.exit_date >= exits.cohort_start
        and (enrollments.relationship_to_hoh = 1 or enrollments.cohort_age between 21 and 65)

),

people as (

    select
        request_id,
        cohort,
        qualifying_exit_household_key,
        personal_key,
        max(exit_date) as last_active,
        max(case when disability_status = 1 then 1 else 0 end) as any_disabled,
        max(case when disability_status = 0 then 1 else 0 end) as any_not_disabled
    from members
    group by request_id, cohort, qualifying_exit_household_key, personal_key

),

shortcut as (

    select
        members.request_id,
        members.cohort,
        members.qualifying_exit_household_key,
        members.personal_key
    from members
    inner join people
        on members.request_id = people.request_id
        and members.cohort = people.cohort
        and members.qualifying_exit_household_key = people.qualifying_exit_household_key
        and members.personal_key = people.personal_key
    where members.months_homeless_past_three_years in (112, 113)
        and members.times_homeless_past_three_years = 4
        and members.hmis_entry_date = members.entry_date
        and members.hmis_entry_date > {{ add_years(-1, 'people.last_active') }}
    group by members.request_id, members.cohort, members.qualifying_exit_household_key, members.personal_key

),

final as (

    select
        people.request_id,
        people.cohort,
        people.qualifying_exit_household_key,
        people.personal_key,
        case when people.any_disabled = 1 then 1 when people.any_not_disabled = 1 then 0 else 99 end
            as disability_status,
        {{ add_days(1, add_years(-3, 'people.last_active')) }} as ch_start,
        people.last_active,
        case when shortcut.personal_key is not null then 400 end as ch_time,
        case when shortcut.personal_key is not null then 2 end as ch_time_status
    from people
    left join shortcut
        on people.request_id = shortcut.request_id
        and people.cohort = shortcut.cohort
        and people.qualifying_exit_household_key = shortcut.qualifying_exit_household_key
        and people.personal_key = shortcut.personal_key

)

select * from final
