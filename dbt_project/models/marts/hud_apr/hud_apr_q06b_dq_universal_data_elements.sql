{#- APR/CAPER Q6b Data Quality: Universal Data Elements (veteran status, project start date,
    relationship to head of household, enrollment CoC, disabling condition) over the data-quality
    universe, first problem found per person and element. Rates divide by the row's Q5a denominator:
    adults + children, everyone, everyone, heads of household, everyone. -#}
with

clients as (

    select * from {{ ref('int_report_dq_clients') }}

),

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

conditions as (

    select * from {{ ref('int_report_conditions') }} where assessment_point = 'latest'

),

-- The reported stay starts inside an earlier stay of the same person in the same project.
overlapping_starts as (

    select distinct clients.request_id, clients.personal_key
    from clients
    inner join enrollments as earlier
        on clients.personal_key = earlier.personal_key
        and clients.project_key = earlier.project_key
        and clients.enrollment_key <> earlier.enrollment_key
    where earlier.entry_date < clients.entry_date
        and (earlier.exit_date is null or clients.entry_date < earlier.exit_date)

),

assessed as (

    select
        clients.request_id,
        clients.personal_key,
        clients.is_head_of_household,
        clients.is_unknown_age,
        case
            when clients.is_adult and clients.veteran_status in (8, 9) then 'dk_pnta'
            when clients.is_adult and (clients.veteran_status = 99 or clients.veteran_status is null)
                then 'information_missing'
            when clients.is_child and clients.veteran_status = 1 then 'data_issues'
        end as veteran_status_problem,
        case when overlapping_starts.personal_key is not null then 'data_issues' end as project_start_date_problem,
        case
            when clients.relationship_to_hoh is null then 'information_missing'
            when clients.relationship_to_hoh not in (1, 2, 3, 4, 5) or clients.head_count_by_period_end <> 1
                then 'data_issues'
        end as relationship_to_hoh_problem,
        case
            when not clients.is_head_of_household then null
            when clients.enrollment_coc is null then 'information_missing'
            when not {{ coc_code_is_well_formed('clients.enrollment_coc') }} then 'data_issues'
        end as enrollment_coc_problem,
        case
            when clients.disabling_condition in (8, 9) then 'dk_pnta'
            when clients.disabling_condition = 99 or clients.disabling_condition is null then 'information_missing'
            when clients.disabling_condition = 0 and conditions.has_indefinite_and_impairing then 'data_issues'
        end as disabling_condition_problem
    from clients
    left join overlapping_starts
        on clients.request_id = overlapping_starts.request_id
        and clients.personal_key = overlapping_starts.personal_key
    left join conditions
        on clients.request_id = conditions.request_id
        and clients.enrollment_key = conditions.enrollment_key

),

members as (

    select request_id, personal_key, 'veteran_status' as row_key, veteran_status_problem as problem from assessed
    union all
    select request_id, personal_key, 'project_start_date' as row_key, project_start_date_problem as problem
    from assessed
    union all
    select request_id, personal_key, 'relationship_to_hoh' as row_key, relationship_to_hoh_problem as problem
    from assessed
    union all
    select request_id, personal_key, 'enrollment_coc' as row_key, enrollment_coc_problem as problem from assessed
    union all
    select request_id, personal_key, 'disabling_condition' as row_key, disabling_condition_problem as problem
    from assessed

),

denominators as (

    select
        request_id,
        row_keys.row_key,
        count(distinct case
            when row_keys.row_key = 'veteran_status' and is_unknown_age then null
            when row_keys.row_key = 'enrollment_coc' and not is_head_of_household then null
            else personal_key
        end) as denominator
    from assessed
    cross join (
        select 'veteran_status' as row_key union all select 'project_start_date'
        union all select 'relationship_to_hoh' union all select 'enrollment_coc'
        union all select 'disabling_condition'
    ) as row_keys
    group by request_id, row_keys.row_key

),

cells as (

    {{ apr_dq_cells('members', 'denominators') }}

)

{{ apr_table_layout(
    'Q6b', 'cells', ['dk_pnta', 'information_missing', 'data_issues', 'total', 'issue_rate'],
    types={'issue_rate': 'decimal(9,4)'}
) }}
