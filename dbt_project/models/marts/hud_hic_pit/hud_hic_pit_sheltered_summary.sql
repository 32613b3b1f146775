{#- Sheltered PIT count (hic-pit-lsa.md §3), totals by household type, with chronically homeless, veteran and youth rows: one row per HIC/PIT request and
    HUD row, with ES, TH, SH and total columns. -#}
{{ pit_table('summary') }}
