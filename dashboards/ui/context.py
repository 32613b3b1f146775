"""Who is signed in, looked up from the app database on every run from the opaque token in session state.

Only the token lives in ``st.session_state``; role and scope are re-read from the user's stored record each time,
so keys a client or page might write there (role, scope, agency ...) are never consulted.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboards.data.access import DataAccess
from dashboards.data.admin import AdminAccess
from dashboards.settings import get_security_settings
from dashboards.state.auth import Authenticator
from dashboards.state.users import UserRecord
from pipelines.config import get_settings

TOKEN_KEY = "_waypoint_session_token"


def authenticator() -> Authenticator:
    return Authenticator(get_settings().app_db, get_security_settings())


def session_token() -> str | None:
    token = st.session_state.get(TOKEN_KEY)
    return token if isinstance(token, str) else None


def current_user() -> UserRecord | None:
    return authenticator().resolve(session_token())


@dataclass(frozen=True)
class PageContext:
    user: UserRecord
    data: DataAccess
    admin: AdminAccess
    page: str


def page_context(page: str) -> PageContext:
    """What a page needs; stops the page when nobody (or nobody with a settled password) is signed in."""
    user = current_user()
    if user is None or user.must_change_password:
        st.warning("Please sign in.")
        st.stop()
    settings = get_settings()
    return PageContext(user, DataAccess(user, settings), AdminAccess(user, settings), page)
