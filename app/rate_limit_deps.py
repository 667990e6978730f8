"""Per-address rate limits for the translation APIs and the counter's staff-phrase writes.

These endpoints have no sign-in (the counter tablet uses them on the city network), so a
flood from one address could tie up the MT engine or fill the phrase table. Counters are the
chat API's (connectors/web/limits.py, in the database), keyed by a keyed hash of the address.
"""

from __future__ import annotations

import threading
from typing import Any

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool

from connectors.pseudonyms import Pseudonymizer
from connectors.web.limits import Limit, RateLimiter
from storage.rate_limits import RateCounterStore

from .settings import Settings

_lock = threading.Lock()
# Staff read these on the counter tablet (its toast shows the API's detail), so: Japanese.
TRANSLATE_BUSY = "翻訳の依頼が短い時間に多すぎます。{seconds}秒ほど待ってから、もう一度お試しください。"
EVENTS_BUSY = "利用状況の記録が短い時間に多すぎます。{seconds}秒ほど待ってから、もう一度お試しください。"
PHRASES_BUSY = "定型文の登録・削除が短い時間に多すぎます。{seconds}秒ほど待ってから、もう一度お試しください。"


def shared_limiter(state: Any) -> RateLimiter:
    """One limiter per app; its pseudonyms are keyed with MADOGUCHI_SECRET_KEY."""
    with _lock:
        if getattr(state, "rate_limiter", None) is None:
            settings: Settings = state.settings
            pseudonyms = Pseudonymizer(secret=settings.secret_key.get_secret_value(), purpose="rate-limit")
            state.rate_limiter = RateLimiter(store=RateCounterStore(state.database), pseudonyms=pseudonyms)
    limiter: RateLimiter = state.rate_limiter
    return limiter


def client_ip(request: Request) -> str:
    """The client's address (uvicorn puts X-Forwarded-For's here when the proxy is trusted)."""
    return request.client.host if request.client else "unknown"


async def _enforce(request: Request, *, kind: str, limit: Limit, message: str) -> None:
    limiter = shared_limiter(request.app.state)
    wait = await run_in_threadpool(limiter.retry_after, kind, client_ip(request), limit)
    if wait is not None:
        raise HTTPException(status_code=429, detail=message.format(seconds=wait),
                            headers={"Retry-After": str(wait)})


async def limit_translation(request: Request) -> None:
    """/api/translate and /api/counter/translate share one count per address."""
    settings: Settings = request.app.state.settings
    limit = Limit(settings.translate_limit_per_ip, settings.translate_limit_window_s)
    await _enforce(request, kind="translate", limit=limit, message=TRANSLATE_BUSY)


async def limit_staff_phrase_writes(request: Request) -> None:
    """Adding and removing the counter's staff phrases."""
    settings: Settings = request.app.state.settings
    limit = Limit(settings.counter_phrase_limit_per_ip, settings.counter_phrase_limit_window_s)
    await _enforce(request, kind="phrase-write", limit=limit, message=PHRASES_BUSY)


async def limit_counter_events(request: Request) -> None:
    """The tablet's anonymous usage counts (a flood would skew the admin's report)."""
    settings: Settings = request.app.state.settings
    limit = Limit(settings.counter_event_limit_per_ip, settings.counter_event_limit_window_s)
    await _enforce(request, kind="counter-event", limit=limit, message=EVENTS_BUSY)
