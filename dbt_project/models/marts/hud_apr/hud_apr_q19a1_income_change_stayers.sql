{#- APR Q19a1 Client Cash Income Change - by Start and Latest Status: adult stayers of households whose
    head has stayed 365 days or more, with an annual assessment in the window and a known income at
    start and at it. -#}
{{ apr_income_change_table('Q19a1', 'at_annual_assessment') }}
