{#- Unsheltered PIT count from HMIS (pit-hdx.md §4): one row per HIC/PIT request and person counted
    unsheltered on the count night (hud_hic_pit_unsheltered_on_night), with what the PIT tables count about
    the person and the household that night, as the sheltered count has them. Person-level: for system
    administrators. -#}
with

counted as (

    select * from {{ ref('hud_hic_pit_unsheltered_on_night') }}

),

chronic as (

    select * from {{ ref('hud_hic_pit_chronic_on_night') }}

),

conditions as (

    select * from {{ ref('hud_hic_pit_conditions_on_night') }}

),

{{ pit_counted_persons('counted') }}
