import pytest

from translation.normalize import normalize_text
from translation.phrasebook import Phrasebook


def test_exact_phrase_gives_its_human_translation(phrasebook: Phrasebook) -> None:
    match = phrasebook.match("本日はどのようなご用件でしょうか。")
    assert match is not None and match.exact
    assert match.phrase.text_in("en") == "How can I help you today?"


@pytest.mark.parametrize(
    "variant",
    ["本日はどのようなご用件でしょうか", "本日は どのような ご用件でしょうか？", "本日はドノヨウナご用件でしょうか。"],
)
def test_width_kana_and_punctuation_variants_match_exactly(phrasebook: Phrasebook, variant: str) -> None:
    match = phrasebook.match(variant)
    assert match is not None and match.exact and match.phrase.id == "uketsuke-001"


def test_small_typo_matches_fuzzily(phrasebook: Phrasebook) -> None:
    match = phrasebook.match("こちらの番号札を持ってお待ち下さい")
    assert match is not None and not match.exact and match.phrase.id == "uketsuke-002"


def test_short_text_needs_an_exact_match(phrasebook: Phrasebook) -> None:
    assert phrasebook.match("はい。") is not None
    assert phrasebook.match("はいえ") is None


def test_unrelated_text_does_not_match(phrasebook: Phrasebook) -> None:
    assert phrasebook.match("ごみの収集日はいつですか") is None


def test_resident_reply_in_their_language_matches_back_to_japanese(phrasebook: Phrasebook) -> None:
    match = phrasebook.match("vâng", lang="vi")
    assert match is not None and match.phrase.ja == "はい"


def test_normalisation_folds_width_kana_and_punctuation() -> None:
    assert normalize_text("ＡＢＣ　ｶﾀｶﾅ・テスト！") == normalize_text("abc かたかな てすと")
