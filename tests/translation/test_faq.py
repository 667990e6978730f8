from translation.faq import localise_answer
from translation.service import TranslationService

Q, A = "燃やすごみの収集日はいつですか？", "燃やすごみは週2回収集します。"
TRANSLATIONS = {
    "en": {"question": "When is burnable garbage collected?", "answer": "Twice a week."},
    "ja-easy": {"question": "もえる ごみは いつ？", "answer": "しゅうに 2かい あつめます。"},
}


def test_human_translation_is_used_when_present(service: TranslationService) -> None:
    answer = localise_answer(service, question=Q, answer=A, translations=TRANSLATIONS, lang="en")
    assert (answer.origin, answer.answer, answer.note) == ("human", "Twice a week.", None)


def test_without_model_easy_japanese_is_shown_with_a_note_in_the_residents_language(
    offline_service: TranslationService,
) -> None:
    answer = localise_answer(offline_service, question=Q, answer=A, translations=TRANSLATIONS, lang="vi")
    assert answer.origin == "ja-easy" and answer.answer == "しゅうに 2かい あつめます。"
    assert answer.note is not None and "tiếng Nhật dễ hiểu" in answer.note


def test_without_any_translation_japanese_is_shown_with_a_note(offline_service: TranslationService) -> None:
    answer = localise_answer(offline_service, question=Q, answer=A, translations={}, lang="th")
    assert answer.origin == "ja" and answer.answer == A
    assert answer.note == "คำตอบนี้ยังไม่มีในภาษาของคุณ จึงแสดงเป็นภาษาญี่ปุ่น"


def test_machine_translation_is_labelled(dictionary_service: TranslationService) -> None:
    answer = localise_answer(
        dictionary_service, question="手数料は300円です", answer="手数料は300円です", translations={}, lang="en"
    )
    assert answer.origin == "mt" and answer.label == "Machine translation"
    assert answer.note is not None and "translated by machine" in answer.note


def test_rejected_machine_translation_falls_back_to_japanese(service: TranslationService) -> None:
    answer = localise_answer(service, question=Q, answer=A, translations={}, lang="en")
    assert answer.origin == "ja" and answer.answer == A
