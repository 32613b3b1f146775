{#- Q5a and Q7a count the same people: persons (Q5a C2 = Q7a B6), adults (C3 = B2), children (C4 = B3)
    and unknown ages (C5 = B4 + B5). Returns the requests where they disagree. -#}
select q05a_persons.request_id
from {{ apr_cell('hud_apr_q05a_report_validations', 1, 'count_of_clients') }} as q05a_persons
inner join {{ apr_cell('hud_apr_q05a_report_validations', 2, 'count_of_clients') }} as q05a_adults
    on q05a_persons.request_id = q05a_adults.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', 3, 'count_of_clients') }} as q05a_children
    on q05a_persons.request_id = q05a_children.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', 4, 'count_of_clients') }} as q05a_unknown
    on q05a_persons.request_id = q05a_unknown.request_id
inner join {{ apr_cell('hud_apr_q07a_persons_served', 5, 'total') }} as q07a_total
    on q05a_persons.request_id = q07a_total.request_id
inner join {{ apr_cell('hud_apr_q07a_persons_served', 1, 'total') }} as q07a_adults
    on q05a_persons.request_id = q07a_adults.request_id
inner join {{ apr_cell('hud_apr_q07a_persons_served', 2, 'total') }} as q07a_children
    on q05a_persons.request_id = q07a_children.request_id
inner join {{ apr_cell('hud_apr_q07a_persons_served', 3, 'total') }} as q07a_dk_pnta
    on q05a_persons.request_id = q07a_dk_pnta.request_id
inner join {{ apr_cell('hud_apr_q07a_persons_served', 4, 'total') }} as q07a_not_collected
    on q05a_persons.request_id = q07a_not_collected.request_id
where q05a_persons.value <> q07a_total.value
    or q05a_adults.value <> q07a_adults.value
    or q05a_children.value <> q07a_children.value
    or q05a_unknown.value <> q07a_dk_pnta.value + q07a_not_collected.value
