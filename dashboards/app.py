"""Streamlit entry file: sign-in, then the navigation of the signed-in user's role (``waypoint serve`` runs it)."""

from __future__ import annotations

import importlib
import threading
from pathlib import Path

import streamlit as st

from dashboards.data.access import DataAccess
from dashboards.navigation import pages_for
from dashboards.state.users import UserRecord
from dashboards.ui.context import (
    CLEAR_COOKIE_KEY,
    COOKIE_SENT_KEY,
    SESSION_ENDED_KEY,
    TOKEN_KEY,
    current_user,
    keep_signed_in,
    session_token,
)
from dashboards.ui.signin import change_password_page, sign_in_page, user_sidebar
from dashboards.ui.views import names

# The browser tab icon is served by the app itself: a ":material/...:" or emoji page icon makes the browser fetch it
# from a font or emoji CDN, and the dashboards must work offline.
PAGE_ICON = Path(__file__).parent / "assets" / "waypoint-icon.png"


# Imported in the background when the server starts serving: the HUD reports page lists the Dagster schedules, and
# importing Dagster takes most of a second the first time.
SLOW_IMPORTS = ("pipelines.defs.reports.schedules",)


@st.cache_resource(show_spinner=False)
def _warm_up_imports() -> threading.Thread:
    """Once per server process."""
    thread = threading.Thread(target=lambda: [importlib.import_module(name) for name in SLOW_IMPORTS], daemon=True)
    thread.start()
    return thread


def _signed_out(had_token: bool) -> None:
    if had_token:  # idle timeout, disabled account, or signed out elsewhere
        st.session_state.pop(TOKEN_KEY, None)
        st.session_state[SESSION_ENDED_KEY] = True
        if st.session_state.pop(COOKIE_SENT_KEY, None):
            st.session_state[CLEAR_COOKIE_KEY] = True
    st.navigation([st.Page(sign_in_page, title="Sign in", url_path="sign-in")], position="hidden").run()


def _must_change_password(user: UserRecord) -> None:
    def choose_password() -> None:
        change_password_page(user)

    st.navigation([st.Page(choose_password, title="Choose password", url_path="password")], position="hidden").run()


def main() -> None:
    st.set_page_config(page_title="Waypoint", page_icon=str(PAGE_ICON), layout="wide")
    _warm_up_imports()
    token = session_token()
    user = current_user()
    if user is None:
        _signed_out(token is not None)
        return
    if token is not None:
        keep_signed_in(token)
    if user.must_change_password:
        _must_change_password(user)
        return
    access = DataAccess(user)
    user_sidebar(user, access.scope, names(access) if access.scope.agency_ids or access.scope.project_ids else None)
    entries = pages_for(user.role)
    pages = [
        st.Page(e.path, title=e.title, icon=e.icon, url_path=e.key, default=(i == 0)) for i, e in enumerate(entries)
    ]
    st.navigation(pages).run()  # each page's page_context() checks the role and audits the view


main()
