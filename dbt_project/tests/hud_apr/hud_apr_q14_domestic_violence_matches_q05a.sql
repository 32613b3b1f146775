{#- Q14a counts every adult and head of household once (total row 6 = Q5a C3 + C16); Q14b counts the
    survivors of Q14a (its total, row 8, = Q14a's "Yes" row, column by column). -#}
select q14a.request_id
from {{ ref('hud_apr_q14a_domestic_violence_history') }} as q14a
inner join {{ apr_cell('hud_apr_q05a_report_validations', 2, 'count_of_clients') }} as q05a_adults
    on q14a.request_id = q05a_adults.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', 15, 'count_of_clients') }} as q05a_other_heads
    on q14a.request_id = q05a_other_heads.request_id
where q14a.row_order = 5
    and q14a.total <> q05a_adults.value + q05a_other_heads.value
union all
select q14b.request_id
from {{ ref('hud_apr_q14b_most_recent_domestic_violence') }} as q14b
inner join {{ ref('hud_apr_q14a_domestic_violence_history') }} as q14a
    on q14b.request_id = q14a.request_id
    and q14a.row_order = 1
where q14b.row_order = 7
    and (
        {%- for column in apr_household_type_columns() %}
        q14b.{{ column }} <> q14a.{{ column }}{{ ' or' if not loop.last }}
        {%- endfor %}
    )
