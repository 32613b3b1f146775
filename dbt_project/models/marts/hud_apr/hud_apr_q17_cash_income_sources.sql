{#- APR/CAPER Q17 Cash Income - Sources: adults whose income record at start, at the annual assessment
    (stayers who owe one) or at exit (leavers) says yes to each cash source; a person counts under every
    source they have. The last row counts adults who answered yes or no both at start and later. -#}
{{ apr_cash_income_sources_table('Q17', 'is_adult') }}
