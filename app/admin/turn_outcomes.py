"""Remember what the FAQ engine decided for each question, so the chat turn is recorded with it.

The dialogue layer searches the index (in a Rasa action or in the fallback) and then records
the turn; the search it made is looked up here by the (masked) question text.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any, cast

from knowledge.engine import KnowledgeEngine, SearchResult

DECISIONS = {"confident": "answered", "ambiguous": "ambiguous", "no_answer": "no_answer"}
_MAX = 512


class OutcomeTap:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._recent: OrderedDict[str, dict[str, str | None]] = OrderedDict()

    def remember(self, query: str, result: SearchResult) -> None:
        best = result.best.entry if result.best is not None else None
        decision = DECISIONS.get(str(getattr(result.decision, "value", result.decision)), "no_answer")
        # For "no answer" the best hit is not what was asked about, so no category either.
        guess = best if decision != "no_answer" else None
        outcome = {"decision": decision, "category": guess.category if guess else None,
                   "faq_id": best.id if best and decision == "answered" else None}
        with self._lock:
            self._recent[query.strip()] = outcome
            self._recent.move_to_end(query.strip())
            while len(self._recent) > _MAX:
                self._recent.popitem(last=False)

    def outcome(self, text: str) -> dict[str, str | None]:
        if text.startswith("/choose_faq"):
            return {"decision": "answered", "category": None, "faq_id": _chosen(text)}
        with self._lock:
            return dict(self._recent.get(text.strip(), {}))


def _chosen(payload: str) -> str | None:
    try:
        value = json.loads(payload.partition("{")[1] + payload.partition("{")[2])
    except ValueError:
        return None
    return str(value.get("faq_id")) if isinstance(value, dict) and value.get("faq_id") else None


class TappedEngine:
    """The live engine, with every search remembered by the tap."""

    def __init__(self, engine: KnowledgeEngine, tap: OutcomeTap) -> None:
        self._engine, self._tap = engine, tap

    def search(self, query: str, **kwargs: Any) -> SearchResult:
        result = self._engine.search(query, **kwargs)
        self._tap.remember(query, result)
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)


class OutcomeSink:
    """A TurnSink that adds decision, category and FAQ id to what the dialogue layer records."""

    def __init__(self, sink: Any, tap: OutcomeTap) -> None:
        self._sink, self._tap = sink, tap

    def record_turn(self, **turn: Any) -> None:
        self._sink.record_turn(**turn, **self._tap.outcome(str(turn.get("user_text", ""))))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sink, name)


def tap_of(state: Any) -> OutcomeTap:
    if getattr(state, "outcome_tap", None) is None:
        state.outcome_tap = OutcomeTap()
    tap: OutcomeTap = state.outcome_tap
    return tap


def tapped_engine(engine: KnowledgeEngine, tap: OutcomeTap) -> KnowledgeEngine:
    """The engine as the dialogue layer types it; searches go through the tap."""
    return cast(KnowledgeEngine, TappedEngine(engine, tap))
