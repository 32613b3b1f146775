{#- Sheltered PIT count (hic-pit-lsa.md §3), households with only children: one row per HIC/PIT request and
    HUD row, with ES, TH, SH and total columns. -#}
{{ pit_table('only_children') }}
