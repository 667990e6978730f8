"""Rasa's NLG endpoint: a domain response (utter_*) in the resident's language."""

from __future__ import annotations

from typing import Any

from bot.dialogue.context import DialogueContext

DEFAULT_LANG = "ja"


def language_of(tracker: dict[str, Any]) -> str:
    metadata = (tracker.get("latest_message") or {}).get("metadata") or {}
    return str(metadata.get("language") or DEFAULT_LANG)


def render_response(context: DialogueContext, body: dict[str, Any]) -> dict[str, Any]:
    name = str(body.get("response") or "")
    lang = language_of(body.get("tracker") or {})
    arguments = body.get("arguments") or {}
    text = context.catalog.text(name, lang, **arguments) if context.catalog.has(name) else ""
    return {"text": text, "buttons": [], "custom": {}}
