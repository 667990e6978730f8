"""Builds the dense-retrieval setup from settings, or None when no model is installed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .settings import Settings

if TYPE_CHECKING:
    from knowledge.dense.setup import DenseSetup


def dense_factory(settings: Settings) -> Callable[[], DenseSetup] | None:
    model_dir = settings.embedding_model_path
    if model_dir is None:
        return None

    def build() -> DenseSetup:
        from knowledge.dense.embedder import SentenceTransformerEmbedder
        from knowledge.dense.setup import DenseSetup

        embedder = SentenceTransformerEmbedder(model_dir, query_prompt=settings.embedding_query_prompt,
                                               passage_prompt=settings.embedding_passage_prompt)
        return DenseSetup(embedder, settings.var_dir / "embeddings")

    return build
