{#- APR Q26a Chronic Homeless Status - Number of Households w/at least one or more CH person:
    households (by their head in the universe) by the chronic homelessness of their active adults and
    heads (after household propagation, glossary §8.4): chronic if anyone is, else don't know/prefers
    not to answer, else data not collected, else not chronic (DL's order; docs/decisions.md). -#}
with

heads as (

    select * from {{ ref('int_report_clients') }} where is_head_of_household

),

stays as (

    select * from {{ ref('int_report_stays') }}

),

household_status as (

    select
        request_id,
        household_key,
        case
            when max(case when chronic_status = 'yes' then 1 else 0 end) = 1 then 'chronic'
            when max(case when chronic_status = 'dk_pnta' then 1 else 0 end) = 1 then 'dk_pnta'
            when max(case when chronic_status = 'missing' then 1 else 0 end) = 1 then 'data_not_collected'
            else 'not_chronic'
        end as chronic_category
    from stays
    where is_adult_or_head
    group by request_id, household_key

),

classified as (

    select heads.*, coalesce(household_status.chronic_category, 'data_not_collected') as chronic_category
    from heads
    left join household_status
        on heads.request_id = household_status.request_id
        and heads.household_key = household_status.household_key

),

{{ apr_by_household_type('Q26a', 'classified', {
    'chronic': "chronic_category = 'chronic'",
    'not_chronic': "chronic_category = 'not_chronic'",
    'dk_pnta': "chronic_category = 'dk_pnta'",
    'data_not_collected': "chronic_category = 'data_not_collected'",
    'total': 'true',
}) }}
