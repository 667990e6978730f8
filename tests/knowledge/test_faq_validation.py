"""`faq validate` finds each class of error and points at file:line with a fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.faq_loader import load_faq, validate_paths

GOOD_ENTRY = """\
  - id: {id}
    question: 住民票の写しを取りたい
    alternatives: [住民票がほしい, 住民票の取り方]
    answer: 市民課で申請してください。
    department: shimin
    url: https://www.city.test.example.jp/a.html
    updated: 2026-04-01
"""


@pytest.fixture()
def city(tmp_path: Path, mini_data_dir: Path) -> Path:
    shutil.copy(mini_data_dir / "departments.yaml", tmp_path / "departments.yaml")
    (tmp_path / "faq").mkdir()
    return tmp_path


def write(city: Path, name: str, body: str) -> Path:
    path = city / "faq" / name
    path.write_text(body, encoding="utf-8")
    return path


def problems_for(city: Path, body: str) -> list[str]:
    write(city, "test.yaml", body)
    return [str(p) for p in validate_paths([city / "faq"], data_dir=city)]


def test_shipped_mini_city_is_valid(mini_data_dir: Path) -> None:
    report = load_faq(mini_data_dir)
    assert report.problems == []
    assert len(report.faq.entries) == 5


def test_bad_yaml_is_reported_with_its_line(city: Path) -> None:
    problems = problems_for(city, "category: 住民票\nentries:\n  - id: a\n    question: [unclosed\n")
    assert len(problems) == 1
    assert "test.yaml:" in problems[0] and "YAML" in problems[0]


def test_missing_required_field_names_the_field_and_line(city: Path) -> None:
    body = "category: 住民票\nentries:\n" + GOOD_ENTRY.format(id="ok-one").replace(
        "    answer: 市民課で申請してください。\n", "")
    problems = problems_for(city, body)
    assert any("test.yaml:3:" in p and "answer" in p for p in problems)


def test_duplicate_id_across_files_points_to_the_first(city: Path) -> None:
    write(city, "a.yaml", "category: 住民票\nentries:\n" + GOOD_ENTRY.format(id="same-id"))
    write(city, "b.yaml", "category: 住民票\nentries:\n" + GOOD_ENTRY.format(id="same-id"))
    problems = [str(p) for p in validate_paths([city / "faq"], data_dir=city)]
    assert len(problems) == 1
    assert "b.yaml:3" in problems[0] and "a.yaml:3" in problems[0] and "重複" in problems[0]


def test_bad_url_and_date_are_explained(city: Path) -> None:
    body = "category: 住民票\nentries:\n" + GOOD_ENTRY.format(id="bad-values").replace(
        "https://www.city.test.example.jp/a.html", "www.example.jp/no-scheme").replace(
        "2026-04-01", "2026/13/40")
    problems = problems_for(city, body)
    assert any("test.yaml:8:" in p and "URL" in p and "https://" in p for p in problems)
    assert any("test.yaml:9:" in p and "日付" in p and "YYYY-MM-DD" in p for p in problems)


def test_unknown_language_code_lists_the_valid_ones(city: Path) -> None:
    body = "category: 住民票\nentries:\n" + GOOD_ENTRY.format(id="lang-test") + (
        "    translations:\n      klingon:\n        question: q\n        answer: a\n")
    problems = problems_for(city, body)
    assert any("test.yaml:11:" in p and "klingon" in p and "vi" in p for p in problems)


def test_misspelled_field_gets_a_suggestion(city: Path) -> None:
    body = "category: 住民票\nentries:\n" + GOOD_ENTRY.format(id="typo-test") + "    keywrods: [a]\n"
    problems = problems_for(city, body)
    assert any("keywrods" in p and "'keywords'" in p for p in problems)


def test_unknown_department_suggests_the_closest_id(city: Path) -> None:
    body = "category: 住民票\nentries:\n" + GOOD_ENTRY.format(id="dept-test").replace(
        "department: shimin", "department: shimn")
    problems = problems_for(city, body)
    assert any("shimn" in p and "'shimin'" in p for p in problems)


def test_bad_entry_is_skipped_but_good_ones_still_load(city: Path) -> None:
    body = "category: 住民票\nentries:\n" + GOOD_ENTRY.format(id="good-one") + GOOD_ENTRY.format(id="BAD ID")
    write(city, "test.yaml", body)
    report = load_faq(city)
    assert [e.id for e in report.faq.entries] == ["good-one"]
    assert any("BAD ID" in str(p) for p in report.errors)
