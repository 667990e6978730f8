"""The bot's fixed wording in the resident's language, and the fallback when a language is missing."""

from __future__ import annotations

from datetime import date, datetime

from dialogue_helpers import TOKYO, RunAction, make_tracker, texts

from bot.actions.childcare import ActionAskChildAge
from bot.actions.routing import ActionHandoff
from bot.dialogue.catalog import MessageCatalog
from bot.dialogue.childcare_guide import month_label, nursery_answer
from bot.dialogue.context import DialogueContext
from bot.dialogue.garbage_replies import format_date

# The shipped catalog has every language, so the fallback is tested on a small one that does not.
PARTIAL = MessageCatalog({
    "ask_area": {"ja": "お住まいの地区を教えてください。", "en": "Which area do you live in?"},
    "japanese_only": {"ja": "日本語だけの文です。"},
})


def test_a_language_without_a_translation_gets_english() -> None:
    assert PARTIAL.text("ask_area", "ne") == "Which area do you live in?"


def test_easy_japanese_without_a_translation_gets_japanese_not_english() -> None:
    assert PARTIAL.text("ask_area", "ja-easy") == "お住まいの地区を教えてください。"


def test_a_message_only_in_japanese_is_shown_in_japanese() -> None:
    assert PARTIAL.text("japanese_only", "vi") == "日本語だけの文です。"


def test_nepali_resident_gets_the_age_question_and_buttons_in_nepali(run_action: RunAction) -> None:
    [message] = run_action(ActionAskChildAge(), make_tracker(lang="ne"))[0]
    assert "बच्चा कति वर्षको" in message["text"]
    assert [b["title"] for b in message["buttons"]][:2] == ["0 वर्ष", "1 वर्ष"]


def test_dates_carry_the_weekday_in_the_residents_language(ctx: DialogueContext) -> None:
    tuesday = date(2026, 11, 24)
    assert format_date(ctx, tuesday, "vi") == "T3, 24/11"
    assert format_date(ctx, tuesday, "zh-Hant") == "11月24日（週二）"
    assert format_date(ctx, tuesday, "ja-easy") == "11がつ 24にち（かようび）"


def test_months_are_named_in_the_residents_language(ctx: DialogueContext) -> None:
    assert month_label(ctx, 4, "pt-BR") == "abril"
    assert month_label(ctx, 4, "en") == "April"
    assert month_label(ctx, 4, "ja") == "4月"
    assert "desde abril" in nursery_answer(ctx, age=1, month=4, lang="es")


def test_closed_handoff_in_thai_gives_reopening_time_and_phone(ctx: DialogueContext,
                                                               run_action: RunAction) -> None:
    ctx.clock = lambda: datetime(2026, 11, 27, 22, 30, tzinfo=TOKYO)  # Friday night
    body = texts(run_action(ActionHandoff(), make_tracker("ขอคุยกับเจ้าหน้าที่", lang="th"))[0])
    assert "นอกเวลาทำการ" in body and "จ. 30/11 08:30" in body and "012-345-6700" in body
    assert "{" not in body
