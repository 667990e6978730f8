from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.faq_loader import load_faq

from .tiny_model import build_tiny_model


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory, mini_data_dir: Path) -> Path:
    pytest.importorskip("sentence_transformers")
    entries = load_faq(mini_data_dir).faq.entries
    texts = [t for e in entries for t in (e.question, *e.alternatives, e.answer,
                                          *(x.question for x in e.translations.values()))]
    return build_tiny_model(texts * 3, tmp_path_factory.mktemp("tiny-st"),
                            prompts={"query": "query: ", "passage": "passage: "})
