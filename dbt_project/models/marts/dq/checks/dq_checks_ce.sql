{#- Coordinated Entry referrals (4.20 Event): a referral to a housing or shelter opening (the events
    whose result 4.20.D asks for) still without a result `referral_days` after it was made, as of the
    source's export end (Eva 100); and a result recorded without its date. One issue per CE
    enrollment and check. -#}
{%- set referral_events = '(10, 11, 12, 13, 14, 15, 17, 18)' -%}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

events as (

    select * from {{ ref('stg_hmis__events') }}

),

referrals as (

    select
        enrollments.*,
        events.event_id,
        events.event_date,
        events.referral_result,
        events.result_date
    from events
    inner join enrollments
        on events.enrollment_key = enrollments.enrollment_key
    where events.event in {{ referral_events }}

),

open_referrals as (

    select
        enrollment_key,
        count(*) as open_count,
        min(event_date) as oldest_event_date
    from referrals
    where referral_result is null
        and event_date < {{ add_days('-' ~ dq_setting('referral_days'), 'as_of_date') }}
    group by enrollment_key

),

undated_results as (

    select enrollment_key, count(*) as undated_count
    from referrals
    where referral_result is not null and result_date is null
    group by enrollment_key

),

flagged as (

    select
        enrollments.*,
        open_referrals.open_count,
        open_referrals.oldest_event_date,
        undated_results.undated_count
    from enrollments
    left join open_referrals
        on enrollments.enrollment_key = open_referrals.enrollment_key
    left join undated_results
        on enrollments.enrollment_key = undated_results.enrollment_key
    where open_referrals.enrollment_key is not null or undated_results.enrollment_key is not null

),

issues as (

    select {{ dq_enrollment_issue('ce_referral_no_result',
        "cast(open_count as " ~ dbt.type_string() ~ ") || ' referral(s) without a result, oldest made '
         || cast(oldest_event_date as " ~ dbt.type_string() ~ ")") }}
    from flagged
    where open_count is not null

    union all
    select {{ dq_enrollment_issue('ce_referral_result_undated',
        "cast(undated_count as " ~ dbt.type_string() ~ ") || ' referral result(s) with no ResultDate'") }}
    from flagged
    where undated_count is not null

)

select * from issues
