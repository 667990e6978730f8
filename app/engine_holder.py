"""Holds the live knowledge engine and swaps it atomically when data changes."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from knowledge.engine import FaqDataError, KnowledgeEngine
from knowledge.yaml_io import Problem

logger = logging.getLogger(__name__)


class EngineHolder:
    """Searches always see a complete engine; a bad reload keeps the last good one."""

    def __init__(self, data_dir: Path, *, lenient: bool = False) -> None:
        self.data_dir = data_dir
        self._lenient = lenient
        self._lock = threading.Lock()
        self._engine: KnowledgeEngine | None = None
        self.last_problems: list[Problem] = []

    @property
    def current(self) -> KnowledgeEngine:
        engine = self._engine
        if engine is None:
            raise RuntimeError("the FAQ index is not loaded yet")
        return engine

    @property
    def ready(self) -> bool:
        return self._engine is not None

    def reload(self) -> bool:
        """Rebuild from disk; True when the new index is live."""
        with self._lock:
            try:
                engine = KnowledgeEngine.load(self.data_dir, strict=not self._lenient)
            except FaqDataError as exc:
                self.last_problems = exc.problems
                logger.error("FAQ data has %d error(s); keeping the previous index", len(exc.problems))
                return False
            self._engine = engine
            self.last_problems = engine.problems
            logger.info("FAQ index loaded: %d entries", len(engine.faq.entries))
            return True
