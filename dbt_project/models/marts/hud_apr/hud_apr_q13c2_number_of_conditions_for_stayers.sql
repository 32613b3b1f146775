{#- APR Q13c2 Number of Conditions for Stayers (stayers, latest records): people by how many conditions
    they reported, by household type, adults and children of households with children and adults apart. -#}
{{ apr_condition_count_table('Q13c2', 'latest', 'is_stayer') }}
