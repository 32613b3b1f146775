{#- HUD column labels are written once, in the seed report_table_columns; the marts' YAML declares their
    columns. Returns every value column of a report mart (a model named in report_tables) that has no
    label, and every label that names no column of its mart. -#}
{%- set declared = [] %}
{%- if execute %}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.name.startswith('hud_') %}
        {%- for name in node.columns if name not in ('request_id', 'row_order', 'row_label') %}
            {%- do declared.append((node.name, name)) %}
        {%- endfor %}
    {%- endfor %}
{%- endif %}

with

declared as (

    {%- for model_name, column_name in declared %}
    select '{{ model_name }}' as model_name, '{{ column_name }}' as column_name
    {% if not loop.last %}union all{% endif %}
    {%- else %}
    select cast(null as {{ dbt.type_string() }}) as model_name, cast(null as {{ dbt.type_string() }}) as column_name
    {%- endfor %}

),

report_columns as (

    select declared.model_name, declared.column_name
    from declared
    where declared.model_name in (select report_tables.model_name from {{ ref('report_tables') }} as report_tables)

),

labelled as (

    select model_name, column_name from {{ ref('report_table_columns') }}
    where column_name <> 'row_label'

)

select
    coalesce(report_columns.model_name, labelled.model_name) as model_name,
    coalesce(report_columns.column_name, labelled.column_name) as column_name,
    case when labelled.column_name is null then 'no HUD label' else 'label of no column' end as problem
from report_columns
full outer join labelled
    on report_columns.model_name = labelled.model_name
    and report_columns.column_name = labelled.column_name
where report_columns.column_name is null or labelled.column_name is null
