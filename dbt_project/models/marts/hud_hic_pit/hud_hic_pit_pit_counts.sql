{#- The whole PIT count in long form (pit-hdx.md §6): HUD's PIT tables with the sheltered columns (ES, TH,
    SH) and the HMIS-based unsheltered column, one row per HIC/PIT request, table and HUD row; total = all
    four. The HDX PIT file (pipelines/reports/hdx_pit.py) is written from it. -#}
{{ pit_count_rows(
    "select * from " ~ ref('hud_hic_pit_sheltered_persons')
    ~ " union all select * from " ~ ref('hud_hic_pit_unsheltered_persons'),
    with_unsheltered=true
) }}
