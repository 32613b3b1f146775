{#- One row per period and stay HUD Q6f looks at: stayers at the period's end who entered at least
    90 days before it, in night-by-night shelter (everyone: row Bed Night) or engaged street outreach
    and PATH-funded services only (adults and heads of household: row Contact), when it is the
    person's latest stay in the scope; and whether it had no bed night / contact in the last 90 days.
    Unlike the other framework tables, a night-by-night stay needs no bed night in the period to be
    counted here: inactive stays have none, and with quarterly periods HUD's bed-night rule would hide
    exactly the records Q6f is for (docs/decisions.md). -#}
with

periods as (

    select * from {{ ref('dq_periods') }}

),

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

contacts as (

    select * from {{ ref('stg_hmis__current_living_situations') }}

),

path_projects as (

    select distinct project_key from {{ ref('stg_hmis__funders') }} where funder = 21

),

active as (

    select
        periods.period_id,
        periods.period_start,
        periods.period_end,
        enrollments.*,
        case when enrollments.exit_date <= periods.period_end then enrollments.exit_date end as period_exit_date,
        {{ age_group(age_in_years('enrollments.dob',
            'case when enrollments.entry_date > periods.period_start then enrollments.entry_date else periods.period_start end')) }}
            as age_group
    from enrollments
    inner join periods
        on enrollments.entry_date <= periods.period_end
        and (enrollments.exit_date is null or enrollments.exit_date >= periods.period_start)
    where enrollments.project_type <> 4 or enrollments.date_of_engagement <= periods.period_end

),

ranked as (

    select
        active.*,
        {%- for level, scope_key in [('project', 'project_key'), ('agency', 'organization_key'), ('coc', 'coc_code')] %}
        row_number() over (
            partition by period_id, {{ scope_key }}, personal_key
            order by entry_date desc, case when period_exit_date is null then 0 else 1 end, period_exit_date desc, enrollment_id desc
        ) = 1 as is_latest_in_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}
    from active

),

eligible as (

    select
        ranked.*,
        case
            when ranked.project_type = 1 then 'bed_night'
            when (ranked.project_type = 4 or path_projects.project_key is not null)
                and (ranked.age_group = 'adult' or ranked.is_head_of_household) then 'contact'
        end as inactivity_row
    from ranked
    left join path_projects
        on ranked.project_key = path_projects.project_key
        and ranked.project_type = 6
    where ranked.period_exit_date is null
        and ranked.entry_date <= {{ add_days(-90, 'ranked.period_end') }}
        and ranked.project_type in (1, 4, 6)

),

final as (

    select
        -- keys
        eligible.period_id,
        eligible.enrollment_key,
        eligible.source_id,
        eligible.enrollment_id,
        eligible.personal_key,
        eligible.personal_id,
        eligible.client_id,
        eligible.project_key,
        eligible.organization_key,
        eligible.coc_code,

        -- which scopes report this stay
        eligible.is_latest_in_project,
        eligible.is_latest_in_agency,
        eligible.is_latest_in_coc,

        -- the stay and its last activity
        eligible.period_end,
        eligible.project_type,
        eligible.entry_date,
        eligible.inactivity_row,
        activity.last_activity_date,
        case
            when eligible.inactivity_row = 'bed_night'
                then activity.last_activity_date is null or activity.last_activity_date < {{ add_days(-90, 'eligible.period_end') }}
            else coalesce(activity.last_activity_date, eligible.entry_date) < {{ add_days(-90, 'eligible.period_end') }}
        end as is_inactive

    from eligible
    left join (
        select eligible.period_id, eligible.enrollment_key, max(bed_nights.bed_night_date) as last_activity_date
        from eligible
        inner join bed_nights
            on eligible.enrollment_key = bed_nights.enrollment_key
            and bed_nights.bed_night_date <= eligible.period_end
        where eligible.inactivity_row = 'bed_night'
        group by eligible.period_id, eligible.enrollment_key

        union all

        select eligible.period_id, eligible.enrollment_key, max(contacts.information_date) as last_activity_date
        from eligible
        inner join contacts
            on eligible.enrollment_key = contacts.enrollment_key
            and contacts.information_date <= eligible.period_end
        where eligible.inactivity_row = 'contact'
        group by eligible.period_id, eligible.enrollment_key
    ) as activity
        on eligible.period_id = activity.period_id
        and eligible.enrollment_key = activity.enrollment_key
    where eligible.inactivity_row is not null

)

select * from final
