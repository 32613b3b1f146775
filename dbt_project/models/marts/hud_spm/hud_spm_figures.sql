{#- Every SPM cell in long form: one row per request, HUD table, row and value column. The trend and
    the HDX upload read figures from here by (table, row, column) instead of knowing each mart. -#}
{%- set tables = [
    ('1a', 'hud_spm_m1a_length_of_time_homeless', ['current_fy_persons', 'current_fy_average_days', 'current_fy_median_days']),
    ('1b', 'hud_spm_m1b_length_of_time_homeless', ['current_fy_persons', 'current_fy_average_days', 'current_fy_median_days']),
    ('2', 'hud_spm_m2_returns', ['exited_to_permanent', 'returns_0_180', 'returns_0_180_percent', 'returns_181_365',
        'returns_181_365_percent', 'returns_366_730', 'returns_366_730_percent', 'returns_in_2_years',
        'returns_in_2_years_percent']),
    ('3.2', 'hud_spm_m3_annual_count', ['current_fy']),
    ('4.1', 'hud_spm_m4_1_stayer_earned_income', ['current_fy']),
    ('4.2', 'hud_spm_m4_2_stayer_other_income', ['current_fy']),
    ('4.3', 'hud_spm_m4_3_stayer_total_income', ['current_fy']),
    ('4.4', 'hud_spm_m4_4_leaver_earned_income', ['current_fy']),
    ('4.5', 'hud_spm_m4_5_leaver_other_income', ['current_fy']),
    ('4.6', 'hud_spm_m4_6_leaver_total_income', ['current_fy']),
    ('5.1', 'hud_spm_m5_1_first_time_homeless_es_sh_th', ['current_fy']),
    ('5.2', 'hud_spm_m5_2_first_time_homeless_es_sh_th_ph', ['current_fy']),
    ('7a.1', 'hud_spm_m7a1_street_outreach_exits', ['current_fy']),
    ('7b.1', 'hud_spm_m7b1_exits_to_permanent_housing', ['current_fy']),
    ('7b.2', 'hud_spm_m7b2_permanent_housing_retention', ['current_fy']),
] -%}

with

cells as (
{% for hud_table, model, columns in tables %}
    {%- for column in columns %}
    select
        request_id,
        '{{ hud_table }}' as hud_table,
        row_order,
        row_label,
        '{{ column }}' as value_column,
        cast({{ column }} as numeric(14, 2)) as value
    from {{ ref(model) }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
)

select * from cells
