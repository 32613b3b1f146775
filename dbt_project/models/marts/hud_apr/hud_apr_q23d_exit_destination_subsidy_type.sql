{#- APR/CAPER Q23d Exit Destination – Subsidy Type of Persons Exiting to Rental by Client With An Ongoing
    Subsidy: leavers to 435 by rental subsidy type (3.12.A), by household type; homelessness prevention
    is not reported. -#}
{{ apr_exit_subsidy_type_table('Q23d', 'true') }}
