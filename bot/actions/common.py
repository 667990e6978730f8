"""Small helpers shared by the actions: the resident's language, sending messages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue.context import DialogueContext, current
from bot.dialogue.messages import BotMessage, Button

DEFAULT_LANG = "ja"


def lang_of(tracker: Tracker) -> str:
    """The app sends the turn's language as metadata (detected or pinned by the resident)."""
    metadata = tracker.latest_message.get("metadata") or tracker.get_slot("session_started_metadata")
    lang = (metadata or {}).get("language") if isinstance(metadata, dict) else None
    return str(lang or DEFAULT_LANG)


def user_text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


def send(dispatcher: CollectingDispatcher, messages: Iterable[BotMessage]) -> None:
    for message in messages:
        buttons = [b.to_dict() for b in message.buttons]
        dispatcher.utter_message(text=message.text, buttons=buttons or None)


def say(dispatcher: CollectingDispatcher, ctx: DialogueContext, key: str, lang: str,
        buttons: Iterable[Button] = (), **values: Any) -> None:
    send(dispatcher, [BotMessage(ctx.catalog.text(key, lang, **values), tuple(buttons))])


def inform_payload(slot: str, value: str) -> str:
    """A button that fills a form slot without going through NLU."""
    import json

    return "/inform" + json.dumps({slot: value}, ensure_ascii=False)


def context() -> DialogueContext:
    return current()
