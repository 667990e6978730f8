"""data/glossary.yaml: every term is complete in all languages the counter and chat serve."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

GLOSSARY = Path(__file__).resolve().parents[2] / "data" / "glossary.yaml"
LANGUAGES = ("ja-easy", "en", "zh-Hans", "zh-Hant", "ko", "vi", "pt-BR", "es", "tl", "ne", "id", "th")
SAMPLE_MARK = "# ひかり野市 サンプルデータ"
MIN_TERMS = 150


def _load() -> list[dict[str, Any]]:
    data = YAML(typ="safe").load(GLOSSARY.read_text(encoding="utf-8"))
    return list(data["terms"])


@pytest.fixture(scope="module")
def terms() -> list[dict[str, Any]]:
    return _load()


def _nonempty(value: object) -> bool:
    return isinstance(value, str) and value.strip() != "" and "\n" not in value


def test_glossary_is_marked_as_sample_data() -> None:
    assert GLOSSARY.read_text(encoding="utf-8").startswith(SAMPLE_MARK)


def test_glossary_has_at_least_150_terms(terms: list[dict[str, Any]]) -> None:
    assert len(terms) >= MIN_TERMS


def test_glossary_ids_are_unique_slugs(terms: list[dict[str, Any]]) -> None:
    ids = [t["id"] for t in terms]
    assert [i for i in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(i))] == []
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_glossary_japanese_terms_are_unique(terms: list[dict[str, Any]]) -> None:
    ja = [t["ja"] for t in terms]
    assert sorted({j for j in ja if ja.count(j) > 1}) == []


def test_every_term_has_reading_and_resident_explanation(terms: list[dict[str, Any]]) -> None:
    bad = [
        t["id"]
        for t in terms
        if not (_nonempty(t.get("ja")) and _nonempty(t.get("explanation")))
        or not re.fullmatch(r"[ぁ-ゖー]+", str(t.get("reading", "")))
    ]
    assert bad == []


def test_every_term_has_translation_and_explanation_in_all_12_languages(
    terms: list[dict[str, Any]],
) -> None:
    missing = [
        f"{t['id']}:{lang}"
        for t in terms
        for lang in LANGUAGES
        if not all(_nonempty((t["translations"].get(lang) or {}).get(k)) for k in ("term", "explanation"))
    ]
    assert missing == []


def test_glossary_has_no_unknown_languages(terms: list[dict[str, Any]]) -> None:
    extra = [f"{t['id']}:{lang}" for t in terms for lang in t["translations"] if lang not in LANGUAGES]
    assert extra == []


def test_variants_are_lists_of_nonempty_strings(terms: list[dict[str, Any]]) -> None:
    bad = [
        f"{t['id']}:{lang}"
        for t in terms
        for lang, entry in t["translations"].items()
        if "variants" in entry
        and not (isinstance(entry["variants"], list) and all(map(_nonempty, entry["variants"])))
    ]
    assert bad == []


def test_translated_terms_are_not_left_in_japanese(terms: list[dict[str, Any]]) -> None:
    # Kana in a non-Japanese term means the translation was forgotten (kanji are fine for zh).
    kana = re.compile(r"[ぁ-ゖァ-ヺ]")
    left = [
        f"{t['id']}:{lang}"
        for t in terms
        for lang in LANGUAGES
        if lang != "ja-easy" and kana.search(t["translations"][lang]["term"])
    ]
    assert left == []
