"""FAQ answers, chosen FAQ buttons, and Rasa's fallback actions (overridden to use the index)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import context, lang_of, send, user_text
from bot.dialogue.faq_replies import choice_message, entry_messages, search_messages
from bot.dialogue.messages import BotMessage, Button

DomainDict = dict[str, Any]


class ActionAnswerFaq(Action):
    def name(self) -> str:
        return "action_answer_faq"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        result = ctx.engine().search(user_text(tracker), lang=lang, top_k=5)
        send(dispatcher, search_messages(ctx, result, lang))
        best = result.best.entry.id if result.decision == "confident" and result.best else None
        return [SlotSet("last_faq_id", best)]


class ActionChooseFaq(Action):
    """A resident picked one of the offered FAQ entries (button payload with faq_id)."""

    def name(self) -> str:
        return "action_choose_faq"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        faq_id = next(tracker.get_latest_entity_values("faq_id"), None)
        entry = ctx.engine().entry(str(faq_id)) if faq_id else None
        if entry is None:
            return ActionDefaultFallback().run(dispatcher, tracker, domain)
        send(dispatcher, entry_messages(ctx, entry, lang))
        return [SlotSet("last_faq_id", entry.id)]


class ActionOutOfScope(Action):
    """Not a city matter to NLU; still, if the index knows related entries, offer them."""

    def name(self) -> str:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        result = ctx.engine().search(user_text(tracker), lang=lang, top_k=3)
        if result.decision != "no_answer" and result.choices:
            send(dispatcher, [choice_message(ctx, [hit.entry for hit in result.choices], lang)])
        else:
            send(dispatcher, [BotMessage(ctx.catalog.text("utter_out_of_scope", lang))])
        return []


class ActionDefaultAskAffirmation(Action):
    """Two-stage fallback, stage 1: instead of naming an intent, offer the closest FAQ entries."""

    def name(self) -> str:
        return "action_default_ask_affirmation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        result = ctx.engine().search(user_text(tracker), lang=lang, top_k=3)
        human = Button(ctx.catalog.text("button_human", lang), "/request_human")
        if not result.choices:
            send(dispatcher, [BotMessage(ctx.catalog.text("utter_ask_rephrase", lang), (human,))])
            return []
        message = choice_message(ctx, [hit.entry for hit in result.choices], lang)
        send(dispatcher, [BotMessage(message.text, (*message.buttons, human))])
        return []


class ActionDefaultFallback(Action):
    """Two-stage fallback, last stage: answer from the index honestly, with the right counter."""

    def name(self) -> str:
        return "action_default_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        result = ctx.engine().search(user_text(tracker), lang=lang, top_k=3)
        send(dispatcher, search_messages(ctx, result, lang))
        return [UserUtteranceReverted()]
