{#- Length of participation covers everyone once: the total row of Q22a1 (APR) and Q22a2 (CAPER) =
    Q5a's persons, leavers and stayers (C2, C6, C9). -#}
with

length_totals as (

    select request_id, total, leavers, stayers
    from {{ ref('hud_apr_q22a1_length_of_participation') }} where row_order = 11
    union all
    select request_id, total, leavers, stayers
    from {{ ref('hud_caper_q22a2_length_of_participation') }} where row_order = 14

)

select length_totals.request_id
from length_totals
inner join {{ apr_cell('hud_apr_q05a_report_validations', 1, 'count_of_clients') }} as q05a_persons
    on length_totals.request_id = q05a_persons.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', 5, 'count_of_clients') }} as q05a_leavers
    on length_totals.request_id = q05a_leavers.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', 8, 'count_of_clients') }} as q05a_stayers
    on length_totals.request_id = q05a_stayers.request_id
where length_totals.total <> q05a_persons.value
    or length_totals.leavers <> q05a_leavers.value
    or length_totals.stayers <> q05a_stayers.value
