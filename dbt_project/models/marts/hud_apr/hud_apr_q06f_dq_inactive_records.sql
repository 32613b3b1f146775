{#- APR/CAPER Q6f Data Quality: Inactive Records. Stayers who entered at least 90 days before the period
    end: adults and heads of household in street outreach (engaged) or PATH-funded services-only
    projects with no contact (4.12) in the last 90 days of the period, and everyone in night-by-night
    shelter with no bed night in those 90 days (GR and DL; docs/decisions.md). -#}
with

clients as (

    select * from {{ ref('int_report_dq_clients') }}

),

contacts as (

    select * from {{ ref('stg_hmis__current_living_situations') }}

),

long_stayers as (

    select *
    from clients
    where is_stayer
        and entry_date <= {{ add_days(-90, 'period_end') }}

),

recent_contacts as (

    select distinct long_stayers.request_id, long_stayers.personal_key
    from long_stayers
    inner join contacts
        on long_stayers.enrollment_key = contacts.enrollment_key
    where contacts.information_date between {{ add_days(-90, 'long_stayers.period_end') }}
        and long_stayers.period_end
        and contacts.information_date >= long_stayers.entry_date

),

members as (

    select
        long_stayers.request_id,
        long_stayers.personal_key,
        'contact' as row_key,
        recent_contacts.personal_key is null as is_inactive
    from long_stayers
    left join recent_contacts
        on long_stayers.request_id = recent_contacts.request_id
        and long_stayers.personal_key = recent_contacts.personal_key
    where long_stayers.is_adult_or_head
        and (long_stayers.project_type = 4 or (long_stayers.project_type = 6 and long_stayers.is_path_funded))
    union all
    select
        request_id,
        personal_key,
        'bed_night' as row_key,
        last_bed_night_date is null or last_bed_night_date < {{ add_days(-90, 'period_end') }} as is_inactive
    from long_stayers
    where project_type = 1

),

counted as (

    {{ apr_count_where('members', {'records': 'true', 'inactive_records': 'is_inactive'}) }}

),

cells as (

    select counted.*, {{ apr_rate('inactive_records', 'records') }} as percent_inactive
    from counted

)

{{ apr_table_layout(
    'Q6f', 'cells', ['records', 'inactive_records', 'percent_inactive'], types={'percent_inactive': 'decimal(9,4)'}
) }}
