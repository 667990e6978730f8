"""The sample city's FAQ is complete: every file loads, and the counts the city needs hold."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from knowledge.faq_loader import load_faq
from knowledge.synonyms import load_synonyms

TOP_LANGUAGES = ("ja-easy", "zh-Hans", "zh-Hant", "ko", "vi", "pt-BR", "es", "tl", "ne", "id")
SAMPLE_MARK = "サンプルデータ"


def test_every_faq_file_loads_without_problems(repo_data_dir: Path) -> None:
    report = load_faq(repo_data_dir)
    assert [str(p) for p in report.problems] == []


def test_sample_city_has_enough_entries_and_categories(repo_data_dir: Path) -> None:
    entries = load_faq(repo_data_dir).faq.entries
    assert len(entries) >= 250
    assert len({e.category for e in entries}) >= 29


def test_every_entry_has_english_and_real_alternatives(repo_data_dir: Path) -> None:
    for entry in load_faq(repo_data_dir).faq.entries:
        assert "en" in entry.translations, entry.id
        assert 2 <= len(entry.alternatives) <= 5, entry.id


def test_the_most_asked_entries_are_translated_into_ten_languages(repo_data_dir: Path) -> None:
    entries = load_faq(repo_data_dir).faq.entries
    complete = [e.id for e in entries if all(lang in e.translations for lang in TOP_LANGUAGES)]
    assert len(complete) >= 50


def test_deepest_categories_are_garbage_certificates_and_childcare(repo_data_dir: Path) -> None:
    counts = Counter(e.category for e in load_faq(repo_data_dir).faq.entries)
    certificates = counts["住民票"] + counts["戸籍"] + counts["印鑑登録"]
    median = sorted(counts.values())[len(counts) // 2]
    assert min(counts["ごみ"], certificates, counts["子育て"]) > 2 * median


def test_every_data_file_is_marked_as_sample_data(repo_data_dir: Path) -> None:
    files = [*(repo_data_dir / "faq").glob("*.yaml"), *(repo_data_dir / "phrasebook").glob("*.yaml"),
             repo_data_dir / "glossary.yaml", repo_data_dir / "departments.yaml", repo_data_dir / "synonyms.yaml"]
    unmarked = [f.name for f in files if SAMPLE_MARK not in f.read_text("utf-8")[:400]]
    assert unmarked == []


def test_synonyms_load_cleanly(repo_data_dir: Path) -> None:
    synonyms, problems = load_synonyms(repo_data_dir / "synonyms.yaml")
    assert problems == []
    assert synonyms.apply("保育園") == "保育所"
