{#- APR/CAPER Q4a Project Identifiers in HMIS: one row per request and project in its scope (HUD
    columns A-Q): the project's agency, ids, type, coordinated entry access point, affiliations, CoCs
    and geocodes, the HMIS software, the period, and the people and households whose reported stay is
    in the project. Column A (organization name) is the row label. -#}
{{ apr_project_identifiers(ref('int_report_clients')) }}
