{#- HDX 2.0 validation of Inventory.csv (LSA spec §4.5): BedInventory equals the sum of the seven bed categories
    (CH veteran, youth veteran, veteran, CH youth, youth, CH, other). One row per inventory record that does not. -#}
select
    request_id,
    inventory_id,
    project_id,
    bed_inventory,
    ch_vet_bed_inventory + youth_vet_bed_inventory + vet_bed_inventory + ch_youth_bed_inventory
        + youth_bed_inventory + ch_bed_inventory + other_bed_inventory as categories
from {{ ref('hud_lsa_inventory') }}
where bed_inventory is null
    or bed_inventory <> ch_vet_bed_inventory + youth_vet_bed_inventory + vet_bed_inventory + ch_youth_bed_inventory
        + youth_bed_inventory + ch_bed_inventory + other_bed_inventory
