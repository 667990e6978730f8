"""Helpers shared by the dialogue tests (imported by conftest and test modules)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker

DATA = Path(__file__).resolve().parents[2] / "data"
TOKYO = ZoneInfo("Asia/Tokyo")
# A Tuesday afternoon: the city hall is open.
WEEKDAY_AFTERNOON = datetime(2026, 11, 24, 14, 0, tzinfo=TOKYO)
RunAction = Callable[[Action, Tracker], tuple[list[dict[str, Any]], list[dict[str, Any]]]]


class RecordedFeedback:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def record(self, **row: Any) -> None:
        self.rows.append(row)


def make_tracker(text: str = "", *, lang: str = "ja", intent: str = "ask_faq",
                 entities: list[dict[str, Any]] | None = None,
                 slots: dict[str, Any] | None = None) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9},
              "entities": entities or [], "metadata": {"language": lang}}
    return Tracker("resident-1", slots or {}, latest, [], False, None, {}, "action_listen")


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(str(m.get("text") or "") for m in messages)
