{#- In tables that count each person (or household) once under its household type, the Total column is
    the sum of the household-type columns in every row (blank cells count as 0). -#}
{%- set tables = [
    'hud_apr_q07a_persons_served', 'hud_apr_q07b_pit_persons', 'hud_apr_q08a_households_served',
    'hud_apr_q08b_pit_households', 'hud_apr_q11_age', 'hud_apr_q12_race_and_ethnicity',
    'hud_apr_q14a_domestic_violence_history', 'hud_apr_q14b_most_recent_domestic_violence',
    'hud_apr_q15_prior_living_situation', 'hud_caper_q22d_length_of_participation_by_household_type',
    'hud_apr_q22e_time_prior_to_housing', 'hud_apr_q23d_exit_destination_subsidy_type',
    'hud_caper_q24a_hp_housing_assessment_at_exit', 'hud_apr_q24b_moving_on_assistance', 'hud_apr_q24e_sex',
    'hud_apr_q26a_chronic_households', 'hud_apr_q26b_chronic_persons', 'hud_apr_q26d_chronic_persons_age',
    'hud_apr_q27a_youth_age', 'hud_apr_q27d_youth_living_situation', 'hud_apr_q27f2_youth_exit_subsidy_type',
    'hud_apr_q27l_youth_time_prior_to_housing',
] %}
{%- set tables_without_child_only_column = [
    'hud_apr_q25a_veterans', 'hud_apr_q25b_veteran_households', 'hud_apr_q25d_veteran_age',
    'hud_apr_q25j_veteran_exit_subsidy_type',
] %}
{%- for model in tables %}
select '{{ model }}' as question, request_id, row_order
from {{ ref(model) }}
where total <> coalesce(without_children, 0) + coalesce(with_children_and_adults, 0)
    + coalesce(with_only_children, 0) + coalesce(unknown_household_type, 0)
union all
{%- endfor %}
{%- for model in tables_without_child_only_column %}
select '{{ model }}' as question, request_id, row_order
from {{ ref(model) }}
where total <> coalesce(without_children, 0) + coalesce(with_children_and_adults, 0)
    + coalesce(unknown_household_type, 0)
{% if not loop.last %}union all{% endif %}
{%- endfor %}
