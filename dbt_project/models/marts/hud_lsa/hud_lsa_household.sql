{#- LSAHousehold.csv (LSA spec §6.19): one row per LSA request and distinct combination of tlsa_Household's
    values, RowTotal its number of households (HoHID and HHType). Day counts are grouped into HUD's upload
    values here; ReportID is set when the files are written. The HIC (LSAScope 3) has no tlsa_Household, so its
    file is a header only (§2: LSAHousehold may be empty for the HIC). -#}
{%- set populations = ['chronic', 'vet', 'disability', 'fleeing_dv', 'ac3_plus', 'adult_age', 'parent'] -%}
{#- LSAHousehold's columns between RowTotal and ReportID, in HUD's order (seed lsa_columns). -#}
{%- set categories = [
    'stat', 'return_time', 'hh_type', 'hh_chronic', 'hh_vet', 'hh_disability', 'hh_fleeing_dv', 'hoh_race_ethnicity',
    'hh_adult', 'hh_child', 'hh_no_dob', 'hh_adult_age', 'hh_parent', 'est_status', 'est_geography',
    'est_living_sit', 'est_destination', 'est_chronic', 'est_vet', 'est_disability', 'est_fleeing_dv',
    'est_ac3_plus', 'est_adult_age', 'est_parent', 'rrh_status', 'rrh_move_in', 'rrh_geography', 'rrh_living_sit',
    'rrh_destination', 'rrh_pre_move_in_days', 'rrh_chronic', 'rrh_vet', 'rrh_disability', 'rrh_fleeing_dv',
    'rrh_ac3_plus', 'rrh_adult_age', 'rrh_parent', 'psh_status', 'psh_move_in', 'psh_geography', 'psh_living_sit',
    'psh_destination', 'psh_housed_days', 'psh_chronic', 'psh_vet', 'psh_disability', 'psh_fleeing_dv',
    'psh_ac3_plus', 'psh_adult_age', 'psh_parent', 'es_days', 'th_days', 'est_days', 'rrh_psh_pre_move_in_days',
    'rrh_housed_days', 'system_days_not_psh_housed', 'system_homeless_days', 'other3917_days', 'total_homeless_days',
    'system_path', 'est_air', 'rrh_air', 'psh_air', 'rrhso_status', 'rrhso_move_in',
] -%}
with

households as (

    {#- tlsa_Household: §6.1-§6.9 and §6.17 from the summary; the statuses after §6.16, the days (§6.10-§6.15)
        and SystemPath (§6.18) from int_lsa_household_days. -#}
    select
        summary.request_id,
        summary.hoh_personal_key,
        summary.stat,
        summary.return_time,
        summary.hh_type,
        summary.hh_chronic,
        summary.hh_vet,
        summary.hh_disability,
        summary.hh_fleeing_dv,
        summary.hoh_race_ethnicity,
        summary.hh_adult,
        summary.hh_child,
        summary.hh_no_dob,
        summary.hh_adult_age,
        summary.hh_parent,
        days.est_status,
        summary.est_geography,
        summary.est_living_sit,
        summary.est_destination,
        {%- for population in populations %}
        summary.est_{{ population }},
        {%- endfor %}
        days.rrh_status,
        summary.rrh_move_in,
        summary.rrh_geography,
        summary.rrh_living_sit,
        summary.rrh_destination,
        {{ lsa_days_group('days.rrh_pre_move_in_days') }} as rrh_pre_move_in_days,
        {%- for population in populations %}
        summary.rrh_{{ population }},
        {%- endfor %}
        days.psh_status,
        summary.psh_move_in,
        summary.psh_geography,
        summary.psh_living_sit,
        summary.psh_destination,
        {{ lsa_psh_housed_group('days.psh_housed_days', 'summary.psh_move_in') }} as psh_housed_days,
        {%- for population in populations %}
        summary.psh_{{ population }},
        {%- endfor %}
        {{ lsa_days_group('days.es_days') }} as es_days,
        {{ lsa_days_group('days.th_days') }} as th_days,
        {{ lsa_days_group('days.est_days') }} as est_days,
        {{ lsa_days_group('days.rrh_psh_pre_move_in_days') }} as rrh_psh_pre_move_in_days,
        {{ lsa_days_group('days.rrh_housed_days') }} as rrh_housed_days,
        {{ lsa_days_group('days.system_days_not_psh_housed') }} as system_days_not_psh_housed,
        {{ lsa_days_group('days.system_homeless_days') }} as system_homeless_days,
        {{ lsa_days_group('days.other_3917_days') }} as other3917_days,
        {{ lsa_days_group('days.total_homeless_days') }} as total_homeless_days,
        days.system_path,
        summary.est_air,
        summary.rrh_air,
        summary.psh_air,
        summary.rrhso_status,
        summary.rrhso_move_in
    from {{ ref('int_lsa_household_summary') }} as summary
    inner join {{ ref('int_lsa_household_days') }} as days
        on summary.request_id = days.request_id
        and summary.hoh_personal_key = days.hoh_personal_key
        and summary.hh_type = days.hh_type

),

{#- RowTotal: distinct HoHID and HHType (one tlsa_Household row each) per combination of all other values. -#}
{{ lsa_row_totals('households', categories) }}

select * from final
