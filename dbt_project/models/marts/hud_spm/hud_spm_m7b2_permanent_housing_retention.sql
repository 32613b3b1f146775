{#- SPM Measure 7b.2 (spm.md): people in PSH or other PH (not RRH) who moved in — still there at the
    report end, or left after moving in — those who stayed or left to permanent housing, and the share;
    one row per request and HUD row. -#}
with

requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

placements as (

    select * from {{ ref('int_spm_m7_placements') }}
    where hud_table = '7b.2'

),

counted as (

    select
        requests.request_id,
        count(placements.client_id) as persons,
        count(case when placements.is_stayer or placements.is_permanent_destination then 1 end) as retained
    from requests
    left join placements
        on requests.request_id = placements.request_id
    group by requests.request_id

),

table_rows as (

    select request_id, 1 as row_order,
        'Universe: Persons in all PH projects except PH-RRH who exited after moving into housing, or who moved into housing and remained in the PH project' as row_label,
        cast(persons as numeric(12, 2)) as current_fy
    from counted
    union all
    select request_id, 2,
        'Of persons above, those who remained in applicable PH projects and those who exited to permanent housing destinations',
        cast(retained as numeric(12, 2))
    from counted
    union all
    select request_id, 3, '% Successful exits/retention', {{ spm_percent('retained', 'persons') }}
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
