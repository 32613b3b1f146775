{#- tlsa_Exit with its population columns (LSA spec §7.9): one row per row of int_lsa_exits, adding HHVet,
    HHChronic, HHDisability, HHFleeingDV, HoHRaceEthnicity, HHAdultAge, HHParent and AC3Plus from the members of
    the qualifying exit's household with an ExitDate on or after CohortStart (ages: the cohort's). -#}
with

exits as (

    select * from {{ ref('int_lsa_exits') }}

),

members as (

    select
        exits.request_id,
        exits.cohort,
        exits.hoh_personal_key,
        exits.hh_type,
        enrollments.personal_key,
        enrollments.relationship_to_hoh,
        enrollments.cohort_age,
        enrollments.disability_status,
        enrollments.dv_status,
        case when enrollments.cohort_age between 21 and 65 then 1 else 0 end as is_adult,
        case when enrollments.cohort_age between 21 and 65 or enrollments.relationship_to_hoh = 1 then 1 else 0 end
            as is_adult_or_hoh,
        clients.veteran_status
    from exits
    inner join {{ ref('int_lsa_exit_enrollments') }} as enrollments
        on exits.request_id = enrollments.request_id
        and exits.cohort = enrollments.cohort
        and exits.qualifying_exit_household_key = enrollments.household_key
    left join {{ ref('stg_hmis__clients') }} as clients
        on enrollments.personal_key = clients.personal_key
    where enrollments.exit_date >= exits.cohort_start

),

summarized as (

    select
        request_id,
        cohort,
        hoh_personal_key,
        hh_type,
        max(case when is_adult = 1 and veteran_status = 1 then 1 else 0 end) as hh_vet,
        max(case when is_adult_or_hoh = 1 and disability_status = 1 then 1 else 0 end) as hh_disability,
        min(case when is_adult_or_hoh = 1 and dv_status in (1, 2, 3) then dv_status end) as dv_status,
        max(cohort_age) as oldest_age,
        min(cohort_age) as youngest_age,
        max(case when relationship_to_hoh = 2 then 1 else 0 end) as hh_parent,
        count(distinct case when cohort_age between 0 and 17 then personal_key end) as children
    from members
    group by request_id, cohort, hoh_personal_key, hh_type

),

chronic as (

    {#- HHChronic: the first category of §7.9's table any head or adult of tlsa_ExitHoHAdult meets (rank 1-7 for
        the values 1, 2, 3, 4, 5, 6, 9; 8 for none). -#}
    select
        request_id,
        cohort,
        qualifying_exit_household_key,
        min(case
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
        end) as chronic_rank
    from {{ ref('int_lsa_exit_chronic') }}
    group by request_id, cohort, qualifying_exit_household_key

),

final as (

    select
        exits.*,
        summarized.hh_vet,
        case chronic.chronic_rank
            when 1 then 1 when 2 then 2 when 3 then 3 when 4 then 4 when 5 then 5 when 6 then 6 when 7 then 9
            else 0
        end as hh_chronic,
        summarized.hh_disability,
        coalesce(summarized.dv_status, 0) as hh_fleeing_dv,
        {{ lsa_race_ethnicity('clients') }} as hoh_race_ethnicity,
        case
            when exits.hh_type not in (1, 2) then -1
            when summarized.oldest_age >= 98 then -1
            when summarized.oldest_age = 21 then 18
            when summarized.oldest_age = 24 then 24
            when summarized.youngest_age between 55 and 65 then 55
            else 25
        end as hh_adult_age,
        summarized.hh_parent,
        case when exits.hh_type = 2 and summarized.children >= 3 then 1 else 0 end as ac3_plus
    from exits
    inner join summarized
        on exits.request_id = summarized.request_id
        and exits.cohort = summarized.cohort
        and exits.hoh_personal_key = summarized.hoh_personal_key
        and exits.hh_type = summarized.hh_type
    left join chronic
        on exits.request_id = chronic.request_id
        and exits.cohort = chronic.cohort
        and exits.qualifying_exit_household_key = chronic.qualifying_exit_household_key
    left join {{ ref('stg_hmis__clients') }} as clients
        on exits.hoh_personal_key = clients.personal_key

)

select * from final
