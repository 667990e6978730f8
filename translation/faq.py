"""Localise an FAQ answer for a resident.

Order: the human translation in the FAQ file; else MT (labelled) when a model
serves the pair and its guards pass; else やさしい日本語 if written; else
Japanese. Whenever the resident gets something other than a human
translation in their language, a short note in their language says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from translation.service import TranslationService

AnswerOrigin = Literal["human", "mt", "ja-easy", "ja"]


@dataclass(frozen=True)
class LocalisedAnswer:
    question: str
    answer: str
    language: str  # language of question/answer as shown
    origin: AnswerOrigin
    label: str | None = None  # "Machine translation" in the resident's language, for MT
    note: str | None = None  # in the resident's language


def localise_answer(
    service: TranslationService,
    *,
    question: str,
    answer: str,
    translations: Mapping[str, Mapping[str, str]],
    lang: str,
) -> LocalisedAnswer:
    """``translations`` is an FAQ entry's ``translations`` mapping (language -> question/answer)."""
    human = translations.get(lang) or {}
    if lang == "ja" or human.get("answer"):
        return _human(question, answer, human, lang)
    machine = _machine(service, question=question, answer=answer, lang=lang)
    if machine is not None:
        return machine
    easy = translations.get("ja-easy") or {}
    if easy.get("answer"):
        note = service.ui.resident("faq_easy_japanese_note", lang)
        return LocalisedAnswer(
            easy.get("question") or question, easy["answer"], "ja-easy", "ja-easy", None, note
        )
    return LocalisedAnswer(
        question, answer, "ja", "ja", None, service.ui.resident("faq_japanese_note", lang)
    )


def _human(question: str, answer: str, human: Mapping[str, str], lang: str) -> LocalisedAnswer:
    if lang == "ja":
        return LocalisedAnswer(question, answer, "ja", "human")
    return LocalisedAnswer(human.get("question") or question, human["answer"], lang, "human")


def _machine(
    service: TranslationService, *, question: str, answer: str, lang: str
) -> LocalisedAnswer | None:
    if not service.mt_available("ja", lang):
        return None
    q = service.translate(question, source="ja", target=lang)
    a = service.translate(answer, source="ja", target=lang)
    if not (q.ok and a.ok):
        return None
    label = service.ui.resident("mt_label", lang)
    return LocalisedAnswer(
        q.text, a.text, lang, "mt", label, service.ui.resident("faq_mt_note", lang)
    )
