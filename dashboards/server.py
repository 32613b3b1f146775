"""The served app (`waypoint serve` runs this file): Streamlit's own server with Waypoint's guards in front of it.

Streamlit's ASGI app (``st.App``) takes routes and middleware, so the server itself
- sends security headers on every response (anti-framing, no sniffing, no referrer, no caching of files),
- answers 404 for ``/_stcore/metrics`` (Streamlit has no switch for it),
- serves a ``/media/...`` file (a download) only to the signed-in browser session that made it,
- keeps a user signed in across reloads and new tabs with an HttpOnly session cookie
  (docs/decisions.md, "Staying signed in across reloads").
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware
from starlette.routing import Route

from dashboards.session_cookie import GuardMiddleware, cookie_routes

APP_SCRIPT = "app.py"

app = st.App(
    APP_SCRIPT,
    routes=[Route(path, endpoint, methods=["POST"]) for path, endpoint in cookie_routes().items()],
    middleware=[Middleware(GuardMiddleware)],
)

if __name__ == "__main__":
    app.run()
