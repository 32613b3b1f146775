{#- SPM Measure 7b.1 (spm.md): people who left ES, SH, TH or PH-RRH (or other PH without moving in),
    those who went to permanent housing, and the share; one row per request and HUD row. -#}
with

requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

placements as (

    select * from {{ ref('int_spm_m7_placements') }}
    where hud_table = '7b.1'

),

counted as (

    select
        requests.request_id,
        count(placements.client_id) as persons,
        count(case when placements.is_permanent_destination then 1 end) as permanent_exits
    from requests
    left join placements
        on requests.request_id = placements.request_id
    group by requests.request_id

),

table_rows as (

    select request_id, 1 as row_order,
        'Universe: Persons in ES-EE, ES-NbN, SH, TH and PH-RRH who exited, plus persons in other PH projects who exited without moving into housing' as row_label,
        cast(persons as numeric(12, 2)) as current_fy
    from counted
    union all
    select request_id, 2, 'Of the persons above, those who exited to permanent housing destinations',
        cast(permanent_exits as numeric(12, 2))
    from counted
    union all
    select request_id, 3, '% Successful exits', {{ spm_percent('permanent_exits', 'persons') }}
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
