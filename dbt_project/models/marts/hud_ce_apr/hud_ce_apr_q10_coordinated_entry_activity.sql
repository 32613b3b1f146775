{#- CE APR Q10 Total Coordinated Entry Activity During the Year: the kept assessments (by level, 4.19.4) and
    events (by code, 4.20) dated in the period, as records, not people, with the results of each event:
    referral result (4.20.D), diversion into a safe alternative (4.20.A), aftercare (4.20.B). -#}
with

records as (

    select * from {{ ref('int_ce_apr_records') }} where is_in_period

),

keyed as (

    select
        request_id,
        record_key,
        case
            when record_kind = 'assessment' and assessment_level = 1 then 'crisis_needs_assessment'
            when record_kind = 'assessment' and assessment_level = 2 then 'housing_needs_assessment'
            when record_kind = 'event' then cast(event as {{ dbt.type_string() }})
        end as row_key,
        referral_result,
        prob_sol_div_rr_result,
        referral_case_manage_after
    from records

),

cells as (

    select
        request_id,
        row_key,
        count(distinct record_key) as total_occurrences,
        count(distinct case when referral_result = 1 then record_key end) as successful_referral,
        count(distinct case when referral_result = 2 then record_key end) as client_rejected,
        count(distinct case when referral_result = 3 then record_key end) as provider_rejected,
        count(distinct case when prob_sol_div_rr_result = 1 then record_key end) as safe_alternative,
        count(distinct case when referral_case_manage_after = 1 then record_key end) as aftercare
    from keyed
    where row_key is not null
    group by request_id, row_key

)

{{ apr_table_layout('CE-Q10', 'cells', [
    'total_occurrences', 'successful_referral', 'client_rejected', 'provider_rejected', 'safe_alternative',
    'aftercare',
]) }}
