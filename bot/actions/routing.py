"""Department routing (「〜はどこの課？」) and handoff to a person (office-hours aware)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import context, lang_of, say, user_text
from bot.dialogue import handoff

DomainDict = dict[str, Any]


class ActionDepartmentRouting(Action):
    def name(self) -> str:
        return "action_department_routing"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        topic = next(tracker.get_latest_entity_values("department_topic"), None) or user_text(tracker)
        result = ctx.engine().search(str(topic), lang=lang, top_k=3)
        department = result.best.entry.department if result.best else None
        if department is None:
            fallback = ctx.engine().faq.departments.get(ctx.office.default_department)
            say(dispatcher, ctx, "department_unknown", lang,
                phone=fallback.phone if fallback else "")
            return []
        say(dispatcher, ctx, "department_answer", lang, topic=topic,
            name=department.localized(lang, "name"), place=department.localized(lang, "place"),
            phone=department.phone, hours=department.localized(lang, "hours"))
        return []


class ActionHandoff(Action):
    def name(self) -> str:
        return "action_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        last = tracker.get_slot("last_faq_id")
        entry = ctx.engine().entry(str(last)) if last else None
        department = entry.department if entry else None
        dispatcher.utter_message(text=handoff.handoff_text(ctx, department=department, lang=lang))
        return []
