"""Normalisation of short utterances for phrase matching.

Staff type the same set phrase in many ways: full-width or half-width, katakana
or hiragana, with or without 「。」 or spaces. All of them should find the phrase.
"""

from __future__ import annotations

import unicodedata

import jaconv
from ruamel.yaml import YAML


def normalize_text(text: str) -> str:
    """NFKC (width), katakana->hiragana, lower case, no punctuation or spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = jaconv.kata2hira(text).lower()
    return "".join(ch for ch in text if not _is_ignorable(ch))


def _is_ignorable(ch: str) -> bool:
    category = unicodedata.category(ch)
    # ー (long vowel mark) is a letter in Japanese, not punctuation.
    return ch != "ー" and (category[0] in {"P", "Z", "C"} or ch in "~〜・")


def load_yaml(path: object) -> object:
    """Load one YAML file with the safe loader (data files are city-edited)."""
    from pathlib import Path

    return YAML(typ="safe").load(Path(str(path)).read_text(encoding="utf-8"))
