{#- HDX 2.0: an LSA whose LSAReport.NotOneHoH is above zero may be uploaded for local review but not submitted to
    HUD (LSA spec §3.3): fix the households without exactly one head of household, then build the LSA again. -#}
select request_id, report_coc, not_one_hoh
from {{ ref('hud_lsa_report') }}
where not_one_hoh > 0
