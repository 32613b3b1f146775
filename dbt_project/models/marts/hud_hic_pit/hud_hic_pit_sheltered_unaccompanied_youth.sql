{#- Sheltered PIT count (hic-pit-lsa.md §3), unaccompanied youth households: one row per HIC/PIT request and
    HUD row, with ES, TH, SH and total columns. -#}
{{ pit_table('unaccompanied_youth') }}
