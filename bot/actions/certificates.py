"""Certificate guide (form: which certificate, for whom, how)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import context, inform_payload, lang_of, say, user_text
from bot.dialogue import certificate_guide as guide
from bot.dialogue.localized import pick
from bot.dialogue.messages import Button

DomainDict = dict[str, Any]
REQUESTERS = ("self", "family", "proxy")
METHODS = ("counter", "konbini", "mail")


class ActionAskCertificate(Action):
    def name(self) -> str:
        return "action_ask_certificate"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        buttons = [Button(str(pick(c["name"], lang)), inform_payload("certificate", c["id"]))
                   for c in ctx.certificates.get("certificates", [])]
        say(dispatcher, ctx, "ask_certificate", lang, buttons)
        return []


class ActionAskRequester(Action):
    def name(self) -> str:
        return "action_ask_requester"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        buttons = [Button(ctx.catalog.text(f"requester_{r}", lang), inform_payload("requester", r))
                   for r in REQUESTERS]
        say(dispatcher, ctx, "ask_requester", lang, buttons)
        return []


class ActionAskMethod(Action):
    def name(self) -> str:
        return "action_ask_method"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        cert = guide.find(ctx.certificates, str(tracker.get_slot("certificate") or ""))
        methods = cert.get("methods", METHODS) if cert else METHODS
        buttons = [Button(ctx.catalog.text(f"method_{m}", lang), inform_payload("method", m))
                   for m in methods]
        say(dispatcher, ctx, "ask_method", lang, buttons)
        return []


class ValidateCertificateForm(FormValidationAction):
    """Free text is matched against the aliases in data/certificates.yaml (any language)."""

    def name(self) -> str:
        return "validate_certificate_form"

    async def extract_certificate(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        if tracker.get_slot("certificate"):
            return {}
        cert = guide.find(context().certificates, user_text(tracker))
        return {"certificate": cert["id"]} if cert else {}

    async def extract_requester(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        return _extract_choice(tracker, "requester", REQUESTERS, guide.REQUESTER_WORDS)

    async def extract_method(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        return _extract_choice(tracker, "method", METHODS, guide.METHOD_WORDS)

    def validate_certificate(self, value: Any, dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        cert = guide.find(context().certificates, str(value))
        return {"certificate": cert["id"] if cert else None}

    def validate_requester(self, value: Any, dispatcher: CollectingDispatcher,
                           tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return {"requester": guide.normalize_choice(str(value), REQUESTERS, guide.REQUESTER_WORDS)}

    def validate_method(self, value: Any, dispatcher: CollectingDispatcher,
                        tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return {"method": guide.normalize_choice(str(value), METHODS, guide.METHOD_WORDS)}


def _extract_choice(tracker: Tracker, slot: str, choices: tuple[str, ...],
                    words: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    if tracker.get_slot("requested_slot") != slot or tracker.get_slot(slot):
        return {}
    value = guide.normalize_choice(user_text(tracker), choices, words)
    return {slot: value} if value else {}


class ActionCertificateGuide(Action):
    def name(self) -> str:
        return "action_certificate_guide"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        ctx, lang = context(), lang_of(tracker)
        text = guide.answer(ctx, certificate=str(tracker.get_slot("certificate")),
                            requester=str(tracker.get_slot("requester")),
                            method=str(tracker.get_slot("method")), lang=lang)
        dispatcher.utter_message(text=text)
        return [SlotSet("certificate", None), SlotSet("requester", None), SlotSet("method", None)]
