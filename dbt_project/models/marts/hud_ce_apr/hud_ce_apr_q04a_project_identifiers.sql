{#- CE APR Q4a Project Identifiers in HMIS: one row per request and project of its scope holding a coordinated
    entry record the report keeps (HUD columns A-Q, as the APR's); P and Q count the CE APR's people and
    households whose reporting stay is in the project. -#}
{{ apr_project_identifiers(ref('int_ce_apr_clients'), projects_of=ref('int_ce_apr_records')) }}
