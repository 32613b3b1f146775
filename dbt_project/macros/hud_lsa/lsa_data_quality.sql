{#- The enrollment data-quality counts LSAReport (chapter 11, §11.5-§11.7) and LSACalculated (chapter 10,
    ReportRows 910-911, 913-919) share: one definition, so a project's Values add up to LSAReport's total. -#}

{% macro lsa_dq_flags(enrollments) -%}
    {#- The two flags the counts read, from a tlsa_Enrollment relation (int_lsa_enrollments): adult or head
        (ActiveAge 18-65 or RelationshipToHoH 1) and literally homeless at entry (in ES/SH, or from the
        street/ES/SH: LivingSituation 101, 116, 118 or PreviousStreetESSH 1). -#}
    ({{ enrollments }}.active_age between 18 and 65 or {{ enrollments }}.relationship_to_hoh = 1) as adult_or_head,
    (
        {{ enrollments }}.lsa_project_type in (0, 1, 8)
        or {{ enrollments }}.living_situation in (101, 116, 118)
        or {{ enrollments }}.previous_street_essh = 1
    ) as literally_homeless
{%- endmacro %}


{% macro lsa_dq_enrollment_counts() -%}
    {#- Aggregates over rows carrying tlsa_Enrollment's columns and lsa_dq_flags, named as LSAReport's columns:
        ClientEntry, AdultHoHEntry, DisablingCond, LivingSituation, LengthOfStay, HomelessDate, TimesHomeless,
        MonthsHomeless, Destination. -#}
    count(distinct enrollment_key) as client_entry,
    count(distinct case when adult_or_head then enrollment_key end) as adult_hoh_entry,
    count(distinct case when disability_status is null then enrollment_key end) as disabling_cond,
    count(distinct case
        when adult_or_head and (living_situation is null or living_situation in (8, 9, 99)) then enrollment_key
    end) as living_situation,
    count(distinct case
        when adult_or_head and (length_of_stay is null or length_of_stay in (8, 9, 99)) then enrollment_key
    end) as length_of_stay,
    count(distinct case
        when adult_or_head
            and (
                date_to_street_essh > hmis_entry_date
                or (date_to_street_essh is null and literally_homeless)
            )
            then enrollment_key
    end) as homeless_date,
    count(distinct case
        when adult_or_head and literally_homeless
            and (times_homeless_past_three_years is null or times_homeless_past_three_years not in (1, 2, 3, 4))
            then enrollment_key
    end) as times_homeless,
    count(distinct case
        when adult_or_head and literally_homeless
            and (
                months_homeless_past_three_years is null
                or months_homeless_past_three_years not between 101 and 113
            )
            then enrollment_key
    end) as months_homeless,
    count(distinct case
        when exit_date is not null
            and (
                destination is null
                or destination in (8, 9, 17, 30, 99)
                or (destination = 435 and destination_subsidy_type is null)
            )
            then enrollment_key
    end) as destination
{%- endmacro %}
