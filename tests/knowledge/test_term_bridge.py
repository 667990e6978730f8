"""Approved glossary translations lead foreign questions to Japanese terms."""

from __future__ import annotations

from pathlib import Path

from knowledge.term_bridge import TermBridge, load_term_bridge


def test_latin_terms_match_whole_words_only() -> None:
    bridge = TermBridge({"fee": "手数料"})
    assert bridge.japanese_terms("What is the fee?") == ["手数料"]
    assert bridge.japanese_terms("I like coffee") == []


def test_hangul_terms_match_with_particles_attached() -> None:
    bridge = TermBridge({"재류카드": "在留カード"})
    assert bridge.japanese_terms("재류카드를 잃어버렸어요") == ["在留カード"]


def test_matching_ignores_case_and_width() -> None:
    bridge = TermBridge({"residence card": "在留カード"})
    assert bridge.japanese_terms("I lost my RESIDENCE CARD") == ["在留カード"]


def test_shipped_glossary_maps_common_questions(repo_data_dir: Path) -> None:
    bridge = load_term_bridge(repo_data_dir / "glossary.yaml")
    assert "燃やすごみ" in bridge.japanese_terms("Rác cháy được vứt vào thứ mấy?")
    assert "住民票の写し" in bridge.japanese_terms("I need a certificate of residence")


def test_missing_glossary_means_no_terms(tmp_path: Path) -> None:
    assert load_term_bridge(tmp_path / "none.yaml").japanese_terms("residence card") == []
