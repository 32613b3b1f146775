{#- APR/CAPER Q23c Exit Destination: leavers by destination (3.12) with class subtotals, then the people
    exiting to positive housing destinations and those whose destination excludes them, by the project
    type of the stay they left (apr-caper.md Q23c; docs/decisions.md), and the rate positive / (total -
    excluded). -#}
{{ apr_exit_destination_table('Q23c', 'true') }}
