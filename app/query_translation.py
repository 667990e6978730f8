"""Machine translation of a resident's question into Japanese, as an extra search signal."""

from __future__ import annotations

import logging
from typing import Any

from knowledge.engine import QueryTranslator

logger = logging.getLogger(__name__)


def query_translator(state: Any) -> QueryTranslator:
    """Translates with the app's translation service when a model to Japanese is installed."""

    def translate(text: str, lang: str) -> str | None:
        from .translation_deps import service_for_state

        service = service_for_state(state)
        if not service.mt_available(lang, "ja"):
            return None
        result = service.translate(text, target="ja", source=lang)
        return result.text if result.origin == "mt" and result.ok else None

    return translate
