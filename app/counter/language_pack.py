"""Everything the counter screen needs for one resident language, from the translation data.

Set phrases (staff side, by genre), quick replies (data/phrasebook/replies.yaml,
resident side), glossary terms with their explanations, language availability.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from translation import TranslationService, pair_status
from translation.languages import ENDONYMS, SUPPORTED
from translation.phrasebook import Phrase
from translation.results import TermNote

from . import config

REPLIES_GENRE = "replies"
# Only for a phrase without its own translation (a city's added phrases may lack zh-Hant):
# a reader of Traditional Chinese can read Simplified, which is better than none.
READABLE_INSTEAD = {"zh-Hant": "zh-Hans"}


def resident_languages() -> list[str]:
    return [code for code in SUPPORTED if code != "ja"]


def language_summary(service: TranslationService, lang: str) -> dict[str, Any]:
    """The grid entry: own-script name, Japanese name, and how translation works for it."""
    to_resident = pair_status(service, "ja", lang)
    from_resident = pair_status(service, lang, "ja") if lang != "ja-easy" else None
    names = config.strings().language_names
    return {
        "code": lang, "endonym": ENDONYMS.get(lang, lang), "name_ja": names.get(lang, lang),
        "speech": config.strings().speech.get(lang, ""),
        "phrases": to_resident.phrasebook_phrases,
        "mt_to": to_resident.mt, "mt_from": from_resident.mt if from_resident else None,
        "missing_packages": list(to_resident.missing_packages),
    }


def phrase_text(phrase: Phrase, lang: str) -> tuple[str | None, str]:
    """The phrase in ``lang`` (or a readable stand-in) and the language it is written in."""
    text = phrase.text_in(lang)
    if text is None and lang in READABLE_INSTEAD:
        lang = READABLE_INSTEAD[lang]
        text = phrase.text_in(lang)
    return text, lang


def _phrase_item(phrase: Phrase, lang: str) -> dict[str, Any]:
    text, text_lang = phrase_text(phrase, lang)
    return {"id": phrase.id, "ja": phrase.ja, "text": text, "text_lang": text_lang}


def genres(service: TranslationService, lang: str) -> list[dict[str, Any]]:
    """Staff set phrases by genre, each with its human translation in ``lang`` (None if missing)."""
    return [
        {"slug": slug, "name": phrases[0].genre,
         "phrases": [_phrase_item(p, lang) for p in phrases if p.side == "staff"]}
        for slug, phrases in service.phrasebook.genres().items()
        if slug != REPLIES_GENRE and any(p.side == "staff" for p in phrases)
    ]


def quick_replies(service: TranslationService, lang: str) -> list[dict[str, Any]]:
    """The resident's replies (はい, いいえ, もう一度...) that exist in a language they read."""
    replies = [p for p in service.phrasebook.phrases if p.side == "resident"]
    return [item for item in (_phrase_item(p, lang) for p in replies) if item["text"]]


def glossary_terms(service: TranslationService, lang: str) -> list[dict[str, Any]]:
    return [
        {"id": t.id, "ja": t.ja, "reading": t.reading, "explanation_ja": t.explanation,
         "term": t.term_in(lang), "explanation": t.explanation_in(lang) or t.explanation}
        for t in service.glossary.terms
    ]


def term_details(service: TranslationService, notes: tuple[TermNote, ...]) -> list[dict[str, Any]]:
    """A result's glossary notes plus the reading and Japanese explanation for the staff."""
    by_id = {t.id: t for t in service.glossary.terms}
    details = []
    for note in notes:
        term = by_id.get(note.id)
        details.append({"id": note.id, "ja": note.ja, "term": note.term, "explanation": note.explanation,
                        "reading": term.reading if term else "",
                        "explanation_ja": term.explanation if term else ""})
    return details


def language_pack(service: TranslationService, lang: str, *, data_dir: Path) -> dict[str, Any]:
    return {
        **language_summary(service, lang),
        "strings": config.strings().resident_in(lang),
        "interpreter": config.interpreter(data_dir).for_language(lang),
        "genres": genres(service, lang),
        "replies": quick_replies(service, lang),
        "terms": glossary_terms(service, lang),
    }
