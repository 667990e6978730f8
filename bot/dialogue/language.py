"""Which language a resident is writing in, per turn (translation/ when installed)."""

from __future__ import annotations

import logging
import re
from typing import Protocol

logger = logging.getLogger(__name__)
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")


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
        return self._detector.detect(text).language


def default_detector() -> Detector:
    try:
        return TranslationDetector()
    except ImportError:
        logger.warning("translation package unavailable; using script-based language detection")
        return ScriptDetector()
