"""Per-session dialogue state the app keeps: the language a resident pinned."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

MAX_SESSIONS = 10_000
TTL_S = 2 * 60 * 60


class LanguagePins:
    """Bounded and expiring: sessions are anonymous and short-lived."""

    def __init__(self, *, max_sessions: int = MAX_SESSIONS, ttl_s: float = TTL_S) -> None:
        self._pins: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._max, self._ttl = max_sessions, ttl_s

    def get(self, session_id: str) -> str | None:
        with self._lock:
            pin = self._pins.get(session_id)
            if pin is None or time.monotonic() - pin[1] > self._ttl:
                self._pins.pop(session_id, None)
                return None
            return pin[0]

    def set(self, session_id: str, lang: str) -> None:
        with self._lock:
            self._pins[session_id] = (lang, time.monotonic())
            self._pins.move_to_end(session_id)
            while len(self._pins) > self._max:
                self._pins.popitem(last=False)
