"""Same seed and options give byte-identical files on any day; another seed gives other data."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import date

import pytest

from pipelines.config import PROJECT_ROOT
from pipelines.errors import WaypointError
from pipelines.synth import generate

from .conftest import tiny


def _digests(out_dir) -> dict[str, str]:
    return {
        str(p.relative_to(out_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out_dir.rglob("*"))
        if p.is_file() and "_unzipped" not in p.parts
    }


def test_same_seed_gives_identical_bytes_in_another_process(tmp_path, tmp_path_factory):
    first = tiny(tmp_path_factory, "fy2026")
    code = f"from pipelines.synth import generate; generate({str(tmp_path)!r}, preset='tiny', csv_version='fy2026')"
    env = os.environ | {"PYTHONHASHSEED": "123"}  # set and dict order must not leak into the output
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=PROJECT_ROOT)
    assert _digests(tmp_path) == _digests(first.out_dir)


def test_another_seed_gives_other_people(tmp_path_factory):
    a = tiny(tmp_path_factory, "fy2026")
    b = tiny(tmp_path_factory, "fy2026", seed=7)
    names_a = set(a.rows('select FirstName, LastName, DOB from "Client"'))
    names_b = set(b.rows('select FirstName, LastName, DOB from "Client"'))
    assert len(names_a & names_b) < 0.05 * len(names_a)


def test_end_date_moves_the_export_period(tmp_path_factory):
    moved = tiny(tmp_path_factory, "fy2026", end_date=date(2025, 6, 30), years=1)
    start, end = moved.rows('select distinct ExportStartDate, ExportEndDate from "Export"')[0]
    assert (start, end) == ("2024-07-01", "2025-06-30")
    assert moved.scalar('select max(EntryDate) from "Enrollment"') <= "2025-06-30"
    assert moved.scalar('select max(DateCreated) from "Enrollment"') < "2025-07-05"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"preset": "huge"}, "unknown preset"),
        ({"csv_version": "fy2020"}, "unknown CSV version"),
        ({"clients": 5}, "at least 20"),
        ({"end_date": date(2019, 12, 31)}, "before the synthetic roster operates"),
    ],
)
def test_bad_options_are_refused_in_plain_words(tmp_path, options, message):
    with pytest.raises(WaypointError, match=message):
        generate(tmp_path, **({"preset": "tiny"} | options))
