"""data/certificates.yaml and data/childcare.yaml: the chatbot's guides read the same in every language.

Every text a resident reads there is a ``{ja: ..., en: ...}`` map. The sample city translates
each one into all chat languages, so a resident never gets the certificate or nursery guide in
Japanese or English by fallback. Lists (what to bring, documents) keep ja's length and order,
fees and dates keep ja's numbers, and official terms use data/glossary.yaml's approved words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from .test_glossary_phrasebook import Term, mismatches

GUIDE_FILES = ("certificates.yaml", "childcare.yaml")
LANGUAGES = ("ja-easy", "en", "zh-Hans", "zh-Hant", "ko", "vi", "pt-BR", "es", "tl", "ne", "id", "th")
# en predates the glossary check ("letter of attorney", "Photo ID"); the other languages follow it.
GLOSSARY_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != "en")

Texts = dict[str, Any]


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def language_maps(node: Any, where: str = "") -> Iterator[tuple[str, Texts]]:
    """(path, {lang: text}) for each translatable text: a mapping that has a ``ja`` key."""
    if isinstance(node, dict):
        if "ja" in node:
            yield where, node
            return
        for key, value in node.items():
            yield from language_maps(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            label = value.get("id", i) if isinstance(value, dict) else i
            yield from language_maps(value, f"{where}[{label}]")


def shape_problems(where: str, texts: Texts, languages: tuple[str, ...]) -> list[str]:
    """A language that is missing, empty, or not shaped like ja (text vs. list, list length)."""
    ja = texts["ja"]
    problems = []
    for lang in languages:
        value = texts.get(lang)
        if isinstance(ja, list):
            ok = (isinstance(value, list) and len(value) == len(ja)
                  and all(isinstance(v, str) and v.strip() for v in value))
        else:
            ok = isinstance(value, str) and bool(value.strip())
        if not ok:
            problems.append(f"{where} {lang}: {value!r} (ja: {ja!r})")
    # A misspelt code ("pt-br", "zh-TW") would never be picked for anyone.
    problems += [f"{where} {code}: not a language code" for code in texts if code not in ("ja", *LANGUAGES)]
    return problems


def _ja_numbers(text: str) -> set[str]:
    # Month numbers become month names in most languages ("10月" → "October"), so they are left out;
    # 1万5千円 is written 15,000 elsewhere.
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\d+(?:・\d+)*月", "", text)
    text = re.sub(r"(\d+)万(?:(\d)千)?", lambda m: str(int(m[1]) * 10000 + int(m[2] or 0) * 1000), text)
    return {n for n in re.findall(r"\d+", text) if len(n) >= 2}


def _numbers(text: str) -> set[str]:
    text = re.sub(r"(?<=\d)[,.](?=\d{3}(?!\d))", "", unicodedata.normalize("NFKC", text))
    return set(re.findall(r"\d+", text))


def aligned(texts: Texts, languages: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    """Per ja text (each item of a list): (ja, {lang: its translation}); the shape test reports gaps."""
    def as_list(value: Any) -> list[Any]:
        return value if isinstance(value, list) else [value]

    ja = as_list(texts["ja"])
    rows: list[tuple[str, dict[str, str]]] = [(str(source), {}) for source in ja]
    for lang in languages:
        for (_, row), text in zip(rows, as_list(texts.get(lang)), strict=False):  # short lists: see shape test
            if isinstance(text, str):
                row[lang] = text
    return rows


def number_problems(where: str, texts: Texts, languages: tuple[str, ...]) -> list[str]:
    """Fees, days and times (numbers of two digits or more) of ja that a translation lacks."""
    return [f"{where}[{i}] {lang}: {sorted(missing)} missing in {text!r}"
            for i, (source, row) in enumerate(aligned(texts, languages))
            for lang, text in row.items()
            if (missing := _ja_numbers(source) - _numbers(text))]


def glossary_problems(where: str, texts: Texts, terms: list[Term]) -> list[str]:
    return [problem for i, (source, row) in enumerate(aligned(texts, GLOSSARY_LANGUAGES))
            for problem in mismatches({"id": f"{where}[{i}]", "ja": source, "translations": row}, terms)]


@pytest.fixture(scope="module")
def glossary_terms(repo_data_dir: Path) -> list[Term]:
    return list(_yaml(repo_data_dir / "glossary.yaml")["terms"])


def _maps(data_dir: Path, name: str) -> list[tuple[str, Texts]]:
    return list(language_maps(_yaml(data_dir / name)))


def test_a_missing_language_or_a_short_list_is_reported() -> None:
    data = {"bring": {"mail": {"ja": ["請求書", "返信用封筒"], "en": ["Request form"], "vi": ["Đơn", "Phong bì"]}},
            "fee": {"ja": "1通300円", "en": "300 yen per copy", "pt-br": "300 ienes"}}
    problems = [p for where, texts in language_maps(data) for p in shape_problems(where, texts, ("en", "vi"))]
    assert problems == ["bring.mail en: ['Request form'] (ja: ['請求書', '返信用封筒'])",
                        "fee vi: None (ja: '1通300円')", "fee pt-br: not a language code"]


def test_a_changed_fee_or_date_is_reported() -> None:
    texts = {"ja": "月額は3歳未満1万5千円です。10月1日〜10月31日に申請。", "en": "15,000 yen. Apply October 1-31.",
             "vi": "1.500 yên. Đăng ký ngày 1-30 tháng 10."}
    assert number_problems("text", texts, ("en", "vi")) == [
        f"text[0] vi: ['15000', '31'] missing in {texts['vi']!r}"]


@pytest.mark.parametrize("name", GUIDE_FILES)
def test_every_guide_text_is_in_every_chat_language(repo_data_dir: Path, name: str) -> None:
    maps = _maps(repo_data_dir, name)
    assert len(maps) >= 10
    problems = [p for where, texts in maps for p in shape_problems(where, texts, LANGUAGES)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", GUIDE_FILES)
def test_translated_fees_and_dates_equal_the_japanese(repo_data_dir: Path, name: str) -> None:
    problems = [p for where, texts in _maps(repo_data_dir, name) for p in number_problems(where, texts, LANGUAGES)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", GUIDE_FILES)
def test_guides_use_approved_glossary_terms(repo_data_dir: Path, name: str,
                                            glossary_terms: list[Term]) -> None:
    problems = [p for where, texts in _maps(repo_data_dir, name)
                for p in glossary_problems(where, texts, glossary_terms)]
    assert problems == [], "\n".join(problems)
