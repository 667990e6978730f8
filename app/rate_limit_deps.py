"""Per-address rate limits for the translation APIs and the counter's staff-phrase writes.

These endpoints have no sign-in (the counter tablet uses them on the city network), so a
flood from one address could tie up the MT engine or fill the phrase table. Counters are the
chat API's (connectors/web/limits.py, in the database), keyed by a keyed hash of the address.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
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


def _limited(kind: str, message: str, limit_of: Callable[[Settings], Limit]) -> Callable[[Request], Awaitable[None]]:
    """A route dependency enforcing ``limit_of(settings)`` per client address."""
    async def dependency(request: Request) -> None:
        await _enforce(request, kind=kind, limit=limit_of(request.app.state.settings), message=message)
    return dependency


# /api/translate and /api/counter/translate share one count per address.
limit_translation = _limited(
    "translate", TRANSLATE_BUSY, lambda s: Limit(s.translate_limit_per_ip, s.translate_limit_window_s))
# Adding and removing the counter's staff phrases.
limit_staff_phrase_writes = _limited(
    "phrase-write", PHRASES_BUSY, lambda s: Limit(s.counter_phrase_limit_per_ip, s.counter_phrase_limit_window_s))
# The tablet's anonymous usage counts (a flood would skew the admin's report).
limit_counter_events = _limited(
    "counter-event", EVENTS_BUSY, lambda s: Limit(s.counter_event_limit_per_ip, s.counter_event_limit_window_s))
