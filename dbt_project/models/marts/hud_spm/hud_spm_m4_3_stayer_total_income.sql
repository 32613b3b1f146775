{#- SPM Measure 4.3 (spm.md): adults who are system stayers whose total income increased, one row per request and HUD row. -#}
{{ spm_m4_table('4.3') }}
