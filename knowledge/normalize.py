"""Text normalisation shared by indexing and querying (width, case, kana, punctuation)."""

from __future__ import annotations

import re
import unicodedata

_KATAKANA = "".join(chr(c) for c in range(ord("ァ"), ord("ヶ") + 1))
_HIRAGANA = "".join(chr(c) for c in range(ord("ぁ"), ord("ゖ") + 1))
_TO_HIRAGANA = str.maketrans(_KATAKANA, _HIRAGANA)
_SPACES = re.compile(r"\s+")
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_SMALL_TSU_OR_DASH_RUN = re.compile(r"([ーっッ])\1+")


def normalize(text: str) -> str:
    """NFKC (full/half width), lower case, one space; keeps kana as written."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _SPACES.sub(" ", text).strip()


def to_hiragana(text: str) -> str:
    return text.translate(_TO_HIRAGANA)


def fold_kana(text: str) -> str:
    """Normalise then fold katakana to hiragana and squash repeated ー/っ (typing noise)."""
    return _SMALL_TSU_OR_DASH_RUN.sub(r"\1", to_hiragana(normalize(text)))


def has_kana(text: str) -> bool:
    return bool(_KANA.search(text))


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))
