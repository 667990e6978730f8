"""One BM25 field index (bm25s) whose scores are normalised to 0..1 per query."""

from __future__ import annotations

import logging

import bm25s
import numpy as np

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG


class Bm25Channel:
    """BM25 over one token stream per document.

    ``score`` divides the raw BM25 score by the best score each query token could
    reach in this index (its column maximum); tokens the index never saw count as
    rare words the documents lack. So 1.0 means "every query word matched as well
    as it can", which makes channels comparable and confidence honest.
    """

    def __init__(self, docs: list[list[str]], *, k1: float = 1.2, b: float = 0.75) -> None:
        if not docs:
            raise ValueError("a BM25 channel needs at least one document, got 0")
        self._bm25 = bm25s.BM25(k1=k1, b=b)
        self._bm25.index([doc or [""] for doc in docs], show_progress=False)
        self._vocab: dict[str, int] = self._bm25.vocab_dict
        self._column_max = self._column_maxima()
        known = self._column_max[self._column_max > 0]
        self._unseen_weight = float(np.percentile(known, 75)) if known.size else 1.0
        self.size = len(docs)

    def _column_maxima(self) -> np.ndarray:
        data, indptr = self._bm25.scores["data"], self._bm25.scores["indptr"]
        maxima = np.zeros(len(indptr) - 1, dtype=np.float32)
        nonempty = np.flatnonzero(np.diff(indptr))
        maxima[nonempty] = np.maximum.reduceat(data, indptr[nonempty])
        return maxima

    def score(self, tokens: list[str]) -> np.ndarray:
        """Normalised scores (0..1) of every document for the (deduplicated) tokens."""
        unique = list(dict.fromkeys(t for t in tokens if t))
        ids = [self._vocab[t] for t in unique if t in self._vocab]
        unseen = len(unique) - len(ids)
        ceiling = float(self._column_max[ids].sum()) + unseen * self._unseen_weight
        if not ids or ceiling <= 0:
            return np.zeros(self.size, dtype=np.float32)
        raw = self._bm25.get_scores_from_ids(ids)
        return (raw / ceiling).astype(np.float32)
