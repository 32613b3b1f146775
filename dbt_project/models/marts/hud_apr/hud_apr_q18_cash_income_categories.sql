{#- APR Q18 Client Cash Income Category - Earned/Other Income Category - by Start and Annual
    Assessment/Exit Status: adults by whether their income is earned, other, both or none (glossary
    §12: other = total - earned), with the unknown answers, at start, annual assessment (stayers; not
    yet due and missing have their own rows) and exit (leavers). -#}
{{ apr_income_categories_table('Q18', 'is_adult') }}
