"""Text normalisation so that kana/katakana, full/half width and numerals compare equal."""

from __future__ import annotations

import re
import unicodedata

import jaconv

# Punctuation and separators that residents type (or not) at random.
_DROP = re.compile(r"[\s・･、。，．,.!?！？「」『』（）()\[\]【】〈〉<>\"'`~〜～:：;；/／]")
_DASHES = re.compile(r"[‐‑‒–—―−－]")
_KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANA_NUMBERS = {
    "いっ": 1, "いち": 1, "に": 2, "さん": 3, "よん": 4, "し": 4, "ご": 5, "ろく": 6, "ろっ": 6,
    "なな": 7, "しち": 7, "はち": 8, "はっ": 8, "きゅう": 9, "く": 9, "じゅう": 10, "じゅっ": 10,
}
_KANA_CHOME = re.compile("(" + "|".join(sorted(_KANA_NUMBERS, key=len, reverse=True)) + ")ちょうめ")
_KANJI_NUMBER = re.compile(r"([一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=丁目)")


def normalize(text: str) -> str:
    """Lower-case, NFKC, hiragana, without spaces and punctuation (the long-vowel ー stays)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = jaconv.kata2hira(_DASHES.sub("-", text))
    return _DROP.sub("", text)


def kanji_number(text: str) -> int:
    """「二」→2, 「十二」→12 (small numbers as in 丁目)."""
    if "十" not in text:
        return _KANJI_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[ones] if ones else 0)


def chome_digits(text: str) -> str:
    """Normalised text with 丁目 numbers as digits: 二丁目, にちょうめ, 2-3-5 all → 2丁目."""
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", "", normalize(text))  # Higashi-Hikarino
    text = re.sub(r"(\d+)-?chome", r"\1丁目", text)
    text = _KANJI_NUMBER.sub(lambda m: str(kanji_number(m.group(1))), text)
    text = _KANA_CHOME.sub(lambda m: f"{_KANA_NUMBERS[m.group(1)]}丁目", text)
    # A street address 桜台2-3-5 or 桜台2の3, or a bare 桜台2: the first number is the 丁目.
    text = re.sub(r"(?<=\D)(\d+)(?:-\d+)+", r"\1丁目", re.sub(r"(\d+)の(?=\d)", r"\1-", text))
    return re.sub(r"(?<=[^\d丁目])(\d{1,2})$", r"\1丁目", text)


def strip_chome(text: str) -> tuple[str, int | None]:
    """(base name, 丁目 number) of an already ``chome_digits``-normalised name."""
    match = re.search(r"(\d+)丁目", text)
    if not match:
        return text, None
    return text[: match.start()] + text[match.end() :], int(match.group(1))


def is_kana(text: str) -> bool:
    return all("\u3041" <= c <= "\u309f" or "\u30a0" <= c <= "\u30ff" or c in "ー・ " for c in text)
