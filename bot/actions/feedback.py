"""Feedback on answers (stored for the admin report) and the resident pinning a language."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import context, lang_of, say, user_text
from bot.dialogue.masking import mask_personal_data
from bot.dialogue.messages import Button

logger = logging.getLogger(__name__)
DomainDict = dict[str, Any]
SUPPORTED = ("ja", "ja-easy", "en", "zh-Hans", "zh-Hant", "ko", "vi", "pt-BR", "es", "tl", "ne",
             "id", "th")


class ActionFeedback(Action):
    def name(self) -> str:
        return "action_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        helpful = _helpful(tracker)
        if _is_plain_yes_no(tracker) and not tracker.get_slot("last_faq_id"):
            # "None of these" / "no" when no answer was given: not feedback, ask again.
            human = Button(ctx.catalog.text("button_human", lang), "/request_human")
            say(dispatcher, ctx, "utter_ask_rephrase", lang, (human,))
            return []
        text = user_text(tracker)
        # Typed feedback ("情報が古い") is the comment; button payloads carry none.
        comment = None if text.startswith("/") else mask_personal_data(text)
        if ctx.feedback is not None:
            ctx.feedback.record(session_id=tracker.sender_id, faq_id=tracker.get_slot("last_faq_id"),
                                helpful=helpful, comment=comment, lang=lang)
        say(dispatcher, ctx, _THANKS[helpful], lang)
        return []


_THANKS = {True: "feedback_thanks_good", False: "feedback_thanks_bad",
           None: "feedback_comment_thanks"}


def _is_plain_yes_no(tracker: Tracker) -> bool:
    return (tracker.latest_message.get("intent") or {}).get("name") in ("affirm", "deny")


def _helpful(tracker: Tracker) -> bool | None:
    value = next(tracker.get_latest_entity_values("feedback_value"), None)
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    if value in ("good", "bad"):
        return value == "good"
    if intent in ("affirm", "deny"):
        return intent == "affirm"
    return None


class ActionChangeLanguage(Action):
    """The resident asked for a language: the app pins it for the following turns."""

    def name(self) -> str:
        return "action_change_language"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx = context()
        wanted = next(tracker.get_latest_entity_values("language"), None)
        lang = wanted if wanted in SUPPORTED else lang_of(tracker)
        dispatcher.utter_message(json_message={"set_language": lang})
        say(dispatcher, ctx, "language_changed", lang)
        return []
