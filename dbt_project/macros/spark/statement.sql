{#- dbt's `statement` (global project, dbt-core 1.11), with one Spark-only step: dbt-spark turns ANSI mode off, so
    Spark reads "PersonalID" as a string, not a column; on Spark every double-quoted name outside a string literal
    or a comment becomes a backquoted one (`PersonalID`), and `varchar` / `double precision` become Spark's `string` /
    `double`. Other adapters run exactly dbt's statement. -#}
{%- macro statement(name=None, fetch_result=False, auto_begin=True, language='sql') -%}
  {%- if execute: -%}
    {%- set compiled_code = caller() -%}
    {%- if language == 'sql' and target.type == 'spark' -%}
      {%- set compiled_code = spark_quoted_names(compiled_code) -%}
    {%- endif -%}

    {%- if name == 'main' -%}
      {{ log('Writing runtime {} for node "{}"'.format(language, model['unique_id'])) }}
      {{ write(compiled_code) }}
    {%- endif -%}
    {%- if language == 'sql'-%}
      {%- set res, table = adapter.execute(compiled_code, auto_begin=auto_begin, fetch=fetch_result) -%}
    {%- elif language == 'python' -%}
      {%- set res = submit_python_job(model, compiled_code) -%}
      {%- set table = None -%}
    {%- else -%}
      {% do exceptions.raise_compiler_error("statement macro didn't get supported language") %}
    {%- endif -%}

    {%- if name is not none -%}
      {{ store_result(name, response=res, agate_table=table) }}
    {%- endif -%}

  {%- endif -%}
{%- endmacro %}


{% macro spark_quoted_names(sql) -%}
    {#- The pieces of `sql` at odd places of the split are string literals and comments, kept as they are. -#}
    {%- set pieces = modules.re.split("('(?:[^']|'')*'|--[^\\n]*|/[*](?:.|\\n)*?[*]/)", sql) -%}
    {%- set out = [] -%}
    {%- for piece in pieces -%}
        {%- if loop.index0 % 2 == 1 -%}
            {%- do out.append(piece) -%}
        {%- else -%}
            {#- and the types Spark spells otherwise: varchar (without a length) is string, double precision double -#}
            {%- set piece = modules.re.sub("(?i)\\bvarchar\\b(?!\\s*[(])", "string", piece.replace('"', '`')) -%}
            {%- do out.append(modules.re.sub("(?i)\\bdouble\\s+precision\\b", "double", piece)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{- return(out | join('')) -}}
{%- endmacro %}
