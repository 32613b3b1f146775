{#- SPM Measure 7b.2 (spm.md): people in PSH or other PH (not RRH) who moved in — still there at the
    report end, or left after moving in — those who stayed or left to permanent housing, and the share;
    one row per request and HUD row. -#}
{{ spm_m7_table(
    '7b.2',
    'Universe: Persons in all PH projects except PH-RRH who exited after moving into housing, or who moved into housing and remained in the PH project',
    [
        ['retained', 'placements.is_stayer or placements.is_permanent_destination',
            'Of persons above, those who remained in applicable PH projects and those who exited to permanent housing destinations'],
    ],
    ['% Successful exits/retention', 'retained'],
) }}
