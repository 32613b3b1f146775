{#- Q6a's issue rates divide by Q5a B2 (persons in the data-quality universe), and Q5a's data-quality
    universe is never larger than everyone served (B2 <= C2). -#}
select q06a.request_id
from {{ ref('hud_apr_q06a_dq_personally_identifiable_information') }} as q06a
inner join {{ ref('hud_apr_q05a_report_validations') }} as q05a
    on q06a.request_id = q05a.request_id
    and q05a.row_order = 1
where q05a.count_of_clients_for_dq > q05a.count_of_clients
    or abs(q06a.issue_rate - {{ apr_rate('q06a.total', 'q05a.count_of_clients_for_dq') }}) > 0.00005
