{#- APR Q13b2 Number of Conditions at Exit (leavers, stage-3 records): people by how many conditions
    they reported, by household type, adults and children of households with children and adults apart. -#}
{{ apr_condition_count_table('Q13b2', 'exit', 'is_leaver') }}
