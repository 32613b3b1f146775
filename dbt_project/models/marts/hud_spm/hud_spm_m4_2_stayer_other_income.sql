{#- SPM Measure 4.2 (spm.md): adults who are system stayers whose non-employment cash income increased, one row per request and HUD row. -#}
select
    request_id,
    row_order,
    row_label,
    cast(null as numeric(12, 2)) as previous_fy,
    current_fy,
    cast(null as numeric(12, 2)) as difference
from {{ ref('int_spm_m4_table_rows') }}
where hud_table = '4.2'
