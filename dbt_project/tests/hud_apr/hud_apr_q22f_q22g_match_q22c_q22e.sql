{#- Q22f and Q22g split Q22c's and Q22e's people by race and ethnicity: the groups of Q22f add up to Q22c's
    people moved in (row 11) and exited without move-in (row 13); those of Q22g to Q22e's people moved in
    (row 12), and its people not yet moved in are at most Q22e's (row 13: Q22g leaves out people without a
    start date). -#}
{%- set groups = apr_race_groups() %}
with

race_sums as (

    {%- for model in ['hud_apr_q22f_time_to_move_in_by_race_and_ethnicity',
                      'hud_apr_q22g_time_prior_to_housing_by_race_and_ethnicity'] %}
    select
        '{{ model }}' as question,
        request_id,
        row_order,
        {%- for group in groups %}
        {{ group }}{{ ' +' if not loop.last }}
        {%- endfor %} as people
    from {{ ref(model) }}
    where row_order in (1, 2)
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

expected as (

    select 'hud_apr_q22f_time_to_move_in_by_race_and_ethnicity' as question, request_id, 1 as row_order,
        total as people, true as is_exact
    from {{ ref('hud_apr_q22c_time_to_move_in') }} where row_order = 10
    union all
    select 'hud_apr_q22f_time_to_move_in_by_race_and_ethnicity', request_id, 2, total, true
    from {{ ref('hud_apr_q22c_time_to_move_in') }} where row_order = 12
    union all
    select 'hud_apr_q22g_time_prior_to_housing_by_race_and_ethnicity', request_id, 1, total, true
    from {{ ref('hud_apr_q22e_time_prior_to_housing') }} where row_order = 11
    union all
    select 'hud_apr_q22g_time_prior_to_housing_by_race_and_ethnicity', request_id, 2, total, false
    from {{ ref('hud_apr_q22e_time_prior_to_housing') }} where row_order = 12

)

select race_sums.question, race_sums.request_id, race_sums.row_order
from race_sums
inner join expected
    on race_sums.question = expected.question
    and race_sums.request_id = expected.request_id
    and race_sums.row_order = expected.row_order
where (expected.is_exact and race_sums.people <> expected.people)
    or race_sums.people > expected.people
