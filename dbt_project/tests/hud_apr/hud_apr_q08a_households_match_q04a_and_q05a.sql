{#- Households are heads of household: Q8a B2 = Q5a C15 + C16 (adult + child/unknown-age heads) = the sum
    of Q4a's active households over the projects; Q4a's active clients add up to Q5a C2. -#}
with

q04a as (

    select
        request_id,
        sum(total_active_clients) as active_clients,
        sum(total_active_households) as active_households
    from {{ ref('hud_apr_q04a_project_identifiers') }}
    group by request_id

)

select q08a.request_id
from {{ apr_cell('hud_apr_q08a_households_served', 1, 'total') }} as q08a
inner join {{ apr_cell('hud_apr_q05a_report_validations', 1, 'count_of_clients') }} as q05a_persons
    on q08a.request_id = q05a_persons.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', 14, 'count_of_clients') }} as q05a_adult_heads
    on q08a.request_id = q05a_adult_heads.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', 15, 'count_of_clients') }} as q05a_other_heads
    on q08a.request_id = q05a_other_heads.request_id
left join q04a
    on q08a.request_id = q04a.request_id
where q08a.value <> q05a_adult_heads.value + q05a_other_heads.value
    or q08a.value <> coalesce(q04a.active_households, 0)
    or q05a_persons.value <> coalesce(q04a.active_clients, 0)
