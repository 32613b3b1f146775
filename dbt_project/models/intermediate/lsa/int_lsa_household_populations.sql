{#- tlsa_HHID population identifiers (LSA spec §5.12): one row per LSA request and active household, with its
    ActiveHHType, HHChronic, HHVet, HHDisability, HHFleeingDV, HHAdultAge, HHParent and AC3Plus, from the
    household's active members and what tlsa_Person reports for them. -#}
with

households as (

    select
        households.request_id,
        households.household_key,
        households.lsa_project_type,
        types.active_hh_type
    from {{ ref('int_lsa_households') }} as households
    inner join {{ ref('int_lsa_household_types') }} as types
        on households.request_id = types.request_id
        and households.household_key = types.household_key
    where households.active = 1

),

members as (

    {#- Active members; "adult or HoH" is an ActiveAge of 18+ (21-65) or the head. -#}
    select
        enrollments.request_id,
        enrollments.household_key,
        enrollments.personal_key,
        enrollments.relationship_to_hoh,
        enrollments.active_age,
        case when enrollments.active_age between 21 and 65 then 1 else 0 end as is_adult,
        case when enrollments.active_age between 21 and 65 or enrollments.relationship_to_hoh = 1 then 1 else 0 end
            as is_adult_or_hoh,
        people.vet_status,
        people.disability_status,
        people.dv_status,
        coalesce(chronic.ch_time, -1) as ch_time,
        coalesce(chronic.ch_time_status, -1) as ch_time_status
    from {{ ref('int_lsa_enrollments') }} as enrollments
    inner join {{ ref('int_lsa_people') }} as people
        on enrollments.request_id = people.request_id
        and enrollments.personal_key = people.personal_key
    left join {{ ref('int_lsa_person_chronic') }} as chronic
        on enrollments.request_id = chronic.request_id
        and enrollments.personal_key = chronic.personal_key
    where enrollments.active = 1

),

ranked as (

    {#- HHChronic: the first category of the table in §5.12 that any adult or head meets (rank 1-7 for the
        values 1, 2, 3, 4, 5, 6, 9; 8 for none). -#}
    select
        members.*,
        case
            when is_adult_or_hoh = 0 then 8
            when disability_status = 1
                and ((ch_time = 365 and ch_time_status in (1, 2)) or (ch_time = 400 and ch_time_status = 2))
                then 1
            when ch_time in (365, 400) and disability_status = 1 then 2
            when ch_time in (365, 400) and disability_status = 99 then 3
            when ch_time in (365, 400) and disability_status = 0 then 4
            when ch_time = 270 and ch_time_status = 99 and disability_status = 1 then 5
            when ch_time = 270 and ch_time_status <> 99 and disability_status = 1 then 6
            when disability_status <> 0 and ch_time_status = 99 then 7
            else 8
        end as chronic_rank
    from members

),

summarized as (

    select
        request_id,
        household_key,
        min(chronic_rank) as chronic_rank,
        max(case when is_adult = 1 and vet_status = 1 then 1 else 0 end) as any_adult_veteran,
        max(case when is_adult_or_hoh = 1 and disability_status = 1 then 1 else 0 end) as any_disabled,
        max(case when is_adult_or_hoh = 1 and dv_status = 1 then 1 else 0 end) as any_fleeing,
        max(case when is_adult_or_hoh = 1 and dv_status in (2, 3) then 1 else 0 end) as any_survivor,
        max(active_age) as oldest_age,
        min(active_age) as youngest_age,
        max(case when relationship_to_hoh = 2 then 1 else 0 end) as any_child_of_hoh,
        count(distinct case when active_age between 0 and 17 then personal_key end) as children
    from ranked
    group by request_id, household_key

),

final as (

    select
        households.request_id,
        households.household_key,
        households.lsa_project_type,
        households.active_hh_type,
        case summarized.chronic_rank
            when 1 then 1 when 2 then 2 when 3 then 3 when 4 then 4 when 5 then 5 when 6 then 6 when 7 then 9
            else 0
        end as hh_chronic,
        case when households.active_hh_type in (1, 2, 99) and summarized.any_adult_veteran = 1 then 1 else 0 end
            as hh_vet,
        summarized.any_disabled as hh_disability,
        case when summarized.any_fleeing = 1 then 1 when summarized.any_survivor = 1 then 2 else 0 end
            as hh_fleeing_dv,
        case
            when households.active_hh_type not in (1, 2) then -1
            when summarized.oldest_age >= 98 then -1
            when summarized.oldest_age = 21 then 18
            when summarized.oldest_age = 24 then 24
            when summarized.youngest_age between 55 and 65 then 55
            else 25
        end as hh_adult_age,
        summarized.any_child_of_hoh as hh_parent,
        case when households.active_hh_type = 2 and summarized.children >= 3 then 1 else 0 end as ac3_plus
    from households
    inner join summarized
        on households.request_id = summarized.request_id
        and households.household_key = summarized.household_key

)

select * from final
