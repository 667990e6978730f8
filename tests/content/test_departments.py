"""data/departments.yaml: every counter can be named, found and timed in the chat's languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from knowledge.faq_loader import load_faq
from knowledge.faq_schema import Department

from .test_glossary_phrasebook import mismatches

LANGUAGES = ("en", "zh-Hans", "zh-Hant", "ko", "vi", "pt-BR", "es", "tl", "ne", "id", "th")
FIELDS = ("name", "place", "hours")
SAMPLE_MARK = "# ひかり野市 サンプルデータ"


@pytest.fixture(scope="module")
def departments(repo_data_dir: Path) -> dict[str, Department]:
    return load_faq(repo_data_dir).faq.departments


def _one_line(value: object) -> bool:
    return isinstance(value, str) and value.strip() != "" and "\n" not in value


def test_departments_file_is_marked_as_sample_data(repo_data_dir: Path) -> None:
    text = (repo_data_dir / "departments.yaml").read_text(encoding="utf-8")
    assert text.startswith(SAMPLE_MARK)


def test_every_department_has_name_place_and_hours_in_11_languages(
    departments: dict[str, Department],
) -> None:
    assert len(departments) >= 39
    missing = [
        f"{d.id}:{lang}:{key}"
        for d in departments.values()
        for lang in LANGUAGES
        for key in FIELDS
        if not _one_line(d.translations.get(lang, {}).get(key))
    ]
    assert missing == []


def test_department_translations_are_not_left_in_japanese(departments: dict[str, Department]) -> None:
    # Kana means the Japanese was copied instead of translated (kanji alone are fine for Chinese).
    left = [
        f"{d.id}:{lang}:{key}"
        for d in departments.values()
        for lang in LANGUAGES
        for key in FIELDS
        if any("ぁ" <= c <= "ヺ" for c in d.translations[lang][key])
    ]
    assert left == []


def test_department_translations_use_approved_glossary_terms(
    departments: dict[str, Department], repo_data_dir: Path,
) -> None:
    terms: list[Any] = YAML(typ="safe").load(
        (repo_data_dir / "glossary.yaml").read_text(encoding="utf-8"))["terms"]
    problems = [
        problem
        for d in departments.values()
        for key in FIELDS
        for problem in mismatches(
            {"id": f"{d.id}.{key}", "ja": getattr(d, key),
             "translations": {lang: d.translations[lang][key] for lang in LANGUAGES}},
            terms,
        )
    ]
    assert problems == [], "\n".join(problems)


def test_reply_in_vietnamese_names_the_counter_with_its_japanese_sign(
    departments: dict[str, Department],
) -> None:
    shimin = departments["shimin"]
    assert shimin.localized("vi", "name") == "Phòng Dịch vụ Công dân (市民課)"
    assert shimin.localized("vi", "place").startswith("Tòa nhà chính tầng 1")
    assert shimin.localized("ja", "name") == "市民課"
