{#- Everyone engaged was contacted: per column, Q9b's engaged total (row 6) <= Q9a's contacted total (row 6). -#}
select q09b.request_id
from {{ ref('hud_apr_q09b_persons_engaged') }} as q09b
inner join {{ ref('hud_apr_q09a_persons_contacted') }} as q09a
    on q09b.request_id = q09a.request_id
    and q09a.row_order = 5
where q09b.row_order = 5
    and (
        q09b.all_persons_contacted > q09a.all_persons_contacted
        or q09b.first_contact_not_homeless > q09a.first_contact_not_homeless
        or q09b.first_contact_homeless > q09a.first_contact_homeless
        or q09b.first_contact_unable_to_determine > q09a.first_contact_unable_to_determine
    )
