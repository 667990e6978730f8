"""Fixtures for the dialogue layer: the real sample data, a fixed clock, action runner."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from dialogue_helpers import DATA, WEEKDAY_AFTERNOON, RecordedFeedback, RunAction
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue.context import DialogueContext, build_context, configure
from knowledge.engine import KnowledgeEngine
from knowledge.garbage import GarbageGuide


@pytest.fixture(scope="session")
def engine() -> KnowledgeEngine:
    return KnowledgeEngine.load(DATA, strict=False)  # content is edited while we test


@pytest.fixture(scope="session")
def garbage_guide() -> GarbageGuide:
    return GarbageGuide.load(DATA / "garbage")


@pytest.fixture
def feedback() -> RecordedFeedback:
    return RecordedFeedback()


@pytest.fixture(autouse=True)
def ctx(engine: KnowledgeEngine, garbage_guide: GarbageGuide,
        feedback: RecordedFeedback) -> DialogueContext:
    context = build_context(data_dir=DATA, engine=lambda: engine, garbage=lambda: garbage_guide,
                            feedback=feedback)
    context.clock = lambda: WEEKDAY_AFTERNOON
    configure(context)
    return context


@pytest.fixture
def run_action(ctx: DialogueContext) -> RunAction:
    """Runs an action against the configured context; returns (messages, events)."""

    def run(action: Action, tracker: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        dispatcher = CollectingDispatcher()
        result = action.run(dispatcher, tracker, {})
        if asyncio.iscoroutine(result):
            result = asyncio.run(result)
        return dispatcher.messages, list(result or [])

    return run
