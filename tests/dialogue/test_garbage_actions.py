from __future__ import annotations

import asyncio

from dialogue_helpers import RunAction, make_tracker, texts

from bot.actions.garbage import (
    ActionAskArea,
    ActionGarbageDay,
    ActionGarbageSorting,
    ValidateGarbageDayForm,
)


def test_garbage_day_lists_next_dates_for_the_area(run_action: RunAction) -> None:
    tracker = make_tracker("燃えるごみの日は？", slots={"area": "桜台二丁目", "garbage_category": "燃えるごみ"})
    messages, events = run_action(ActionGarbageDay(), tracker)
    body = texts(messages)
    assert "桜台二丁目" in body and "燃やすごみ" in body and "月" in body
    assert {e["name"] for e in events} == {"garbage_category", "day"}


def test_tomorrow_question_names_what_is_collected_tomorrow(run_action: RunAction) -> None:
    tracker = make_tracker("明日は何ごみ？", slots={"area": "中央一丁目", "day": "明日"})
    messages, _ = run_action(ActionGarbageDay(), tracker)
    # 2026-11-25 is a Wednesday; 中央一丁目 has 燃やさないごみ on the 2nd and 4th Wednesday.
    assert "11月25日" in texts(messages)


def test_english_garbage_day_uses_romaji_and_english_category(run_action: RunAction) -> None:
    tracker = make_tracker("when is burnable garbage", lang="en",
                           slots={"area": "桜台二丁目", "garbage_category": "燃やすごみ"})
    body = texts(run_action(ActionGarbageDay(), tracker)[0])
    assert "Sakuradai" in body and "Burnable" in body


def test_misspelt_area_is_matched_or_offered_as_buttons() -> None:
    form = ValidateGarbageDayForm()
    exact = form.validate_area("さくらだい二丁目", None, make_tracker(), {})
    vague = form.validate_area("さくら", None, make_tracker(), {})
    assert exact["area"] == "桜台二丁目" or "桜台二丁目" in exact["area_candidates"]
    assert vague["area"] is None and vague["area_candidates"]


def test_area_question_shows_candidate_buttons(run_action: RunAction) -> None:
    tracker = make_tracker("さくら", slots={"area_candidates": ["桜台一丁目", "桜台二丁目"]})
    messages, _ = run_action(ActionAskArea(), tracker)
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        '/inform{"area": "桜台一丁目"}', '/inform{"area": "桜台二丁目"}']


def test_reply_to_area_question_is_taken_from_plain_text(ctx: object) -> None:
    tracker = make_tracker("中央一丁目です", intent="inform", slots={"requested_slot": "area"})
    extracted = asyncio.run(ValidateGarbageDayForm().extract_area(None, tracker, {}))
    assert extracted == {"area": "中央一丁目です"}


def test_known_item_gets_its_category(run_action: RunAction) -> None:
    messages, _ = run_action(ActionGarbageSorting(), make_tracker(slots={"garbage_item": "スプレー缶"}))
    assert "スプレー缶" in texts(messages) and "【" in texts(messages)


def test_unknown_item_offers_closest_items(run_action: RunAction) -> None:
    messages, _ = run_action(ActionGarbageSorting(), make_tracker(slots={"garbage_item": "すぷれ"}))
    assert messages[0]["buttons"] or "【" in texts(messages)
