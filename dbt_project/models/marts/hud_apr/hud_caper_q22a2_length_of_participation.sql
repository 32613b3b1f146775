{#- CAPER Q22a2 Length of Participation - ESG Projects: people by days in the project up to exit or the
    period end (night-by-night shelter: bed nights), in HUD's ESG buckets. -#}
{{ apr_length_of_participation_table('Q22a2', [
    ('0_7', 0, 7), ('8_14', 8, 14), ('15_21', 15, 21), ('22_30', 22, 30), ('31_60', 31, 60), ('61_90', 61, 90),
    ('91_180', 91, 180), ('181_365', 181, 365), ('366_730', 366, 730), ('731_1095', 731, 1095),
    ('1096_1460', 1096, 1460), ('1461_1825', 1461, 1825), ('1826_plus', 1826, none),
]) }}
