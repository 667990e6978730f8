"""The index progress bar counts FAQ entries, with or without cached embeddings."""

from __future__ import annotations

from pathlib import Path

from knowledge.dense.dense_retriever import DenseRetriever
from knowledge.dense.embedder import HashEmbedder
from knowledge.dense.embedding_cache import EmbeddingCache
from knowledge.faq_loader import load_faq


def _build(entries: list, cache: EmbeddingCache) -> list[int]:
    steps: list[int] = []
    DenseRetriever(entries, embedder=HashEmbedder(), cache=cache, progress=steps.append)
    return steps


def test_progress_ends_at_the_number_of_entries_not_texts(mini_data_dir: Path, tmp_path: Path) -> None:
    entries = list(load_faq(mini_data_dir).faq.entries)
    fingerprint = HashEmbedder().fingerprint
    first = _build(entries, EmbeddingCache(tmp_path, fingerprint))
    again = _build(entries, EmbeddingCache(tmp_path, fingerprint))  # every text cached now
    assert sum(first) == len(entries) and all(step > 0 for step in first)
    assert sum(again) == len(entries)
