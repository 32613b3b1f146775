{#- LSAHousehold and LSAPerson count the same heads of household (LSA spec §5.13 HoHEST/RRH/PSH, §6.3
    ESTStatus/RRHStatus/PSHStatus): for each project group and household type, LSAHousehold's RowTotals of
    households served in the group in the period (status 11, 12, 21 or 22) add up to LSAPerson's RowTotals of
    people whose HoH column for the group holds that household type (its digit: 1 AO, 2 AC, 3 CO, 9 UN). Not
    for the HIC, which has no LSAHousehold. One row per LSA, group and household type that does not add up. -#}
{%- set groups = ['est', 'rrh', 'psh'] -%}
with

household_counts as (

    {% for group in groups -%}
    select request_id, '{{ group | upper }}' as project_group, hh_type, sum(row_total) as households
    from {{ ref('hud_lsa_household') }}
    where {{ group }}_status in (11, 12, 21, 22)
    group by request_id, hh_type
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

head_counts as (

    {% for group in groups -%}
    select person.request_id, '{{ group | upper }}' as project_group, types.hh_type, sum(person.row_total) as heads
    from {{ ref('hud_lsa_person') }} as person
    inner join (select 1 as hh_type, '1' as digit union all select 2, '2' union all select 3, '3'
        union all select 99, '9') as types
        on person.hoh_{{ group }} > 0
        and position(types.digit in cast(person.hoh_{{ group }} as varchar)) > 0
    group by person.request_id, types.hh_type
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        coalesce(household_counts.request_id, head_counts.request_id) as request_id,
        coalesce(household_counts.project_group, head_counts.project_group) as project_group,
        coalesce(household_counts.hh_type, head_counts.hh_type) as hh_type,
        coalesce(household_counts.households, 0) as lsa_household_row_totals,
        coalesce(head_counts.heads, 0) as lsa_person_heads
    from household_counts
    full outer join head_counts
        on household_counts.request_id = head_counts.request_id
        and household_counts.project_group = head_counts.project_group
        and household_counts.hh_type = head_counts.hh_type

)

select final.*
from final
inner join {{ ref('int_lsa_reports') }} as reports
    on final.request_id = reports.request_id
where reports.lsa_scope <> 3
    and final.lsa_household_row_totals <> final.lsa_person_heads
