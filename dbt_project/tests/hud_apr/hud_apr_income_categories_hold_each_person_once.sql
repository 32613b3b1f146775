{#- Q16 and Q18 (adults) and Q27h (youth) hold each person in exactly one category row per income column
    (the rows before "Total"): one failing row per person and column in none or several, with the income
    record the column read — the records behind a failed hud_apr_income_categories_add_up. -#}
{%- set tables = [
    ('Q16', 'is_adult', apr_income_range_rows()),
    ('Q18', 'is_adult', apr_income_category_rows()),
    ('Q27h', 'is_youth', apr_income_category_rows()),
] %}
with

cash_income as (

    select * from {{ ref('int_report_cash_income') }}

),

requests as (

    select requests.request_id, report_tables.table_id
    from {{ ref('stg_meta__report_requests') }} as requests
    inner join {{ ref('report_tables') }} as report_tables
        on requests.report = report_tables.report

),

matched as (

    {%- for table_id, universe, rows in tables %}
    {%- set ns = namespace(categories=[], past_total=false) %}
    {%- for row_key, condition in rows.items() %}
        {%- if row_key == 'total' %}{% set ns.past_total = true %}{% endif %}
        {%- if not ns.past_total %}{% do ns.categories.append('case when ' ~ condition ~ ' then 1 else 0 end') %}{% endif %}
    {%- endfor %}
    select
        '{{ table_id }}' as question,
        cash_income.request_id,
        cash_income.income_column,
        cash_income.personal_key,
        cash_income.enrollment_key,
        cash_income.income_benefits_key,
        cash_income.income_category,
        cash_income.total_income,
        cash_income.earned_income,
        cash_income.other_income,
        {{ ns.categories | join(' + ') }} as categories_matched
    from cash_income
    inner join requests
        on cash_income.request_id = requests.request_id
        and requests.table_id = '{{ table_id }}'
    where cash_income.{{ universe }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

)

select * from matched where categories_matched <> 1
