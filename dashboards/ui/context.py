"""Who is signed in, looked up from the app database on every run from the opaque token in session state.

Only the token lives in ``st.session_state``; role and scope are re-read from the user's stored record each time,
so keys a client or page might write there (role, scope, agency ...) are never consulted.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboards.data.access import DataAccess
from dashboards.data.admin import AdminAccess
from dashboards.roles import policy
from dashboards.session_cookie import COOKIE, clear_cookie_script, set_cookie_script
from dashboards.settings import get_security_settings
from dashboards.state.auth import Authenticator
from dashboards.state.users import UserRecord
from pipelines.config import get_settings

TOKEN_KEY = "_waypoint_session_token"
COOKIE_READ_KEY = "_waypoint_cookie_read"  # the session cookie is read once, at the first run of a page load
COOKIE_SENT_KEY = "_waypoint_cookie_sent"  # the token the cookie was last asked for
CLEAR_COOKIE_KEY = "_waypoint_clear_cookie"
SESSION_ENDED_KEY = "_waypoint_session_ended"  # only chooses a message on the sign-in page


def authenticator() -> Authenticator:
    return Authenticator(get_settings().app_db, get_security_settings())


def session_token() -> str | None:
    """The token of this browser session: in session state, or (on a reload or new tab) from the session cookie,
    which is read once per page load so that a signed-out tab does not sign itself in again."""
    if not st.session_state.get(COOKIE_READ_KEY):
        st.session_state[COOKIE_READ_KEY] = True
        cookie = _cookie_token()
        if cookie and TOKEN_KEY not in st.session_state:
            st.session_state[TOKEN_KEY] = cookie
            st.session_state[COOKIE_SENT_KEY] = cookie
    token = st.session_state.get(TOKEN_KEY)
    return token if isinstance(token, str) else None


def _cookie_token() -> str | None:
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no browser request behind this run (a test harness)
        return None
    return value if isinstance(value, str) and value else None


def keep_signed_in(token: str) -> None:
    """Asks the browser to hold the session cookie (once per token): reloads and new tabs stay signed in."""
    if st.session_state.get(COOKIE_SENT_KEY) == token:
        return
    st.session_state[COOKIE_SENT_KEY] = token
    st.html(set_cookie_script(token), unsafe_allow_javascript=True, width="content")


def forget_cookie() -> None:
    """After sign-out: the browser drops the cookie (its server-side session is already gone)."""
    if st.session_state.pop(CLEAR_COOKIE_KEY, False):
        st.html(clear_cookie_script(), unsafe_allow_javascript=True, width="content")


def current_user() -> UserRecord | None:
    return authenticator().resolve(session_token())


@dataclass(frozen=True)
class PageContext:
    user: UserRecord
    data: DataAccess
    admin: AdminAccess
    page: str


def page_context(page: str) -> PageContext:
    """What a page needs; stops the page when nobody (or nobody with a settled password) is signed in.

    Every page calls this first, so the sign-in gate, the role's page list and the page-view audit hold however a
    page is reached (navigation, a typed URL, or a test harness running the page file directly).
    """
    token = session_token()
    user = current_user()
    if user is None or user.must_change_password:  # a page reached without the entry file's sign-in gate
        from dashboards.ui.signin import sign_in_page  # the sign-in module imports this one

        if token is not None:
            st.session_state.pop(TOKEN_KEY, None)
            st.session_state[SESSION_ENDED_KEY] = True
        sign_in_page()
        st.stop()
    settings = get_settings()
    data = DataAccess(user, settings)
    if page not in policy(user.role).pages:  # a page reached without the role's navigation
        data.audit.record("access_denied", username=user.username, role=user.role, page=page)
        st.error("This page is not available for your role.")
        st.stop()
    if authenticator().is_new_page(token, page):
        data.record_page_view(page)
    return PageContext(user, data, AdminAccess(user, settings), page)
