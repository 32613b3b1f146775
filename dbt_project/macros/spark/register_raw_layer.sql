{#- Spark: the raw layer's Parquet files (pipelines/warehouse/parquet_raw.py) registered as the tables raw.<table>
    and meta.<table> that the sources name, each over its folder under WAYPOINT_SPARK_RAW (a path or URI the
    Spark cluster reads); the raw tables' partitions (source, delivery) are discovered from the folders when read
    (spark.sql.hive.manageFilesourcePartitions false). WAYPOINT_SPARK_RAW_TABLES lists them
    (`raw.client,meta.export_registry,...`; Python writes both). -#}
{% macro register_raw_layer() -%}
    {%- set location = env_var('WAYPOINT_SPARK_RAW', '') -%}
    {%- set tables = env_var('WAYPOINT_SPARK_RAW_TABLES', '') -%}
    {%- if not location or not tables -%}
        {{ exceptions.raise_compiler_error("a Spark build needs WAYPOINT_SPARK_RAW and WAYPOINT_SPARK_RAW_TABLES (waypoint build --target spark sets them)") }}
    {%- endif -%}
    {%- for schema in ['raw', 'meta'] %}
        {% do run_query('create database if not exists ' ~ schema) %}
    {%- endfor %}
    {%- for name in tables.split(',') %}
        {%- set schema, table = name.split('.') %}
        {% do run_query('drop table if exists ' ~ schema ~ '.`' ~ table ~ '`') %}
        {% do run_query('create table ' ~ schema ~ '.`' ~ table ~ '` using parquet location \'' ~ location ~ '/' ~ schema ~ '/' ~ table ~ '\'') %}
    {%- endfor %}
{%- endmacro %}
