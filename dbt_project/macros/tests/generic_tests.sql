{#- Generic data tests Waypoint writes itself (no dbt hub packages can be fetched). -#}

{% test unique_combination_of_columns(model, combination_of_columns) -%}
    {#- The columns together identify a row: returns each combination found more than once. -#}
    select {{ combination_of_columns | join(', ') }}, count(*) as rows_with_combination
    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1
{%- endtest %}


{% test expression_is_true(model, expression, column_name=none) -%}
    {#- An invariant between columns: returns the rows where it does not hold. -#}
    select * from {{ model }} where not ({{ expression }})
{%- endtest %}


{% test hmis_codes_in_lists(model, columns) -%}
    {#- Coded HMIS columns hold codes of their HUD list in the row's CSV version. `columns` maps a
        column to {fy2026: list id, fy2024: list id}; FY2022 rows were mapped to the FY2024 shape at
        ingest, so they take FY2024's lists. Returns one row per column and value outside the list;
        ingestion has already flagged each one as a finding, so this test warns. -#}
    {%- for column, lists in columns.items() %}
    select
        '{{ column }}' as column_name,
        cast(checked.{{ column }} as {{ dbt.type_string() }}) as value,
        checked.csv_version,
        count(*) as rows_with_value
    from {{ model }} as checked
    where checked.{{ column }} is not null
        and not exists (
            select 1
            from {{ ref('stg_hud_spec__code_labels') }} as codes
            where codes.code = cast(checked.{{ column }} as {{ dbt.type_string() }})
                and (
                    (checked.csv_version in ('fy2024', 'fy2022') and codes.list_id = '{{ lists.fy2024 }}' and codes.in_fy2024)
                    or (checked.csv_version not in ('fy2024', 'fy2022') and codes.list_id = '{{ lists.fy2026 }}'
                        and codes.in_fy2026)
                )
        )
    group by 1, 2, 3
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endtest %}
