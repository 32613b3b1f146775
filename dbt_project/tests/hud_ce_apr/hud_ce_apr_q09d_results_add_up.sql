{#- CE APR Q9d: the results of referrals to housing openings (lines 18-21) add up to those referrals
    (lines 7-12, 14 and 15), per household-type column. -#}
{%- set columns = apr_household_type_columns() %}
select request_id
from {{ ref('hud_ce_apr_q09d_referral_events') }}
group by request_id
having
    {%- for column in columns %}
    sum(case when row_order between 17 and 20 then {{ column }} else 0 end)
    <> sum(case when row_order between 6 and 11 or row_order in (13, 14) then {{ column }} else 0 end)
    {{- ' or' if not loop.last }}
    {%- endfor %}
