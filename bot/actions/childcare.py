"""Childcare: nursery admission (form: child's age, start month) and child allowance basics."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import context, inform_payload, lang_of, say, send, user_text
from bot.dialogue import childcare_guide as guide
from bot.dialogue.messages import BotMessage, Button

DomainDict = dict[str, Any]
AGES = ("0", "1", "2", "3", "4", "5")
MONTH_BUTTONS = ("4", "5", "6", "7", "8", "9", "10", "11", "12", "1", "2", "3")


class ActionAskChildAge(Action):
    def name(self) -> str:
        return "action_ask_child_age"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        buttons = [Button(ctx.catalog.text("age_label", lang, age=age), inform_payload("child_age", age))
                   for age in AGES]
        say(dispatcher, ctx, "ask_child_age", lang, buttons)
        return []


class ActionAskStartMonth(Action):
    def name(self) -> str:
        return "action_ask_start_month"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        buttons = [Button(guide.month_label(ctx, int(m), lang), inform_payload("start_month", m))
                   for m in MONTH_BUTTONS]
        say(dispatcher, ctx, "ask_start_month", lang, buttons)
        return []


class ValidateNurseryForm(FormValidationAction):
    def name(self) -> str:
        return "validate_nursery_form"

    async def extract_child_age(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "child_age" or tracker.get_slot("child_age"):
            return {}
        age = guide.parse_age(user_text(tracker))
        return {"child_age": str(age)} if age is not None else {}

    async def extract_start_month(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "start_month" or tracker.get_slot("start_month"):
            return {}
        month = guide.parse_month(user_text(tracker))
        return {"start_month": str(month)} if month is not None else {}

    def validate_child_age(self, value: Any, dispatcher: CollectingDispatcher,
                           tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        age = guide.parse_age(str(value))
        return {"child_age": str(age) if age is not None and 0 <= age <= 5 else None}

    def validate_start_month(self, value: Any, dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        month = guide.parse_month(str(value))
        return {"start_month": str(month) if month is not None else None}


class ActionNurseryGuide(Action):
    def name(self) -> str:
        return "action_nursery_guide"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        text = guide.nursery_answer(ctx, age=int(tracker.get_slot("child_age")),
                                    month=int(tracker.get_slot("start_month")), lang=lang)
        dispatcher.utter_message(text=text)
        return [SlotSet("child_age", None), SlotSet("start_month", None)]


class ActionChildAllowance(Action):
    def name(self) -> str:
        return "action_child_allowance"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        send(dispatcher, [BotMessage(text) for text in guide.allowance_answer(ctx, lang)])
        return []
