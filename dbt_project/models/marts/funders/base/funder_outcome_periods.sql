{{ config(materialized='ephemeral') }}
{#- The periods funders read outcomes by: quarters and federal fiscal years (a grant's operating year is
    most often the fiscal year), with the last day the data covers in each. -#}
select
    period_type,
    period_start,
    period_end,
    period_label,
    is_complete_period,
    covered_days,
    data_end_date,
    case when period_end < data_end_date then period_end else data_end_date end as covered_end_date
from {{ ref('planning_periods') }}
where period_type in ('quarter', 'fiscal_year')
