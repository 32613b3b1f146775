{#- In tables that count each person (or household) once under its household type, the Total column is
    the sum of the household-type columns in every row (blank cells count as 0). -#}
{%- set tables = [
    'hud_apr_q07a_persons_served', 'hud_apr_q07b_pit_persons', 'hud_apr_q08a_households_served',
    'hud_apr_q08b_pit_households', 'hud_apr_q11_age', 'hud_apr_q12_race_and_ethnicity',
    'hud_apr_q15_prior_living_situation', 'hud_apr_q22e_time_prior_to_housing', 'hud_apr_q24e_sex',
    'hud_apr_q26a_chronic_households',
] %}
{%- for model in tables %}
select '{{ model }}' as question, request_id, row_order
from {{ ref(model) }}
where total <> coalesce(without_children, 0) + coalesce(with_children_and_adults, 0)
    + coalesce(with_only_children, 0) + coalesce(unknown_household_type, 0)
union all
{%- endfor %}
select 'hud_apr_q25a_veterans' as question, request_id, row_order
from {{ ref('hud_apr_q25a_veterans') }}
where total <> coalesce(without_children, 0) + coalesce(with_children_and_adults, 0)
    + coalesce(unknown_household_type, 0)
