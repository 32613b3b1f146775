{#- Veteran tables: Q25b counts every household of Q8a but the child-only ones (its total row is Q8a's total
    row less child-only households, column by column); Q25d's total is Q25a's veterans (rows 1-2). Q25b's
    veteran households are not bounded by Q25a's veterans: HUD counts households by their heads, so a household
    recorded with two heads (a Q6b data issue) counts twice with one veteran; the state preset has such households.
-#}
{%- set columns = apr_household_type_columns(with_only_children=false) %}
with

q25a_veterans as (

    select
        request_id,
        {%- for column in columns %}
        sum({{ column }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('hud_apr_q25a_veterans') }}
    where row_order in (1, 2)
    group by request_id

)

select q25b.request_id, 'Q25b total' as rule
from {{ ref('hud_apr_q25b_veteran_households') }} as q25b
inner join {{ ref('hud_apr_q08a_households_served') }} as q08a
    on q25b.request_id = q08a.request_id
    and q08a.row_order = 1
where q25b.row_order = 6
    and (
        q25b.total <> q08a.total - q08a.with_only_children
        or q25b.without_children <> q08a.without_children
        or q25b.with_children_and_adults <> q08a.with_children_and_adults
        or q25b.unknown_household_type <> q08a.unknown_household_type
    )
union all
select q25d.request_id, 'Q25d total' as rule
from {{ ref('hud_apr_q25d_veteran_age') }} as q25d
inner join q25a_veterans
    on q25d.request_id = q25a_veterans.request_id
where q25d.row_order = 9
    and (
        {%- for column in columns %}
        q25d.{{ column }} <> q25a_veterans.{{ column }}{{ ' or' if not loop.last }}
        {%- endfor %}
    )
