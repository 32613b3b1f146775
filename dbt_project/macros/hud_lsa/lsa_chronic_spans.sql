{#- ch_Include less ch_Exclude (LSA spec §5.7-§5.8, §7.5-§7.6) on date spans instead of one row per day: the
    person's ES/SH/Street dates as maximal runs of consecutive dates. Portable: window functions and dbt's
    cross-database date macros only (DuckDB and PostgreSQL alike). -#}

{% macro lsa_clipped_span(span_start, span_end) -%}
    {#- A span cut to CHStart..LastActive and to dim_date's calendar (vars date_spine_start..date_spine_end), as
        the per-day join with dim_date cut it; the columns ch_start and last_active must be in scope. -#}
    {{ lsa_later_date(lsa_later_date(span_start, 'ch_start'), lsa_spine_date('date_spine_start')) }} as span_start,
    {{ lsa_earlier_date(lsa_earlier_date(span_end, 'last_active'), lsa_spine_date('date_spine_end')) }} as span_end
{%- endmacro %}


{% macro lsa_later_date(first, second) -%}
    (case when {{ first }} > {{ second }} then {{ first }} else {{ second }} end)
{%- endmacro %}


{% macro lsa_earlier_date(first, second) -%}
    (case when {{ first }} < {{ second }} then {{ first }} else {{ second }} end)
{%- endmacro %}


{% macro lsa_spine_date(name) -%}
    cast('{{ var(name) }}' as date)
{%- endmacro %}


{% macro lsa_date_runs(spans, keys) -%}
    {#- From the relation `spans` (the columns in `keys`, kind 'include' or 'exclude', span_start and span_end,
        inclusive), one row per key and maximal run of consecutive dates covered by an include span and by no
        exclude span: essh_street_start..essh_street_end. A sweep over the span boundaries (a span adds one at its
        start and takes one away the day after its end), then gaps and islands to join adjacent pieces. -#}
    {%- set key_list = keys | join(', ') -%}
    with

    boundaries as (

        select
            {{ key_list }},
            span_start as boundary_date,
            case when kind = 'include' then 1 else 0 end as include_change,
            case when kind = 'exclude' then 1 else 0 end as exclude_change
        from {{ spans }}
        where span_start <= span_end
        union all
        select
            {{ key_list }},
            {{ add_days(1, 'span_end') }} as boundary_date,
            case when kind = 'include' then -1 else 0 end as include_change,
            case when kind = 'exclude' then -1 else 0 end as exclude_change
        from {{ spans }}
        where span_start <= span_end

    ),

    points as (

        select {{ key_list }}, boundary_date, sum(include_change) as include_change,
            sum(exclude_change) as exclude_change
        from boundaries
        group by {{ key_list }}, boundary_date

    ),

    pieces as (

        {#- Each boundary starts a piece lasting to the day before the next boundary, covered by as many include
            and exclude spans as have started and not yet ended. -#}
        select
            {{ key_list }},
            boundary_date as piece_start,
            {{ add_days(-1, 'lead(boundary_date) over (partition by ' ~ key_list ~ ' order by boundary_date)') }}
                as piece_end,
            sum(include_change) over (
                partition by {{ key_list }} order by boundary_date rows unbounded preceding
            ) as includes,
            sum(exclude_change) over (
                partition by {{ key_list }} order by boundary_date rows unbounded preceding
            ) as excludes
        from points

    ),

    kept as (

        select
            {{ key_list }},
            piece_start,
            piece_end,
            case
                when {{ days_between(
                    'lag(piece_end) over (partition by ' ~ key_list ~ ' order by piece_start)', 'piece_start') }} = 1
                    then 0
                else 1
            end as starts_run
        from pieces
        where includes > 0 and excludes = 0

    ),

    numbered as (

        select
            kept.*,
            sum(starts_run) over (
                partition by {{ key_list }} order by piece_start rows unbounded preceding
            ) as run_number
        from kept

    )

    select {{ key_list }}, min(piece_start) as essh_street_start, max(piece_end) as essh_street_end
    from numbered
    group by {{ key_list }}, run_number
{%- endmacro %}
