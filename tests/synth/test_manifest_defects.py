"""The manifest names exactly the records each data-quality check flags: no more, no fewer."""

from __future__ import annotations

import pytest

from pipelines.synth import DefectRates

from . import predicates
from .conftest import tiny


def _declared(export, kind: str, with_column: bool) -> set[tuple]:
    out = set()
    for d in export.manifest["defects"]:
        if d["defect"] == kind:
            out.add((d["source_id"], d["file"], d["record_id"], d["column"] if with_column else None))
    return out


def _strip(found: set[tuple], with_column: bool) -> set[tuple]:
    return found if with_column else {(s, f, r, None) for s, f, r, _ in found}


def test_predicates_cover_every_defect_kind():
    assert set(predicates.KINDS) == set(DefectRates.kinds())


@pytest.mark.parametrize("kind", predicates.KINDS)
def test_manifest_names_exactly_the_records_that_show_each_defect(export, kind):
    with_column = kind.startswith("pii_")
    found = _strip(predicates.flagged(export, kind), with_column)
    declared = _declared(export, kind, with_column)
    assert declared, f"tiny must contain at least one {kind}"
    assert found == declared, (
        f"{kind}: flagged but not declared {found - declared}; declared but clean {declared - found}"
    )


@pytest.mark.parametrize("kind", predicates.KINDS)
def test_clean_run_has_no_defects_at_all(tmp_path_factory, kind):
    clean = tiny(tmp_path_factory, "fy2026", defect_rate=0.0)
    assert clean.manifest["defects"] == [] or all(d["defect"] != kind for d in clean.manifest["defects"])
    assert predicates.flagged(clean, kind) == set()


def test_pii_defects_name_each_element_separately(export26):
    columns = {d["column"] for d in export26.manifest["defects"] if d["defect"].startswith("pii_")}
    assert {
        "NameDataQuality",
        "SSNDataQuality",
        "DOBDataQuality",
        "RaceNone",
        "VeteranStatus",
        "DisablingCondition",
    } <= columns


def test_defect_values_are_what_the_file_shows(export26):
    for d in export26.manifest["defects"]:
        if d["file"] == "Client" and d["column"] in ("SSN", "DOB", "NameDataQuality", "VeteranStatus"):
            shown = export26.scalar(
                f'select "{d["column"]}" from "Client" where _source = \'{d["source_id"]}\' '
                f"and PersonalID = '{d['record_id']}'"
            )
            assert (shown if shown is None else str(shown)) == (None if d["value"] is None else str(d["value"]))
