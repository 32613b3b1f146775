{#- PIT count summary, sheltered and unsheltered (pit-hdx.md §6): one row per HIC/PIT request and summary
    row (households, persons by household type, chronically homeless, veterans, youth households) with
    ES, TH, SH, unsheltered and the total of all four. -#}
select
    request_id,
    row_order,
    row_label,
    emergency_shelter,
    transitional_housing,
    safe_haven,
    unsheltered,
    total_with_unsheltered as total
from {{ ref('hud_hic_pit_sheltered_counts') }}
where pit_table = 'summary'
