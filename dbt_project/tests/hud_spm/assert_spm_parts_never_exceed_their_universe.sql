-- SPM 4, 5 and 7: every "of those" row is within its universe (row 1), measure 5's first-time row is
-- the universe minus those with a prior stay, and percentages stay within 0-100.
{%- set percent_row = "substr(row_label, 1, 1) = '%' or row_label like 'Percentage%'" %}

with

counted as (
    {% for model in [
        'hud_spm_m4_1_stayer_earned_income', 'hud_spm_m4_2_stayer_other_income', 'hud_spm_m4_3_stayer_total_income',
        'hud_spm_m4_4_leaver_earned_income', 'hud_spm_m4_5_leaver_other_income', 'hud_spm_m4_6_leaver_total_income',
        'hud_spm_m5_1_first_time_homeless_es_sh_th', 'hud_spm_m5_2_first_time_homeless_es_sh_th_ph',
        'hud_spm_m7a1_street_outreach_exits', 'hud_spm_m7b1_exits_to_permanent_housing',
        'hud_spm_m7b2_permanent_housing_retention'
    ] %}
    select
        '{{ model }}' as model,
        request_id,
        max(case when row_order = 1 then current_fy end) as universe,
        max(case when row_order > 1 and not ({{ percent_row }}) then current_fy end) as largest_part,
        max(case when {{ percent_row }} then current_fy end) as largest_percent,
        {% if 'm5_' in model %}
        max(case when row_order = 1 then current_fy end) - max(case when row_order = 2 then current_fy end)
            - max(case when row_order = 3 then current_fy end)
        {% else %}0{% endif %} as first_time_gap
    from {{ ref(model) }}
    group by request_id
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from counted
where largest_part > universe or largest_percent > 100 or largest_percent < 0 or first_time_gap <> 0
