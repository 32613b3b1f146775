{#- CE APR Q9d Referral Events: households (by their head) whose one CE event is a referral (4.20 codes 5-18),
    the share of prioritized households so referred, the results of referrals to housing openings (4.20.D:
    codes 10-15, 17, 18), aftercare enrolments (4.20.B) and the share of housing referrals accepted. -#}
{%- set housing = '(10, 11, 12, 13, 14, 15, 17, 18)' %}
{%- set rows = {'total': 'event between 5 and 18'} %}
{%- for code in range(5, 19) %}{% do rows.update({code | string: 'event = ' ~ code}) %}{% endfor %}
{%- do rows.update({
    'accepted': 'event in ' ~ housing ~ ' and referral_result = 1',
    'client_rejected': 'event in ' ~ housing ~ ' and referral_result = 2',
    'provider_rejected': 'event in ' ~ housing ~ ' and referral_result = 3',
    'no_result': 'event in ' ~ housing ~ ' and referral_result is null',
    'aftercare': 'event = 5 and referral_case_manage_after = 1',
    'housing_referral': 'event in ' ~ housing,
}) %}
{%- set columns = apr_household_type_columns() %}

with

households as (

    select * from {{ ref('int_ce_apr_household_events') }}

),

heads as (

    select * from {{ ref('int_ce_apr_clients') }} where is_head_of_household

),

-- Line 17: prioritized heads (Q9b line 2) and those whose one event is a referral.
prioritized as (

    select
        heads.request_id,
        heads.personal_key,
        heads.household_type,
        case when households.event between 5 and 18 then 'referred' else 'not_referred' end as row_key
    from heads
    left join households
        on heads.request_id = households.request_id
        and heads.personal_key = households.personal_key
    where heads.prioritization_status = 1

),

members as (

    {{ apr_members('households', rows) }}
    union all
    select request_id, personal_key, 'prioritized' as row_key, household_type from prioritized
    union all
    select request_id, personal_key, 'prioritized_referred' as row_key, household_type
    from prioritized
    where row_key = 'referred'

),

counts as (

    {{ apr_count_by_household_type('members') }}

),

requests as (

    select request_id from households
    union
    select request_id from heads

),

cells as (

    {{ apr_cells_with_rates('counts', 'requests', columns, [
        ['percent_prioritized_referred', 'prioritized_referred', ['prioritized']],
        ['percent_successful', 'accepted', ['housing_referral']],
    ]) }}

)

{{ apr_table_layout('CE-Q9d', 'cells', columns, types=dict.fromkeys(columns, 'decimal(18,4)')) }}
