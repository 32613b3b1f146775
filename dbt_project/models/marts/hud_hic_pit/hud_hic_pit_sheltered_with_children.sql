{#- Sheltered PIT count (hic-pit-lsa.md §3), households with at least one adult and one child: one row per HIC/PIT request and
    HUD row, with ES, TH, SH and total columns. -#}
{{ pit_table('with_children') }}
