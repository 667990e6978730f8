"""The bot's fixed wording (data/bot_messages.yaml), per language."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from bot.dialogue.localized import pick

logger = logging.getLogger(__name__)


class _Blank(dict[str, Any]):
    """Leaves unknown placeholders visible rather than failing a reply."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class MessageCatalog:
    def __init__(self, messages: Mapping[str, Mapping[str, str]]) -> None:
        self._messages = messages

    @classmethod
    def load(cls, path: Path) -> MessageCatalog:
        doc = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        return cls(doc.get("messages") or {})

    def has(self, key: str) -> bool:
        return key in self._messages

    def text(self, key: str, lang: str, **values: Any) -> str:
        variants = self._messages.get(key)
        if not variants:
            logger.warning("message %s is missing from the catalog", key)
            return key
        return str(pick(variants, lang)).strip().format_map(_Blank(values))

    def japanese(self, key: str) -> str:
        return str(self._messages.get(key, {}).get("ja", key)).strip()
