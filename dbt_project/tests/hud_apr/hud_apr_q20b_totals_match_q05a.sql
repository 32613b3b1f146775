{#- Q20b's totals (row 6): every adult at start (= Q5a C3), every adult stayer at the annual assessment
    (= Q5a C10), and at exit at most the adult leavers (Q5a C7; members who left before their head are
    not reported). -#}
select q20b.request_id
from {{ ref('hud_apr_q20b_number_of_non_cash_benefit_sources') }} as q20b
inner join {{ apr_cell('hud_apr_q05a_report_validations', 2, 'count_of_clients') }} as q05a_adults
    on q20b.request_id = q05a_adults.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', 9, 'count_of_clients') }} as q05a_adult_stayers
    on q20b.request_id = q05a_adult_stayers.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', 6, 'count_of_clients') }} as q05a_adult_leavers
    on q20b.request_id = q05a_adult_leavers.request_id
where q20b.row_order = 5
    and (
        q20b.at_start <> q05a_adults.value
        or q20b.at_annual_assessment <> q05a_adult_stayers.value
        or q20b.at_exit > q05a_adult_leavers.value
    )
