{#- APR Q27f2 Exit Destination – Subsidy Type of Persons Exiting to Rental by Client With An Ongoing
    Subsidy - Youth: Q23d for the youth who left. -#}
{{ apr_exit_subsidy_type_table('Q27f2', 'is_youth', rows_of='Q23d') }}
