{#- Sheltered PIT count (hic-pit-lsa.md §3), veteran households without children: one row per HIC/PIT request and
    HUD row, with ES, TH, SH and total columns. -#}
{{ pit_table('veterans_without_children') }}
