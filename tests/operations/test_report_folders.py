"""Issue 16.6: a report folder is written aside and swapped in one step; a killed rewrite leaves the old folder
whole (its manifest matching its files) and the next rewrite removes what the killed one left."""

from __future__ import annotations

import json

import pytest

from pipelines.ops import folders

from .world import python

KILLED_REWRITE = """
import os
from pathlib import Path
from pipelines.ops.folders import replaced_atomically
with replaced_atomically(Path(os.environ["TARGET"])) as aside:
    (aside / "APR.zip").write_text("new build: 85 persons")
    os.kill(os.getpid(), 9)  # killed before the new manifest is written
"""


def _old_report(folder):
    folder.mkdir(parents=True)
    (folder / "APR.zip").write_text("old build: 720 persons")
    (folder / "manifest.json").write_text(json.dumps({"persons": 720}))


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2-exchange", "two-renames"])
def test_a_killed_rewrite_leaves_the_old_folder_whole_and_the_next_one_swaps_cleanly(tmp_path, monkeypatch, exchange):
    target = tmp_path / "reports" / "apr" / "2025" / "coc-OK-500"
    _old_report(target)
    killed = python(tmp_path, KILLED_REWRITE, TARGET=str(target))
    assert killed.returncode == -9
    assert (target / "APR.zip").read_text() == "old build: 720 persons"
    assert json.loads((target / "manifest.json").read_text()) == {"persons": 720}
    assert len(list(target.parent.glob(".coc-OK-500.writing-*"))) == 1, "the killed writer's folder is aside"

    if not exchange:  # a filesystem without RENAME_EXCHANGE
        monkeypatch.setattr(folders, "_exchange", lambda a, b: False)
    with folders.replaced_atomically(target) as aside:
        (aside / "APR.zip").write_text("new build: 85 persons")
        (aside / "manifest.json").write_text(json.dumps({"persons": 85}))
        assert (target / "manifest.json").exists(), "the old folder is served until the swap"
    assert (target / "APR.zip").read_text() == "new build: 85 persons"
    assert json.loads((target / "manifest.json").read_text()) == {"persons": 85}
    assert [p.name for p in target.parent.iterdir()] == ["coc-OK-500"], "nothing left beside it"


def test_a_failed_rewrite_keeps_the_old_folder(tmp_path):
    target = tmp_path / "reports" / "spm"
    _old_report(target)
    with pytest.raises(RuntimeError), folders.replaced_atomically(target) as aside:
        (aside / "APR.zip").write_text("half")
        raise RuntimeError("the XLSX writer failed")
    assert (target / "APR.zip").read_text() == "old build: 720 persons"
    assert [p.name for p in target.parent.iterdir()] == ["spm"]
