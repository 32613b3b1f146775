{#- Veteran tables: Q25b counts every household of Q8a but the child-only ones (total row 7 = Q8a row 2,
    column by column); its households with a chronically homeless veteran (row 2) and with any veteran
    (rows 2-3) are at most Q25a's such veterans; Q25d's total (row 10) is Q25a's veterans (rows 2-3). -#}
{%- set columns = apr_household_type_columns(with_only_children=false) %}
with

q25a_veterans as (

    select
        request_id,
        {%- for column in columns %}
        sum(case when row_order = 1 then {{ column }} else 0 end) as chronic_{{ column }},
        sum({{ column }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('hud_apr_q25a_veterans') }}
    where row_order in (1, 2)
    group by request_id

),

q25b_veterans as (

    select
        request_id,
        {%- for column in columns %}
        sum(case when row_order = 1 then {{ column }} else 0 end) as chronic_{{ column }},
        sum({{ column }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('hud_apr_q25b_veteran_households') }}
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
select q25b_veterans.request_id, 'Q25b veterans' as rule
from q25b_veterans
inner join q25a_veterans
    on q25b_veterans.request_id = q25a_veterans.request_id
where
    {%- for column in columns %}
    q25b_veterans.chronic_{{ column }} > q25a_veterans.chronic_{{ column }}
    or q25b_veterans.{{ column }} > q25a_veterans.{{ column }}{{ ' or' if not loop.last }}
    {%- endfor %}
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
