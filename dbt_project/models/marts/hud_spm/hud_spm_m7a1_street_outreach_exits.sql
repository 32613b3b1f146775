{#- SPM Measure 7a.1 (spm.md): people who left street outreach, where they went (temporary or some
    institutional destinations, permanent housing) and the share of successful exits; one row per
    request and HUD row. -#}
with

requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

placements as (

    select * from {{ ref('int_spm_m7_placements') }}
    where hud_table = '7a.1'

),

counted as (

    select
        requests.request_id,
        count(placements.client_id) as persons,
        count(case when placements.is_temporary_or_institutional_destination then 1 end) as temporary_exits,
        count(case when placements.is_permanent_destination then 1 end) as permanent_exits
    from requests
    left join placements
        on requests.request_id = placements.request_id
    group by requests.request_id

),

table_rows as (

    select request_id, 1 as row_order, 'Universe: Persons who exit Street Outreach' as row_label,
        cast(persons as numeric(12, 2)) as current_fy
    from counted
    union all
    select request_id, 2, 'Of persons above, those who exited to temporary & some institutional destinations',
        cast(temporary_exits as numeric(12, 2))
    from counted
    union all
    select request_id, 3, 'Of the persons above, those who exited to permanent housing destinations',
        cast(permanent_exits as numeric(12, 2))
    from counted
    union all
    select request_id, 4, '% Successful exits', {{ spm_percent('temporary_exits + permanent_exits', 'persons') }}
    from counted

)

select
    request_id,
    row_order,
    row_label,
    cast(null as numeric(12, 2)) as previous_fy,
    current_fy,
    cast(null as numeric(12, 2)) as difference
from table_rows
