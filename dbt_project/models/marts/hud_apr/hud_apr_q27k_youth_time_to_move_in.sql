{#- APR Q27k Length of Time between Project Start Date and Housing Move-in Date - Youth: Q22c for youth. -#}
{{ apr_time_to_move_in_table('Q27k', 'is_youth', rows_of='Q22c') }}
