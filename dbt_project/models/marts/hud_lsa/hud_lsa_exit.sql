{#- LSAExit.csv (LSA spec §7.13): one row per LSA request and distinct combination of tlsa_Exit's reporting
    categories, RowTotal its number of exit households (Cohort, HoHID and HHType). ReturnTime is grouped into its
    upload values; ReportID is set when the files are written. The HIC (LSAScope 3) has no exit cohorts: no rows. -#}
{%- set categories = [
    'cohort', 'stat', 'exit_from', 'exit_to', 'return_time', 'hh_type', 'hh_vet', 'hh_chronic', 'hh_disability',
    'hh_fleeing_dv', 'hoh_race_ethnicity', 'hh_adult_age', 'hh_parent', 'ac3_plus', 'system_path',
] -%}
with

exits as (

    select * from {{ ref('int_lsa_exit_summary') }}

),

{{ lsa_row_totals('exits', categories) }}

select * from final
