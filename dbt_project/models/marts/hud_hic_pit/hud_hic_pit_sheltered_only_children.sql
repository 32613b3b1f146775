{#- Sheltered PIT count (hic-pit-lsa.md §3), Households with only Children: one row per HIC/PIT request and HUD row, with
    ES, TH, SH and total columns. -#}
select
    request_id,
    row_order,
    row_label,
    emergency_shelter,
    transitional_housing,
    safe_haven,
    total
from {{ ref('hud_hic_pit_sheltered_counts') }}
where pit_table = 'only_children'
