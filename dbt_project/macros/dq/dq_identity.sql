{#- Identity rules: which names, SSNs and dates of birth are good enough to say two client records
    are the same person (int_client_identity). Portable SQL: translate/repeat/regexp_replace exist in
    DuckDB and PostgreSQL; only accent folding needs a per-adapter twin. -#}

{% macro dq_strip_accents(expression) -%}
    {{ return(adapter.dispatch('dq_strip_accents', 'waypoint')(expression)) }}
{%- endmacro %}

{% macro default__dq_strip_accents(expression) -%}
    translate(
        {{ expression }},
        'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ',
        'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyy'
    )
{%- endmacro %}

{% macro duckdb__dq_strip_accents(expression) -%}
    strip_accents({{ expression }})
{%- endmacro %}


{% macro dq_normalized_name_part(expression) -%}
    {#- A name as matching compares it: accents folded, lower case, letters and digits only
        ("José-Luis O'Neil" -> "joseluisoneil"); null when nothing is left. -#}
    nullif(lower({{ replace_every(dq_strip_accents(expression), "'[^A-Za-z0-9]'", "''") }}), '')
{%- endmacro %}


{% macro dq_placeholder_names() -%}
    {#- Normalised name parts that stand for "no name" rather than a person. -#}
    {{ return(['unknown', 'unk', 'anonymous', 'anon', 'refused', 'client', 'none', 'na', 'nn', 'fnu', 'lnu',
               'noname', 'test', 'doe', 'dk', 'notprovided', 'notcollected', 'baby', 'babyboy', 'babygirl']) }}
{%- endmacro %}


{% macro dq_is_valid_ssn(ssn) -%}
    {#- HUD's SSN pattern rules (apr-caper.md Q6a): 9 digits; area not 000, 666 or 900-999; group not
        00; serial not 0000; not one digit repeated; not 9 sequential digits; not a number SSA
        retired because it was published (078-05-1120, 219-09-9999, 457-55-5462). -#}
    coalesce(
        length({{ ssn }}) = 9
        and translate({{ ssn }}, '0123456789', '') = ''
        and substr({{ ssn }}, 1, 3) not in ('000', '666')
        and substr({{ ssn }}, 1, 1) <> '9'
        and substr({{ ssn }}, 4, 2) <> '00'
        and substr({{ ssn }}, 6, 4) <> '0000'
        and {{ ssn }} <> repeat(substr({{ ssn }}, 1, 1), 9)
        and {{ ssn }} not in ('012345678', '123456789', '876543210', '987654321', '078051120', '219099999', '457555462'),
        false
    )
{%- endmacro %}


{% macro replace_every(expression, pattern, replacement) -%}
    {#- Every match of a regular expression replaced (DuckDB and PostgreSQL need the 'g' flag; Spark replaces all). -#}
    {{ return(adapter.dispatch('replace_every', 'waypoint')(expression, pattern, replacement)) }}
{%- endmacro %}

{% macro default__replace_every(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ pattern }}, {{ replacement }}, 'g')
{%- endmacro %}
