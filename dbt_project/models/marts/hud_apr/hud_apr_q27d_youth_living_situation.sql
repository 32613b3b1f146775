{#- APR Q27d Living Situation - Youth: Q15 for youth heads of household. -#}
{{ apr_prior_living_situation_table('Q27d', 'is_youth and is_head_of_household', rows_of='Q15') }}
