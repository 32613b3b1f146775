{#- One row per failed check and record (client, enrollment, exit, household, project or inventory
    record): the work list an agency admin goes through, with the record's project, agency and CoC,
    the client's warehouse id, what was found and what to fix. Client-level issues are placed in the
    project of the client's latest enrollment. -#}
{%- set check_models = [
    'dq_checks_household', 'dq_checks_pii', 'dq_checks_ude', 'dq_checks_homeless_history', 'dq_checks_dates',
    'dq_checks_exits', 'dq_checks_income', 'dq_checks_benefits', 'dq_checks_ssvf', 'dq_checks_ce', 'dq_checks_timeliness',
    'dq_checks_inactivity', 'dq_checks_projects',
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

client_latest_enrollments as (

    select personal_key, enrollment_key from (
        select
            personal_key,
            enrollment_key,
            row_number() over (
                partition by personal_key
                order by entry_date desc, exit_date desc nulls first, enrollment_id desc
            ) as enrollment_rank
        from enrollments
    ) as ranked
    where enrollment_rank = 1

),

placed as (

    select
        found.*,
        coalesce(found.enrollment_key, client_latest_enrollments.enrollment_key) as context_enrollment_key
    from found
    left join client_latest_enrollments
        on found.record_type = 'client'
        and found.personal_key = client_latest_enrollments.personal_key

),

enriched as (

    select
        -- the issue
        {{ dbt.hash("placed.check_id || '|' || placed.source_id || '|' || placed.record_type || '|' || placed.record_id") }} as issue_id,
        placed.check_id,
        catalogue.check_name,
        catalogue.severity,
        catalogue.dimension,
        catalogue.family,
        catalogue.data_element,

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
