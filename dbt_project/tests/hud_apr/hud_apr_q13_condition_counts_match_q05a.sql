{#- Q13a2/Q13b2/Q13c2 put each person in one row: the rows add up to the total row (row 9) in every
    column, and the totals are Q5a's persons (C2), leavers (C6) and stayers (C9). -#}
{%- set tables = [
    ('hud_apr_q13a2_number_of_conditions_at_start', 1), ('hud_apr_q13b2_number_of_conditions_at_exit', 5),
    ('hud_apr_q13c2_number_of_conditions_for_stayers', 8),
] %}
{%- set columns = apr_split_household_type_columns().keys() | list %}
{%- for model, q05a_row in tables %}
select '{{ model }}' as question, totals.request_id
from {{ ref(model) }} as totals
inner join (
    select
        request_id,
        {%- for column in columns %}
        sum({{ column }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref(model) }}
    where row_order < 8
    group by request_id
) as categories
    on totals.request_id = categories.request_id
inner join {{ apr_cell('hud_apr_q05a_report_validations', q05a_row, 'count_of_clients') }} as q05a
    on totals.request_id = q05a.request_id
where totals.row_order = 8
    and (
        totals.total_persons <> q05a.value
        {%- for column in columns %}
        or totals.{{ column }} <> categories.{{ column }}
        {%- endfor %}
    )
{% if not loop.last %}union all{% endif %}
{%- endfor %}
