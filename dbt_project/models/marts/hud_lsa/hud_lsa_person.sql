{#- LSAPerson.csv (LSA spec §5.15): one row per LSA request and distinct combination of tlsa_Person's
    reporting categories, RowTotal its number of people. ReportID is set when the files are written; the HIC
    (LSAScope 3) reports its active cohort like any other LSA (§2: only LSAHousehold and LSAExit may be empty). -#}
{%- set categories = [
    'race_ethnicity', 'vet_status', 'disability_status', 'ch_time', 'ch_time_status', 'dv_status',
    'est_age_min', 'est_age_max', 'hh_type_est', 'hoh_est', 'adult_est', 'air_adult_est', 'hh_chronic_est',
    'hh_vet_est', 'hh_disability_est', 'hh_fleeing_dv_est', 'hh_adult_age_aoest', 'hh_adult_age_acest',
    'hh_parent_est', 'ac3_plus_est', 'air_est', 'air_hoh_est',
    'rrh_age_min', 'rrh_age_max', 'hh_type_rrh', 'hoh_rrh', 'adult_rrh', 'air_adult_rrh', 'hh_chronic_rrh',
    'hh_vet_rrh', 'hh_disability_rrh', 'hh_fleeing_dv_rrh', 'hh_adult_age_aorrh', 'hh_adult_age_acrrh',
    'hh_parent_rrh', 'ac3_plus_rrh', 'air_rrh', 'air_hoh_rrh',
    'psh_age_min', 'psh_age_max', 'hh_type_psh', 'hoh_psh', 'adult_psh', 'air_adult_psh', 'hh_chronic_psh',
    'hh_vet_psh', 'hh_disability_psh', 'hh_fleeing_dv_psh', 'hh_adult_age_aopsh', 'hh_adult_age_acpsh',
    'hh_parent_psh', 'ac3_plus_psh', 'air_psh', 'air_hoh_psh',
    'rrhso_age_min', 'rrhso_age_max', 'hh_type_rrhso_no_mi', 'hh_type_rrhso_mi', 'hh_type_es', 'hh_type_sh',
    'hh_type_th', 'hiv', 'smi', 'sud',
] -%}
{%- set people_columns = ['race_ethnicity', 'vet_status', 'disability_status', 'ch_time', 'ch_time_status', 'dv_status',
    'hiv', 'smi', 'sud'] -%}
with

people as (

    {#- tlsa_Person: demographics (§5.4), chronic time (§5.5-§5.10; -1/-1 for HoHAdult 0), ages and household
        types (§5.11-§5.14). -#}
    select
        people.request_id,
        people.personal_key,
        people.race_ethnicity,
        people.vet_status,
        people.disability_status,
        coalesce(chronic.ch_time, -1) as ch_time,
        coalesce(chronic.ch_time_status, -1) as ch_time_status,
        people.dv_status,
        people.hiv,
        people.smi,
        people.sud,
        {%- for column in categories if column not in people_columns %}
        types.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('int_lsa_people') }} as people
    left join {{ ref('int_lsa_person_chronic') }} as chronic
        on people.request_id = chronic.request_id
        and people.personal_key = chronic.personal_key
    inner join {{ ref('int_lsa_person_household_types') }} as types
        on people.request_id = types.request_id
        and people.personal_key = types.personal_key

),

{{ lsa_row_totals('people', categories) }}

select * from final
