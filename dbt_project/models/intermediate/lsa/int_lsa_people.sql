{#- tlsa_Person demographics (LSA spec §5.3-§5.4): one row per LSA request and person with an active enrollment —
    HoHAdult, RaceEthnicity, VetStatus, DisabilityStatus, DVStatus, HIV, SMI and SUD. -#}
with

enrollments as (

    select lsa_enrollments.*, reports.report_end
    from {{ ref('int_lsa_enrollments') }} as lsa_enrollments
    inner join {{ ref('int_lsa_reports') }} as reports
        on lsa_enrollments.request_id = reports.request_id
    where lsa_enrollments.active = 1

),

conditions as (

    {#- HIV (8), SMI (9) and SUD (10 with 1-3) recorded by ReportEnd on an enrollment active in residence. -#}
    select
        enrollments.request_id,
        enrollments.personal_key,
        max(case when records.disability_type = 8 and records.disability_response = 1 then 1 else 0 end) as hiv,
        max(case
            when records.disability_type = 9 and records.disability_response = 1 and records.indefinite_and_impairs = 1
                then 1 else 0
        end) as smi,
        max(case
            when records.disability_type = 10 and records.disability_response in (1, 2, 3)
                and records.indefinite_and_impairs = 1
                then 1 else 0
        end) as sud
    from enrollments
    inner join {{ ref('stg_hmis__disabilities') }} as records
        on enrollments.enrollment_key = records.enrollment_key
    where enrollments.air = 1
        and records.information_date <= enrollments.report_end
    group by enrollments.request_id, enrollments.personal_key

),

people as (

    select
        request_id,
        personal_key,
        max(case when active_age between 18 and 65 then 1 else 0 end)
            + 2 * max(case when relationship_to_hoh = 1 then 1 else 0 end) as hoh_adult,
        max(air) as any_air,
        max(case when disability_status = 1 then 1 else 0 end) as any_disabled,
        max(case when disability_status = 0 then 1 else 0 end) as any_not_disabled,
        min(dv_status) as lowest_dv_status
    from enrollments
    group by request_id, personal_key

),

described as (

    select
        people.request_id,
        people.personal_key,
        people.hoh_adult,
        {{ lsa_race_ethnicity('clients') }} as race_ethnicity,
        case
            when people.hoh_adult in (0, 2) then -1
            when clients.veteran_status in (0, 1) then clients.veteran_status
            when clients.veteran_status in (8, 9) then 98
            else 99
        end as vet_status,
        case when people.hoh_adult not in (1, 3) or people.any_air = 0 then -1 else coalesce(conditions.hiv, 0) end
            as hiv,
        case when people.hoh_adult not in (1, 3) or people.any_air = 0 then -1 else coalesce(conditions.smi, 0) end
            as smi,
        case when people.hoh_adult not in (1, 3) or people.any_air = 0 then -1 else coalesce(conditions.sud, 0) end
            as sud,
        people.any_disabled,
        people.any_not_disabled,
        people.lowest_dv_status
    from people
    left join {{ ref('stg_hmis__clients') }} as clients
        on people.personal_key = clients.personal_key
    left join conditions
        on people.request_id = conditions.request_id
        and people.personal_key = conditions.personal_key

),

final as (

    select
        request_id,
        personal_key,
        hoh_adult,
        race_ethnicity,
        vet_status,
        case
            when hoh_adult = 0 then -1
            when any_disabled = 1 or hiv = 1 or smi = 1 or sud = 1 then 1
            when any_not_disabled = 1 then 0
            else 99
        end as disability_status,
        case
            when hoh_adult = 0 then -1
            when lowest_dv_status = 10 then 0
            when lowest_dv_status is null then 99
            else lowest_dv_status
        end as dv_status,
        hiv,
        smi,
        sud
    from described

)

select * from final
