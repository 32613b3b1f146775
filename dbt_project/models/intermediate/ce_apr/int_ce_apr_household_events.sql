{#- The one coordinated entry event of each CE APR household (ce-apr.md §1.7): one row per request and head
    of household with an event. Candidates are the head's kept events (any stay) dated from the
    household's latest assessment to 90 days after the period end and before the latest assessment of
    the head dated in those 90 days (if any); an event of the assessment's project wins, then the
    latest, then the highest EventID. The event puts the household in Q9c (codes 1-4) or Q9d (5-18). -#}
with

requests as (

    select * from {{ ref('stg_meta__report_requests') }} where report = 'ce_apr'

),

heads as (

    select * from {{ ref('int_ce_apr_clients') }} where is_head_of_household

),

events as (

    select * from {{ ref('int_ce_apr_records') }} where record_kind = 'event'

),

assessments as (

    select * from {{ ref('stg_hmis__assessments') }}

),

enrollments as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

-- the head's latest assessment (any project) after the period end, up to 90 days after it
cut_offs as (

    select heads.request_id, heads.personal_key, max(assessments.assessment_date) as cut_off_date
    from heads
    inner join requests
        on heads.request_id = requests.request_id
    inner join enrollments
        on heads.personal_key = enrollments.personal_key
    inner join assessments
        on enrollments.enrollment_key = assessments.enrollment_key
    where assessments.assessment_date > requests.period_end
        and assessments.assessment_date <= {{ add_days(90, 'requests.period_end') }}
    group by heads.request_id, heads.personal_key

),

candidates as (

    select
        heads.request_id,
        heads.personal_key,
        heads.household_type,
        heads.prioritization_status,
        events.record_key as event_key,
        events.record_id as event_id,
        events.record_date as event_date,
        events.event,
        events.prob_sol_div_rr_result,
        events.referral_case_manage_after,
        events.referral_result,
        row_number() over (
            partition by heads.request_id, heads.personal_key
            order by case when events.project_key = heads.assessment_project_key then 0 else 1 end,
                events.record_date desc, {{ dbt.length('events.record_id') }} desc, events.record_id desc
        ) as event_rank
    from heads
    inner join events
        on heads.request_id = events.request_id
        and heads.personal_key = events.personal_key
        and events.record_date >= heads.assessment_date
    left join cut_offs
        on heads.request_id = cut_offs.request_id
        and heads.personal_key = cut_offs.personal_key
    where cut_offs.cut_off_date is null or events.record_date < cut_offs.cut_off_date

),

final as (

    select
        request_id,
        personal_key,
        household_type,
        prioritization_status,
        event_key,
        event_id,
        event_date,
        event,
        prob_sol_div_rr_result,
        referral_case_manage_after,
        referral_result
    from candidates
    where event_rank = 1

)

select * from final
