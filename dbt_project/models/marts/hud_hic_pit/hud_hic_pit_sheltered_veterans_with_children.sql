{#- Sheltered PIT count (hic-pit-lsa.md §3), veteran households with at least one adult and one child: one row per HIC/PIT request and
    HUD row, with ES, TH, SH and total columns. -#}
{{ pit_table('veterans_with_children') }}
