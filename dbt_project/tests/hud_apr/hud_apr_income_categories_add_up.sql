{#- Q16, Q18, Q20b and Q27h put each person in exactly one category per column: the category rows add up
    to the total row (Q16 rows 2-13 -> 14; Q18 and Q27h rows 2-9 -> 10; Q20b rows 2-5 -> 6; blank cells
    as 0). -#}
{%- set tables = [
    ('hud_apr_q16_cash_income_ranges', 12, 13), ('hud_apr_q18_cash_income_categories', 8, 9),
    ('hud_apr_q20b_number_of_non_cash_benefit_sources', 4, 5), ('hud_apr_q27h_youth_income_categories', 8, 9),
] %}
{%- for model, last_category_row, total_row in tables %}
select '{{ model }}' as question, categories.request_id
from (
    select
        request_id,
        sum(coalesce(at_start, 0)) as at_start,
        sum(coalesce(at_annual_assessment, 0)) as at_annual_assessment,
        sum(coalesce(at_exit, 0)) as at_exit
    from {{ ref(model) }}
    where row_order <= {{ last_category_row }}
    group by request_id
) as categories
inner join {{ ref(model) }} as totals
    on categories.request_id = totals.request_id
    and totals.row_order = {{ total_row }}
where categories.at_start <> totals.at_start
    or categories.at_annual_assessment <> totals.at_annual_assessment
    or categories.at_exit <> totals.at_exit
{% if not loop.last %}union all{% endif %}
{%- endfor %}
