"""The sign-in form, the first-sign-in password change, and the signed-in user's sidebar with sign-out."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboards.roles import policy
from dashboards.scope import Scope
from dashboards.state.auth import SignInStatus
from dashboards.state.throttle import LOCAL_CLIENT
from dashboards.state.users import UserRecord
from dashboards.ui.context import (
    CLEAR_COOKIE_KEY,
    COOKIE_SENT_KEY,
    SESSION_ENDED_KEY,
    TOKEN_KEY,
    authenticator,
    forget_cookie,
    session_token,
)
from pipelines.errors import WaypointError


def sign_in_page() -> None:
    forget_cookie()
    st.title("Waypoint")
    st.caption("HMIS data warehouse of CDSA · OK-500 North Central Oklahoma · OK-507 Southeastern Oklahoma")
    if st.session_state.get(SESSION_ENDED_KEY):
        st.info("Your session has ended. Please sign in again.")
    with st.form("sign_in"):
        username = st.text_input("User name", key="sign_in_username")
        password = st.text_input("Password", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        result = authenticator().sign_in(username, password, client=client_address())
        if result.status is SignInStatus.OK and result.token:
            st.session_state[TOKEN_KEY] = result.token
            st.session_state.pop(SESSION_ENDED_KEY, None)
            st.rerun()
        st.error(result.message)
    _preload_page_components()


def client_address() -> str:
    """The browser's address (behind the proxy, the one it forwards; docs/deploy.md): failed sign-ins lock a name
    for this client only (dashboards/state/throttle.py). Streamlit gives none for a connection from this machine."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else LOCAL_CLIENT  # AppTest gives a stand-in object


def _preload_page_components() -> None:
    """Draws a hidden chart, table and download button so the browser fetches and compiles their code (Streamlit
    loads each kind of element's code the first time one appears, about a second in all) while the user types,
    not after pressing Sign in."""
    with st.container(key="preload"):
        st.html("<style>.st-key-preload { display: none; }</style>")
        st.plotly_chart(go.Figure(), key="preload_chart")
        st.dataframe(pd.DataFrame({"preload": []}), key="preload_table")
        st.download_button("Download", data=b"", file_name="preload.txt", key="preload_download", on_click="ignore")


def change_password_page(user: UserRecord) -> None:
    st.title("Choose your password")
    st.write(f"Signed in as **{user.username}** with a one-time password. Choose your own password to continue.")
    with st.form("change_password"):
        current = st.text_input("One-time password", type="password", key="current_password")
        new = st.text_input("New password", type="password", key="new_password")
        repeat = st.text_input("New password again", type="password", key="repeat_password")
        submitted = st.form_submit_button("Save password", type="primary")
    if submitted:
        if new != repeat:
            st.error("The two new passwords differ.")
        else:
            try:
                authenticator().change_password(user, current, new)
            except WaypointError as err:
                st.error(str(err).capitalize())
            else:
                st.rerun()
    sign_out_button()


def _sign_out() -> None:
    authenticator().sign_out(session_token())
    st.session_state.pop(TOKEN_KEY, None)
    if st.session_state.pop(COOKIE_SENT_KEY, None):
        st.session_state[CLEAR_COOKIE_KEY] = True


def sign_out_button() -> None:
    st.sidebar.button("Sign out", key="sign_out", on_click=_sign_out)


def user_sidebar(user: UserRecord, scope: Scope) -> None:
    st.sidebar.markdown(f"**{user.username}** · {policy(user.role).label}")
    st.sidebar.caption(scope.describe())
    sign_out_button()
