{#- CE APR: per household-type column, the households assessed (Q9a B5), prioritized or not (Q9b B2 + B3,
    every household has one or the other) and with their one event in Q9c (B6) or Q9d (B16) fit Q8a B2. -#}
{%- set columns = apr_household_type_columns() %}
select q08a.request_id
from {{ ref('hud_ce_apr_q08a_households_served') }} as q08a
inner join {{ ref('hud_ce_apr_q09a_assessment_type') }} as q09a
    on q08a.request_id = q09a.request_id
    and q09a.row_order = 4
inner join {{ ref('hud_ce_apr_q09b_prioritization_status') }} as prioritized
    on q08a.request_id = prioritized.request_id
    and prioritized.row_order = 1
inner join {{ ref('hud_ce_apr_q09b_prioritization_status') }} as not_prioritized
    on q08a.request_id = not_prioritized.request_id
    and not_prioritized.row_order = 2
inner join {{ ref('hud_ce_apr_q09c_access_events') }} as q09c
    on q08a.request_id = q09c.request_id
    and q09c.row_order = 5
inner join {{ ref('hud_ce_apr_q09d_referral_events') }} as q09d
    on q08a.request_id = q09d.request_id
    and q09d.row_order = 15
where q08a.row_order = 1
    and (
        {%- for column in columns %}
        q09a.{{ column }} > q08a.{{ column }}
        or prioritized.{{ column }} + not_prioritized.{{ column }} <> q08a.{{ column }}
        or q09c.{{ column }} + q09d.{{ column }} > q08a.{{ column }}{{ ' or' if not loop.last }}
        {%- endfor %}
    )
