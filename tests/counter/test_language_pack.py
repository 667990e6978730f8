"""Which written language a resident sees a set phrase in: their own, or a readable stand-in."""

from __future__ import annotations

from app.counter.language_pack import genres, quick_replies
from translation import Glossary, Phrase, Phrasebook, TranslationService

# A city's own phrases: one translated into Traditional Chinese, one only into Simplified.
CITY_PHRASES = [
    Phrase(id="city-001", ja="2階の5番窓口へどうぞ。", side="staff", genre="受付・案内", genre_slug="uketsuke",
           translations={"zh-Hans": "请到2楼5号窗口。", "zh-Hant": "請到2樓5號窗口。"}),
    Phrase(id="city-002", ja="駐車券をお持ちですか。", side="staff", genre="受付・案内", genre_slug="uketsuke",
           translations={"zh-Hans": "您带停车券了吗？", "en": "Do you have a parking ticket?"}),
    Phrase(id="city-reply", ja="駐車場はどこですか。", side="resident", genre="住民の返事", genre_slug="replies",
           translations={"zh-Hans": "停车场在哪里？"}),
]


def _service() -> TranslationService:
    return TranslationService(glossary=Glossary(), phrasebook=Phrasebook(CITY_PHRASES))


def _shown(lang: str) -> dict[str, tuple[str | None, str]]:
    phrases = genres(_service(), lang)[0]["phrases"]
    return {p["id"]: (p["text"], p["text_lang"]) for p in phrases}


def test_traditional_chinese_phrase_is_shown_in_traditional_characters() -> None:
    assert _shown("zh-Hant")["city-001"] == ("請到2樓5號窗口。", "zh-Hant")


def test_phrase_without_traditional_chinese_falls_back_to_simplified() -> None:
    assert _shown("zh-Hant")["city-002"] == ("您带停车券了吗？", "zh-Hans")
    replies = quick_replies(_service(), "zh-Hant")
    assert [(r["text"], r["text_lang"]) for r in replies] == [("停车场在哪里？", "zh-Hans")]


def test_simplified_stands_in_only_for_traditional_chinese() -> None:
    assert _shown("ko")["city-002"] == (None, "ko")
    assert _shown("zh-Hans")["city-001"] == ("请到2楼5号窗口。", "zh-Hans")
