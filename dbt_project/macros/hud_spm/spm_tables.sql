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
        cast(round(avg(days_homeless), 2) as numeric(12, 2)) as average_days,
        cast(round(percentile_cont(0.5) within group (order by days_homeless), 2) as numeric(12, 2)) as median_days
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

{{ spm_counted_per_request('int_spm_m5_first_time', hud_table, 'persons', [
    ['entered', 'count(persons.client_id)'],
    ['with_prior_stay', 'count(case when persons.had_prior_stay then 1 end)'],
]) }},

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

select {{ spm_current_fy_columns(dbt.type_int()) }}
from table_rows
{%- endmacro %}


{% macro spm_m7_table(hud_table, universe, outcomes, success) -%}
    {#- One SPM Measure 7 table (7a.1, 7b.1 or 7b.2): per request, the persons of int_spm_m7_placements for
        `hud_table` (row 1, labelled `universe`), then one row per [column, condition, label] of `outcomes`
        (persons meeting the condition), then the share of successes: `success` is [label, numerator over
        the outcome columns]. Previous FY and Difference columns are filled by HDX and stay blank. -#}
{%- set counts = [['persons', 'count(placements.client_id)']] %}
{%- for column, condition, label in outcomes %}
    {%- do counts.append([column, 'count(case when ' ~ condition ~ ' then 1 end)']) %}
{%- endfor %}
with

{{ spm_counted_per_request('int_spm_m7_placements', hud_table, 'placements', counts) }},

table_rows as (

    select request_id, 1 as row_order, '{{ universe }}' as row_label,
        cast(persons as numeric(12, 2)) as current_fy
    from counted
    {%- for column, condition, label in outcomes %}
    union all
    select request_id, {{ loop.index + 1 }}, '{{ label }}',
        cast({{ column }} as numeric(12, 2))
    from counted
    {%- endfor %}
    union all
    select request_id, {{ outcomes | length + 2 }}, '{{ success[0] }}', {{ spm_percent(success[1], 'persons') }}
    from counted

)

select {{ spm_current_fy_columns() }}
from table_rows
{%- endmacro %}


{% macro spm_m4_table(hud_table) -%}
    {#- One SPM Measure 4 table (4.1 ... 4.6): its rows of int_spm_m4_table_rows. Previous FY and Difference
        columns are filled by HDX and stay blank. -#}
select {{ spm_current_fy_columns() }}
from {{ ref('int_spm_m4_table_rows') }}
where hud_table = '{{ hud_table }}'
{%- endmacro %}


{% macro spm_counted_per_request(model, hud_table, alias, counts) -%}
    {#- The CTEs `requests`, `<alias>` (the rows of `model` for `hud_table`) and `counted` (one row per SPM
        request: each [column, aggregate over <alias>] of `counts`, 0 when the request has no rows), which
        M5 and M7 tables continue (a `with` chain's first CTEs, without the closing comma). -#}
requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

{{ alias }} as (

    select * from {{ ref(model) }}
    where hud_table = '{{ hud_table }}'

),

counted as (

    select
        requests.request_id,
        {%- for column, aggregate in counts %}
        {{ aggregate }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from requests
    left join {{ alias }}
        on requests.request_id = {{ alias }}.request_id
    group by requests.request_id

)
{%- endmacro %}


{% macro spm_current_fy_columns(data_type='numeric(12, 2)') -%}
    {#- The columns of an SPM table with one figure per row: HUD's Previous FY and Difference are filled by HDX
        and stay blank (null of `data_type`); Waypoint computes the Current FY. -#}
    request_id,
    row_order,
    row_label,
    cast(null as {{ data_type }}) as previous_fy,
    current_fy,
    cast(null as {{ data_type }}) as difference
{%- endmacro %}
