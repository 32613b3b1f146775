{#- Generic data tests of the identity and DQ models. -#}

{% test dq_links_within_one_client(model) -%}
    {#- Every identity link joins two records of the same client_id: the connected components of
        int_client_identity are complete (no link left between two clients). -#}
    select links.personal_key_a, links.personal_key_b
    from {{ model }} as links
    inner join {{ ref('int_client_identity') }} as left_side
        on links.personal_key_a = left_side.personal_key
    inner join {{ ref('int_client_identity') }} as right_side
        on links.personal_key_b = right_side.personal_key
    where left_side.client_id <> right_side.client_id
{%- endtest %}
