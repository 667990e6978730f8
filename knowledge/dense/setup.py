"""What the engine needs to add dense retrieval: an embedder and where to cache embeddings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..faq_schema import FaqEntry
from .dense_retriever import DenseRetriever
from .embedder import Embedder
from .embedding_cache import EmbeddingCache


@dataclass
class DenseSetup:
    """Shared across reloads: the model is loaded once, the cache re-encodes only changed texts."""

    embedder: Embedder
    cache_dir: Path | None = None
    progress: Callable[[int], None] | None = None

    def __post_init__(self) -> None:
        self.cache = EmbeddingCache(self.cache_dir, self.embedder.fingerprint)

    def retriever_for(self, entries: Iterable[FaqEntry]) -> DenseRetriever:
        return DenseRetriever(entries, embedder=self.embedder, cache=self.cache, progress=self.progress)
