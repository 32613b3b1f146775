{#- SPM key figures for trends: one row per request and HDX variable (the figures HUD collects, in the
    HDX 2.0 upload's order) with the CoC and fiscal year, so requests for several fiscal years of one
    CoC line up side by side. -#}
with

requests as (

    select
        request_id,
        min(coc_code) as coc_code,
        count(*) as coc_count,
        min(report_start) as report_start,
        min(report_end) as report_end
    from {{ ref('int_spm_requests') }}
    group by request_id

),

variables as (

    select * from {{ ref('spm_hdx_variables') }}
    where hud_table is not null

),

figures as (

    select * from {{ ref('hud_spm_figures') }}

),

final as (

    select
        -- keys
        figures.request_id,
        variables.hdx_variable,

        -- the request
        case when requests.coc_count = 1 then requests.coc_code end as coc_code,
        requests.report_start,
        requests.report_end,
        {{ date_part('year', 'requests.report_end') }} as fiscal_year,

        -- the figure
        variables.column_order,
        variables.hud_table,
        variables.figure_label,
        figures.value

    from figures
    inner join variables
        on figures.hud_table = variables.hud_table
        and figures.row_order = variables.row_order
        and figures.value_column = variables.value_column
    inner join requests
        on figures.request_id = requests.request_id

)

select * from final
