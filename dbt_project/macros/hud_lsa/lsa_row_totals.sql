{#- The rows of an LSA upload file (LSAPerson, LSAHousehold, LSAExit): one per request and distinct combination of
    the file's reporting categories. Portable SQL. -#}

{% macro lsa_row_totals(relation, categories) -%}
    {#- CTEs `counted` and `final` over `relation` (one row per counted person, household or exit): RowTotal is
        the number of rows of each combination of `categories`, row_order numbers the combinations in the
        categories' order within a request. The model ends with `select * from final`. -#}
counted as (

    select
        request_id,
        count(*) as row_total,
        {{ categories | join(',\n        ') }}
    from {{ relation }}
    group by request_id, {{ categories | join(', ') }}

),

final as (

    select
        request_id,
        row_number() over (partition by request_id order by {{ categories | join(', ') }}) as row_order,
        row_total,
        {{ categories | join(',\n        ') }}
    from counted

)
{%- endmacro %}
