{#- APR Q27e Length of Participation - Youth: Q22a1 for youth. -#}
{{ apr_length_of_participation_table('Q27e', apr_coc_length_buckets(), universe='is_youth', rows_of='Q22a1') }}
