-- project_type_groups names only project types of HUD list 2.02.6.
select project_type_group, project_type
from {{ ref('project_type_groups') }}
where cast(project_type as {{ dbt.type_string() }}) not in (
    select code from {{ ref('stg_hud_spec__code_labels') }} where list_id = '2.02.6'
)
