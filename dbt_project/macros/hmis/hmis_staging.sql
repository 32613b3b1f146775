{#- The three steps every HMIS staging model shares: keep rows of the source's current exports,
    keep the newest version of each record, and type the text columns the raw layer delivers. -#}

{% macro hmis_current_export_rows(relation) -%}
    {#- Rows delivered by a current export of their source (stg_meta__current_exports decides which). -#}
    select
        delivered.*,
        current_exports.recency as export_recency
    from {{ relation }} as delivered
    inner join {{ ref('stg_meta__current_exports') }} as current_exports
        on delivered._ingest_id = current_exports.ingest_id
{%- endmacro %}


{% macro hmis_latest_rows(relation, key_column, has_date_deleted=true, has_date_updated=true) -%}
    {#- Latest truth: per source and record key, the row of the newest current export (then the latest
        DateUpdated, then the first row of the file); a newest version that is a tombstone (a DateDeleted
        that reads as a date; an unreadable one is null, as everywhere) removes the record. -#}
    select * from (
        select
            versions.*,
            row_number() over (
                partition by versions._source_id, versions.{{ key_column }}
                order by
                    versions.export_recency
                    {%- if has_date_updated %},
                    {{ hmis_timestamp('versions."DateUpdated"') }} desc nulls last
                    {%- endif %},
                    versions._row_number
            ) as version_rank
        from {{ relation }} as versions
        where versions.{{ key_column }} is not null
    ) as ranked
    where version_rank = 1
    {%- if has_date_deleted %}
        and {{ hmis_date('"DateDeleted"') }} is null
    {%- endif %}
{%- endmacro %}


{% macro hmis_key(id_column, source_column='_source_id') -%}
    {#- A HUD identifier namespaced by its source: IDs are unique only within one HMIS. -#}
    case when {{ id_column }} is not null then {{ source_column }} || ':' || {{ id_column }} end
{%- endmacro %}
