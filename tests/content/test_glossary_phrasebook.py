"""Counter phrases use the glossary's approved translations.

A phrase whose Japanese contains a glossary term (longest term first, no
overlaps, as translation.glossary protects terms) must contain that term's
approved translation, case-insensitively, in every language it is translated
into. A term may list ``variants:`` per language for grammatical forms
(plurals, Korean particles...). In やさしい日本語 the official word itself or its
reading is also accepted, because easy Japanese keeps official terms with their
reading. Hyphens count as spaces; in Korean, Thai, Chinese and easy Japanese
spacing is ignored.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

DATA = Path(__file__).resolve().parents[2] / "data"
PHRASEBOOK_FILES = sorted((DATA / "phrasebook").glob("*.yaml"))

Term = Mapping[str, Any]


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def terms_in(japanese: str, terms: Iterable[Term]) -> list[Term]:
    """Glossary terms found in ``japanese``: longest first, non-overlapping."""
    taken: list[tuple[int, int, Term]] = []
    for term in sorted(terms, key=lambda t: -len(t["ja"])):
        start = japanese.find(term["ja"])
        while start != -1:
            end = start + len(term["ja"])
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, term))
            start = japanese.find(term["ja"], start + 1)
    return [t for _, _, t in sorted(taken, key=lambda x: x[0])]


# Languages whose word spacing is a matter of style (Korean 띄어쓰기, easy-Japanese spacing).
SPACING_IS_STYLE = {"ja-easy", "ko", "th", "zh-Hans", "zh-Hant"}


def _fold(text: str, lang: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("-", " ")
    if lang == "ja-easy":
        # Katakana and hiragana spell the same word in easy Japanese.
        text = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)
        # Quote marks and brackets around a word are style too.
        text = "".join(c for c in text if c not in "「」『』()（）")
    return "".join(text.split()) if lang in SPACING_IS_STYLE else " ".join(text.split())


def accepted_forms(term: Term, lang: str) -> list[str]:
    entry = term["translations"].get(lang) or {}
    forms = [entry.get("term", ""), *(entry.get("variants") or [])]
    if lang == "ja-easy":
        forms += [term["ja"], term.get("reading", "")]
    return [f for f in forms if f]


def mismatches(phrase: Mapping[str, Any], terms: Iterable[Term]) -> list[str]:
    """'phrase-id lang: expected ... in ...' for each approved term a translation lacks."""
    problems = []
    for term in terms_in(phrase["ja"], terms):
        for lang, text in (phrase.get("translations") or {}).items():
            forms = accepted_forms(term, lang)
            if forms and not any(_fold(f, lang) in _fold(str(text), lang) for f in forms):
                problems.append(f"{phrase['id']} {lang}: expected {forms[0]!r} ({term['id']}) in {text!r}")
    return problems


@pytest.fixture(scope="module")
def glossary_terms() -> list[Term]:
    return list(_yaml(DATA / "glossary.yaml")["terms"])


GLOSSARY_SAMPLE: list[Term] = [
    {"id": "juminhyo", "ja": "住民票", "reading": "じゅうみんひょう",
     "translations": {"en": {"term": "resident record"}}},
    {"id": "juminhyo-no-utsushi", "ja": "住民票の写し", "reading": "じゅうみんひょうのうつし",
     "translations": {"en": {"term": "certificate of residence", "variants": ["certificates of residence"]},
                      "ja-easy": {"term": "じゅうみんひょうの うつし"}}},
]


def test_longest_glossary_term_wins_inside_phrase() -> None:
    found = terms_in("住民票の写しと住民票", GLOSSARY_SAMPLE)
    assert [t["id"] for t in found] == ["juminhyo-no-utsushi", "juminhyo"]


def test_phrase_with_another_word_for_a_term_is_reported() -> None:
    phrase = {"id": "p1", "ja": "住民票の写しをください。",
              "translations": {"en": "A residence certificate, please."}}
    assert mismatches(phrase, GLOSSARY_SAMPLE) == [
        "p1 en: expected 'certificate of residence' (juminhyo-no-utsushi) in 'A residence certificate, please.'"
    ]


def test_case_variants_and_easy_japanese_reading_are_accepted() -> None:
    phrase = {"id": "p2", "ja": "住民票の写しを2通ください。",
              "translations": {"en": "Two Certificates of Residence, please.",
                               "ja-easy": "ジュウミンヒョウノウツシを 2まい ください。"}}
    assert mismatches(phrase, GLOSSARY_SAMPLE) == []


@pytest.mark.skipif(not PHRASEBOOK_FILES, reason="no data/phrasebook/*.yaml yet")
@pytest.mark.parametrize("path", PHRASEBOOK_FILES, ids=lambda p: p.name)
def test_phrases_use_approved_glossary_translations(path: Path, glossary_terms: list[Term]) -> None:
    problems = [p for phrase in _yaml(path)["phrases"] for p in mismatches(phrase, glossary_terms)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", PHRASEBOOK_FILES, ids=lambda p: p.name)
def test_every_shipped_phrase_has_every_counter_language(path: Path) -> None:
    # A missing language would quietly show another one (zh-Hans for zh-Hant) or nothing.
    from knowledge.languages import LANGUAGES

    wanted = set(LANGUAGES) - {"ja"}
    for phrase in _yaml(path)["phrases"]:
        have = {lang for lang, text in phrase["translations"].items() if str(text).strip()}
        assert wanted <= have, f"{path.name} {phrase['id']}: missing {sorted(wanted - have)}"
