"""One way to write an id: source:id (as the CLI's report scopes take it), the warehouse's source|id accepted too;
users are stored with warehouse keys and described by name."""

from __future__ import annotations

from dashboards.ids import funding_source, named, to_key, written
from dashboards.roles import Role
from dashboards.scope import Scope
from dashboards.state.users import UserStore


def test_both_written_forms_become_the_warehouse_key_and_names_replace_keys():
    assert to_key("ok-507:5073") == to_key(" ok-507|5073 ") == "ok-507|5073"
    assert to_key("OK-500") == "OK-500"  # a CoC code is not a source-namespaced id
    assert written("ok-507|5073") == "ok-507:5073"
    names = {"ok-507|5073": "Choctaw Trails"}
    assert named("ok-507|5073", names) == "Choctaw Trails"
    assert named("ok-507|5073", names, with_id=True) == "Choctaw Trails (ok-507:5073)"
    assert named("ok-507|9", names) == "ok-507:9"


def test_a_user_added_with_the_colon_form_is_scoped_to_the_warehouse_key(empty_home):
    store = UserStore(empty_home.app_db)
    store.add("cm1", Role.CASE_MANAGER_I, created_by="t", project_ids=["ok-507:2008", "ok-507|2009"])
    store.add("aa", Role.AGENCY_ADMIN, created_by="t", agency_id="ok-507:5073")
    assert store.require("cm1").project_ids == ("ok-507|2008", "ok-507|2009")
    assert store.require("aa").agency_id == "ok-507|5073"
    summary = store.require("aa").scope_summary({"ok-507|5073": "Choctaw Trails"})
    assert summary == "Agency Admin; agency Choctaw Trails"


def test_an_agency_user_is_told_its_own_scope_not_all_cocs():
    scope = Scope(
        role=Role.CASE_MANAGER_II,
        cocs=None,
        agency_ids=frozenset({"ok-507|5073"}),
        project_ids=None,
        funder_codes=None,
        person_level=False,
        suppressed=False,
    )
    text = scope.describe({"ok-507|5073": "Choctaw Trails"})
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
        project_ids=frozenset({"ok-507|2008"}),
        funder_codes=frozenset({"46"}),
        person_level=False,
        suppressed=True,
    )
    assert "funding sources Local or Other Funding Source (46)" in scope.describe()
