from translation.service import TranslationService


def test_phrasebook_hit_returns_human_translation_marked_as_such(service: TranslationService) -> None:
    result = service.translate("本日はどのようなご用件でしょうか", source="ja", target="vi")
    assert result.origin == "phrasebook" and not result.machine_translated
    assert result.text == "Hôm nay tôi có thể giúp gì cho bạn?"
    assert result.label == "Bản dịch của người"
    assert result.back_translation == "本日はどのようなご用件でしょうか。"


def test_easy_japanese_comes_from_the_phrasebook(offline_service: TranslationService) -> None:
    result = offline_service.translate("本日はどのようなご用件でしょうか。", source="ja", target="ja-easy")
    assert result.origin == "phrasebook" and result.text == "きょうは なんの ようじ ですか。"


def test_mt_output_is_labelled_and_back_translated(service: TranslationService) -> None:
    result = service.translate("手数料は300円です。", source="ja", target="en")
    assert result.machine_translated and result.label == "Machine translation"
    assert result.staff_label is not None and "機械翻訳" in result.staff_label
    assert result.route == ("ja", "en")
    assert result.back_translation is not None or result.fallback


def test_gibberish_that_drops_a_number_falls_back_to_original_with_note(
    service: TranslationService,
) -> None:
    result = service.translate("住民票の写しを2通ください", source="ja", target="en")
    assert result.fallback and not result.ok and result.origin == "none"
    assert result.text == "住民票の写しを2通ください"
    assert result.note is not None and "original Japanese" in result.note
    assert result.rejected_translation and result.back_translation is not None
    failed = {g.name: g for g in result.guards if not g.ok}
    assert failed and all(g.message for g in failed.values())
    assert any("数字" in n or "繰り返" in n or "長すぎ" in n for n in result.staff_notes)


def test_dropped_number_triggers_the_guard_with_a_deterministic_engine(
    dictionary_service: TranslationService,
) -> None:
    result = dictionary_service.translate("手数料は300円です", source="ja", target="en")
    assert result.ok and result.text == "The fee is 300円"
    dropped = dictionary_service.translate("手数料は三百円です、300", source="ja", target="en")
    assert dropped.ok  # the digits survive
    lost = dictionary_service.engine.dictionaries[("ja", "en")]  # type: ignore[union-attr]
    lost["300"] = "three hundred"
    result = dictionary_service.translate("手数料は300円です", source="ja", target="en")
    assert result.fallback and [g.name for g in result.guards if not g.ok] == ["amounts"]
    assert result.text == "手数料は300円です"


def test_pivot_through_english_is_reported(service: TranslationService) -> None:
    result = service.translate("窓口は2階です", source="ja", target="vi")
    assert result.route == ("ja", "en", "vi") and result.pivot
    assert any("英語を経由" in note for note in result.staff_notes)


def test_without_models_phrasebook_and_glossary_work_and_missing_packages_are_named(
    offline_service: TranslationService,
) -> None:
    assert offline_service.translate("はい", source="ja", target="en").text == "Yes"
    result = offline_service.translate("窓口は2階です", source="ja", target="vi")
    assert result.fallback and result.origin == "none" and result.text == "窓口は2階です"
    assert result.missing_packages == ("translate-ja_vi", "translate-ja_en + translate-en_vi")
    assert result.note is not None and "Vui lòng hỏi nhân viên" in result.note


def test_explicit_source_wins_over_detection(dictionary_service: TranslationService) -> None:
    result = dictionary_service.translate("Vâng", source="vi", target="ja")
    assert result.origin == "phrasebook" and result.text == "はい"
    assert result.detected_language is None
    forced = dictionary_service.translate("Vâng", source="en", target="ja")
    assert forced.origin != "phrasebook"


def test_source_is_detected_when_not_given(offline_service: TranslationService) -> None:
    result = offline_service.translate("How can I help you today?", target="ja")
    assert result.detected_language == "en" and result.source == "en"
    assert result.origin == "phrasebook" and result.text == "本日はどのようなご用件でしょうか。"


def test_same_language_is_returned_unchanged(offline_service: TranslationService) -> None:
    result = offline_service.translate("こんにちは", source="ja", target="ja")
    assert result.text == "こんにちは" and result.origin == "none" and not result.fallback


def test_result_serialises_for_the_api(service: TranslationService) -> None:
    data = service.translate("はい", source="ja", target="en").to_dict()
    assert data["origin"] == "phrasebook" and data["ok"] is True and data["guards"] == []
