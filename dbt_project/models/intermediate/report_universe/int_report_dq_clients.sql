{#- The data-quality universe of each request (APR/CAPER Q5a column B, Q6a-Q6f): one row per request and
    person, their latest active stay once street outreach stays without engagement by the period end are
    left out (the filter comes before choosing the latest stay, glossary §2). -#}
{{ report_clients('is_latest_dq_stay') }}
