{#- APR/CAPER Q13a1 Physical and Mental Health Conditions at Start (everyone, stage-1 records):
    people with each condition answered yes (not only indefinite and impairing), by household type,
    adults and children of households with children and adults apart; unknown-age people count under
    unknown household type (GR). -#}
{{ apr_conditions_table('Q13a1', 'start', 'true') }}
