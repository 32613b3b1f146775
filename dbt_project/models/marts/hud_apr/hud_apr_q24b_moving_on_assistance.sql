{#- APR Q24b Moving On Assistance Provided to Households in PSH: heads of household whose reported stay
    is in PSH, by each kind of Moving On assistance (C2, Services record type 300) recorded for the stay
    in the period, by household type; a household counts under every kind it got. -#}
{%- set rows = {
    'subsidized_housing_application': 'type_provided = 1',
    'financial_assistance': 'type_provided = 2',
    'non_financial_assistance': 'type_provided = 3',
    'housing_referral_placement': 'type_provided = 4',
    'other': 'type_provided = 5',
} %}

with

heads as (

    select * from {{ ref('int_report_clients') }} where is_head_of_household and project_type = 3

),

services as (

    select * from {{ ref('stg_hmis__services') }} where record_type = 300

),

assisted as (

    select
        heads.request_id,
        heads.personal_key,
        heads.household_type,
        services.type_provided
    from heads
    inner join services
        on heads.enrollment_key = services.enrollment_key
    where services.date_provided between heads.period_start and heads.period_end
        and services.date_provided >= heads.entry_date
        and (heads.exit_date is null or services.date_provided <= heads.exit_date)

),

{{ apr_by_household_type('Q24b', 'assisted', rows) }}
