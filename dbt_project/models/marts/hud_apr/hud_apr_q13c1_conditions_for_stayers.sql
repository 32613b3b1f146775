{#- APR/CAPER Q13c1 Physical and Mental Health Conditions for Stayers (stayers, latest records):
    people with each condition answered yes (not only indefinite and impairing), by household type,
    adults and children of households with children and adults apart; unknown-age people count under
    unknown household type (GR). -#}
{{ apr_conditions_table('Q13c1', 'latest', 'is_stayer') }}
