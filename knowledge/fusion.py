"""Hybrid retrieval: the lexical score and the dense cosine fused with a weight tuned on data/eval."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .faq_schema import FaqEntry
from .lexical import LexicalRetriever, hits_from
from .retriever import Hit

if TYPE_CHECKING:  # faiss and torch load only when a model is installed
    from .dense.dense_retriever import DenseRetriever


@dataclass(frozen=True)
class FusionWeights:
    """score = (1 - dense_weight) * lexical + dense_weight * rescaled cosine.

    Cosines below ``cosine_floor`` say nothing (unrelated texts of one language are
    rarely below ~0.2-0.7 depending on the model), so the cosine is rescaled from
    [floor, 1] to [0, 1]. Both are tuned per model by `madoguchi eval calibrate`.
    """

    dense_weight: float = 0.5
    cosine_floor: float = 0.3

    def __post_init__(self) -> None:
        if not 0.0 <= self.dense_weight <= 1.0:
            raise ValueError(f"dense_weight must be within 0..1, got {self.dense_weight}")
        if not 0.0 <= self.cosine_floor < 1.0:
            raise ValueError(f"cosine_floor must be within 0..1 (exclusive), got {self.cosine_floor}")


class HybridRetriever:
    def __init__(self, lexical: LexicalRetriever, dense: DenseRetriever, weights: FusionWeights | None = None) -> None:
        if [e.id for e in lexical.entries] != [e.id for e in dense.entries]:
            raise ValueError("lexical and dense indexes must cover the same entries in the same order")
        self.lexical = lexical
        self.dense = dense
        self.weights = weights or FusionWeights()

    @property
    def entries(self) -> tuple[FaqEntry, ...]:
        return self.lexical.entries

    def scores(self, query: str, lang: str | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        lexical, signals = self.lexical.scores(query, lang)
        cosine = self.dense.scores(query)
        floor = self.weights.cosine_floor
        dense = np.clip((cosine - floor) / (1.0 - floor), 0.0, 1.0)
        w = self.weights.dense_weight
        return (1.0 - w) * lexical + w * dense, {**signals, "lexical": lexical, "dense": cosine}

    def retrieve(self, query: str, *, top_k: int, lang: str | None = None) -> list[Hit]:
        if top_k <= 0:
            raise ValueError(f"top_k must be > 0, got {top_k}")
        scores, signals = self.scores(query, lang)
        return hits_from(self.lexical.entries, scores.astype(np.float32), signals, top_k)
