{#- APR Q25j Exit Destination – Subsidy Type of Persons Exiting to Rental by Client With An Ongoing
    Subsidy - Veterans: Q23d for the veterans who left (no child-only households). -#}
{{ apr_exit_subsidy_type_table('Q25j', 'is_veteran', with_only_children=false, rows_of='Q23d') }}
