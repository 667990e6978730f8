"""Language codes of madoguchi and their names in MT packages and detectors.

The project's codes (docs/DATA_FORMATS.md) are BCP-47-like; Argos packages use
their own short codes (``zt`` for Traditional Chinese, ``pb`` for Brazilian
Portuguese), so every boundary to Argos goes through this table.
"""

from __future__ import annotations

from knowledge.languages import LANGUAGES

SOURCE_LANGUAGE = "ja"
PIVOT_LANGUAGE = "en"

# The project's languages, in picker order, and each one's own name in its own script
# (one list for the whole project: knowledge/languages.py).
SUPPORTED: tuple[str, ...] = tuple(LANGUAGES)
ENDONYMS: dict[str, str] = dict(LANGUAGES)

# Argos package codes that serve each project code, preferred first.
_ARGOS_CODES: dict[str, tuple[str, ...]] = {
    "zh-Hans": ("zh", "zh-Hans"),
    "zh-Hant": ("zt", "zh-Hant"),
    "pt-BR": ("pb", "pt", "pt-BR"),
}

# やさしい日本語 is written by people, never produced by MT.
NOT_MACHINE_TRANSLATABLE = frozenset({"ja-easy"})


def argos_codes(code: str) -> tuple[str, ...]:
    """Argos codes that can stand for a project language code."""
    return _ARGOS_CODES.get(code, (code,))


def from_argos(argos_code: str) -> str | None:
    """The project code for an Argos code, or None when the language is unsupported."""
    for code in SUPPORTED:
        if argos_code in argos_codes(code) and code not in NOT_MACHINE_TRANSLATABLE:
            return code
    return None


def check_supported(code: str) -> str:
    """Return ``code`` unchanged, or raise ValueError naming the bad value."""
    if code not in SUPPORTED:
        raise ValueError(f"unsupported language {code!r}; expected one of {', '.join(SUPPORTED)}")
    return code


def uses_spaces(code: str) -> bool:
    """Whether sentences in this language are joined with a space."""
    return code not in {"ja", "ja-easy", "zh-Hans", "zh-Hant", "th"}
