"""Garbage collection days (form: area) and garbage sorting (form: item)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import context, inform_payload, lang_of, say, user_text
from bot.dialogue import garbage_replies as replies
from bot.dialogue.messages import Button

DomainDict = dict[str, Any]
AREA_SCORE_ANSWER = 90  # a fuzzy match this good is taken without asking
AREA_SCORE_CANDIDATE = 50  # below this a match is noise, not worth a button
ITEM_SCORE_ANSWER = 85
DAY_OFFSETS = {"今日": 0, "きょう": 0, "today": 0, "明日": 1, "あした": 1, "あす": 1,
               "tomorrow": 1, "明後日": 2, "あさって": 2}


def _guide() -> Any:
    provider = context().garbage
    return provider() if provider else None


class ActionAskArea(Action):
    def name(self) -> str:
        return "action_ask_area"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang, guide = context(), lang_of(tracker), _guide()
        candidates = tracker.get_slot("area_candidates") or []
        if candidates:
            buttons = [Button(replies.area_label(guide, name, lang), inform_payload("area", name))
                       for name in candidates]
            say(dispatcher, ctx, "area_choose", lang, buttons, text=user_text(tracker))
        else:
            say(dispatcher, ctx, "ask_area", lang)
        return [SlotSet("area_candidates", None)]


class ValidateGarbageDayForm(FormValidationAction):
    def name(self) -> str:
        return "validate_garbage_day_form"

    async def extract_area(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                           domain: DomainDict) -> dict[str, Any]:
        # The reply to "which area?" is often just a town name the entity extractor did not tag.
        if tracker.get_slot("requested_slot") != "area" or tracker.get_slot("area"):
            return {}
        return {"area": user_text(tracker)}

    def validate_area(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: DomainDict) -> dict[str, Any]:
        guide = _guide()
        if guide is None:
            return {"area": str(value)}
        matches = guide.find_area(str(value), limit=3)
        if matches and (matches[0].exact or _clear_winner(matches)):
            return {"area": matches[0].area.name}
        candidates = [m.area.name for m in matches[:3] if m.score >= AREA_SCORE_CANDIDATE]
        return {"area": None, "area_candidates": candidates}


def _clear_winner(matches: list[Any]) -> bool:
    """Good enough, and not a tie (さくらだい matches 桜台一・二・三丁目 equally)."""
    runner_up = matches[1].score if len(matches) > 1 else 0.0
    return bool(matches[0].score >= AREA_SCORE_ANSWER and matches[0].score - runner_up >= 5)


class ActionGarbageDay(Action):
    def name(self) -> str:
        return "action_garbage_day"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang, guide = context(), lang_of(tracker), _guide()
        reset = [SlotSet("garbage_category", None), SlotSet("day", None)]
        if guide is None:
            say(dispatcher, ctx, "garbage_unavailable", lang)
            return reset
        area = str(tracker.get_slot("area"))
        today = ctx.clock().date()
        offset = DAY_OFFSETS.get(str(tracker.get_slot("day") or "").lower())
        if offset is not None:
            text = replies.on_day(ctx, guide, area=area, day=today + timedelta(days=offset), lang=lang)
        else:
            category = _category(guide, tracker.get_slot("garbage_category"))
            text = replies.next_days(ctx, guide, area=area, category=category, start=today, lang=lang)
        dispatcher.utter_message(text=text)
        return reset


def _category(guide: Any, text: Any) -> str | None:
    return guide.resolve_category(str(text)) if text else None


class ValidateGarbageSortingForm(FormValidationAction):
    def name(self) -> str:
        return "validate_garbage_sorting_form"

    async def extract_garbage_item(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "garbage_item" or tracker.get_slot("garbage_item"):
            return {}
        return {"garbage_item": user_text(tracker)}


class ActionGarbageSorting(Action):
    def name(self) -> str:
        return "action_garbage_sorting"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang, guide = context(), lang_of(tracker), _guide()
        text = str(tracker.get_slot("garbage_item") or "")
        if guide is None:
            say(dispatcher, ctx, "garbage_unavailable", lang)
        else:
            matches = guide.lookup_item(text, limit=3)
            if matches and (matches[0].exact or matches[0].score >= ITEM_SCORE_ANSWER):
                dispatcher.utter_message(text=replies.item_answer(ctx, guide, matches[0].item, lang))
            else:
                buttons = [Button(replies.item_label(m.item, lang),
                                  "/garbage_sorting" + replies.item_json(m.item.name))
                           for m in matches]
                say(dispatcher, ctx, "sorting_choose", lang, buttons, text=text)
        return [SlotSet("garbage_item", None)]
