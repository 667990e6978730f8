"""Security headers on every response; stricter ones on the app's own pages (admin, counter).

The widget's files (/widget.js, /widget.css) and the chat API only get the headers every
response gets: city pages load widget.js as a script from another origin, which neither
``nosniff`` (it is served as text/javascript) nor the Referrer-Policy disturbs.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .settings import Settings

EVERY_RESPONSE = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"}
# The admin and the counter load only their own files: no inline script or style, no CDN.
# (data: images: the counter's empty favicon.)
OWN_FILES_ONLY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")
NO_FRAMES = "frame-ancestors 'none'"
# Staff pages and their data (reports hold residents' masked questions): never kept in a cache.
NO_STORE_PREFIXES = ("/admin", "/api/admin", "/api/counter/usage")


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


def page_headers(path: str, *, content_type: str, counter_frame_ancestors: Sequence[str] = ()) -> dict[str, str]:
    """The headers a response to ``path`` gets besides EVERY_RESPONSE."""
    if _under(path, "/admin") or _under(path, "/api/admin"):
        return {"Content-Security-Policy": f"{OWN_FILES_ONLY}; {NO_FRAMES}", "X-Frame-Options": "DENY"}
    if _under(path, "/counter"):
        return _counter_headers(counter_frame_ancestors)
    if content_type.startswith("text/html"):  # the demo page, the API docs, error pages
        return {"Content-Security-Policy": NO_FRAMES, "X-Frame-Options": "DENY"}
    return {}


def _counter_headers(frame_ancestors: Sequence[str]) -> dict[str, str]:
    if not frame_ancestors:
        return {"Content-Security-Policy": f"{OWN_FILES_ONLY}; {NO_FRAMES}", "X-Frame-Options": "DENY"}
    # X-Frame-Options cannot name an origin; browsers follow frame-ancestors when both are sent.
    return {"Content-Security-Policy": f"{OWN_FILES_ONLY}; frame-ancestors {' '.join(frame_ancestors)}"}


def response_headers(path: str, *, content_type: str, counter_frame_ancestors: Sequence[str] = ()) -> dict[str, str]:
    headers = {**EVERY_RESPONSE, **page_headers(path, content_type=content_type,
                                                  counter_frame_ancestors=counter_frame_ancestors)}
    if any(_under(path, prefix) for prefix in NO_STORE_PREFIXES):
        headers["Cache-Control"] = "no-store"
    return headers


class SecurityHeadersMiddleware:
    """Plain ASGI (no BaseHTTPMiddleware): adds the headers as the response starts."""

    def __init__(self, app: ASGIApp, *, counter_frame_ancestors: Sequence[str] = ()) -> None:
        self._app, self._counter_frame_ancestors = app, tuple(counter_frame_ancestors)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                extra = response_headers(scope["path"], content_type=headers.get("content-type", ""),
                                         counter_frame_ancestors=self._counter_frame_ancestors)
                for name, value in extra.items():
                    headers[name] = value
            await send(message)

        await self._app(scope, receive, send_with_headers)


def install_security_headers(app: FastAPI) -> None:
    """Added after CORS, so it wraps it: preflight answers get the headers too."""
    settings: Settings = app.state.settings
    app.add_middleware(SecurityHeadersMiddleware, counter_frame_ancestors=settings.counter_frame_ancestors)
