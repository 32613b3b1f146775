{#- The PIT tables in long form (hic-pit-lsa.md §3, pit-hdx.md §6): one row per HIC/PIT request, table and
    HUD row, with households or persons per column (ES, TH, SH, sheltered total, the HMIS-based unsheltered
    count and the total with it). `row_group` says what a row
    counts (households, persons, age, sex, race, chronic_households, chronic_persons, veterans, parents,
    parents_by_age, children, children_by_parent_age, population, summary), so that HUD's identities
    can be tested (tests/hud_spm/assert_pit_*). Each hud_hic_pit_sheltered_* mart takes one table. -#}
{{ pit_count_rows(
    "select * from " ~ ref('hud_hic_pit_sheltered_persons')
    ~ " union all select * from " ~ ref('hud_hic_pit_unsheltered_persons')
) }}
