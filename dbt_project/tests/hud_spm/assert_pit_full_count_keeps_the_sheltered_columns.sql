-- Whole PIT count: its ES, TH and SH columns are the sheltered PIT's, cell by cell (the unsheltered
-- count only adds a column, and nobody sheltered is counted unsheltered).
select full_count.request_id, full_count.pit_table, full_count.row_order
from {{ ref('hud_hic_pit_pit_counts') }} as full_count
inner join {{ ref('hud_hic_pit_sheltered_counts') }} as sheltered
    on full_count.request_id = sheltered.request_id
    and full_count.pit_table = sheltered.pit_table
    and full_count.row_order = sheltered.row_order
where full_count.emergency_shelter <> sheltered.emergency_shelter
    or full_count.transitional_housing <> sheltered.transitional_housing
    or full_count.safe_haven <> sheltered.safe_haven
