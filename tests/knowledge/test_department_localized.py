"""Department.localized: translated counter names keep the Japanese name of the sign."""

from __future__ import annotations

from knowledge.faq_schema import Department

SHIMIN = Department(
    id="shimin", name="市民課", place="本庁舎 1階 2番窓口", phone="012-345-6710", hours="平日 8:30〜17:15",
    translations={
        "en": {"name": "Citizen Services Division", "place": "Main Building 1F, Window 2",
               "hours": "Weekdays 8:30-17:15"},
        "zh-Hant": {"name": "市民課", "place": "主要辦公大樓1樓 2號窗口", "hours": "平日 8:30-17:15"},
        "ja-easy": {"name": "しみんか"},
    },
)


def test_translated_name_is_followed_by_the_japanese_sign_name() -> None:
    assert SHIMIN.localized("en", "name") == "Citizen Services Division (市民課)"


def test_place_and_hours_are_translated_without_japanese() -> None:
    assert SHIMIN.localized("en", "place") == "Main Building 1F, Window 2"
    assert SHIMIN.localized("en", "hours") == "Weekdays 8:30-17:15"


def test_language_without_translation_gets_the_japanese_name_alone() -> None:
    assert SHIMIN.localized("vi", "name") == "市民課"
    assert SHIMIN.localized("vi", "hours") == "平日 8:30〜17:15"


def test_japanese_readers_see_the_name_once() -> None:
    assert SHIMIN.localized("ja", "name") == "市民課"
    assert SHIMIN.localized("ja-easy", "name") == "しみんか"


def test_translation_spelled_like_the_sign_is_not_repeated() -> None:
    assert SHIMIN.localized("zh-Hant", "name") == "市民課"
