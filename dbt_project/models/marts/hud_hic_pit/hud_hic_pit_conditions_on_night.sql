{#- What the records say on the count night (hic-pit-lsa.md §3.7) about each stay present in ES, SH or
    TH, or counted unsheltered (street outreach): the latest answer on or before the night for each disability type (any collection stage; later
    records have not happened yet), and the latest domestic violence answer. Serious mental illness and
    substance use disorder need the condition to be indefinite and impairing; HIV/AIDS needs a yes
    (docs/decisions.md, HIC/PIT). One row per HIC/PIT request and stay. -#}
with

persons as (

    select request_id, enrollment_key, pit_date, disabling_condition
    from {{ ref('hud_hic_pit_persons_on_night') }}
    where hic_project_group in ('ES', 'SH', 'TH')
    union all
    -- people counted unsheltered (street outreach stays)
    select request_id, enrollment_key, pit_date, disabling_condition
    from {{ ref('hud_hic_pit_unsheltered_on_night') }}

),

disabilities as (

    select * from {{ ref('stg_hmis__disabilities') }}

),

health_and_dv as (

    select * from {{ ref('stg_hmis__health_and_dv') }}

),

latest_disability_answers as (

    select * from (
        select
            persons.request_id,
            persons.enrollment_key,
            disabilities.disability_type,
            disabilities.disability_response,
            disabilities.indefinite_and_impairs,
            row_number() over (
                partition by persons.request_id, persons.enrollment_key, disabilities.disability_type
                order by disabilities.information_date desc, disabilities.date_updated desc,
                    disabilities.disabilities_id desc
            ) as answer_rank
        from persons
        inner join disabilities
            on persons.enrollment_key = disabilities.enrollment_key
        where disabilities.information_date <= persons.pit_date
    ) as ranked
    where answer_rank = 1

),

disability_flags as (

    select
        request_id,
        enrollment_key,
        max(case when disability_type = 9 and disability_response = 1 and indefinite_and_impairs = 1 then 1 else 0 end)
            = 1 as has_serious_mental_illness,
        max(case
            when disability_type = 10 and disability_response in (1, 2, 3) and indefinite_and_impairs = 1 then 1 else 0
        end) = 1 as has_substance_use_disorder,
        max(case when disability_type = 8 and disability_response = 1 then 1 else 0 end) = 1 as has_hiv_aids,
        max(case
            when {{ is_indefinite_and_impairing('disability_type', 'disability_response', 'indefinite_and_impairs') }}
                then 1 else 0
        end) = 1 as has_indefinite_and_impairing_disability
    from latest_disability_answers
    group by request_id, enrollment_key

),

latest_dv_answers as (

    select * from (
        select
            persons.request_id,
            persons.enrollment_key,
            health_and_dv.domestic_violence_survivor,
            health_and_dv.currently_fleeing,
            row_number() over (
                partition by persons.request_id, persons.enrollment_key
                order by health_and_dv.information_date desc, health_and_dv.date_updated desc,
                    health_and_dv.health_and_dv_id desc
            ) as answer_rank
        from persons
        inner join health_and_dv
            on persons.enrollment_key = health_and_dv.enrollment_key
        where health_and_dv.information_date <= persons.pit_date
            and health_and_dv.domestic_violence_survivor is not null
    ) as ranked
    where answer_rank = 1

),

final as (

    select
        -- keys
        persons.request_id,
        persons.enrollment_key,

        -- conditions on the night
        coalesce(disability_flags.has_serious_mental_illness, false) as has_serious_mental_illness,
        coalesce(disability_flags.has_substance_use_disorder, false) as has_substance_use_disorder,
        coalesce(disability_flags.has_hiv_aids, false) as has_hiv_aids,
        coalesce(latest_dv_answers.domestic_violence_survivor = 1 and latest_dv_answers.currently_fleeing = 1, false)
            as is_fleeing_domestic_violence,
        -- disabled for chronic homelessness (glossary §8.2) on the night: 3.08 at entry, or the latest answers
        coalesce(persons.disabling_condition = 1 or disability_flags.has_indefinite_and_impairing_disability, false)
            as is_disabled_on_night

    from persons
    left join disability_flags
        on persons.request_id = disability_flags.request_id
        and persons.enrollment_key = disability_flags.enrollment_key
    left join latest_dv_answers
        on persons.request_id = latest_dv_answers.request_id
        and persons.enrollment_key = latest_dv_answers.enrollment_key

)

select * from final
