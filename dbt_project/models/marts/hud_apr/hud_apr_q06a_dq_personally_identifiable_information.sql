{#- APR/CAPER Q6a Data Quality: Personally Identifying Information (name, SSN, DOB, race and
    ethnicity) over the data-quality universe. Within an element the columns exclude each other: the
    first problem found counts (don't know/prefers not, then missing, then data issue). The overall
    row counts people with a problem in any element. Rates divide by Q5a B2. -#}
{{ apr_pii_table('Q6a', ref('int_report_dq_clients')) }}
