{#- CE APR: Q5a C2 = Q7a B6 = the sum of Q4a P, and Q8a B2 = the sum of Q4a Q = Q5a C15 + C16. -#}
with

q04a as (

    select request_id, sum(total_active_clients) as clients, sum(total_active_households) as households
    from {{ ref('hud_ce_apr_q04a_project_identifiers') }}
    group by request_id

),

q05a as (

    select
        request_id,
        sum(case when row_order = 1 then count_of_clients end) as persons,
        sum(case when row_order in (14, 15) then count_of_clients end) as heads
    from {{ ref('hud_ce_apr_q05a_report_validations') }}
    group by request_id

)

select q05a.request_id, q05a.persons, q07a.total as q07a_total, q04a.clients, q08a.total as q08a_total
from q05a
inner join {{ ref('hud_ce_apr_q07a_persons_served') }} as q07a
    on q05a.request_id = q07a.request_id
    and q07a.row_order = 5
inner join {{ ref('hud_ce_apr_q08a_households_served') }} as q08a
    on q05a.request_id = q08a.request_id
    and q08a.row_order = 1
left join q04a
    on q05a.request_id = q04a.request_id
where q05a.persons <> q07a.total
    or q05a.persons <> coalesce(q04a.clients, 0)
    or q08a.total <> coalesce(q04a.households, 0)
    or q08a.total <> q05a.heads
