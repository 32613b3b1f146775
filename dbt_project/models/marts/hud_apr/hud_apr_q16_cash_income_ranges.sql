{#- APR/CAPER Q16 Cash Income - Ranges: adults by HUD's computed monthly cash income (glossary §12) at
    start, at the latest annual assessment (stayers who owe one; those not yet due or without one in
    the window have their own rows) and at exit (leavers). -#}
{%- set rows = apr_income_range_rows() %}

with

adult_income as (

    select * from {{ ref('int_report_cash_income') }} where is_adult

),

{{ apr_by_income_point('Q16', 'adult_income', rows) }}
