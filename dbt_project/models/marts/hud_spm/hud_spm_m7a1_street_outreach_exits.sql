{#- SPM Measure 7a.1 (spm.md): people who left street outreach, where they went (temporary or some
    institutional destinations, permanent housing) and the share of successful exits; one row per
    request and HUD row. -#}
{{ spm_m7_table(
    '7a.1',
    'Universe: Persons who exit Street Outreach',
    [
        ['temporary_exits', 'placements.is_temporary_or_institutional_destination',
            'Of persons above, those who exited to temporary & some institutional destinations'],
        ['permanent_exits', 'placements.is_permanent_destination',
            'Of the persons above, those who exited to permanent housing destinations'],
    ],
    ['% Successful exits', 'temporary_exits + permanent_exits'],
) }}
