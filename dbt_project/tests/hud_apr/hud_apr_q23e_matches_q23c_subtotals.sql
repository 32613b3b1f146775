{#- Q23e's total column repeats Q23c's class subtotals (homeless row 6, institutional 14, temporary 23,
    permanent 32, other 39) and total (row 40), and in every row the race and ethnicity groups add up to
    the total column. -#}
with

pairs as (

    {%- for q23e_row, q23c_row in [(1, 5), (2, 13), (3, 22), (4, 31), (5, 38), (6, 39)] %}
    select {{ q23e_row }} as q23e_row, {{ q23c_row }} as q23c_row
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

)

select q23e.request_id, q23e.row_order
from {{ ref('hud_apr_q23e_exit_destination_type_by_race_and_ethnicity') }} as q23e
inner join pairs
    on q23e.row_order = pairs.q23e_row
inner join {{ ref('hud_apr_q23c_exit_destination') }} as q23c
    on q23e.request_id = q23c.request_id
    and q23c.row_order = pairs.q23c_row
where q23e.total <> q23c.total
    or q23e.total <> (
        {%- for group in apr_race_groups() %}
        q23e.{{ group }}{{ ' +' if not loop.last }}
        {%- endfor %}
    )
