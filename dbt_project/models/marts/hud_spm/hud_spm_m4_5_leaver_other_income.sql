{#- SPM Measure 4.5 (spm.md): adults who are system leavers whose non-employment cash income increased, one row per request and HUD row. -#}
{{ spm_m4_table('4.5') }}
