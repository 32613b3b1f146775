{#- APR Q25d Age - Veterans: veterans (adults with 3.07 = 1) by age band, by household type (no child-only
    households). -#}
{{ apr_age_table('Q25d', 'is_veteran', [
    ('18_24', 18, 24), ('25_34', 25, 34), ('35_44', 35, 44), ('45_54', 45, 54), ('55_64', 55, 64), ('65_plus', 65, none),
], with_only_children=false) }}
