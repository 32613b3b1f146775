{#- SPM Measure 7b.1 (spm.md): people who left ES, SH, TH or PH-RRH (or other PH without moving in),
    those who went to permanent housing, and the share; one row per request and HUD row. -#}
{{ spm_m7_table(
    '7b.1',
    'Universe: Persons in ES-EE, ES-NbN, SH, TH and PH-RRH who exited, plus persons in other PH projects who exited without moving into housing',
    [
        ['permanent_exits', 'placements.is_permanent_destination',
            'Of the persons above, those who exited to permanent housing destinations'],
    ],
    ['% Successful exits', 'permanent_exits'],
) }}
