"""The session cookie and the server's guards (served by dashboards/server.py).

Streamlit keeps no state across a reload: each page load is a new Streamlit session. So after sign-in the page
hands its session token to the server once more, through a one-time code posted from the page (never in a URL),
and the server answers with an HttpOnly, SameSite=Strict cookie holding the token. A reload or new tab reads the
cookie (``st.context.cookies``) and looks the token up in the app database like any other: it is random and
opaque (only its SHA-256 is stored), it dies after the idle timeout or the session's absolute life, at sign-out,
reset or disable, so nothing in the cookie can be forged or outlive the server-side session.
"""

from __future__ import annotations

import gzip
import hashlib
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

DOWNLOAD_SECONDS = 15 * 60  # a download link works this long after its file was made, and only for its session

_handoffs: dict[str, tuple[str, float]] = {}
_downloads: dict[str, dict[str, float]] = {}  # sha256 of a file made for download -> {session token hash: made at}
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


def _digest(value: bytes | str) -> str:
    return hashlib.sha256(value.encode() if isinstance(value, str) else value).hexdigest()


def bind_download(token: str | None, data: bytes) -> bytes:
    """Records that ``data`` was made for the session of ``token``: the server serves it to that session only, for
    DOWNLOAD_SECONDS (GuardMiddleware). Returns ``data``, so a download button's callable can end with it."""
    if token:
        now = time.monotonic()
        with _lock:
            for key in [
                k for k, owners in _downloads.items() if all(now - at > DOWNLOAD_SECONDS for at in owners.values())
            ]:
                del _downloads[key]
            _downloads.setdefault(_digest(data), {})[_digest(token)] = now
    return data


def download_allowed(token: str | None, data: bytes) -> bool:
    if not token:
        return False
    with _lock:
        made = _downloads.get(_digest(data), {}).get(_digest(token))
    return made is not None and time.monotonic() - made <= DOWNLOAD_SECONDS


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
    """Security headers on every response; 404 for BLOCKED_PATHS; a ``/media`` download only for its session.

    A file under ``/media`` other than an image (the app's icon) is served only when the request's session cookie
    belongs to a live session and that session made the file (``bind_download``) in the last DOWNLOAD_SECONDS: a
    link copied out of a signed-in tab answers 403 anywhere else, after sign-out and once it is old.
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
        if path.startswith("/media/"):
            await self.app(scope, receive, _MediaGate(send, _cookie_token(scope)))
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": _add_headers(message.get("headers", []), {})}
            await send(message)

        await self.app(scope, receive, with_headers)


def _add_headers(headers, extra: dict[str, str]) -> list[tuple[bytes, bytes]]:
    headers = list(headers)
    present = {name.lower() for name, _ in headers}
    wanted = {**SECURITY_HEADERS, **extra}
    return headers + [(k.encode(), v.encode()) for k, v in wanted.items() if k.encode() not in present]


def _as_made(start: Message, body: bytes) -> bytes:
    """The file as the page made it: Streamlit's gzip middleware (inside this guard) compresses a text download of
    more than a few hundred bytes for a browser that accepts gzip, and the binding is to the uncompressed bytes."""
    encoding = dict(start.get("headers", [])).get(b"content-encoding", b"").decode().lower()
    if encoding == "gzip":
        try:
            return gzip.decompress(body)
        except (OSError, EOFError):
            return body
    return body


class _MediaGate:
    """Holds a /media response until its body is complete, then sends it, or 403 when it is not the session's."""

    def __init__(self, send, token: str | None) -> None:
        self.send = send
        self.token = token
        self.start: Message | None = None
        self.body: list[bytes] = []
        self.passthrough = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = _add_headers(message.get("headers", []), NO_STORE)
            content_type = dict(headers).get(b"content-type", b"").decode()
            self.start = {**message, "headers": headers}
            self.passthrough = content_type.startswith("image/") or message.get("status", 200) >= 300
            if self.passthrough:
                await self.send(self.start)
            return
        if message["type"] != "http.response.body" or self.passthrough:
            await self.send(message)
            return
        self.body.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        data = b"".join(self.body)
        made = _as_made(self.start, data)
        if download_allowed(self.token, made) and _authenticator().resolve(self.token) is not None:
            await self.send(self.start)
            await self.send({"type": "http.response.body", "body": data})
            return
        refusal = (
            b"Sign in to download this file: a download link works only for the signed-in session that made it,"
            b" for 15 minutes."
        )
        headers = _add_headers([(b"content-type", b"text/plain; charset=utf-8")], NO_STORE)
        headers.append((b"content-length", str(len(refusal)).encode()))
        await self.send({"type": "http.response.start", "status": 403, "headers": headers})
        await self.send({"type": "http.response.body", "body": refusal})


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
