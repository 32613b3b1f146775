{% macro spm_m1_table(hud_rows) -%}
    {#- One SPM Measure 1 table (1a or 1b): per request and HUD row, persons and their average and median
        nights homeless from int_spm_m1_clients. `hud_rows` is a list of [variant, row label], in HUD's
        order. Previous FY and Difference columns are filled by HDX and stay blank. -#}
with

requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

clients as (

    select * from {{ ref('int_spm_m1_clients') }}

),

hud_rows as (

    {%- for variant, label in hud_rows %}
    {% if not loop.first %}union all {% endif %}select {{ loop.index }} as row_order, '{{ variant }}' as variant, '{{ label }}' as row_label
    {%- endfor %}

),

figures as (

    select
        request_id,
        variant,
        count(*) as persons,
        cast({{ round_number('avg(days_homeless)', 2) }} as numeric(12, 2)) as average_days,
        cast({{ round_number('percentile_cont(0.5) within group (order by days_homeless)', 2) }} as numeric(12, 2)) as median_days
    from clients
    group by request_id, variant

),

final as (

    select
        requests.request_id,
        hud_rows.row_order,
        hud_rows.row_label,
        cast(null as {{ dbt.type_int() }}) as previous_fy_persons,
        coalesce(figures.persons, 0) as current_fy_persons,
        cast(null as numeric(12, 2)) as previous_fy_average_days,
        figures.average_days as current_fy_average_days,
        cast(null as numeric(12, 2)) as average_days_difference,
        cast(null as numeric(12, 2)) as previous_fy_median_days,
        figures.median_days as current_fy_median_days,
        cast(null as numeric(12, 2)) as median_days_difference
    from requests
    cross join hud_rows
    left join figures
        on requests.request_id = figures.request_id
        and hud_rows.variant = figures.variant

)

select * from final
{%- endmacro %}


{% macro spm_m5_table(hud_table, project_types) -%}
    {#- One SPM Measure 5 table (5.1 or 5.2): per request, persons entering the `project_types` (HUD's words,
        e.g. 'ES-EE, ES-NbN, SH, or TH') in the report period, those with a stay in the 24 months before, and
        those homeless for the first time, from int_spm_m5_first_time. -#}
with

requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

persons as (

    select * from {{ ref('int_spm_m5_first_time') }}
    where hud_table = '{{ hud_table }}'

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
        'Universe: Person with entries into {{ project_types }} during the reporting period.' as row_label,
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
{%- endmacro %}
