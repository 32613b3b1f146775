{#- SPM Measure 1, housed nights removed (spm.md M1 step 2): one row per request, M1 variant, person and
    run of consecutive homeless nights, never before the person's birth. One sweep over the span
    boundaries keeps a count per kind of span covering each segment of nights; a variant's nights are
    homeless where a span it counts as homeless covers them and no span it counts as housed does:

      1a.1  shelter                                          housed: transitional, PH after move-in
      1a.2  shelter, transitional                            housed: PH after move-in
      1b.1  shelter, PH before move-in, self-reported        housed: transitional, PH after move-in
      1b.2  all of the above, and TH's self-reported time    housed: PH after move-in

    Each run also keeps its last bed night: the latest night a stay itself (not self-reported time)
    makes homeless. Steps 1, 2d and 3 select persons and their client end date from bed nights only;
    self-reported time (3.917.3) is added in step 5 to persons already selected. -#}
{%- set kinds = ['shelter', 'transitional', 'housing_before_move_in', 'self_reported', 'self_reported_transitional',
    'housing_after_move_in'] -%}
{%- set variants = {
    '1a_1': "shelter > 0 and transitional = 0 and housing_after_move_in = 0",
    '1a_2': "(shelter > 0 or transitional > 0) and housing_after_move_in = 0",
    '1b_1': "(shelter > 0 or housing_before_move_in > 0 or self_reported > 0) and transitional = 0
        and housing_after_move_in = 0",
    '1b_2': "(shelter > 0 or transitional > 0 or housing_before_move_in > 0 or self_reported > 0
        or self_reported_transitional > 0) and housing_after_move_in = 0",
} -%}
{%- set bed_night_variants = {
    '1a_1': variants['1a_1'],
    '1a_2': variants['1a_2'],
    '1b_1': "(shelter > 0 or housing_before_move_in > 0) and transitional = 0 and housing_after_move_in = 0",
    '1b_2': "(shelter > 0 or transitional > 0 or housing_before_move_in > 0) and housing_after_move_in = 0",
} -%}

with

spans as (

    select * from {{ ref('int_spm_m1_night_spans') }}

),

births as (

    select request_id, client_id, min(dob) as dob
    from {{ ref('int_spm_enrollments') }}
    where dob is not null
    group by request_id, client_id

),

-- A span adds 1 to its kind's cover from its first night and takes it away after its last night.
boundaries as (

    select request_id, client_id, first_night as boundary_date, night_kind, 1 as cover_change
    from spans
    union all
    select request_id, client_id, {{ add_days(1, 'last_night') }}, night_kind, -1
    from spans

),

boundary_dates as (

    select
        request_id,
        client_id,
        boundary_date,
        {%- for kind in kinds %}
        sum(case when night_kind = '{{ kind }}' then cover_change else 0 end) as {{ kind }}_change{{ "," if not loop.last }}
        {%- endfor %}
    from boundaries
    group by request_id, client_id, boundary_date

),

-- Each boundary starts a segment of nights running to the night before the next boundary.
segments as (

    select
        request_id,
        client_id,
        boundary_date as first_night,
        {{ add_days(-1, "lead(boundary_date) over client_dates") }} as last_night,
        {%- for kind in kinds %}
        sum({{ kind }}_change) over client_dates as {{ kind }}{{ "," if not loop.last }}
        {%- endfor %}
    from boundary_dates
    window client_dates as (partition by request_id, client_id order by boundary_date rows unbounded preceding)

),

flagged as (

    select
        request_id,
        client_id,
        first_night,
        last_night,
        {%- for variant, condition in variants.items() %}
        {{ condition }} as is_homeless_{{ variant }},
        {{ bed_night_variants[variant] }} as is_bed_night_{{ variant }}{{ "," if not loop.last }}
        {%- endfor %}
    from segments
    where last_night is not null

),

-- Consecutive homeless segments form one run: number runs by counting the segments that break them.
numbered as (

    select
        flagged.*,
        {%- for variant in variants %}
        sum(case when is_homeless_{{ variant }} then 0 else 1 end) over client_segments as run_{{ variant }}
            {{- "," if not loop.last }}
        {%- endfor %}
    from flagged
    window client_segments as (partition by request_id, client_id order by first_night rows unbounded preceding)

),

runs as (
{% for variant in variants %}
    select
        request_id,
        '{{ variant | replace("_", ".") }}' as variant,
        client_id,
        run_{{ variant }} as run_number,
        min(first_night) as first_night,
        max(last_night) as last_night,
        max(case when is_bed_night_{{ variant }} then last_night end) as last_bed_night
    from numbered
    where is_homeless_{{ variant }}
    group by request_id, client_id, run_{{ variant }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
),

final as (

    select
        -- keys
        runs.request_id,
        runs.variant,
        runs.client_id,
        runs.run_number,

        -- the run
        case when births.dob > runs.first_night then births.dob else runs.first_night end as first_night,
        runs.last_night,
        runs.last_bed_night

    from runs
    left join births
        on runs.request_id = births.request_id
        and runs.client_id = births.client_id
    where births.dob is null or runs.last_night >= births.dob

)

select * from final
