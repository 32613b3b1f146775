"""The codes the generator picks by hand are valid where it writes them, in both CSV versions."""

from __future__ import annotations

import pytest

from pipelines.spec import load_spec
from pipelines.synth.codes import check_choices, excluded_codes


@pytest.mark.parametrize("version", ["fy2026", "fy2024"])
def test_hand_picked_codes_are_in_the_spec_subsets(version):
    check_choices(load_spec(version))


def test_excluded_codes_are_read_from_the_spec_notes():
    spec = load_spec("fy2026")
    assert excluded_codes(spec.file("Exit").column("Destination")) == {336, 335, 37}
    assert 312 in excluded_codes(spec.file("Enrollment").column("LivingSituation"))
