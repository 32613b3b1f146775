"""One way to write an id: source:id, as users type it, the warehouse keys it and report scopes take it; users are
stored with it and described by name; an app database from before (source|id) is respelled once on open."""

from __future__ import annotations

import json
import sqlite3

from dashboards.ids import clean, funding_source, named
from dashboards.roles import Role
from dashboards.scope import Scope
from dashboards.state.db import SCHEMA_VERSION, connect
from dashboards.state.users import UserStore
from pipelines.ids import parse, source_id


def test_one_spelling_parsed_and_formatted_and_names_replace_ids():
    assert source_id("ok-507", "5073") == clean(" ok-507 : 5073 ") == "ok-507:5073"
    assert parse("ok-507:5073") == ("ok-507", "5073")
    assert parse("OK-500") is None and clean("OK-500") == "OK-500"  # a CoC code is not a source-namespaced id
    names = {"ok-507:5073": "Choctaw Trails"}
    assert named("ok-507:5073", names) == "Choctaw Trails"
    assert named("ok-507:5073", names, with_id=True) == "Choctaw Trails (ok-507:5073)"
    assert named("ok-507:9", names) == "ok-507:9"


def test_a_user_is_stored_with_the_id_as_typed(empty_home):
    store = UserStore(empty_home.app_db)
    store.add("cm1", Role.CASE_MANAGER_I, created_by="t", project_ids=["ok-507:2008", " ok-507:2009 "])
    store.add("aa", Role.AGENCY_ADMIN, created_by="t", agency_id="ok-507:5073")
    assert store.require("cm1").project_ids == ("ok-507:2008", "ok-507:2009")
    assert store.require("aa").agency_id == "ok-507:5073"
    summary = store.require("aa").scope_summary({"ok-507:5073": "Choctaw Trails"})
    assert summary == "Agency Admin; agency Choctaw Trails"


def test_stored_scopes_of_an_older_app_database_are_respelled_once_on_open(empty_home):
    store = UserStore(empty_home.app_db)
    store.add("cm1", Role.CASE_MANAGER_I, created_by="t", project_ids=["ok-507:2008", "ok-507:2009"])
    store.add("aa", Role.AGENCY_ADMIN, created_by="t", agency_id="ok-507:5073")
    old = sqlite3.connect(empty_home.app_db)  # as an app database written before version 1 holds them
    with old:
        old.execute("update users set project_ids = ? where username = 'cm1'", (json.dumps(["ok-507|2008"]),))
        old.execute("update users set agency_id = 'ok-507|5073' where username = 'aa'")
        old.execute("pragma user_version = 0")
    old.close()
    assert store.require("cm1").project_ids == ("ok-507:2008",)
    assert store.require("aa").agency_id == "ok-507:5073"
    with connect(empty_home.app_db) as conn:
        assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION


def test_an_agency_user_is_told_its_own_scope_not_all_cocs():
    scope = Scope(
        role=Role.CASE_MANAGER_II,
        cocs=None,
        agency_ids=frozenset({"ok-507:5073"}),
        project_ids=None,
        funder_codes=None,
        person_level=False,
        suppressed=False,
    )
    text = scope.describe({"ok-507:5073": "Choctaw Trails"})
    assert "all CoCs" not in text and "agency Choctaw Trails" in text


def test_funding_sources_are_described_by_hud_label_not_code(empty_home):
    assert funding_source("46") == "Local or Other Funding Source (46)"
    assert funding_source("2") == "HUD: CoC – Permanent Supportive Housing (2)"
    assert funding_source("56") == "HUD: CoC Builds (56)"  # added in FY2026
    assert funding_source("999") == "999"  # not in HUD's list: the code as delivered
    store = UserStore(empty_home.app_db)
    store.add("funder", Role.FUNDER, created_by="t", funder_codes=["46"])
    assert store.require("funder").scope_summary() == "Funder; funding sources Local or Other Funding Source (46)"
    scope = Scope(
        role=Role.FUNDER,
        cocs=None,
        agency_ids=None,
        project_ids=frozenset({"ok-507:2008"}),
        funder_codes=frozenset({"46"}),
        person_level=False,
        suppressed=True,
    )
    assert "funding sources Local or Other Funding Source (46)" in scope.describe()
