{#- Sheltered PIT count (hic-pit-lsa.md §3), additional homeless populations (adults): one row per HIC/PIT request and
    HUD row, with ES, TH, SH and total columns. -#}
{{ pit_table('additional_populations') }}
