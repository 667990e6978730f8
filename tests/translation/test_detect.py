import pytest

from translation.detect import LanguageDetector
from translation.service import TranslationService

DETECTOR = LanguageDetector()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("住民票の写しを2通ください", "ja"),
        ("Where is the city hall?", "en"),
        ("我想办理住民证明", "zh-Hans"),
        ("我想辦理住民證明", "zh-Hant"),
        ("안녕하세요", "ko"),
        ("Tôi muốn đăng ký con dấu", "vi"),
        ("Quero pagar o imposto", "pt-BR"),
        ("Quiero pagar el impuesto", "es"),
        ("Saan po ang munisipyo?", "tl"),
        ("मलाई मद्दत चाहिन्छ", "ne"),
        ("Saya ingin mendaftar", "id"),
        ("ขอบคุณมาก", "th"),
        ("転入届", "ja"),
    ],
)
def test_short_texts_are_detected(text: str, expected: str) -> None:
    assert DETECTOR.detect(text).language == expected


def test_text_without_letters_is_not_guessed() -> None:
    assert DETECTOR.detect("2026/04/01 300").language is None


def test_kanji_only_glossary_term_counts_as_japanese(offline_service: TranslationService) -> None:
    assert offline_service.detect("印鑑登録").language == "ja"
