"""Language codes madoguchi understands, with each language's name in its own script."""

from __future__ import annotations

JAPANESE = "ja"
EASY_JAPANESE = "ja-easy"

# code -> name written in that language (what a resident recognises at a glance)
LANGUAGES: dict[str, str] = {
    "ja": "日本語",
    "ja-easy": "やさしい日本語",
    "en": "English",
    "zh-Hans": "简体中文",
    "zh-Hant": "繁體中文",
    "ko": "한국어",
    "vi": "Tiếng Việt",
    "pt-BR": "Português",
    "es": "Español",
    "tl": "Tagalog",
    "ne": "नेपाली",
    "id": "Bahasa Indonesia",
    "th": "ไทย",
}

_ALIASES = {
    "jp": "ja",
    "ja-jp": "ja",
    "easy-ja": "ja-easy",
    "ja-x-easy": "ja-easy",
    "zh": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "pt": "pt-BR",
    "pt-pt": "pt-BR",
    "fil": "tl",
    "in": "id",
}
_BY_LOWER = {code.lower(): code for code in LANGUAGES}


def canonical_language(code: str) -> str | None:
    """Return the canonical code for ``code`` (case-insensitive, common aliases), or None."""
    key = code.strip().replace("_", "-").lower()
    if key in _BY_LOWER:
        return _BY_LOWER[key]
    if key in _ALIASES:
        return _ALIASES[key]
    base = key.split("-")[0]
    return _BY_LOWER.get(base) or _ALIASES.get(base)


def is_japanese(code: str | None) -> bool:
    return code in (JAPANESE, EASY_JAPANESE)
