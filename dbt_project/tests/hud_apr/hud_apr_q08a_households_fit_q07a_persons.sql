{#- Every household of Q8a has its head among Q7a's people of the same household type: per column,
    Q8a B2-F2 <= Q7a B6-F6, and a household type with households has people. -#}
select q08a.request_id
from {{ ref('hud_apr_q08a_households_served') }} as q08a
inner join {{ ref('hud_apr_q07a_persons_served') }} as q07a
    on q08a.request_id = q07a.request_id
    and q07a.row_order = 5
where q08a.row_order = 1
    and (
        q08a.total > q07a.total
        or q08a.without_children > q07a.without_children
        or q08a.with_children_and_adults > q07a.with_children_and_adults
        or q08a.with_only_children > q07a.with_only_children
        or q08a.unknown_household_type > q07a.unknown_household_type
    )
