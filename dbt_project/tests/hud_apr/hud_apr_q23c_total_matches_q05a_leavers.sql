{#- Q23c's total (row 40) counts the leavers of Q5a (C6). -#}
select q23c.request_id
from {{ apr_cell('hud_apr_q23c_exit_destination', 39, 'total') }} as q23c
inner join {{ apr_cell('hud_apr_q05a_report_validations', 5, 'count_of_clients') }} as q05a_leavers
    on q23c.request_id = q05a_leavers.request_id
where q23c.value <> q05a_leavers.value
