{#- Q19b and Q27i: in every row and household type, people with and without a disabling condition add
    up to the total, the share is with / total, and Q19b's unduplicated adults (row 18) are at most
    Q5a's adult leavers (C7). -#}
{%- set tables = [
    ('hud_apr_q19b_disabling_conditions_and_income_at_exit', ['ao', 'ac', 'uk']),
    ('hud_apr_q27i_youth_disabling_conditions_and_income', ['ao', 'ac', 'co', 'uk']),
] %}
{%- for model, groups in tables %}
select '{{ model }}' as question, request_id, row_order
from {{ ref(model) }}
where
    {%- for prefix in groups %}
    {{ prefix }}_with_disabling_condition + {{ prefix }}_without_disabling_condition <> {{ prefix }}_total
    or (row_order < 17 and abs({{ prefix }}_percent_with_disabling_condition
        - {{ apr_rate(prefix ~ '_with_disabling_condition', prefix ~ '_total') }}) > 0.00005)
    {{- ' or' if not loop.last }}
    {%- endfor %}
union all
{%- endfor %}
select 'hud_apr_q19b_disabling_conditions_and_income_at_exit' as question, q19b.request_id, q19b.row_order
from {{ ref('hud_apr_q19b_disabling_conditions_and_income_at_exit') }} as q19b
inner join {{ apr_cell('hud_apr_q05a_report_validations', 6, 'count_of_clients') }} as q05a_adult_leavers
    on q19b.request_id = q05a_adult_leavers.request_id
where q19b.row_order = 17
    and q19b.ao_total + q19b.ac_total + q19b.uk_total > q05a_adult_leavers.value
