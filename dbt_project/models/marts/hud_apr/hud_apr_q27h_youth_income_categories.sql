{#- APR Q27h Client Cash Income Category - Earned/Other Income Category - by Start and Annual
    Assessment/Exit Status - Youth: Q18 for youth who are adults or heads of household. -#}
{{ apr_income_categories_table('Q27h', 'is_youth') }}
