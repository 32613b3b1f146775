{#- SPM Measure 1a (spm.md): 1a: nights in ES, SH and (row 2) TH. One row per request and HUD row: persons, and their average and
    median nights homeless. Previous FY and Difference columns are filled by HDX and stay blank. -#}
with

requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

clients as (

    select * from {{ ref('int_spm_m1_clients') }}

),

hud_rows as (

    select 1 as row_order, '1a.1' as variant, '1.1 Persons in ES-EE, ES-NbN, and SH' as row_label
    union all select 2, '1a.2', '1.2 Persons in ES-EE, ES-NbN, SH, and TH'

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
