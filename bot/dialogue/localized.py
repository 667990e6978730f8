"""Pick the resident's language from a data field written as ``{ja: ..., en: ...}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

JAPANESE = ("ja", "ja-easy")


def fallback_chain(lang: str) -> list[str]:
    """The resident's language, then English for non-Japanese readers, then Japanese."""
    chain = [lang]
    if lang == "ja-easy":
        chain.append("ja")
    elif lang not in JAPANESE:
        chain.append("en")
    chain.append("ja")
    return chain


def pick(field: Any, lang: str) -> Any:
    """A plain value is language-neutral; a mapping is looked up along the fallback chain."""
    if not isinstance(field, Mapping):
        return field
    for code in fallback_chain(lang):
        if field.get(code):
            return field[code]
    return next(iter(field.values()), "")


def pick_lang(field: Any, lang: str) -> str:
    """Which language ``pick`` would answer in (for labelling untranslated text)."""
    if not isinstance(field, Mapping):
        return lang
    return next((code for code in fallback_chain(lang) if field.get(code)), "ja")
