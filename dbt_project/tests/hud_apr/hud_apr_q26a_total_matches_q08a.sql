{#- Q26a classifies every household of Q8a once: its total row equals Q8a's, column by column. -#}
select q26a.request_id
from {{ ref('hud_apr_q26a_chronic_households') }} as q26a
inner join {{ ref('hud_apr_q08a_households_served') }} as q08a
    on q26a.request_id = q08a.request_id
    and q08a.row_order = 1
where q26a.row_order = 5
    and (
        {%- for column in apr_household_type_columns() %}
        q26a.{{ column }} <> q08a.{{ column }}{{ ' or' if not loop.last }}
        {%- endfor %}
    )
