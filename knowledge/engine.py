"""The knowledge engine: load a city's FAQ data, search it, and decide how sure it is."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .decision import Decision, DecisionModel
from .faq_loader import LoadReport, load_faq
from .faq_schema import Department, FaqEntry, FaqSet
from .fusion import HybridRetriever
from .languages import is_japanese
from .lexical import LexicalRetriever
from .retriever import Hit, Retriever
from .synonyms import Synonyms, load_synonyms
from .term_bridge import TermBridge, load_term_bridge
from .tuning import Tuning, load_tuning
from .yaml_io import Problem

if TYPE_CHECKING:  # faiss and torch load only when a model is installed
    from .dense.setup import DenseSetup

logger = logging.getLogger(__name__)
AMBIGUOUS_CHOICES = 3
# A machine-translated question is a slightly weaker signal than the resident's own words.
TRANSLATED_QUERY_WEIGHT = 0.9
QueryTranslator = Callable[[str, str], str | None]


@dataclass(frozen=True)
class SearchResult:
    query: str
    decision: Decision
    confidence: float
    hits: list[Hit]
    # Where to send the resident when the engine is unsure: the department most hits point to.
    suggested_department: Department | None

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None

    @property
    def choices(self) -> list[Hit]:
        return self.hits[:AMBIGUOUS_CHOICES]


class FaqDataError(Exception):
    """The FAQ data has errors, so no index was built from it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems[:20]))
        self.problems = problems


class KnowledgeEngine:
    def __init__(self, faq: FaqSet, *, retriever: Retriever, decision: DecisionModel,
                 problems: list[Problem] | None = None, fallback_department: str = "sogo-annai") -> None:
        self.faq = faq
        self.retriever = retriever
        self.decision = decision
        self.problems = problems or []
        self._by_id = faq.by_id()
        self._fallback_department = fallback_department
        # Set by the app when an MT model to Japanese is installed: (text, lang) -> Japanese or None.
        self.query_translator: QueryTranslator | None = None

    @classmethod
    def load(cls, data_dir: Path, *, strict: bool = True, progress: Callable[[int], None] | None = None,
             dense: DenseSetup | None = None) -> KnowledgeEngine:
        """Build the engine from ``data_dir``; with ``strict`` any data error raises FaqDataError."""
        report = load_faq(data_dir)
        synonyms, synonym_problems = load_synonyms(data_dir / "synonyms.yaml")
        problems = report.problems + synonym_problems
        errors = [p for p in problems if p.severity == "error"]
        if errors and (strict or not report.faq.entries):
            raise FaqDataError(errors)
        tuning = load_tuning(data_dir / "retrieval.yaml", hybrid=dense is not None)
        return cls.from_faq(report, synonyms=synonyms, tuning=tuning, problems=problems, progress=progress,
                            dense=dense, bridge=load_term_bridge(data_dir / "glossary.yaml"))

    @classmethod
    def from_faq(cls, report: LoadReport | FaqSet, *, synonyms: Synonyms | None = None,
                 tuning: Tuning | None = None, problems: list[Problem] | None = None,
                 progress: Callable[[int], None] | None = None, dense: DenseSetup | None = None,
                 bridge: TermBridge | None = None) -> KnowledgeEngine:
        faq = report.faq if isinstance(report, LoadReport) else report
        tuning = tuning or Tuning()
        lexical = LexicalRetriever(faq.entries, synonyms=synonyms, bridge=bridge, progress=progress)
        retriever: Retriever = lexical
        if dense is not None:
            retriever = HybridRetriever(lexical, dense.retriever_for(faq.entries), tuning.fusion)
        return cls(faq, retriever=retriever, decision=tuning.decision, problems=problems)

    def entry(self, entry_id: str) -> FaqEntry | None:
        return self._by_id.get(entry_id)

    def search(self, query: str, *, lang: str | None = None, top_k: int = 5) -> SearchResult:
        query = query.strip()
        hits = self._retrieve(query, lang, max(top_k, AMBIGUOUS_CHOICES)) if query else []
        decision, confidence = self.decision.decide(hits, len(query))
        return SearchResult(query=query, decision=decision, confidence=round(confidence, 4),
                            hits=hits[:top_k], suggested_department=self._department_for(hits))

    def _retrieve(self, query: str, lang: str | None, k: int) -> list[Hit]:
        hits = self.retriever.retrieve(query, top_k=k, lang=lang)
        translated = self._translated(query, lang)
        if not translated:
            return hits
        extra = self.retriever.retrieve(translated, top_k=k, lang="ja")
        return _merge(hits, [_scaled(hit, TRANSLATED_QUERY_WEIGHT) for hit in extra])[:k]

    def _translated(self, query: str, lang: str | None) -> str | None:
        if self.query_translator is None or lang is None or is_japanese(lang):
            return None
        try:
            return self.query_translator(query, lang)
        except Exception:  # an MT failure must never stop the answer from the resident's own words
            logger.exception("query translation failed; searching the original words only")
            return None

    def _department_for(self, hits: list[Hit]) -> Department | None:
        votes = Counter(hit.entry.department.id for hit in hits[:AMBIGUOUS_CHOICES])
        if votes:
            return self.faq.departments.get(votes.most_common(1)[0][0])
        return self.faq.departments.get(self._fallback_department)


def _scaled(hit: Hit, weight: float) -> Hit:
    return Hit(hit.entry, hit.score * weight, {**hit.signals, "translated_query": round(hit.score, 4)})


def _merge(first: list[Hit], second: list[Hit]) -> list[Hit]:
    """Each entry once, with its better score; best first."""
    best: dict[str, Hit] = {}
    for hit in [*first, *second]:
        if hit.entry.id not in best or hit.score > best[hit.entry.id].score:
            best[hit.entry.id] = hit
    return sorted(best.values(), key=lambda h: -h.score)

