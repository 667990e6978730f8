"""Dense retrieval: normalised embeddings of every way an entry can be asked, in a faiss index."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..faq_schema import FaqEntry
from ..retriever import Hit
from .embedder import Embedder
from .embedding_cache import EmbeddingCache, text_key

logger = logging.getLogger(__name__)
ANSWER_CHARS = 300


def entry_texts(entry: FaqEntry) -> list[str]:
    """Question, phrasings, translated questions, and the question with the start of its answer."""
    texts = [entry.question, *entry.alternatives, *(t.question for t in entry.translations.values())]
    texts.append(f"{entry.question}\n{entry.answer[:ANSWER_CHARS]}")
    return list(dict.fromkeys(t.strip() for t in texts if t.strip()))


@dataclass(frozen=True)
class _IndexState:
    entries: tuple[FaqEntry, ...]
    index: Any  # faiss.IndexFlatIP
    row_entry: np.ndarray  # faiss row -> entry position


class DenseRetriever:
    """Exact inner product over unit vectors (= cosine): right at city scale (see docs/BENCHMARKS.md).

    ``rebuild`` encodes off to the side and swaps the finished index in under a lock, so
    searches running meanwhile keep using the previous index.
    """

    def __init__(self, entries: Iterable[FaqEntry], *, embedder: Embedder, cache: EmbeddingCache | None = None,
                 progress: Callable[[int], None] | None = None) -> None:
        self.embedder = embedder
        self._cache = cache or EmbeddingCache(None, embedder.fingerprint)
        self._lock = threading.Lock()
        self.last_encoded = 0
        self._state = self._build(tuple(entries), progress)

    @property
    def entries(self) -> tuple[FaqEntry, ...]:
        return self._state.entries

    def rebuild(self, entries: Iterable[FaqEntry]) -> int:
        """Re-index ``entries`` (only changed texts are encoded); returns how many were encoded."""
        state = self._build(tuple(entries), None)
        with self._lock:
            self._state = state
        return self.last_encoded

    def _build(self, entries: tuple[FaqEntry, ...], progress: Callable[[int], None] | None) -> _IndexState:
        if not entries:
            raise ValueError("the dense index needs at least one FAQ entry, got 0")
        texts: list[str] = []
        rows: list[int] = []
        for position, entry in enumerate(entries):
            for text in entry_texts(entry):
                texts.append(text)
                rows.append(position)
        meter = _EntryMeter(progress, total=len(entries))
        vectors, self.last_encoded = self._cache.vectors_for(texts, self._encode_with(meter))
        meter.finish()
        self._cache.save(keep={text_key(t) for t in texts})
        import faiss

        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(vectors)
        return _IndexState(entries, index, np.array(rows, dtype=np.int64))

    def _encode_with(self, meter: _EntryMeter) -> Callable[[list[str]], np.ndarray]:
        def encode(texts: list[str]) -> np.ndarray:
            chunks = [texts[i:i + 256] for i in range(0, len(texts), 256)]
            parts = []
            for done, chunk in enumerate(chunks, start=1):
                parts.append(self.embedder.encode_passages(chunk))
                meter.fraction(done / len(chunks))
            return np.concatenate(parts) if parts else np.zeros((0, self.embedder.dimension), np.float32)
        return encode

    def scores(self, query: str) -> np.ndarray:
        """Cosine of the best-matching text of every entry (0 when none is near)."""
        return self._scores(self._state, query)

    def _scores(self, state: _IndexState, query: str) -> np.ndarray:
        vector = self.embedder.encode_queries([query])
        k = min(state.index.ntotal, 256)
        similarities, rows = state.index.search(vector, k)
        best = np.zeros(len(state.entries), dtype=np.float32)
        for similarity, row in zip(similarities[0], rows[0], strict=True):
            if row >= 0:
                position = state.row_entry[row]
                best[position] = max(best[position], float(similarity))
        return best

    def retrieve(self, query: str, *, top_k: int, lang: str | None = None) -> list[Hit]:
        if top_k <= 0:
            raise ValueError(f"top_k must be > 0, got {top_k}")
        state = self._state
        scores = self._scores(state, query)
        order = np.argsort(-scores, kind="stable")[:top_k]
        return [Hit(state.entries[i], float(scores[i]), {"dense": round(float(scores[i]), 4)})
                for i in order if scores[i] > 0]


class _EntryMeter:
    """Reports encoding progress in FAQ entries (what the progress bar counts), not texts:
    an entry has several texts, and cached texts are not encoded at all."""

    def __init__(self, progress: Callable[[int], None] | None, *, total: int) -> None:
        self._progress, self._total, self._reported = progress, total, 0

    def fraction(self, done: float) -> None:
        target = min(self._total, round(done * self._total))
        if self._progress is not None and target > self._reported:
            self._progress(target - self._reported)
        self._reported = max(self._reported, target)

    def finish(self) -> None:
        self.fraction(1.0)
