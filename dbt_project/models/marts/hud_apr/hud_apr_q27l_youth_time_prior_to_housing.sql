{#- APR Q27l Length of Time Prior to Housing - based on 3.917 Date Homelessness Started - Youth: Q22e for
    youth. -#}
{{ apr_time_prior_to_housing_table('Q27l', 'is_youth', rows_of='Q22e') }}
