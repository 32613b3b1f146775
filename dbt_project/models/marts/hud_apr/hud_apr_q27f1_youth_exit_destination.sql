{#- APR Q27f1 Exit Destination - Youth: Q23c for the youth who left. -#}
{{ apr_exit_destination_table('Q27f1', 'is_youth', rows_of='Q23c') }}
