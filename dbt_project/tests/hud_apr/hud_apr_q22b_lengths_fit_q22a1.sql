{#- Q22b's average and median lengths (leavers, stayers) lie within the day ranges of the Q22a1 rows that
    hold those people (lowest row's first day .. highest row's last day), and are 0 when Q22a1 has
    nobody in the column. -#}
with

bucket_days as (

    {%- for row_order, first_day, last_day in [
        (1, 0, 30), (2, 31, 60), (3, 61, 90), (4, 91, 180), (5, 181, 365), (6, 366, 730), (7, 731, 1095),
        (8, 1096, 1460), (9, 1461, 1825), (10, 1826, 1000000),
    ] %}
    select {{ row_order }} as row_order, {{ first_day }} as first_day, {{ last_day }} as last_day
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

ranges as (

    {%- for column in ['leavers', 'stayers'] %}
    select
        q22a1.request_id,
        '{{ column }}' as population,
        sum(q22a1.{{ column }}) as people,
        min(case when q22a1.{{ column }} > 0 then bucket_days.first_day end) as first_day,
        max(case when q22a1.{{ column }} > 0 then bucket_days.last_day end) as last_day
    from {{ ref('hud_apr_q22a1_length_of_participation') }} as q22a1
    inner join bucket_days
        on q22a1.row_order = bucket_days.row_order
    group by q22a1.request_id
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

lengths as (

    {%- for column in ['leavers', 'stayers'] %}
    select request_id, row_order, '{{ column }}' as population, {{ column }} as days
    from {{ ref('hud_apr_q22b_average_and_median_length_of_participation') }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

)

select lengths.request_id, lengths.row_order, lengths.population
from lengths
inner join ranges
    on lengths.request_id = ranges.request_id
    and lengths.population = ranges.population
where (ranges.people = 0 and lengths.days <> 0)
    or (ranges.people > 0 and (lengths.days < ranges.first_day or lengths.days > ranges.last_day))
