from translation.glossary import Glossary, restore
from translation.service import TranslationService


def test_terms_are_protected_and_approved_translation_restored(glossary: Glossary) -> None:
    protected = glossary.protect("住民票の写しと印鑑登録", source="ja", target="en")
    assert "住民票の写し" not in protected.text and len(protected.slots) == 2
    mt_output = protected.text.replace("と", " and ")
    text, lost = restore(mt_output, protected, target="en")
    assert text == "certificate of residence and seal registration" and lost == []


def test_placeholder_mangled_with_spaces_or_case_is_still_restored(glossary: Glossary) -> None:
    protected = glossary.protect("住民票の写し", source="ja", target="en")
    token = protected.slots[0][0]
    text, lost = restore(f"Get {token[:2]} {token[2:].lower()}.", protected, target="en")
    assert text == "Get certificate of residence." and lost == []


def test_lost_placeholder_is_reported(glossary: Glossary) -> None:
    protected = glossary.protect("住民票の写し", source="ja", target="en")
    assert restore("something", protected, target="en")[1][0].id == "juminhyo-no-utsushi"


def test_term_without_approved_translation_is_left_to_mt(glossary: Glossary) -> None:
    protected = glossary.protect("印鑑登録", source="ja", target="vi")
    assert protected.text == "印鑑登録" and protected.slots == ()


def test_glossary_term_keeps_approved_translation_through_mt(dictionary_service: TranslationService) -> None:
    result = dictionary_service.translate("住民票の写しを2通ください", source="ja", target="en")
    assert result.origin == "mt" and result.ok
    assert result.text == "certificate of residence 2 copies please"
    assert result.terms[0].explanation == "An official paper that shows your address."


def test_whole_text_term_gives_approved_translation_without_mt(offline_service: TranslationService) -> None:
    result = offline_service.translate("住民票の写し", source="ja", target="en")
    assert result.origin == "glossary" and result.text == "certificate of residence"
    assert result.terms[0].explanation == "An official paper that shows your address."


def test_term_lost_by_the_real_model_is_spliced_back(service: TranslationService) -> None:
    result = service.translate("住民票の写しを2通ください", source="ja", target="en")
    shown = result.rejected_translation if result.fallback else result.text
    assert shown is not None and "certificate of residence" in shown
