{#- APR/CAPER Q19b Disabling Conditions and Income for Adults at Exit: adult leavers who answered the
    disabling condition (3.08) and income from any source at exit (0/1), per cash income source at exit,
    with and without a disabling condition, by household type (no child-only households). -#}
{{ apr_disabling_condition_income_table('Q19b', 'is_adult') }}
