{#- SPM Measure 5 (spm.md): one row per request, table (5.1: entries into ES, SH or TH; 5.2: also PH)
    and person who entered such a project during the report period, with whether they had any ES, SH,
    TH or PH stay in the 24 months before their first entry of the period (never before the lookback
    date). Those without are homeless for the first time. -#}
with

stays as (

    select * from {{ ref('int_spm_enrollments') }}

),

hud_tables as (

    select '5.1' as hud_table, false as includes_housing
    union all select '5.2', true

),

entries as (

    select
        hud_tables.hud_table,
        stays.request_id,
        stays.client_id,
        min(stays.lookback_date) as lookback_date,
        min(stays.entry_date) as client_start_date
    from stays
    cross join hud_tables
    where stays.entry_date between stays.report_start and stays.report_end
        and (
            stays.project_type in (0, 1, 2, 8)
            or (hud_tables.includes_housing and stays.project_type in (3, 9, 10, 13))
        )
    group by hud_tables.hud_table, stays.request_id, stays.client_id

),

windows as (

    select
        entries.*,
        case
            when {{ add_days(-730, 'client_start_date') }} > lookback_date then {{ add_days(-730, 'client_start_date') }}
            else lookback_date
        end as client_lookback_date
    from entries

),

prior_stays as (

    select distinct windows.hud_table, windows.request_id, windows.client_id
    from windows
    inner join stays
        on windows.request_id = stays.request_id
        and windows.client_id = stays.client_id
    where stays.project_type in (0, 1, 2, 3, 8, 9, 10, 13)
        and stays.entry_date < windows.client_start_date
        and (stays.exit_date is null or stays.exit_date >= windows.client_lookback_date)

),

final as (

    select
        -- keys
        windows.request_id,
        windows.hud_table,
        windows.client_id,

        -- the person's window
        windows.client_start_date,
        windows.client_lookback_date,
        prior_stays.client_id is not null as had_prior_stay

    from windows
    left join prior_stays
        on windows.hud_table = prior_stays.hud_table
        and windows.request_id = prior_stays.request_id
        and windows.client_id = prior_stays.client_id

)

select * from final
