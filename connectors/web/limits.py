"""Per-IP and per-session rate limits (fixed windows, counters in a store) for the public APIs."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from connectors.pseudonyms import Pseudonymizer


class CounterStore(Protocol):
    def hit(self, key: str, *, window_start: int) -> int:
        """Counts one request for ``key`` in the window; returns the window's count so far."""
        ...


@dataclass(frozen=True)
class Limit:
    requests: int
    window_s: int

    def __post_init__(self) -> None:
        if self.requests < 1 or self.window_s < 1:
            raise ValueError(f"a rate limit needs requests >= 1 and window_s >= 1, got {self}")


class RateLimiter:
    def __init__(self, *, store: CounterStore, pseudonyms: Pseudonymizer,
                 clock: Callable[[], float] = time.time) -> None:
        self._store, self._pseudonyms, self._clock = store, pseudonyms, clock

    def retry_after(self, kind: str, value: str, limit: Limit) -> int | None:
        """Seconds until ``value`` may try again, or None while it is within ``limit``."""
        now = self._clock()
        window_start = int(now // limit.window_s) * limit.window_s
        count = self._store.hit(self._key(kind, value, limit), window_start=window_start)
        if count <= limit.requests:
            return None
        return max(1, math.ceil(window_start + limit.window_s - now))

    def _key(self, kind: str, value: str, limit: Limit) -> str:
        # Keyed hash: the counter table never holds a resident's address, nor one a thief could
        # recover by hashing every IPv4 address.
        digest = self._pseudonyms.digest(kind + "\0" + value)
        return f"{kind}:{limit.window_s}:{digest}"


class ChatLimits:
    """The chat API's two limits: one client address, and one conversation."""

    def __init__(self, *, limiter: RateLimiter, per_ip: Limit, per_session: Limit) -> None:
        self._limiter, self._per_ip, self._per_session = limiter, per_ip, per_session

    def retry_after(self, *, client_ip: str, session_id: str | None) -> int | None:
        wait = self._limiter.retry_after("ip", client_ip, self._per_ip)
        if wait is None and session_id:
            wait = self._limiter.retry_after("session", session_id, self._per_session)
        return wait

