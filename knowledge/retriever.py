"""What every retriever (lexical, dense, fused) promises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .faq_schema import FaqEntry


@dataclass(frozen=True)
class Hit:
    entry: FaqEntry
    score: float
    # Per-signal scores (channel name -> 0..1) that explain the ranking.
    signals: dict[str, float] = field(default_factory=dict)


class Retriever(Protocol):
    def retrieve(self, query: str, *, top_k: int, lang: str | None = None) -> list[Hit]:
        """The ``top_k`` best entries for ``query``, best first."""
        ...
