{#- APR/CAPER Q15 Living Situation: adults and heads of household by where they stayed before project
    start (3.917.1), with subtotals per class (homeless, institutional, temporary, permanent) and the
    unknown answers, by household type. -#}
{{ apr_prior_living_situation_table('Q15', 'is_adult_or_head') }}
