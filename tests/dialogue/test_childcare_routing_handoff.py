from __future__ import annotations

from datetime import datetime

from dialogue_helpers import TOKYO, RecordedFeedback, RunAction, make_tracker, texts

from bot.actions.childcare import ActionChildAllowance, ActionNurseryGuide
from bot.actions.feedback import ActionChangeLanguage, ActionFeedback
from bot.actions.routing import ActionDepartmentRouting, ActionHandoff
from bot.dialogue.childcare_guide import parse_age, parse_month
from bot.dialogue.context import DialogueContext


def test_nursery_april_start_gives_october_application_window(run_action: RunAction) -> None:
    body = texts(run_action(ActionNurseryGuide(), make_tracker(slots={"child_age": "1", "start_month": "4"}))[0])
    assert "10月1日" in body and "保育課" in body and "第3希望" in body


def test_nursery_mid_year_start_in_english(run_action: RunAction) -> None:
    tracker = make_tracker(lang="en", slots={"child_age": "0", "start_month": "10"})
    body = texts(run_action(ActionNurseryGuide(), tracker)[0])
    assert "October" in body and "10th of the month before" in body and "57 days" in body


def test_nursery_guide_in_portuguese(run_action: RunAction) -> None:
    tracker = make_tracker(lang="pt-BR", slots={"child_age": "0", "start_month": "4"})
    body = texts(run_action(ActionNurseryGuide(), tracker)[0])
    assert "1º de outubro a 31 de outubro" in body and "57 dias" in body
    assert "Documento de identificação" in body and "本人確認書類" not in body


def test_child_allowance_in_traditional_chinese(run_action: RunAction) -> None:
    body = texts(run_action(ActionChildAllowance(), make_tracker("兒童津貼", lang="zh-Hant"))[0])
    assert "每月金額" in body and "15,000日圓" in body and "児童手当" not in body


def test_age_and_month_are_read_from_free_text() -> None:
    assert parse_age("2歳です") == 2 and parse_age("two years old") == 2 and parse_age("二歳") == 2
    assert parse_month("来年の4月から") == 4 and parse_month("from October") == 10


def test_child_allowance_basics(run_action: RunAction) -> None:
    body = texts(run_action(ActionChildAllowance(), make_tracker("児童手当"))[0])
    assert "1万5千円" in body and "子育て支援課" in body


def test_department_routing_names_division_floor_and_phone(run_action: RunAction) -> None:
    tracker = make_tracker("介護保険の担当課は？", intent="department_routing",
                           entities=[{"entity": "department_topic", "value": "介護保険"}])
    body = texts(run_action(ActionDepartmentRouting(), tracker)[0])
    assert "介護保険課" in body and "012-345-6768" in body


def test_handoff_in_office_hours_gives_counter_and_closing_time(run_action: RunAction) -> None:
    body = texts(run_action(ActionHandoff(), make_tracker("職員と話したい"))[0])
    assert "17:15" in body and "012-345-6700" in body


def test_handoff_at_night_gives_reopening_time_and_emergency_numbers(
        ctx: DialogueContext, run_action: RunAction) -> None:
    ctx.clock = lambda: datetime(2026, 11, 27, 22, 30, tzinfo=TOKYO)  # Friday night
    body = texts(run_action(ActionHandoff(), make_tracker("人と話したい"))[0])
    assert "時間外" in body and "11月30日(月) 08:30" in body and "#7119" in body


def test_handoff_on_a_national_holiday_is_closed(ctx: DialogueContext, run_action: RunAction) -> None:
    ctx.clock = lambda: datetime(2026, 11, 23, 10, 0, tzinfo=TOKYO)  # 勤労感謝の日
    assert "時間外" in texts(run_action(ActionHandoff(), make_tracker("人と話したい"))[0])


def test_feedback_is_stored_with_the_answered_faq(run_action: RunAction,
                                                  feedback: RecordedFeedback) -> None:
    tracker = make_tracker('/feedback{"feedback_value": "good"}', intent="feedback",
                           slots={"last_faq_id": "gomi-petbottle"},
                           entities=[{"entity": "feedback_value", "value": "good"}])
    run_action(ActionFeedback(), tracker)
    assert feedback.rows == [{"session_id": "resident-1", "faq_id": "gomi-petbottle",
                              "helpful": True, "comment": None, "lang": "ja"}]


def test_typed_feedback_is_kept_as_a_masked_comment(run_action: RunAction,
                                                    feedback: RecordedFeedback) -> None:
    tracker = make_tracker("情報が古いです。090-1111-2222に電話して", intent="feedback",
                           slots={"last_faq_id": "gomi-petbottle"},
                           entities=[{"entity": "feedback_value", "value": "bad"}])
    messages, _ = run_action(ActionFeedback(), tracker)
    row = feedback.rows[0]
    assert row["helpful"] is False and "情報が古い" in row["comment"] and "090" not in row["comment"]
    assert "改善" in texts(messages)


def test_changing_language_pins_it_and_answers_in_it(run_action: RunAction) -> None:
    tracker = make_tracker("英語で話して", intent="change_language",
                           entities=[{"entity": "language", "value": "en"}])
    messages, _ = run_action(ActionChangeLanguage(), tracker)
    assert messages[0]["custom"] == {"set_language": "en"}
    assert messages[1]["text"] == "I will answer in English."
