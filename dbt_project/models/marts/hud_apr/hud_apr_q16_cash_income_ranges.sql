{#- APR/CAPER Q16 Cash Income - Ranges: adults by HUD's computed monthly cash income (glossary §12) at
    start, at the latest annual assessment (stayers who owe one; those not yet due or without one in
    the window have their own rows) and at exit (leavers). -#}
{%- set rows = {
    'no_income': "income_category = 'no_income'",
    '1_150': "income_category = 'income' and total_income_dollars <= 150",
    '151_250': "income_category = 'income' and total_income_dollars > 150 and total_income_dollars <= 250",
    '251_500': "income_category = 'income' and total_income_dollars > 250 and total_income_dollars <= 500",
    '501_1000': "income_category = 'income' and total_income_dollars > 500 and total_income_dollars <= 1000",
    '1001_1500': "income_category = 'income' and total_income_dollars > 1000 and total_income_dollars <= 1500",
    '1501_2000': "income_category = 'income' and total_income_dollars > 1500 and total_income_dollars <= 2000",
    '2001_plus': "income_category = 'income' and total_income_dollars > 2000",
    'dk_pnta': "income_category = 'dk_pnta'",
    'data_not_collected': "income_category = 'data_not_collected'",
    'aa_not_yet_required': "income_category = 'aa_not_yet_required'",
    'aa_missing': "income_category = 'aa_missing'",
    'total': 'true',
} %}

with

adult_income as (

    select * from {{ ref('int_report_cash_income') }} where is_adult

),

{{ apr_by_income_point('Q16', 'adult_income', rows) }}
