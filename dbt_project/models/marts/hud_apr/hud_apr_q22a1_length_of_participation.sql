{#- APR Q22a1 Length of Participation - CoC Projects: people by days in the project up to exit or the
    period end (night-by-night shelter: bed nights), in HUD's CoC buckets. -#}
{{ apr_length_of_participation_table('Q22a1', apr_coc_length_buckets()) }}
