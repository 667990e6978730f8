"""The Rasa project and the app agree: every response has wording, every action is served."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dialogue_helpers import DATA
from ruamel.yaml import YAML

from bot.actions import ACTIONS
from bot.dialogue.catalog import MessageCatalog

BOT = Path(__file__).resolve().parents[2] / "bot"
RASA_BUILT_IN = {"action_two_stage_fallback"}


def _domain() -> dict[str, Any]:
    merged: dict[str, Any] = {"responses": {}, "actions": []}
    for path in sorted((BOT / "domain").glob("*.yml")):
        part = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        merged["responses"].update(part.get("responses") or {})
        merged["actions"] += part.get("actions") or []
        for form in part.get("forms") or {}:
            merged["actions"].append(f"validate_{form}")
    return merged


def test_every_domain_response_has_catalog_wording_matching_the_domain() -> None:
    catalog = MessageCatalog.load(DATA / "bot_messages.yaml")
    for name, variants in _domain()["responses"].items():
        assert catalog.has(name), f"{name} is missing from data/bot_messages.yaml"
        assert catalog.japanese(name) == variants[0]["text"].strip(), name


def test_every_custom_action_in_the_domain_is_served_by_the_app() -> None:
    served = {action().name() for action in ACTIONS}
    declared = set(_domain()["actions"]) - RASA_BUILT_IN
    assert declared <= served, declared - served


def test_every_catalog_message_has_japanese_and_english() -> None:
    doc = YAML(typ="safe").load((DATA / "bot_messages.yaml").read_text(encoding="utf-8"))
    missing = [key for key, variants in doc["messages"].items()
               if not (variants.get("ja") and variants.get("en"))]
    assert missing == []
