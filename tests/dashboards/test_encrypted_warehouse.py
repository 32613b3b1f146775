"""Issue 16.1: planner and funder pages keep working on an encrypted published warehouse, and say in one line
when the key is missing. The session's tiny warehouse, copied into a home with a key and encrypted the way
`waypoint key encrypt` does it (a real DuckDB-encrypted file, no mock)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import duckdb
import pytest
import streamlit as st
from pages_world import PagesWorld
from streamlit.testing.v1 import AppTest

from dashboards.data.warehouse import close_published
from dashboards.navigation import PAGES_DIR, pages_for
from dashboards.roles import Role
from dashboards.ui.context import TOKEN_KEY
from pipelines.config import Settings
from pipelines.security.keys import new_key_text
from pipelines.security.rotation import encrypt_existing

pytestmark = pytest.mark.slow

APP = PAGES_DIR.parent / "app.py"


@pytest.fixture(scope="module")
def encrypted(pages_world: PagesWorld, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PagesWorld]:
    settings = Settings(home=tmp_path_factory.mktemp("encrypted") / "home").ensure()
    shutil.copyfile(pages_world.settings.published_db, settings.published_db)
    shutil.copyfile(pages_world.settings.app_db, settings.app_db)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("WAYPOINT_HOME", str(settings.home))
        env.setenv("WAYPOINT_KEY", new_key_text())
        env.delenv("WAYPOINT_KEY_FILE", raising=False)
        done = encrypt_existing(settings)
        assert done.databases_changed == 1
        close_published()
        yield PagesWorld(
            settings, pages_world.users, pages_world.agency, pages_world.assigned_projects, pages_world.funder_code
        )
        close_published()


def _page(world: PagesWorld, role: Role, key: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state[TOKEN_KEY] = world.sign_in(role)
    at.run()
    entry = next(p for p in pages_for(role) if p.key == key)
    return at.switch_page(f"pages/{entry.file}").run()


def _text(at: AppTest) -> str:
    return " ".join(str(e.value) for kind in ("info", "warning", "error", "caption") for e in getattr(at, kind))


@pytest.mark.parametrize(("role", "page"), [(Role.PLANNER, "overview"), (Role.FUNDER, "outcomes")])
def test_planner_and_funder_pages_read_the_encrypted_warehouse(encrypted, role, page):
    with pytest.raises(duckdb.Error, match="without a key"):
        duckdb.connect(str(encrypted.settings.published_db), read_only=True)
    at = _page(encrypted, role, page)
    assert not at.exception, [e.value for e in at.exception]
    assert [f.value for f in at.dataframe], _text(at)


def test_without_the_key_a_page_says_so_in_one_line(encrypted, monkeypatch):
    close_published()  # as in a dashboard process started without the key: no attachment or page data cached
    st.cache_data.clear()
    monkeypatch.delenv("WAYPOINT_KEY")
    at = _page(encrypted, Role.PLANNER, "overview")
    assert not at.exception, [e.value for e in at.exception]
    assert not at.dataframe
    assert "is encrypted" in _text(at) and "no key is set" in _text(at), _text(at)
