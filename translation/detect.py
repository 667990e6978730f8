"""Language identification for short texts, offline.

Scripts decide first (kana -> ja, Hangul -> ko, Thai -> th, Devanagari -> ne:
lingua has no Nepali, and Nepali is the Devanagari language residents use
here). Latin-script and Han-only texts go to lingua (its models ship inside the
wheel; nothing is downloaded), restricted to the supported languages and built
lazily on first use. Simplified/Traditional Chinese is told apart by characters.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from typing import Any

_LINGUA_CODES = {
    "JAPANESE": "ja",
    "ENGLISH": "en",
    "CHINESE": "zh-Hans",
    "KOREAN": "ko",
    "VIETNAMESE": "vi",
    "PORTUGUESE": "pt-BR",
    "SPANISH": "es",
    "TAGALOG": "tl",
    "INDONESIAN": "id",
    "THAI": "th",
}
# Common characters that exist in only one of the two Chinese scripts.
_TRADITIONAL = set(
    "們個這來對說時會學國過還為與點麼號請問證書辦區費電"
    "話碼關樣間應該們嗎謝讓錢買賣車門開體發現醫療險稅務"
    "機場錄記戶狀況將約寫貼郵結離從資動許稱續辦負擔額"
)
# Kanji in their Japanese (shinjitai) form, written differently in both Chinese scripts.
_JAPANESE_ONLY = set("変届険続払証済児転読駅図様広売帰気働込総鉄円歳薬乗営労齢窓拠処沢浜県庁渋検価")
_SIMPLIFIED = set(
    "们个这来对说时会学国过还为与点么号请问证书办区费电"
    "话码关样间应该吗谢让钱买卖车门开体发现医疗险税务机"
    "场录记户状况将约写贴邮结离从资动许称续办负担额"
)


@dataclass(frozen=True)
class Detection:
    language: str | None  # project code, None when unsure
    confidence: float


class LanguageDetector:
    def __init__(self, *, min_confidence: float = 0.25) -> None:
        self.min_confidence = min_confidence
        self._detector: Any = None
        self._lock = threading.Lock()

    def detect(self, text: str) -> Detection:
        by_script = _script_language(text)
        if by_script is not None:
            return Detection(by_script, 1.0)
        if _JAPANESE_ONLY & set(text):
            return Detection("ja", 0.9)
        if not any(ch.isalpha() for ch in text):
            return Detection(None, 0.0)
        if _han_count(text) >= 3:  # Chinese with a Latin name in it ("My Number的正式名称")
            return Detection("zh-Hant" if _is_traditional(text) else "zh-Hans", 0.8)
        return self._lingua(text)

    def warm_up(self) -> None:
        self._lingua_detector()

    def _lingua(self, text: str) -> Detection:
        values = self._lingua_detector().compute_language_confidence_values(text)
        if not values:
            return Detection(None, 0.0)
        best = values[0]
        code = _LINGUA_CODES[best.language.name]
        if code == "zh-Hans" and _is_traditional(text):
            code = "zh-Hant"
        if best.value < self.min_confidence:
            return Detection(None, float(best.value))
        return Detection(code, float(best.value))

    def _lingua_detector(self) -> Any:
        with self._lock:
            if self._detector is None:
                from lingua import Language, LanguageDetectorBuilder

                chosen = [getattr(Language, name) for name in _LINGUA_CODES]
                self._detector = LanguageDetectorBuilder.from_languages(*chosen).build()
            return self._detector


def _script_language(text: str) -> str | None:
    counts = {"kana": 0, "hangul": 0, "thai": 0, "devanagari": 0}
    for ch in text:
        name = unicodedata.name(ch, "")
        for script, marker in (
            ("kana", "HIRAGANA"),
            ("kana", "KATAKANA"),
            ("hangul", "HANGUL"),
            ("thai", "THAI"),
            ("devanagari", "DEVANAGARI"),
        ):
            if name.startswith(marker):
                counts[script] += 1
    script, count = max(counts.items(), key=lambda kv: kv[1])
    if count == 0:
        return None
    return {"kana": "ja", "hangul": "ko", "thai": "th", "devanagari": "ne"}[script]


def _han_count(text: str) -> int:
    return sum(1 for ch in text if unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH"))


def _is_traditional(text: str) -> bool:
    chars = set(text)
    return len(chars & _TRADITIONAL) > len(chars & _SIMPLIFIED)
