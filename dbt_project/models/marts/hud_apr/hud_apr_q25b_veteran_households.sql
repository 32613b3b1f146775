{#- APR Q25b Number of Veteran Households: households (by their head in the universe; not child-only
    households) by the veteran status of their adults (3.07; the adults whose reported stay is in the
    household, as Q25a counts them), first match wins: a chronically homeless veteran, a veteran, an
    adult who is not a veteran, an adult who doesn't know/prefers not to answer, else not collected
    (HUD Data Lab's order; docs/decisions.md), by household type. -#}
with

clients as (

    select * from {{ ref('int_report_clients') }}

),

heads as (

    select * from clients where is_head_of_household and household_type <> 'with_only_children'

),

household_status as (

    select
        request_id,
        household_key,
        case
            when max(case when veteran_status = 1 and is_chronically_homeless then 1 else 0 end) = 1
                then 'chronic_veteran'
            when max(case when veteran_status = 1 then 1 else 0 end) = 1 then 'non_chronic_veteran'
            when max(case when veteran_status = 0 then 1 else 0 end) = 1 then 'not_veteran'
            when max(case when veteran_status in (8, 9) then 1 else 0 end) = 1 then 'dk_pnta'
            else 'data_not_collected'
        end as veteran_category
    from clients
    where is_adult
    group by request_id, household_key

),

classified as (

    select heads.*, coalesce(household_status.veteran_category, 'data_not_collected') as veteran_category
    from heads
    left join household_status
        on heads.request_id = household_status.request_id
        and heads.household_key = household_status.household_key

),

{{ apr_by_household_type('Q25b', 'classified', {
    'chronic_veteran': "veteran_category = 'chronic_veteran'",
    'non_chronic_veteran': "veteran_category = 'non_chronic_veteran'",
    'not_veteran': "veteran_category = 'not_veteran'",
    'dk_pnta': "veteran_category = 'dk_pnta'",
    'data_not_collected': "veteran_category = 'data_not_collected'",
    'total': 'true',
}, with_only_children=false, rows_of='Q25a') }}
