{#- SPM Measure 4 in HUD's layout (tables 4.1-4.6, spm.md): one row per request, table and row —
    the adults in the cohort, those whose income increased, and the percentage. The hud_spm_m4_* marts
    each take one table. -#}
with

requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

changes as (

    select * from {{ ref('int_spm_m4_income_changes') }}

),

hud_tables as (

    select '4.1' as hud_table, 'stayer' as cohort, 'earned' as income_kind,
        'system stayers' as cohort_label, 'earned income' as income_label
    union all select '4.2', 'stayer', 'other', 'system stayers', 'non-employment cash income'
    union all select '4.3', 'stayer', 'total', 'system stayers', 'total income'
    union all select '4.4', 'leaver', 'earned', 'system leavers', 'earned income'
    union all select '4.5', 'leaver', 'other', 'system leavers', 'non-employment cash income'
    union all select '4.6', 'leaver', 'total', 'system leavers', 'total income'

),

counted as (

    select
        requests.request_id,
        hud_tables.hud_table,
        hud_tables.cohort_label,
        hud_tables.income_label,
        count(changes.client_id) as adults,
        count(case
            when hud_tables.income_kind = 'earned' and changes.has_increased_earned_income then 1
            when hud_tables.income_kind = 'other' and changes.has_increased_other_income then 1
            when hud_tables.income_kind = 'total' and changes.has_increased_total_income then 1
        end) as adults_increased
    from requests
    cross join hud_tables
    left join changes
        on requests.request_id = changes.request_id
        and hud_tables.cohort = changes.cohort
    group by requests.request_id, hud_tables.hud_table, hud_tables.cohort_label, hud_tables.income_label

),

table_rows as (

    select request_id, hud_table, 1 as row_order,
        'Universe: Number of adults (' || cohort_label || ')' as row_label,
        cast(adults as numeric(12, 2)) as current_fy
    from counted
    union all
    select request_id, hud_table, 2,
        'Number of adults with increased ' || income_label,
        cast(adults_increased as numeric(12, 2))
    from counted
    union all
    select request_id, hud_table, 3,
        'Percentage of adults who increased ' || income_label,
        {{ spm_percent('adults_increased', 'adults') }}
    from counted

)

select * from table_rows
