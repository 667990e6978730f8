"""The dialogue layer's objects, built lazily once per app and injected into routes."""

from __future__ import annotations

import logging
import threading
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import httpx
from fastapi import Depends, Request
from rasa_sdk.executor import ActionExecutor

from bot.actions import ACTIONS
from bot.dialogue.chat_service import ChatService
from bot.dialogue.context import DialogueContext, build_context, configure
from bot.dialogue.fallback import FallbackResponder
from bot.dialogue.language import default_detector
from bot.dialogue.rasa_client import RasaClient
from storage.db import Database
from storage.dialogue import DialogueStore

from .admin.turn_outcomes import OutcomeSink, tap_of, tapped_engine
from .engine_holder import EngineHolder
from .settings import Settings

logger = logging.getLogger(__name__)
_lock = threading.RLock()


@cache
def _garbage_guide(data_dir: Path) -> Any:
    from knowledge.garbage import GarbageGuide

    return GarbageGuide.load(data_dir / "garbage")


def _translator(state: Any) -> Any:
    try:
        from .translation_deps import service_for_state

        # The app's one service: glossary/phrasebook edits are reloaded into it in place.
        return service_for_state(state)
    except Exception:  # replies then fall back to human translations or Japanese
        logger.warning("translation service unavailable for the dialogue", exc_info=True)
        return None


def _store(state: Any, settings: Settings) -> DialogueStore:
    if getattr(state, "database", None) is None:
        state.database = Database(settings.sqlalchemy_url)
    if getattr(state, "dialogue_store", None) is None:
        state.dialogue_store = DialogueStore(state.database)
    store: DialogueStore = state.dialogue_store
    return store


def get_dialogue_context(request: Request) -> DialogueContext:
    state = request.app.state
    with _lock:
        if getattr(state, "dialogue_context", None) is None:
            settings: Settings = state.settings
            holder: EngineHolder = state.engine_holder
            state.dialogue_context = build_context(
                data_dir=settings.data_dir, engine=lambda: tapped_engine(holder.current, tap_of(state)),
                garbage=lambda: _garbage_guide(settings.data_dir),
                translator=_translator(state), feedback=_store(state, settings))
            configure(state.dialogue_context)
    context: DialogueContext = state.dialogue_context
    return context


def get_chat_service(request: Request) -> ChatService:
    context = get_dialogue_context(request)
    state = request.app.state
    with _lock:
        if getattr(state, "chat_service", None) is None:
            settings: Settings = state.settings
            rasa = RasaClient(base_url=settings.rasa_url, token=settings.rasa_token.get_secret_value(),
                              timeout_s=settings.rasa_timeout_s)
            state.chat_service = ChatService(rasa=rasa, fallback=FallbackResponder(context=context),
                                             detector=default_detector(),
                                             turns=OutcomeSink(_store(state, settings), tap_of(state)))
    service: ChatService = state.chat_service
    return service


def get_action_executor(request: Request) -> ActionExecutor:
    get_dialogue_context(request)  # actions read the configured context
    state = request.app.state
    with _lock:
        if getattr(state, "action_executor", None) is None:
            executor = ActionExecutor()
            for action in ACTIONS:
                executor.register_action(action)
            state.action_executor = executor
    executor_: ActionExecutor = state.action_executor
    return executor_


def rasa_ready_check(settings: Settings) -> bool:
    """For /readyz: Rasa answers its token-protected /status with a model loaded."""
    try:
        response = httpx.get(f"{settings.rasa_url.rstrip('/')}/status", timeout=1.0,
                             params={"token": settings.rasa_token.get_secret_value()})
        return response.status_code == 200 and bool(response.json().get("model_file"))
    except (httpx.HTTPError, ValueError):
        return False


DialogueContextDep = Annotated[DialogueContext, Depends(get_dialogue_context)]
ChatServiceDep = Annotated[ChatService, Depends(get_chat_service)]
ActionExecutorDep = Annotated[ActionExecutor, Depends(get_action_executor)]
