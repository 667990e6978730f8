"""Answers straight from the FAQ index while Rasa is down or slow (source: "fallback")."""

from __future__ import annotations

import json
import logging

from bot.dialogue.context import DialogueContext
from bot.dialogue.faq_replies import entry_messages, no_answer_messages, search_messages
from bot.dialogue.handoff import handoff_text
from bot.dialogue.messages import BotMessage

logger = logging.getLogger(__name__)


class FallbackResponder:
    def __init__(self, *, context: DialogueContext) -> None:
        self._ctx = context

    def answer(self, *, session_id: str, text: str, lang: str) -> list[BotMessage]:
        messages = self._payload(session_id, text, lang) if text.startswith("/") \
            else self._search(text, lang)
        note = BotMessage(self._ctx.catalog.text("fallback_mode_note", lang))
        return [*messages, note]

    def _search(self, text: str, lang: str) -> list[BotMessage]:
        result = self._ctx.engine().search(text, lang=lang, top_k=5)
        return search_messages(self._ctx, result, lang)

    def _payload(self, session_id: str, payload: str, lang: str) -> list[BotMessage]:
        """Buttons keep working without Rasa where they make sense on their own."""
        intent, _, raw = payload[1:].partition("{")
        values = _json_object("{" + raw) if raw else {}
        if intent == "choose_faq":
            entry = self._ctx.engine().entry(str(values.get("faq_id")))
            if entry is not None:
                return entry_messages(self._ctx, entry, lang)
        if intent == "request_human":
            return [BotMessage(handoff_text(self._ctx, department=None, lang=lang))]
        if intent == "feedback" and self._ctx.feedback is not None:
            helpful = values.get("feedback_value") == "good"
            self._ctx.feedback.record(session_id=session_id, faq_id=None, helpful=helpful,
                                      comment=None, lang=lang)
            key = "feedback_thanks_good" if helpful else "feedback_thanks_bad"
            return [BotMessage(self._ctx.catalog.text(key, lang))]
        return no_answer_messages(self._ctx, None, lang)


def _json_object(text: str) -> dict[str, object]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
