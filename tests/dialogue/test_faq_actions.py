from __future__ import annotations

from dialogue_helpers import RunAction, make_tracker, texts

from bot.actions.faq import (
    ActionAnswerFaq,
    ActionChooseFaq,
    ActionDefaultAskAffirmation,
    ActionDefaultFallback,
    ActionOutOfScope,
)


def test_confident_answer_has_source_link_counter_and_feedback_buttons(run_action: RunAction) -> None:
    messages, events = run_action(ActionAnswerFaq(), make_tracker("住民票の写しの手数料はいくらですか？"))
    body = texts(messages)
    assert "https://www.city.hikarino.example.jp/" in body
    assert "012-345-" in body
    assert any(b["payload"].startswith("/feedback") for m in messages for b in m["buttons"])
    assert {"event": "slot", "timestamp": None, "name": "last_faq_id",
            "value": "juminhyo-utsushi-fee"} in events


def test_english_question_gets_english_wording(run_action: RunAction) -> None:
    messages, _ = run_action(ActionAnswerFaq(),
                             make_tracker("How much is a certificate of residence?", lang="en"))
    body = texts(messages)
    assert "Was this answer helpful?" in body or "Which of these is your question about?" in body
    assert "役に立ちましたか" not in body and "どれについて" not in body


def test_unanswerable_question_is_honest_and_names_a_counter(run_action: RunAction) -> None:
    messages, _ = run_action(ActionAnswerFaq(), make_tracker("宇宙旅行の補助金はありますか"))
    body = texts(messages)
    assert "見つかりませんでした" in body or "どれについて" in body
    assert "012-345-" in body or any(m["buttons"] for m in messages)


def test_chosen_faq_button_answers_that_entry(run_action: RunAction) -> None:
    tracker = make_tracker('/choose_faq{"faq_id": "gomi-petbottle"}', intent="choose_faq",
                           entities=[{"entity": "faq_id", "value": "gomi-petbottle"}])
    messages, events = run_action(ActionChooseFaq(), tracker)
    assert "ペットボトル" in texts(messages)
    assert events[0]["value"] == "gomi-petbottle"


def test_low_confidence_offers_faq_choices_and_a_person(run_action: RunAction) -> None:
    messages, _ = run_action(ActionDefaultAskAffirmation(), make_tracker("ごみ 袋"))
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert any(p.startswith("/choose_faq") for p in payloads)
    assert "/request_human" in payloads


def test_final_fallback_never_leaves_the_resident_without_a_way_forward(run_action: RunAction) -> None:
    messages, events = run_action(ActionDefaultFallback(), make_tracker("ふがふが"))
    assert messages and (any(m["buttons"] for m in messages) or "012-345-" in texts(messages))
    assert events[0]["event"] == "rewind"


def test_out_of_scope_still_offers_related_city_entries(run_action: RunAction) -> None:
    related, _ = run_action(ActionOutOfScope(), make_tracker("ハザードマップ", intent="out_of_scope"))
    assert any(b["payload"].startswith("/choose_faq") for b in related[0]["buttons"])
