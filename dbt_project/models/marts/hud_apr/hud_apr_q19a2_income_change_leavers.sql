{#- APR Q19a2 Client Cash Income Change - by Start and Exit: adult leavers with a known income at start
    and at exit. -#}
{{ apr_income_change_table('Q19a2', 'at_exit') }}
