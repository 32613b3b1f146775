{#- Q24a (CAPER) reports every leaver of a homelessness prevention project once: its rows 2-15 add up
    to the total (row 16), which is the number of such leavers. -#}
with

prevention_leavers as (

    select request_id, count(distinct personal_key) as leavers
    from {{ ref('int_report_clients') }}
    where is_leaver and project_type = 12
    group by request_id

),

categories as (

    select request_id, sum(total) as total
    from {{ ref('hud_caper_q24a_hp_housing_assessment_at_exit') }}
    where row_order < 15
    group by request_id

)

select q24a.request_id
from {{ ref('hud_caper_q24a_hp_housing_assessment_at_exit') }} as q24a
inner join categories
    on q24a.request_id = categories.request_id
left join prevention_leavers
    on q24a.request_id = prevention_leavers.request_id
where q24a.row_order = 15
    and (q24a.total <> categories.total or q24a.total <> coalesce(prevention_leavers.leavers, 0))
