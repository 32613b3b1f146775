{#- APR/CAPER Q11 Age: people by age band at the later of entry and period start (glossary §5) and
    household type. -#}
{{ apr_age_table('Q11', 'true', [
    ('under_5', 0, 4), ('5_12', 5, 12), ('13_17', 13, 17), ('18_24', 18, 24), ('25_34', 25, 34), ('35_44', 35, 44),
    ('45_54', 45, 54), ('55_64', 55, 64), ('65_plus', 65, none),
]) }}
