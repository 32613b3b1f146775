{#- Youth tables: Q27a's total (row 6) is Q5a's youth (C13); Q27e's total row (12) has them all, as
    leavers and stayers like Q5a. (Q27b is not compared with Q5a row 14: it reads everyone on the head's
    latest stay, also members whose own latest stay is elsewhere, Q27b instruction 1.) -#}
select q27a.request_id, 'Q27a' as rule
from {{ apr_cell('hud_apr_q27a_youth_age', 5, 'total') }} as q27a
inner join {{ apr_cell('hud_apr_q05a_report_validations', 12, 'count_of_clients') }} as q05a_youth
    on q27a.request_id = q05a_youth.request_id
where q27a.value <> q05a_youth.value
union all
select q27e.request_id, 'Q27e' as rule
from {{ ref('hud_apr_q27e_youth_length_of_participation') }} as q27e
inner join {{ apr_cell('hud_apr_q27a_youth_age', 5, 'total') }} as q27a
    on q27e.request_id = q27a.request_id
where q27e.row_order = 11
    and (q27e.total <> q27a.value or q27e.leavers + q27e.stayers <> q27e.total)
