{#- The coordinated entry records each CE APR request keeps (ce-apr.md §1.2): one row per request and 4.19
    assessment dated in the period or 4.20 event dated from the period start to 90 days after its end,
    recorded on a stay in a continuum project of the request's scope while that project took part in
    coordinated entry (2.09: an access point for assessments; an access point or a project receiving
    referrals for events), and, for a CoC request, whose CoC is the request's: the project's one CoC, or
    for a project in several CoCs the head of household's EnrollmentCoC (docs/decisions.md, CE APR). -#}
with

requests as (

    select * from {{ ref('stg_meta__report_requests') }} where report = 'ce_apr'

),

request_projects as (

    select * from {{ ref('int_report_request_projects') }} where report = 'ce_apr'

),

scope_ids as (

    select * from {{ ref('int_report_request_scope_ids') }} where report = 'ce_apr'

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

ce_participations as (

    select * from {{ ref('stg_hmis__ce_participations') }}

),

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

assessments as (

    select * from {{ ref('stg_hmis__assessments') }}

),

events as (

    select * from {{ ref('stg_hmis__events') }}

),

single_coc_projects as (

    select project_key, min(coc_code) as coc_code
    from project_cocs
    group by project_key
    having count(distinct coc_code) = 1

),

household_cocs as (

    select household_key, min(enrollment_coc) as coc_code
    from enrollments
    where is_head_of_household and enrollment_coc is not null
    group by household_key

),

records as (

    select
        'assessment' as record_kind,
        assessment_key as record_key,
        assessment_id as record_id,
        enrollment_key,
        assessment_date as record_date,
        assessment_type,
        assessment_level,
        prioritization_status,
        cast(null as integer) as event,
        cast(null as integer) as prob_sol_div_rr_result,
        cast(null as integer) as referral_case_manage_after,
        cast(null as integer) as referral_result,
        date_created
    from assessments
    union all
    select
        'event' as record_kind,
        event_key as record_key,
        event_id as record_id,
        enrollment_key,
        event_date as record_date,
        cast(null as integer) as assessment_type,
        cast(null as integer) as assessment_level,
        cast(null as integer) as prioritization_status,
        event,
        prob_sol_div_rr_result,
        referral_case_manage_after,
        referral_result,
        date_created
    from events

),

located as (

    select
        records.*,
        enrollments.personal_key,
        enrollments.personal_id,
        enrollments.household_key,
        enrollments.project_key,
        coalesce(single_coc_projects.coc_code, household_cocs.coc_code) as record_coc
    from records
    inner join enrollments
        on records.enrollment_key = enrollments.enrollment_key
    left join single_coc_projects
        on enrollments.project_key = single_coc_projects.project_key
    left join household_cocs
        on enrollments.household_key = household_cocs.household_key

),

in_scope as (

    select
        request_projects.request_id,
        request_projects.period_start,
        request_projects.period_end,
        request_projects.scope_type,
        located.*
    from located
    inner join request_projects
        on located.project_key = request_projects.project_key
    inner join projects
        on located.project_key = projects.project_key
    where projects.continuum_project = 1
        and located.record_date >= request_projects.period_start
        and (
            (located.record_kind = 'assessment' and located.record_date <= request_projects.period_end)
            or (
                located.record_kind = 'event'
                and located.record_date <= {{ add_days(90, 'request_projects.period_end') }}
            )
        )

),

participating as (

    select distinct in_scope.request_id, in_scope.record_kind, in_scope.record_key
    from in_scope
    inner join ce_participations
        on in_scope.project_key = ce_participations.project_key
        and ce_participations.ce_participation_status_start_date <= in_scope.record_date
        and (
            ce_participations.ce_participation_status_end_date is null
            or ce_participations.ce_participation_status_end_date >= in_scope.record_date
        )
    where ce_participations.access_point = 1
        or (in_scope.record_kind = 'event' and ce_participations.receives_referrals = 1)

),

in_request_coc as (

    select in_scope.*
    from in_scope
    left join scope_ids
        on in_scope.request_id = scope_ids.request_id
        and in_scope.record_coc = scope_ids.scope_id
    where in_scope.scope_type <> 'coc' or scope_ids.scope_id is not null

),

final as (

    select
        -- keys
        in_request_coc.request_id,
        in_request_coc.record_kind,
        in_request_coc.record_key,
        in_request_coc.record_id,
        in_request_coc.enrollment_key,
        in_request_coc.personal_key,
        in_request_coc.personal_id,
        in_request_coc.household_key,
        in_request_coc.project_key,

        -- the record
        in_request_coc.record_date,
        in_request_coc.record_date <= in_request_coc.period_end as is_in_period,
        in_request_coc.record_coc,
        in_request_coc.assessment_type,
        in_request_coc.assessment_level,
        in_request_coc.prioritization_status,
        in_request_coc.event,
        in_request_coc.prob_sol_div_rr_result,
        in_request_coc.referral_case_manage_after,
        in_request_coc.referral_result,
        in_request_coc.date_created

    from in_request_coc
    inner join participating
        on in_request_coc.request_id = participating.request_id
        and in_request_coc.record_kind = participating.record_kind
        and in_request_coc.record_key = participating.record_key

)

select * from final
