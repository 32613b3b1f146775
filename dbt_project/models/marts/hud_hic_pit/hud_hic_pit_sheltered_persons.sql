{#- Sheltered PIT count from HMIS (hic-pit-lsa.md §3): one row per HIC/PIT request and person sheltered
    on the count night — in ES, SH or TH that night, and not housed in PH that night (Green River) —
    counted in one project: ES before SH before TH, then the latest entry; with what the PIT tables
    count about the person and the household that night. Person-level: for system administrators. -#}
with

persons as (

    select * from {{ ref('hud_hic_pit_persons_on_night') }}

),

chronic as (

    select * from {{ ref('hud_hic_pit_chronic_on_night') }}

),

conditions as (

    select * from {{ ref('hud_hic_pit_conditions_on_night') }}

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

counted as (

    select * from ranked where project_rank = 1

),

{{ pit_counted_persons('counted') }}
