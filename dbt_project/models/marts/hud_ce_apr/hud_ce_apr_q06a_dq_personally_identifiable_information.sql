{#- CE APR Q6a Data Quality: Personally Identifying Information: the APR's table (name, SSN, DOB, race and
    ethnicity, overall) over the CE APR's data-quality universe; rates divide by Q5a B2. -#}
{{ apr_pii_table('Q6a', '(select * from ' ~ ref('int_ce_apr_clients') ~ ' where is_in_dq_universe) as dq_clients') }}
