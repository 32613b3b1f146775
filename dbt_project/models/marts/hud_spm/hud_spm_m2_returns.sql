{#- SPM Measure 2 "2a and 2b" (spm.md): one row per request and HUD row (the project type people exited
    to permanent housing from, then the total): persons, and returns to homelessness within 0-180,
    181-365 and 366-730 days with their percentages of the row's persons. -#}
with

requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

returns as (

    select * from {{ ref('int_spm_m2_returns') }}

),

hud_rows as (

    select 1 as row_order, 'SO' as exit_project_group, 'Exit was from SO' as row_label
    union all select 2, 'ES', 'Exit was from ES'
    union all select 3, 'TH', 'Exit was from TH'
    union all select 4, 'SH', 'Exit was from SH'
    union all select 5, 'PH', 'Exit was from PH'
    union all select 6, 'TOTAL', 'TOTAL Returns to Homelessness'

),

counted as (

    select
        requests.request_id,
        hud_rows.row_order,
        hud_rows.row_label,
        count(returns.client_id) as exited_to_permanent,
        count(case when returns.return_window = '0-180' then 1 end) as returns_0_180,
        count(case when returns.return_window = '181-365' then 1 end) as returns_181_365,
        count(case when returns.return_window = '366-730' then 1 end) as returns_366_730,
        count(returns.return_window) as returns_in_2_years
    from requests
    cross join hud_rows
    left join returns
        on requests.request_id = returns.request_id
        and (hud_rows.exit_project_group = 'TOTAL' or hud_rows.exit_project_group = returns.exit_project_group)
    group by requests.request_id, hud_rows.row_order, hud_rows.row_label

),

final as (

    select
        request_id,
        row_order,
        row_label,
        exited_to_permanent,
        returns_0_180,
        {{ spm_percent('returns_0_180', 'exited_to_permanent') }} as returns_0_180_percent,
        returns_181_365,
        {{ spm_percent('returns_181_365', 'exited_to_permanent') }} as returns_181_365_percent,
        returns_366_730,
        {{ spm_percent('returns_366_730', 'exited_to_permanent') }} as returns_366_730_percent,
        returns_in_2_years,
        {{ spm_percent('returns_in_2_years', 'exited_to_permanent') }} as returns_in_2_years_percent
    from counted

)

select * from final
