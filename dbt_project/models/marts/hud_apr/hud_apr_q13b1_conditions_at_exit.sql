{#- APR/CAPER Q13b1 Physical and Mental Health Conditions at Exit (leavers, stage-3 records):
    people with each condition answered yes (not only indefinite and impairing), by household type,
    adults and children of households with children and adults apart; unknown-age people count under
    unknown household type (GR). -#}
{{ apr_conditions_table('Q13b1', 'exit', 'is_leaver') }}
