"""The chat API's guards for the web widget: allowed origins (CORS) and rate limits."""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from connectors.ui_strings import default_strings
from connectors.web.limits import ChatLimits, Limit

from .rate_limit_deps import client_ip, shared_limiter
from .settings import Settings

_lock = threading.Lock()


def install_cors(app: FastAPI) -> None:
    """Lets the configured city pages embed the widget; Retry-After stays readable for it."""
    settings: Settings = app.state.settings
    app.add_middleware(CORSMiddleware, allow_origins=settings.web_allowed_origins,
                       allow_methods=["GET", "POST"], allow_headers=["Content-Type"],
                       expose_headers=["Retry-After"], allow_credentials=False, max_age=600)


def _chat_limits(state: Any) -> ChatLimits:
    with _lock:
        if getattr(state, "chat_limits", None) is None:
            settings: Settings = state.settings
            window = settings.chat_limit_window_s
            state.chat_limits = ChatLimits(limiter=shared_limiter(state),
                                           per_ip=Limit(settings.chat_limit_per_ip, window),
                                           per_session=Limit(settings.chat_limit_per_session, window))
    limits: ChatLimits = state.chat_limits
    return limits


def _origin_allowed(request: Request, settings: Settings) -> bool:
    origin = request.headers.get("origin")
    if not origin or "*" in settings.web_allowed_origins or origin in settings.web_allowed_origins:
        return True
    return urlsplit(origin).netloc == request.headers.get("host")  # the app's own pages


async def _session_id(request: Request) -> str | None:
    try:
        body = await request.json()  # FastAPI has read the body already; this reuses it
    except (ValueError, UnicodeDecodeError):
        return None
    value = body.get("session_id") if isinstance(body, dict) else None
    return value if isinstance(value, str) else None


async def enforce_chat_limits(request: Request) -> None:
    """A router dependency of /api/chat: 403 for foreign pages, 429 with Retry-After when busy."""
    settings: Settings = request.app.state.settings
    if not _origin_allowed(request, settings):
        raise HTTPException(status_code=403, detail="このページからは利用できません。")
    limits = _chat_limits(request.app.state)
    address = client_ip(request)
    session_id = await _session_id(request)
    wait = await run_in_threadpool(lambda: limits.retry_after(client_ip=address, session_id=session_id))
    if wait is not None:
        detail = default_strings().text("rate_limited", "ja", seconds=wait)
        raise HTTPException(status_code=429, detail=detail, headers={"Retry-After": str(wait)})
