{#- APR Q27i Disabling Conditions and Income for Youth at Exit: Q19b for youth leavers who are adults or
    heads of household, with a column group for child-only households. -#}
{{ apr_disabling_condition_income_table('Q27i', 'is_youth and is_adult_or_head', with_only_children=true) }}
