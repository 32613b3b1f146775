{#- APR/CAPER Q6e Data Quality: Timeliness. Days from the event to the record's creation: project
    starts inside the period (column B) and exits of leavers (column C), data-quality universe. A
    negative number means the record was created before the event it records. -#}
{%- set buckets = [
    ('under_0', '< 0'), ('0', '= 0'), ('1_3', 'between 1 and 3'), ('4_6', 'between 4 and 6'),
    ('7_10', 'between 7 and 10'), ('11_plus', '>= 11'),
] %}

with

clients as (

    select * from {{ ref('int_report_dq_clients') }}

),

lags as (

    select
        request_id,
        personal_key,
        case
            when entry_date >= period_start then {{ days_between('entry_date', 'enrollment_created_date') }}
        end as days_to_enter_start,
        case when is_leaver then {{ days_between('exit_date', 'exit_created_date') }} end as days_to_enter_exit
    from clients

),

members as (

    {%- for row_key, test in buckets %}
    select request_id, personal_key, '{{ row_key }}' as row_key,
        days_to_enter_start {{ test }} as is_start_record,
        days_to_enter_exit {{ test }} as is_exit_record
    from lags
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

cells as (

    {{ apr_count_where('members', {
        'project_start_records': 'is_start_record',
        'project_exit_records': 'is_exit_record',
    }) }}

)

{{ apr_table_layout('Q6e', 'cells', ['project_start_records', 'project_exit_records']) }}
