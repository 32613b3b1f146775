"""The session cookie and the server's guards (served by dashboards/server.py).

Streamlit keeps no state across a reload: each page load is a new Streamlit session. So after sign-in the page
hands its session token to the server once more, through a one-time code posted from the page (never in a URL),
and the server answers with an HttpOnly, SameSite=Strict cookie holding the token. A reload or new tab reads the
cookie (``st.context.cookies``) and looks the token up in the app database like any other: it is random and
opaque (only its SHA-256 is stored), it dies after the idle timeout or the session's absolute life, at sign-out,
reset or disable, so nothing in the cookie can be forged or outlive the server-side session.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

COOKIE = "waypoint_session"
SESSION_ROUTE = "/_waypoint/session"
SIGN_OUT_ROUTE = "/_waypoint/sign-out"
HANDOFF_SECONDS = 60

# Sent with every HTTP response (a reverse proxy adds HSTS and may add more: docs/deploy.md).
SECURITY_HEADERS = {
    "x-frame-options": "DENY",
    "content-security-policy": "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
}
NO_STORE = {"cache-control": "no-store"}
BLOCKED_PATHS = ("/_stcore/metrics",)  # Streamlit serves it to anyone and has no switch to turn it off

_handoffs: dict[str, tuple[str, float]] = {}
_lock = threading.Lock()

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


def issue_handoff(token: str) -> str:
    """A one-time code (valid for a minute) that the page posts to SESSION_ROUTE to receive the cookie."""
    code = secrets.token_urlsafe(32)
    now = time.monotonic()
    with _lock:
        for stale in [c for c, (_, at) in _handoffs.items() if now - at > HANDOFF_SECONDS]:
            del _handoffs[stale]
        _handoffs[code] = (token, now)
    return code


def redeem_handoff(code: str) -> str | None:
    with _lock:
        entry = _handoffs.pop(code, None)
    if entry is None or time.monotonic() - entry[1] > HANDOFF_SECONDS:
        return None
    return entry[0]


def _authenticator():
    from dashboards.ui.context import authenticator  # imports Streamlit pages' helpers; only when serving

    return authenticator()


def _same_origin(request: Request) -> bool:
    """A POST from one of the app's own pages (browsers always send Origin on a POST fetch)."""
    origin = request.headers.get("origin")
    host = request.headers.get("host")
    return bool(origin and host) and origin.split("://", 1)[-1] == host


def _secure(request: Request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"


async def set_session_cookie(request: Request) -> Response:
    if not _same_origin(request):
        return PlainTextResponse("Forbidden", status_code=403, headers=NO_STORE)
    try:
        body = await request.json()
    except ValueError:
        body = None
    token = redeem_handoff(str(body.get("code", ""))) if isinstance(body, dict) else None
    authenticator = _authenticator()
    if token is None or authenticator.resolve(token) is None:
        return PlainTextResponse("Forbidden", status_code=403, headers=NO_STORE)
    response = PlainTextResponse("ok", headers=NO_STORE)
    response.set_cookie(
        COOKIE,
        token,
        max_age=authenticator.security.session_hours * 3600,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/",
    )
    return response


async def clear_session_cookie(request: Request) -> Response:
    """Ends the cookie's session too (sign-out); only the app's own pages may ask."""
    if not _same_origin(request):
        return PlainTextResponse("Forbidden", status_code=403, headers=NO_STORE)
    token = request.cookies.get(COOKIE)
    if token:
        _authenticator().sign_out(token)
    response = PlainTextResponse("ok", headers=NO_STORE)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict", secure=_secure(request))
    return response


def cookie_routes() -> dict[str, Callable[[Request], Awaitable[Response]]]:
    return {SESSION_ROUTE: set_session_cookie, SIGN_OUT_ROUTE: clear_session_cookie}


def _cookie_token(scope: Scope) -> str | None:
    return Request(scope).cookies.get(COOKIE)


class GuardMiddleware:
    """Security headers on every response; 404 for BLOCKED_PATHS; ``/media`` files only for a signed-in session.

    A browser without a live session gets images (the app's icon) from ``/media`` and nothing else: a download link
    copied out of a signed-in tab answers 403 once its session has ended, or anywhere without the cookie.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path.rstrip("/") in BLOCKED_PATHS:
            await PlainTextResponse("Not Found", status_code=404, headers=SECURITY_HEADERS)(scope, receive, send)
            return
        is_media = path.startswith("/media/")
        signed_in = is_media and _authenticator().resolve(_cookie_token(scope)) is not None
        refused = False

        async def guarded_send(message: Message) -> None:
            nonlocal refused
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = {**SECURITY_HEADERS, **(NO_STORE if is_media else {})}
                headers += [(k.encode(), v.encode()) for k, v in extra.items() if k.encode() not in present]
                content_type = dict(headers).get(b"content-type", b"").decode()
                if is_media and not signed_in and not content_type.startswith("image/"):
                    refused = True
                    body = b"Sign in to download this file."
                    headers = [(k.encode(), v.encode()) for k, v in {**SECURITY_HEADERS, **NO_STORE}.items()]
                    headers += [
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"content-length", str(len(body)).encode()),
                    ]
                    await send({"type": "http.response.start", "status": 403, "headers": headers})
                    await send({"type": "http.response.body", "body": body})
                    return
                message = {**message, "headers": headers}
            elif refused:
                return
            await send(message)

        await self.app(scope, receive, guarded_send)


def _post_script(route: str, body: str) -> str:
    return (
        "<script>fetch(" + repr(route) + ", {method: 'POST', credentials: 'same-origin', "
        "headers: {'Content-Type': 'application/json'}, body: " + repr(body) + "});</script>"
    )


def set_cookie_script(token: str) -> str:
    """The page's part of setting the cookie: posts a one-time code (the token itself never leaves the server)."""
    import json

    return _post_script(SESSION_ROUTE, json.dumps({"code": issue_handoff(token)}))


def clear_cookie_script() -> str:
    return _post_script(SIGN_OUT_ROUTE, "{}")
