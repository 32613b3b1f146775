{#- Enrollments active in each APR, CAPER or DQ request (glossary §2): one row per request and enrollment in the
    request's projects that overlaps the period (entry <= end, exit null or >= start). Night-by-night
    shelter stays also need a bed night in the period or an exit in it. A CoC request keeps stays of
    households in that CoC (or with no CoC recorded). Data dated after the period end does not exist
    for the report: a later exit leaves a stayer, a later move-in or engagement is no move-in or
    engagement (§1). -#}
with

request_projects as (

    select * from {{ ref('int_report_request_projects') }}

),

scope_ids as (

    select * from {{ ref('int_report_request_scope_ids') }}

),

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

enrollment_elements as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

exits as (

    select * from {{ ref('stg_hmis__exits') }}

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

funders as (

    select * from {{ ref('stg_hmis__funders') }}

),

-- HUD Pay for Success (Funder 35) "Other" projects count as housing with move-in; PATH is Funder 21;
-- YHDP (Funder 43) projects report youth education status (APR Q27m).
project_funding as (

    select
        project_key,
        max(case when funder = 35 then 1 else 0 end) = 1 as is_pay_for_success_funded,
        max(case when funder = 21 then 1 else 0 end) = 1 as is_path_funded,
        max(case when funder = 43 then 1 else 0 end) = 1 as is_yhdp_funded
    from funders
    group by project_key

),

overlapping as (

    select
        request_projects.request_id,
        request_projects.report,
        request_projects.period_start,
        request_projects.period_end,
        request_projects.scope_type,
        enrollments.*
    from request_projects
    inner join enrollments
        on request_projects.project_key = enrollments.project_key
    where request_projects.report in ('apr', 'caper', 'dq')
        and enrollments.entry_date <= request_projects.period_end
        and (enrollments.exit_date is null or enrollments.exit_date >= request_projects.period_start)

),

in_scope_coc as (

    select overlapping.*
    from overlapping
    where overlapping.scope_type <> 'coc'
        or overlapping.coc_code is null
        or overlapping.coc_code in (
            select scope_ids.scope_id from scope_ids where scope_ids.request_id = overlapping.request_id
        )

),

nights as (

    select
        in_scope_coc.request_id,
        in_scope_coc.enrollment_key,
        count(distinct case
            when bed_nights.bed_night_date >= in_scope_coc.period_start then bed_nights.bed_night_date
        end) as bed_nights_in_period,
        count(distinct bed_nights.bed_night_date) as bed_nights_in_stay,
        max(bed_nights.bed_night_date) as last_bed_night_date
    from in_scope_coc
    inner join bed_nights
        on in_scope_coc.enrollment_key = bed_nights.enrollment_key
    where bed_nights.bed_night_date <= in_scope_coc.period_end
    group by in_scope_coc.request_id, in_scope_coc.enrollment_key

),

active as (

    select
        in_scope_coc.*,
        coalesce(nights.bed_nights_in_period, 0) as bed_nights_in_period,
        coalesce(nights.bed_nights_in_stay, 0) as bed_nights_in_stay,
        nights.last_bed_night_date
    from in_scope_coc
    left join nights
        on in_scope_coc.request_id = nights.request_id
        and in_scope_coc.enrollment_key = nights.enrollment_key
    where in_scope_coc.project_type is distinct from 1
        or coalesce(nights.bed_nights_in_period, 0) > 0
        or in_scope_coc.exit_date between in_scope_coc.period_start and in_scope_coc.period_end

),

as_of_period_end as (

    select
        active.*,
        case when active.exit_date <= active.period_end then active.exit_date end as exit_date_in_period,
        -- reporting age is taken on the later of entry and period start (int_enrollments' own
        -- age_reference_date follows the build's report_start var, not the request)
        case when active.entry_date > active.period_start then active.entry_date else active.period_start end
            as request_age_date
    from active

),

final as (

    select
        -- keys
        as_of_period_end.request_id,
        as_of_period_end.enrollment_key,
        as_of_period_end.source_id,
        as_of_period_end.enrollment_id,
        as_of_period_end.personal_key,
        as_of_period_end.personal_id,
        as_of_period_end.household_key,
        as_of_period_end.household_id,
        as_of_period_end.project_key,
        as_of_period_end.organization_key,
        as_of_period_end.exit_key,

        -- the request
        as_of_period_end.report,
        as_of_period_end.period_start,
        as_of_period_end.period_end,

        -- project
        as_of_period_end.project_type,
        as_of_period_end.rrh_sub_type,
        coalesce(project_funding.is_path_funded, false) as is_path_funded,
        coalesce(project_funding.is_yhdp_funded, false) as is_yhdp_funded,
        as_of_period_end.project_type = 7 and coalesce(project_funding.is_pay_for_success_funded, false)
            as is_pay_for_success_other,

        -- stay, as known at the period end
        as_of_period_end.entry_date,
        as_of_period_end.exit_date_in_period as exit_date,
        as_of_period_end.exit_date as exit_date_recorded,
        as_of_period_end.exit_date_in_period is not null as is_leaver,
        as_of_period_end.exit_date_in_period is null as is_stayer,
        case when as_of_period_end.exit_date_in_period is not null then as_of_period_end.destination end
            as destination,
        case when as_of_period_end.exit_date_in_period is not null then as_of_period_end.destination_subsidy_type end
            as destination_subsidy_type,
        -- homelessness prevention housing assessment at exit (W5)
        case when as_of_period_end.exit_date_in_period is not null then exits.housing_assessment end
            as housing_assessment,
        case when as_of_period_end.exit_date_in_period is not null then exits.subsidy_information end
            as subsidy_information,
        case when as_of_period_end.move_in_date <= as_of_period_end.period_end then as_of_period_end.move_in_date end
            as move_in_date,
        case
            when as_of_period_end.date_of_engagement <= as_of_period_end.period_end
                then as_of_period_end.date_of_engagement
        end as date_of_engagement,
        cast(enrollment_elements.date_created as date) as enrollment_created_date,
        case when as_of_period_end.exit_date_in_period is not null then cast(exits.date_created as date) end
            as exit_created_date,

        -- household
        as_of_period_end.relationship_to_hoh,
        as_of_period_end.is_head_of_household,
        as_of_period_end.enrollment_coc,
        as_of_period_end.coc_code,

        -- person
        as_of_period_end.dob,
        as_of_period_end.dob_data_quality,
        as_of_period_end.veteran_status,
        as_of_period_end.request_age_date as age_reference_date,
        {{ age_in_years('as_of_period_end.dob', 'as_of_period_end.request_age_date') }} as reporting_age,
        {{ age_group(age_in_years('as_of_period_end.dob', 'as_of_period_end.request_age_date')) }}
            as reporting_age_group,

        -- at project start (3.08, 3.917)
        as_of_period_end.disabling_condition,
        enrollment_elements.living_situation,
        enrollment_elements.length_of_stay as prior_length_of_stay,
        enrollment_elements.los_under_threshold,
        enrollment_elements.previous_street_essh,
        enrollment_elements.date_to_street_essh,
        enrollment_elements.times_homeless_past_three_years,
        enrollment_elements.months_homeless_past_three_years,

        -- night-by-night shelter
        as_of_period_end.bed_nights_in_period,
        as_of_period_end.bed_nights_in_stay,
        as_of_period_end.last_bed_night_date,

        -- length of stay (§3): whole stay up to the period end; bed nights for night-by-night shelter
        case
            when as_of_period_end.project_type = 1 then as_of_period_end.bed_nights_in_stay
            else {{ days_between(
                'as_of_period_end.entry_date',
                'coalesce(as_of_period_end.exit_date_in_period, ' ~ add_days(1, 'as_of_period_end.period_end') ~ ')'
            ) }}
        end as days_in_project,
        -- time in the project, whatever the bed nights (glossary, Annual Assessment step 3: "time-based,
        -- not service-based"): who is a stayer of 365 days or more (Q5a row 17, Q6c row 4, Q19a1)
        {{ days_between(
            'as_of_period_end.entry_date',
            'coalesce(as_of_period_end.exit_date_in_period, ' ~ add_days(1, 'as_of_period_end.period_end') ~ ')'
        ) }} as days_since_entry,

        -- the data-quality universe leaves out street outreach clients not engaged by the period end
        coalesce(as_of_period_end.project_type <> 4, true)
            or coalesce(as_of_period_end.date_of_engagement <= as_of_period_end.period_end, false)
            as is_in_dq_universe

    from as_of_period_end
    left join enrollment_elements
        on as_of_period_end.enrollment_key = enrollment_elements.enrollment_key
    left join project_funding
        on as_of_period_end.project_key = project_funding.project_key
    left join exits
        on as_of_period_end.exit_key = exits.exit_key

)

select * from final
