{#- Tables over everyone served end with Q7a's total row, column by column: Q11 (age), Q12 (race and
    ethnicity), Q22d (length of participation, CAPER), Q24e (sex), Q26b (chronic homelessness). -#}
{%- set tables = [
    ('hud_apr_q11_age', 12), ('hud_apr_q12_race_and_ethnicity', 33),
    ('hud_caper_q22d_length_of_participation_by_household_type', 11), ('hud_apr_q24e_sex', 5),
    ('hud_apr_q26b_chronic_persons', 5),
] %}
{%- for model, total_row in tables %}
select '{{ model }}' as question, person_table.request_id
from {{ ref(model) }} as person_table
inner join {{ ref('hud_apr_q07a_persons_served') }} as q07a
    on person_table.request_id = q07a.request_id
    and q07a.row_order = 5
where person_table.row_order = {{ total_row }}
    and (
        {%- for column in apr_household_type_columns() %}
        person_table.{{ column }} <> q07a.{{ column }}{{ ' or' if not loop.last }}
        {%- endfor %}
    )
{% if not loop.last %}union all{% endif %}
{%- endfor %}
