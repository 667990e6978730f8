"""Holds the live knowledge engine and swaps it atomically when data changes."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.engine import FaqDataError, KnowledgeEngine, QueryTranslator
from knowledge.fusion import HybridRetriever
from knowledge.yaml_io import Problem

if TYPE_CHECKING:
    from knowledge.dense.setup import DenseSetup

logger = logging.getLogger(__name__)


class EngineHolder:
    """Searches always see a complete engine; a bad reload keeps the last good one.

    The lexical index loads first (seconds); an embedding model, when configured, is
    loaded afterwards off the event loop and the hybrid engine is swapped in when ready.
    """

    def __init__(self, data_dir: Path, *, lenient: bool = False,
                 dense_factory: Callable[[], DenseSetup] | None = None,
                 query_translator: QueryTranslator | None = None) -> None:
        self.data_dir = data_dir
        self._query_translator = query_translator
        self._lenient = lenient
        self._dense_factory = dense_factory
        self._dense: DenseSetup | None = None
        self._lock = threading.Lock()
        self._engine: KnowledgeEngine | None = None
        self.last_problems: list[Problem] = []
        self.dense_status = "not configured" if dense_factory is None else "waiting"

    @property
    def current(self) -> KnowledgeEngine:
        engine = self._engine
        if engine is None:
            raise RuntimeError("the FAQ index is not loaded yet")
        return engine

    @property
    def ready(self) -> bool:
        return self._engine is not None

    @property
    def mode(self) -> str:
        engine = self._engine
        return "hybrid" if engine is not None and isinstance(engine.retriever, HybridRetriever) else "lexical"

    def reload(self) -> bool:
        """Rebuild from disk; True when the new index is live."""
        with self._lock:
            try:
                engine = KnowledgeEngine.load(self.data_dir, strict=not self._lenient, dense=self._dense)
            except FaqDataError as exc:
                self.last_problems = exc.problems
                logger.error("FAQ data has %d error(s); keeping the previous index", len(exc.problems))
                return False
            engine.query_translator = self._query_translator
            self._engine = engine
            self.last_problems = engine.problems
            logger.info("FAQ index loaded: %d entries (%s)", len(engine.faq.entries),
                        "hybrid" if self._dense else "lexical")
            return True

    def enable_dense(self) -> bool:
        """Load the embedding model and swap in the hybrid engine; lexical stays live on failure."""
        if self._dense_factory is None:
            return False
        self.dense_status = "loading"
        try:
            dense = self._dense_factory()
            dense.embedder.encode_queries(["warm up"])
        except Exception as exc:
            self.dense_status = f"error: {exc}"
            logger.error("embedding model could not be loaded; searching lexically only: %s", exc)
            return False
        self._dense = dense
        ok = self.reload()
        self.dense_status = "ready" if ok else "waiting for valid data"
        return ok
