-- hud_label reads HUD's labels; days_between / add_days / add_years do calendar arithmetic.
-- Returns the cases they get wrong.
with

labels as (

    select 116 as code, {{ hud_label('3.12.1', '116') }} as label
    union all select 1, {{ hud_label('2.02.6', '1') }}
    union all select 999, {{ hud_label('3.12.1', '999') }}

)

select 'hud_label' as macro_name, cast(code as {{ dbt.type_string() }}) as case_input
from labels
where (code = 116 and label not like 'Place not meant for habitation%')
    or (code = 1 and label <> 'Emergency Shelter – Night-by-Night')
    or (code = 999 and label is not null)
union all
select 'days_between', '2024-02-28..2024-03-01'
where {{ days_between("cast('2024-02-28' as date)", "cast('2024-03-01' as date)") }} <> 2
union all
select 'add_days', '2024-02-28 + 2'
where {{ add_days(2, "cast('2024-02-28' as date)") }} <> cast('2024-03-01' as date)
union all
select 'add_years', '2024-02-29 + 1 year'
where {{ add_years(1, "cast('2024-02-29' as date)") }} <> cast('2025-02-28' as date)
