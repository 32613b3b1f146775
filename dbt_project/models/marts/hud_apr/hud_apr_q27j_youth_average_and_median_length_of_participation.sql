{#- APR Q27j Average and Median Length of Participation in Days - Youth: Q22b for youth. -#}
{{ apr_length_summary_table('Q27j', 'is_youth', rows_of='Q22b') }}
