{#- APR Q26d Age of Chronically Homeless Persons: the chronically homeless people of Q26b by age band,
    by household type. -#}
{{ apr_age_table('Q26d', 'is_chronically_homeless', [
    ('0_17', 0, 17), ('18_24', 18, 24), ('25_34', 25, 34), ('35_44', 35, 44), ('45_54', 45, 54), ('55_64', 55, 64),
    ('65_plus', 65, none),
]) }}
