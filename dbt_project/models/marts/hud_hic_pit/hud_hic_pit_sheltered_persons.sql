{#- Sheltered PIT count from HMIS (hic-pit-lsa.md §3): one row per HIC/PIT request and person sheltered
    on the count night — in ES, SH or TH that night, and not housed in PH that night (Green River) —
    counted in one project: ES before SH before TH, then the latest entry. Person-level: for system
    administrators. -#}
with

persons as (

    select * from {{ ref('hud_hic_pit_persons_on_night') }}

),

housed_that_night as (

    select distinct request_id, client_id
    from persons
    where project_type in (3, 9, 10, 13)

),

ranked as (

    select
        persons.*,
        row_number() over (
            partition by persons.request_id, persons.client_id
            order by
                case persons.hic_project_group when 'ES' then 1 when 'SH' then 2 else 3 end,
                persons.entry_date desc,
                persons.enrollment_key desc
        ) as project_rank
    from persons
    left join housed_that_night
        on persons.request_id = housed_that_night.request_id
        and persons.client_id = housed_that_night.client_id
    where persons.hic_project_group in ('ES', 'SH', 'TH')
        and housed_that_night.client_id is null

),

final as (

    select
        request_id,
        client_id,
        enrollment_key,
        household_key,
        project_key,
        pit_date,
        hic_project_group,
        is_head_of_household,
        age_on_night,
        age_band,
        is_veteran,
        household_type,
        is_veteran_household,
        is_youth_household,
        is_chronically_homeless_household
    from ranked
    where project_rank = 1

)

select * from final
