{#- APR Q27g Cash Income - Sources - Youth: Q17 for youth who are adults or heads of household (heads
    under 18 included). -#}
{{ apr_cash_income_sources_table('Q27g', 'is_youth') }}
