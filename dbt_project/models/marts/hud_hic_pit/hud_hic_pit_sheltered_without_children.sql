{#- Sheltered PIT count (hic-pit-lsa.md §3), households without children: one row per HIC/PIT request and
    HUD row, with ES, TH, SH and total columns. -#}
{{ pit_table('without_children') }}
