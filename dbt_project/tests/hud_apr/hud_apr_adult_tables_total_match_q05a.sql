{#- Tables over adults or adults and heads end with Q5a's counts: Q25a total (row 7) = adults (C3);
    Q15 total (row 32) = adults + child/unknown-age heads (C3 + C16). -#}
select q05a_adults.request_id
from {{ apr_cell('hud_apr_q05a_report_validations', 2, 'count_of_clients') }} as q05a_adults
inner join {{ apr_cell('hud_apr_q05a_report_validations', 15, 'count_of_clients') }} as q05a_other_heads
    on q05a_adults.request_id = q05a_other_heads.request_id
inner join {{ apr_cell('hud_apr_q25a_veterans', 6, 'total') }} as q25a
    on q05a_adults.request_id = q25a.request_id
inner join {{ apr_cell('hud_apr_q15_prior_living_situation', 31, 'total') }} as q15
    on q05a_adults.request_id = q15.request_id
where q25a.value <> q05a_adults.value
    or q15.value <> q05a_adults.value + q05a_other_heads.value
