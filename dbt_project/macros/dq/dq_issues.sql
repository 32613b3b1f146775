{#- Every check family model (models/marts/dq/checks/) returns the same columns, one row per flagged
    record; dq_record_issues unions them and adds the catalogue and the record's context. -#}

{% macro dq_issue(check_id, record_type, record_id, detected_value, personal_key='null', enrollment_key='null',
                  household_key='null', project_key='null', source_id='source_id') -%}
    cast('{{ check_id }}' as {{ dbt.type_string() }}) as check_id,
    {{ source_id }} as source_id,
    cast('{{ record_type }}' as {{ dbt.type_string() }}) as record_type,
    cast({{ record_id }} as {{ dbt.type_string() }}) as record_id,
    cast({{ personal_key }} as {{ dbt.type_string() }}) as personal_key,
    cast({{ enrollment_key }} as {{ dbt.type_string() }}) as enrollment_key,
    cast({{ household_key }} as {{ dbt.type_string() }}) as household_key,
    cast({{ project_key }} as {{ dbt.type_string() }}) as project_key,
    cast({{ detected_value }} as {{ dbt.type_string() }}) as detected_value
{%- endmacro %}


{% macro dq_enrollment_issue(check_id, detected_value) -%}
    {#- An issue on an Enrollment.csv row of a dq_enrollment_facts-shaped relation. -#}
    {{ dq_issue(check_id, 'enrollment', 'enrollment_id', detected_value, 'personal_key', 'enrollment_key',
                'household_key', 'project_key') }}
{%- endmacro %}


{% macro dq_exit_issue(check_id, detected_value) -%}
    {#- An issue on the Exit.csv row of a dq_enrollment_facts-shaped relation. -#}
    {{ dq_issue(check_id, 'exit', 'exit_id', detected_value, 'personal_key', 'enrollment_key',
                'household_key', 'project_key') }}
{%- endmacro %}


{% macro dq_client_issue(check_id, detected_value) -%}
    {#- An issue on a Client.csv row (stg_hmis__clients-shaped relation). -#}
    {{ dq_issue(check_id, 'client', 'personal_id', detected_value, 'personal_key') }}
{%- endmacro %}


{% macro dq_shown(label, column) -%}
    {#- "Label = value" for the detected-value column, "blank" for null. -#}
    '{{ label }} = ' || coalesce(cast({{ column }} as {{ dbt.type_string() }}), 'blank')
{%- endmacro %}
