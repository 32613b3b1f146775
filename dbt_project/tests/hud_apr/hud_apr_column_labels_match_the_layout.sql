{#- The HUD column labels live twice: in each APR/CAPER question mart's YAML (meta.hud_label, the
    contract) and in the seed apr_table_columns (what the report writer reads). Returns every label that
    differs or is missing on one side. -#}
{%- set yaml_labels = [] %}
{%- if execute %}
    {%- for node in graph.nodes.values() %}
        {%- set is_question_mart = node.resource_type == 'model'
            and (node.name.startswith('hud_apr_') or node.name.startswith('hud_caper_')) %}
        {%- set table_id = node.config.meta.get('hud_table') if is_question_mart else none %}
        {%- if table_id %}
            {%- for name, column in node.columns.items() %}
                {%- if column.meta.get('hud_label') %}
                    {%- do yaml_labels.append((table_id, name, column.meta['hud_label'])) %}
                {%- endif %}
            {%- endfor %}
        {%- endif %}
    {%- endfor %}
{%- endif %}

with

yaml_labels as (

    {%- for table_id, name, label in yaml_labels %}
    select '{{ table_id }}' as table_id, '{{ name }}' as column_name, '{{ label | replace("'", "''") }}' as hud_label
    {% if not loop.last %}union all{% endif %}
    {%- else %}
    select cast(null as {{ dbt.type_string() }}) as table_id, cast(null as {{ dbt.type_string() }}) as column_name,
        cast(null as {{ dbt.type_string() }}) as hud_label
    {%- endfor %}

),

seed_labels as (

    select table_id, column_name, hud_label from {{ ref('apr_table_columns') }}

)

select
    coalesce(yaml_labels.table_id, seed_labels.table_id) as table_id,
    coalesce(yaml_labels.column_name, seed_labels.column_name) as column_name,
    yaml_labels.hud_label as yaml_label,
    seed_labels.hud_label as seed_label
from yaml_labels
full outer join seed_labels
    on yaml_labels.table_id = seed_labels.table_id
    and yaml_labels.column_name = seed_labels.column_name
where yaml_labels.hud_label is distinct from seed_labels.hud_label
