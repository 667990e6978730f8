from __future__ import annotations

import copy
from typing import Any

from dialogue_helpers import RunAction, make_tracker, texts

from bot.actions.certificates import ActionAskMethod, ActionCertificateGuide, ValidateCertificateForm
from bot.dialogue.certificate_guide import REQUESTER_WORDS, normalize_choice
from bot.dialogue.context import DialogueContext


def _guide(run_action: RunAction, lang: str = "ja", **slots: str) -> str:
    return texts(run_action(ActionCertificateGuide(), make_tracker(lang=lang, slots=slots))[0])


def test_proxy_at_the_counter_needs_a_letter_of_attorney(run_action: RunAction) -> None:
    body = _guide(run_action, certificate="juminhyo", requester="proxy", method="counter")
    assert "委任状" in body and "300円" in body and "本庁舎 1階" in body and "012-345-6710" in body


def test_konbini_is_not_offered_for_proxies(run_action: RunAction) -> None:
    body = _guide(run_action, certificate="juminhyo", requester="proxy", method="konbini")
    assert "本人のみ" in body


def test_english_certificate_guide(run_action: RunAction) -> None:
    body = _guide(run_action, lang="en", certificate="koseki_tohon", requester="self", method="mail")
    assert "Postal money order" in body and "450 yen" in body


def test_vietnamese_certificate_guide_comes_from_the_vietnamese_data(run_action: RunAction) -> None:
    body = _guide(run_action, lang="vi", certificate="juminhyo", requester="proxy", method="mail")
    assert "Giấy ủy quyền" in body and "300 yên" in body and "Phong bì gửi lại" in body
    assert "委任状" not in body and "Letter of attorney" not in body


def _without(node: Any, lang: str) -> Any:
    if isinstance(node, dict):
        return {k: _without(v, lang) for k, v in node.items() if k != lang}
    return [_without(v, lang) for v in node] if isinstance(node, list) else node


def test_a_language_the_city_did_not_translate_gets_the_english_guide(
        ctx: DialogueContext, run_action: RunAction) -> None:
    # A city may add a certificate with ja and en only; a Vietnamese reader then gets English.
    ctx.certificates = _without(copy.deepcopy(ctx.certificates), "vi")
    body = _guide(run_action, lang="vi", certificate="juminhyo", requester="proxy", method="mail")
    assert "Letter of attorney" in body and "300 yen" in body and "Giấy ủy quyền" not in body


def test_seal_certificate_by_mail_falls_back_to_the_counter(run_action: RunAction) -> None:
    body = _guide(run_action, certificate="inkan", requester="self", method="mail")
    assert "郵送では取れません" in body


def test_free_text_certificate_names_in_several_languages_are_understood() -> None:
    form = ValidateCertificateForm()
    for text, expected in (("住民票です", "juminhyo"), ("residence certificate", "juminhyo"),
                           ("戸籍謄本", "koseki_tohon"), ("印鑑証明書", "inkan")):
        assert form.validate_certificate(text, None, make_tracker(), {}) == {"certificate": expected}


def test_requester_words_map_to_choices() -> None:
    assert normalize_choice("妻の分です", ("self", "family", "proxy"), REQUESTER_WORDS) == "family"
    assert normalize_choice("I am a proxy", ("self", "family", "proxy"), REQUESTER_WORDS) == "proxy"


def test_method_question_only_offers_methods_the_certificate_allows(run_action: RunAction) -> None:
    messages, _ = run_action(ActionAskMethod(), make_tracker(slots={"certificate": "inkan"}))
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert '/inform{"method": "mail"}' not in payloads and len(payloads) == 2
