"""data/eval: the evaluation set is well formed, judged against real FAQ entries, and broad enough."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

DATA = Path(__file__).resolve().parents[2] / "data"
EVAL = DATA / "eval"
MIN_QUERIES = 400
MIN_OTHER_LANGUAGES = 150
MIN_OUT_OF_SCOPE = 60
# Minimum queries per language other than Japanese (the list, plus やさしい日本語).
MIN_PER_LANGUAGE = {"en": 40, "zh-Hans": 10, "ko": 10, "vi": 10, "pt-BR": 10, "es": 10,
                    "tl": 10, "ne": 10, "id": 10, "ja-easy": 10}
STYLES = {"colloquial", "kana", "typo", "long", "fragment", "ambiguous", "formal"}


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def faq() -> dict[str, str]:
    """FAQ id -> category, read from the files administrators edit."""
    yaml = YAML(typ="safe")
    ids: dict[str, str] = {}
    for path in sorted((DATA / "faq").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        ids.update({str(entry["id"]): str(data["category"]) for entry in data["entries"]})
    return ids


@pytest.fixture(scope="module")
def queries() -> list[dict[str, Any]]:
    return _jsonl(EVAL / "queries.jsonl")


@pytest.fixture(scope="module")
def out_of_scope() -> list[dict[str, Any]]:
    return _jsonl(EVAL / "out_of_scope.jsonl")


@pytest.fixture(scope="module")
def qrels() -> list[tuple[str, str, int]]:
    with (EVAL / "qrels" / "test.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert rows[0] == ["query-id", "corpus-id", "score"]
    return [(row[0], row[1], int(row[2])) for row in rows[1:]]


def test_every_judged_entry_exists_in_the_faq(qrels: list[tuple[str, str, int]], faq: dict[str, str]) -> None:
    unknown = sorted({doc for _, doc, _ in qrels if doc not in faq})
    assert unknown == []


def test_every_judged_entry_is_in_the_exported_corpus(qrels: list[tuple[str, str, int]]) -> None:
    corpus = {str(doc["_id"]) for doc in _jsonl(EVAL / "corpus.jsonl")}
    assert sorted({doc for _, doc, _ in qrels} - corpus) == []


def test_grades_are_1_or_2_and_judge_known_queries(qrels: list[tuple[str, str, int]],
                                                   queries: list[dict[str, Any]]) -> None:
    ids = {q["_id"] for q in queries}
    assert {score for _, _, score in qrels} <= {1, 2}
    assert sorted({qid for qid, _, _ in qrels} - ids) == []
    pairs = Counter((qid, doc) for qid, doc, _ in qrels)
    assert [pair for pair, n in pairs.items() if n > 1] == []


def test_every_query_has_an_entry_that_answers_it(qrels: list[tuple[str, str, int]],
                                                  queries: list[dict[str, Any]]) -> None:
    answered = {qid for qid, _, score in qrels if score == 2}
    assert [q["_id"] for q in queries if q["_id"] not in answered] == []


def test_ids_are_unique_across_queries_and_out_of_scope(queries: list[dict[str, Any]],
                                                        out_of_scope: list[dict[str, Any]]) -> None:
    ids = Counter(q["_id"] for q in queries + out_of_scope)
    assert [qid for qid, n in ids.items() if n > 1] == []


def test_query_texts_are_not_repeated(queries: list[dict[str, Any]], out_of_scope: list[dict[str, Any]]) -> None:
    texts = Counter(q["text"].strip() for q in queries + out_of_scope)
    assert [text for text, n in texts.items() if n > 1] == []


def test_every_faq_category_is_covered(queries: list[dict[str, Any]], faq: dict[str, str]) -> None:
    covered = {q["metadata"]["category"] for q in queries}
    assert sorted(set(faq.values()) - covered) == []
    assert len(covered) >= 29


def test_set_has_at_least_400_queries(queries: list[dict[str, Any]]) -> None:
    assert len(queries) >= MIN_QUERIES


def test_other_languages_are_well_represented(queries: list[dict[str, Any]]) -> None:
    langs = Counter(q["metadata"]["lang"] for q in queries)
    assert sum(n for lang, n in langs.items() if lang != "ja") >= MIN_OTHER_LANGUAGES
    short = {lang: langs[lang] for lang, least in MIN_PER_LANGUAGE.items() if langs[lang] < least}
    assert short == {}


def test_metadata_names_language_style_and_category(queries: list[dict[str, Any]]) -> None:
    known = set(MIN_PER_LANGUAGE) | {"ja"}
    bad = [q["_id"] for q in queries
           if q["metadata"].get("lang") not in known or q["metadata"].get("style") not in STYLES
           or not q["metadata"].get("category")]
    assert bad == []


def test_out_of_scope_questions_have_no_judgments(out_of_scope: list[dict[str, Any]],
                                                  qrels: list[tuple[str, str, int]]) -> None:
    judged = {qid for qid, _, _ in qrels}
    assert len(out_of_scope) >= MIN_OUT_OF_SCOPE
    assert [q["_id"] for q in out_of_scope if q["_id"] in judged] == []
