{#- APR Q13a2 Number of Conditions at Start (everyone, stage-1 records): people by how many conditions
    they reported, by household type, adults and children of households with children and adults apart. -#}
{{ apr_condition_count_table('Q13a2', 'start', 'true') }}
