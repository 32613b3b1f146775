{#- SPM Measure 5.2 (spm.md): persons who entered ES-EE, ES-NbN, SH, TH, or PH during the report period, those of
    them with a stay in the 24 months before, and those homeless for the first time; one row per
    request and HUD row. -#}
with

requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

persons as (

    select * from {{ ref('int_spm_m5_first_time') }}
    where hud_table = '5.2'

),

counted as (

    select
        requests.request_id,
        count(persons.client_id) as entered,
        count(case when persons.had_prior_stay then 1 end) as with_prior_stay
    from requests
    left join persons
        on requests.request_id = persons.request_id
    group by requests.request_id

),

table_rows as (

    select request_id, 1 as row_order,
        'Universe: Person with entries into ES-EE, ES-NbN, SH, TH, or PH during the reporting period.' as row_label,
        entered as current_fy
    from counted
    union all
    select request_id, 2,
        'Of persons above, count those who were in ES-EE, ES-NbN, SH, TH, or any PH within 24 months prior to their start during the reporting year.',
        with_prior_stay
    from counted
    union all
    select request_id, 3,
        'Of persons above, count those who did not have entries in ES-EE, ES-NbN, SH, TH or PH in the previous 24 months. (i.e. number of persons experiencing homelessness for the first time)',
        entered - with_prior_stay
    from counted

)

select
    request_id,
    row_order,
    row_label,
    cast(null as {{ dbt.type_int() }}) as previous_fy,
    current_fy,
    cast(null as {{ dbt.type_int() }}) as difference
from table_rows
