{#- APR/CAPER Q22e Length of Time Prior to Housing - based on 3.917 Date Homelessness Started: people in
    ES, TH, SH and PH (PSH, PH-HO, RRH, Pay for Success) by days from the date their homelessness started
    (3.917.3; children who entered with the head take the head's) to housing: project start in
    ES/TH/SH, move-in in PH. -#}
{{ apr_time_prior_to_housing_table('Q22e', 'true') }}
