{#- One row per failed check and record (client, enrollment, exit, household, project or inventory
    record): the work list an agency admin goes through, with the record's project, agency and CoC,
    the client's warehouse id, what was found and what to fix. A client-level issue is listed in every
    project where the client was active in the source's data period (else in its latest enrollment's). -#}
{%- set check_models = [
    'dq_checks_household', 'dq_checks_pii', 'dq_checks_ude', 'dq_checks_homeless_history', 'dq_checks_dates',
    'dq_checks_exits', 'dq_checks_income', 'dq_checks_benefits', 'dq_checks_ssvf', 'dq_checks_ce', 'dq_checks_timeliness',
    'dq_checks_inactivity', 'dq_checks_stays', 'dq_checks_projects', 'dq_checks_participation',
] -%}
with

found as (

    {% for model in check_models -%}
    select * from {{ ref(model) }}
    {% if not loop.last %}union all
    {% endif -%}
    {%- endfor %}

),

catalogue as (

    select * from {{ ref('dq_check_catalogue') }}

),

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

identity as (

    select * from {{ ref('int_client_identity') }}

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

organizations as (

    select * from {{ ref('stg_hmis__organizations') }}

),

project_cocs as (

    select project_key, case when count(distinct coc_code) = 1 then min(coc_code) end as coc_code
    from {{ ref('stg_hmis__project_cocs') }}
    group by project_key

),

inventory as (

    select * from {{ ref('stg_hmis__inventory') }}

),

as_of as (

    select * from {{ ref('dq_source_as_of') }}

),

-- Where a client-level issue is listed: every project where the client was active in the source's data
-- period (its latest enrollment there), so each agency sees what it must fix; a client with no such
-- enrollment, in the project of its latest enrollment.
ranked_enrollments as (

    select
        enrollments.personal_key,
        enrollments.project_key,
        enrollments.enrollment_key,
        enrollments.entry_date <= as_of.as_of_date
            and (enrollments.exit_date is null or enrollments.exit_date >= as_of.data_start_date) as is_active,
        row_number() over (
            partition by enrollments.personal_key, enrollments.project_key
            order by enrollments.entry_date desc, enrollments.exit_date desc nulls first, enrollments.enrollment_id desc
        ) as rank_in_project,
        row_number() over (
            partition by enrollments.personal_key
            order by enrollments.entry_date desc, enrollments.exit_date desc nulls first, enrollments.enrollment_id desc
        ) as rank_overall
    from enrollments
    left join as_of
        on enrollments.source_id = as_of.source_id

),

active_projects as (

    select personal_key, project_key, max(case when is_active then 1 else 0 end) as is_active
    from ranked_enrollments
    group by personal_key, project_key

),

client_contexts as (

    select ranked_enrollments.personal_key, ranked_enrollments.enrollment_key
    from ranked_enrollments
    inner join active_projects
        on ranked_enrollments.personal_key = active_projects.personal_key
        and ranked_enrollments.project_key = active_projects.project_key
    where ranked_enrollments.rank_in_project = 1 and active_projects.is_active = 1

    union all

    select personal_key, enrollment_key
    from ranked_enrollments
    where rank_overall = 1
        and not exists (
            select 1 from active_projects
            where active_projects.personal_key = ranked_enrollments.personal_key and active_projects.is_active = 1
        )

),

placed as (

    select
        found.*,
        coalesce(found.enrollment_key, client_contexts.enrollment_key) as context_enrollment_key
    from found
    left join client_contexts
        on found.record_type = 'client'
        and found.personal_key = client_contexts.personal_key

),

enriched as (

    select
        -- the issue
        {{ dbt.hash("placed.check_id || '|' || placed.source_id || '|' || placed.record_type || '|' || placed.record_id
            || case when placed.record_type = 'client' then '|' || coalesce(context.project_key, '') else '' end") }}
            as issue_id,
        placed.check_id,
        catalogue.check_name,
        catalogue.severity,
        catalogue.dimension,
        catalogue.family,
        catalogue.data_element,
        catalogue.eva_id,

        -- where it is
        placed.source_id,
        coalesce(
            case when placed.record_type = 'inventory' then inventory.coc_code end,
            context.coc_code,
            project_cocs.coc_code
        ) as coc_code,
        projects.organization_key,
        projects.organization_id,
        organizations.organization_name,
        coalesce(placed.project_key, context.project_key) as project_key,
        projects.project_id,
        projects.project_name,
        projects.project_type,

        -- whose record
        identity.client_id,
        coalesce(placed.personal_key, context.personal_key) as personal_key,
        coalesce(identity.personal_id, context.personal_id) as personal_id,
        case when placed.record_type in ('enrollment', 'exit', 'household') then context.enrollment_key end as enrollment_key,
        case when placed.record_type in ('enrollment', 'exit', 'household') then context.enrollment_id end as enrollment_id,
        coalesce(placed.household_key, context.household_key) as household_key,
        context.household_id,
        context.entry_date,
        context.exit_date,

        -- the record and what to do
        placed.record_type,
        placed.record_id,
        placed.detected_value,
        catalogue.guidance as what_to_fix

    from placed
    inner join catalogue
        on placed.check_id = catalogue.check_id
    left join enrollments as context
        on placed.context_enrollment_key = context.enrollment_key
    left join projects
        on coalesce(placed.project_key, context.project_key) = projects.project_key
    left join organizations
        on projects.organization_key = organizations.organization_key
    left join project_cocs
        on projects.project_key = project_cocs.project_key
    left join inventory
        on placed.record_type = 'inventory'
        and placed.source_id = inventory.source_id
        and placed.record_id = inventory.inventory_id
    left join identity
        on coalesce(placed.personal_key, context.personal_key) = identity.personal_key

)

select * from enriched
