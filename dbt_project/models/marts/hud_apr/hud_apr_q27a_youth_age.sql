{#- APR Q27a Age of Youth: youth (12-24 in households without anyone 25 or older, glossary §14) by age
    band, by household type. -#}
{{ apr_age_table('Q27a', 'is_youth', [('12_17', 12, 17), ('18_24', 18, 24)]) }}
