"""The engine finds the right entry the way residents actually ask, and knows when it can't."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.decision import Decision
from knowledge.engine import FaqDataError, KnowledgeEngine


@pytest.fixture(scope="module")
def engine(mini_data_dir: Path) -> KnowledgeEngine:
    return KnowledgeEngine.load(mini_data_dir)


@pytest.mark.parametrize(("question", "expected"), [
    ("燃えるごみの日はいつ？", "gomi-moyasu"),
    ("可燃ゴミ 何曜日", "gomi-moyasu"),
    ("じゅうみんひょうがほしい", "juminhyo-utsushi"),
    ("ｽﾌﾟﾚｰ缶", "gomi-spray"),
    ("すぷれーかんのすてかた", "gomi-spray"),
    ("保育園に入れたいんですがどうすればいいですか", "hoiku-moushikomi"),
    ("親の代わりに住民票を取りに行くときは何が必要？", "juminhyo-dairinin"),
])
def test_colloquial_questions_find_the_right_entry(engine: KnowledgeEngine, question: str, expected: str) -> None:
    result = engine.search(question)
    assert result.best is not None
    assert result.best.entry.id == expected


def test_english_question_matches_the_english_translation(engine: KnowledgeEngine) -> None:
    result = engine.search("when is burnable garbage collected", lang="en")
    assert result.best is not None and result.best.entry.id == "gomi-moyasu"


def test_vietnamese_question_matches_without_a_language_hint(engine: KnowledgeEngine) -> None:
    result = engine.search("giấy chứng nhận cư trú")
    assert result.best is not None and result.best.entry.id == "juminhyo-utsushi"


def test_unrelated_question_gets_no_answer_and_a_counter(engine: KnowledgeEngine) -> None:
    result = engine.search("駅前でおいしいラーメン屋を教えて")
    assert result.decision is Decision.NO_ANSWER
    assert result.suggested_department is not None


def test_exact_question_is_answered_confidently(engine: KnowledgeEngine) -> None:
    result = engine.search("燃やすごみの収集日はいつですか？")
    assert result.decision is Decision.CONFIDENT


def test_empty_query_is_no_answer(engine: KnowledgeEngine) -> None:
    assert engine.search("   ").decision is Decision.NO_ANSWER


def test_hits_explain_their_signals(engine: KnowledgeEngine) -> None:
    hit = engine.search("住民票の写し").hits[0]
    assert {"q_words", "q_chars", "q_kana", "a_words", "intl", "coverage"} <= set(hit.signals)
    assert hit.signals["q_words"] > 0 and hit.signals["coverage"] == 1.0


def test_broken_data_refuses_to_build_an_index(tmp_path: Path, mini_data_dir: Path) -> None:
    (tmp_path / "faq").mkdir()
    (tmp_path / "departments.yaml").write_text((mini_data_dir / "departments.yaml").read_text("utf-8"), "utf-8")
    (tmp_path / "faq" / "x.yaml").write_text("category: x\nentries: [\n", "utf-8")
    with pytest.raises(FaqDataError) as info:
        KnowledgeEngine.load(tmp_path)
    assert "x.yaml" in str(info.value)


def test_top_k_must_be_positive(engine: KnowledgeEngine) -> None:
    with pytest.raises(ValueError, match="top_k must be > 0, got 0"):
        engine.retriever.retrieve("住民票", top_k=0)


def test_foreign_question_meets_japanese_entry_through_the_glossary(mini_data_dir: Path) -> None:
    from knowledge.term_bridge import TermBridge

    bridge = TermBridge({"rác cháy được": "燃やすごみ", "nhà trẻ": "保育所"})
    faq = KnowledgeEngine.load(mini_data_dir).faq
    engine = KnowledgeEngine.from_faq(faq, bridge=bridge)
    result = engine.search("Khi nào tôi có thể gửi con vào nhà trẻ?", lang="vi")
    assert result.best is not None and result.best.entry.id == "hoiku-moushikomi"
    assert result.best.signals["bridge"] > 0


def test_generic_words_alone_lower_the_coverage(engine: KnowledgeEngine) -> None:
    focused = engine.search("スプレー缶の捨て方").hits[0]
    vague = engine.search("スプレー缶 運転免許 更新 場所").hits[0]
    assert focused.entry.id == vague.entry.id == "gomi-spray"
    assert vague.signals["coverage"] < focused.signals["coverage"]


def test_machine_translated_question_is_an_extra_signal(mini_data_dir: Path) -> None:
    engine = KnowledgeEngine.load(mini_data_dir)
    question = "Con tôi muốn đi học mẫu giáo"  # no word in common with any entry
    before = engine.search(question, lang="vi").best
    assert before is None or before.entry.id != "hoiku-moushikomi"
    engine.query_translator = lambda text, lang: "子どもを保育園に入れたい" if lang == "vi" else None
    best = engine.search(question, lang="vi").best
    assert best is not None and best.entry.id == "hoiku-moushikomi"
    assert "translated_query" in best.signals


def test_a_failing_translator_never_stops_the_search(mini_data_dir: Path) -> None:
    engine = KnowledgeEngine.load(mini_data_dir)

    def broken(text: str, lang: str) -> str | None:
        raise RuntimeError("model crashed")

    engine.query_translator = broken
    best = engine.search("residence certificate", lang="en").best
    assert best is not None and best.entry.id == "juminhyo-utsushi"


def test_japanese_questions_are_not_translated(mini_data_dir: Path) -> None:
    engine = KnowledgeEngine.load(mini_data_dir)
    calls: list[str] = []
    engine.query_translator = lambda text, lang: calls.append(lang) or None  # type: ignore[func-returns-value]
    engine.search("住民票がほしい", lang="ja")
    assert calls == []


def test_rebuilding_reanalyses_only_changed_entries(mini_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from knowledge.lexical import LexicalRetriever

    faq = KnowledgeEngine.load(mini_data_dir).faq
    LexicalRetriever(faq.entries)
    analysed: list[str] = []
    original = LexicalRetriever._analyse

    def counting(self: LexicalRetriever, entry):  # type: ignore[no-untyped-def]
        analysed.append(entry.id)
        return original(self, entry)

    monkeypatch.setattr(LexicalRetriever, "_analyse", counting)
    edited = [replace(faq.entries[0], answer="新しい回答です。"), *faq.entries[1:]]
    retriever = LexicalRetriever(edited)
    assert analysed == [faq.entries[0].id]
    assert retriever.retrieve("新しい回答", top_k=1)[0].entry.id == faq.entries[0].id
