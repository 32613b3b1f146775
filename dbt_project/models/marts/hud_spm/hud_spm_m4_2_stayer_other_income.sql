{#- SPM Measure 4.2 (spm.md): adults who are system stayers whose non-employment cash income increased, one row per request and HUD row. -#}
{{ spm_m4_table('4.2') }}
