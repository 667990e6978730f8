"""Glossary terms are found where they really occur."""

from __future__ import annotations

from translation.glossary import Glossary, GlossaryTerm


def fee_glossary() -> Glossary:
    return Glossary([GlossaryTerm(id="tesuryo", ja="手数料", translations={"en": {"term": "fee"}})])


def test_terms_match_whole_words_only_in_spaced_languages() -> None:
    glossary = fee_glossary()
    assert glossary.find("I drink coffee", lang="en") == []
    assert [m.term.id for m in glossary.find("The fee is 300 yen", lang="en")] == ["tesuryo"]


def test_terms_match_inside_unspaced_japanese() -> None:
    assert [m.term.id for m in fee_glossary().find("手数料は300円です", lang="ja")] == ["tesuryo"]
