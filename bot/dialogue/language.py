"""Which language a resident is writing in, per turn (translation/ when installed)."""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Protocol

logger = logging.getLogger(__name__)
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
# Below this, a "Chinese" verdict on kanji-only text is a guess (lingua on one or two characters).
CHINESE_MIN_CONFIDENCE = 0.5


class Detector(Protocol):
    def detect(self, text: str) -> str | None: ...


class ScriptDetector:
    """A minimal detector for when translation/ is not available."""

    def detect(self, text: str) -> str | None:
        if _KANA.search(text):
            return "ja"
        if _HANGUL.search(text):
            return "ko"
        if re.search(r"[a-zA-Z]{3,}", text):
            return "en"
        return None


class TranslationDetector:
    """translation.LanguageDetector (lingua + script rules), offline."""

    def __init__(self) -> None:
        from translation.detect import LanguageDetector

        self._detector = LanguageDetector()

    def detect(self, text: str) -> str | None:
        detection = self._detector.detect(text)
        if (detection.language or "").startswith("zh") and han_only(text) \
                and detection.confidence < CHINESE_MIN_CONFIDENCE:
            return None
        return detection.language


def han_only(text: str) -> bool:
    """Every letter is a kanji/hanzi (spaces, digits and punctuation aside): 住民票, 转入手续."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(_is_han(ch) for ch in letters)


def not_japanese_han(text: str) -> bool:
    """Has a character Japanese does not write (办, 们, 这, 哪): outside the kanji of cp932."""
    return any(_is_han(ch) and not _encodes(ch, "cp932") for ch in text)


def han_language(text: str, detected: str, last: str | None) -> str:
    """For kanji-only text the detector took for Chinese (``detected``): in a Japanese city it is
    Japanese, unless it has characters Japanese does not use or the conversation is in Chinese."""
    if not_japanese_han(text):
        return detected
    return last if last is not None and last.startswith("zh") else "ja"


def _is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")) \
        or ch == "々"


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def default_detector() -> Detector:
    try:
        return TranslationDetector()
    except ImportError:
        logger.warning("translation package unavailable; using script-based language detection")
        return ScriptDetector()
