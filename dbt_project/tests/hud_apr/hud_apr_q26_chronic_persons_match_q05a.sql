{#- Chronically homeless people: Q26b's "Chronically Homeless" row (row 2) total is Q5a's (C12), and Q26d
    (their ages, total row 11) repeats that row column by column. -#}
select q26b.request_id, 'Q26b' as rule
from {{ ref('hud_apr_q26b_chronic_persons') }} as q26b
inner join {{ apr_cell('hud_apr_q05a_report_validations', 11, 'count_of_clients') }} as q05a_chronic
    on q26b.request_id = q05a_chronic.request_id
where q26b.row_order = 1
    and q26b.total <> q05a_chronic.value
union all
select q26d.request_id, 'Q26d' as rule
from {{ ref('hud_apr_q26d_chronic_persons_age') }} as q26d
inner join {{ ref('hud_apr_q26b_chronic_persons') }} as q26b
    on q26d.request_id = q26b.request_id
    and q26b.row_order = 1
where q26d.row_order = 10
    and (
        {%- for column in apr_household_type_columns() %}
        q26d.{{ column }} <> q26b.{{ column }}{{ ' or' if not loop.last }}
        {%- endfor %}
    )
