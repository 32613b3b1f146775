{#- APR Q25i Exit Destination - Veterans: Q23c for the veterans who left. -#}
{{ apr_exit_destination_table('Q25i', 'is_veteran', rows_of='Q23c') }}
