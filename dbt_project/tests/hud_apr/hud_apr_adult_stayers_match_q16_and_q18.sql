{#- Q5a C10 (adult stayers) = Q16 C14 = Q18 C10 (Q18 is APR only); Q16's other totals are Q5a's adults
    (B14 = C3) and adult leavers (D14 = C7). -#}
select q05a_adult_stayers.request_id
from {{ apr_cell('hud_apr_q05a_report_validations', 9, 'count_of_clients') }} as q05a_adult_stayers
inner join {{ apr_cell('hud_apr_q05a_report_validations', 2, 'count_of_clients') }} as q05a_adults
    on q05a_adult_stayers.request_id = q05a_adults.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', 6, 'count_of_clients') }} as q05a_adult_leavers
    on q05a_adult_stayers.request_id = q05a_adult_leavers.request_id
inner join {{ ref('hud_apr_q16_cash_income_ranges') }} as q16
    on q05a_adult_stayers.request_id = q16.request_id
    and q16.row_order = 13
left join {{ apr_cell('hud_apr_q18_cash_income_categories', 9, 'at_annual_assessment') }} as q18
    on q05a_adult_stayers.request_id = q18.request_id
where q16.at_annual_assessment <> q05a_adult_stayers.value
    or q16.at_start <> q05a_adults.value
    or q16.at_exit <> q05a_adult_leavers.value
    or q18.value <> q05a_adult_stayers.value
