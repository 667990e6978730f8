"""Japanese-aware lexical retrieval: Sudachi words, character and kana bigrams, translations."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

import numpy as np

from .analyzers import JapaneseAnalyzer, char_ngrams, multilingual_tokens, surface_bigrams
from .bm25_channel import Bm25Channel
from .faq_schema import FaqEntry
from .languages import is_japanese
from .normalize import has_han, has_kana
from .retriever import Hit
from .synonyms import Synonyms
from .term_bridge import TermBridge
from .token_cache import EntryTokens, cached_tokens, entry_key

logger = logging.getLogger(__name__)

JA_WEIGHTS = {"q_words": 0.35, "q_chars": 0.25, "q_kana": 0.15, "a_words": 0.15, "intl": 0.10}
INTL_WEIGHTS = {"intl": 0.6, "q_chars": 0.4}  # Han characters shared with Chinese questions
# Share of a foreign-language score that comes from the Japanese glossary terms found in it.
BRIDGE_SHARE = 0.5


@dataclass(frozen=True)
class QueryTokens:
    words: list[str]
    chars: list[str]
    kana: list[str]
    intl: list[str]
    japanese: bool
    lang: str | None = None


class LexicalRetriever:
    """BM25 channels over the question side, the answer and all translations."""

    def __init__(self, entries: Iterable[FaqEntry], *, synonyms: Synonyms | None = None,
                 bridge: TermBridge | None = None, progress: Callable[[int], None] | None = None) -> None:
        self.entries = tuple(entries)
        if not self.entries:
            raise ValueError("the lexical index needs at least one FAQ entry, got 0")
        self._synonyms = synonyms or Synonyms()
        self._bridge = bridge or TermBridge({})
        self._analyzer = JapaneseAnalyzer(self._synonyms)
        self._vocabulary: list[frozenset[str]] = []
        self._channels = self._build(progress)

    def _build(self, progress: Callable[[int], None] | None) -> dict[str, Bm25Channel]:
        streams: dict[str, list[list[str]]] = {name: [] for name in JA_WEIGHTS}
        languages = sorted({lang for entry in self.entries for lang in entry.translations})
        streams.update({f"intl:{lang}": [] for lang in languages})
        for entry in self.entries:
            analysed = cached_tokens(entry_key(entry, self._synonyms.fingerprint), partial(self._analyse, entry))
            for name, stream in analysed.streams.items():
                streams[name].append(stream)
            for lang in languages:
                streams[f"intl:{lang}"].append(analysed.by_language.get(lang, []))
            tokens = analysed.streams
            self._vocabulary.append(frozenset(tokens["q_words"] + tokens["a_words"] + tokens["intl"]))
            if progress is not None:
                progress(1)
        return {name: Bm25Channel(docs) for name, docs in streams.items()}

    def _analyse(self, entry: FaqEntry) -> EntryTokens:
        question_side = "\n".join([entry.question, *entry.alternatives, *entry.keywords, entry.category])
        q_words, reading = self._analyzer.words_and_reading(question_side)
        a_words, _ = self._analyzer.words_and_reading(entry.answer)
        by_language = {
            lang: multilingual_tokens(self._synonyms.apply(f"{t.question}\n{t.question}\n{t.answer}"))
            for lang, t in entry.translations.items()
        }
        streams = {
            "q_words": q_words,
            "q_chars": surface_bigrams(question_side, self._synonyms),
            "q_kana": char_ngrams(reading, 2),
            "a_words": a_words,
            "intl": [token for tokens in by_language.values() for token in tokens],
        }
        return EntryTokens(streams, by_language)

    def analyze(self, query: str, lang: str | None = None) -> QueryTokens:
        japanese = is_japanese(lang) if lang else (has_kana(query) or has_han(query))
        words, reading = self._analyzer.words_and_reading(query) if japanese else ([], "")
        return QueryTokens(words=words, chars=surface_bigrams(query, self._synonyms),
                           kana=char_ngrams(reading, 2), intl=multilingual_tokens(self._synonyms.apply(query)),
                           japanese=japanese, lang=lang)

    def signals(self, tokens: QueryTokens) -> dict[str, np.ndarray]:
        """Normalised score of every entry in every channel."""
        streams = {"q_words": tokens.words, "q_chars": tokens.chars, "q_kana": tokens.kana,
                   "a_words": tokens.words, "intl": tokens.intl}
        signals = {name: self._channels[name].score(stream) for name, stream in streams.items()}
        own_language = self._channels.get(f"intl:{tokens.lang}")
        if own_language is not None and not tokens.japanese:
            # Scored within its own language too, a question's rare words keep their weight
            # instead of being diluted by the same words in other languages' translations.
            signals["intl"] = np.maximum(own_language.score(tokens.intl), signals["intl"])
        return signals

    def combined(self, signals: dict[str, np.ndarray], japanese: bool) -> np.ndarray:
        weights = JA_WEIGHTS if japanese else INTL_WEIGHTS
        total = np.zeros(len(self.entries), dtype=np.float32)
        for name, weight in weights.items():
            total += weight * signals[name]
        return total

    def scores(self, query: str, lang: str | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The combined score of every entry, and the per-channel signals behind it."""
        tokens = self.analyze(query, lang)
        signals = self.signals(tokens)
        combined = self.combined(signals, tokens.japanese)
        terms = [] if tokens.japanese else self._bridge.japanese_terms(query)
        if terms:
            bridged = self.combined(self.signals(self.analyze(" ".join(terms), "ja")), True)
            combined = (1.0 - BRIDGE_SHARE) * combined + BRIDGE_SHARE * bridged
            signals["bridge"] = bridged
        signals["coverage"] = self._coverage(tokens, terms)
        return combined, signals

    def _coverage(self, tokens: QueryTokens, terms: list[str]) -> np.ndarray:
        """Share of the query's own words (or bridged terms) that each entry contains."""
        wanted = set(tokens.words) if tokens.japanese else set(tokens.intl)
        if terms:
            wanted |= set(self.analyze(" ".join(terms), "ja").words)
        if not wanted:
            return np.zeros(len(self.entries), dtype=np.float32)
        return np.array([len(wanted & vocab) / len(wanted) for vocab in self._vocabulary], dtype=np.float32)

    def retrieve(self, query: str, *, top_k: int, lang: str | None = None) -> list[Hit]:
        if top_k <= 0:
            raise ValueError(f"top_k must be > 0, got {top_k}")
        scores, signals = self.scores(query, lang)
        return hits_from(self.entries, scores, signals, top_k)


def hits_from(entries: tuple[FaqEntry, ...], scores: np.ndarray, signals: dict[str, np.ndarray],
              top_k: int) -> list[Hit]:
    """The ``top_k`` entries by ``scores`` (zero scores dropped), each with its signals."""
    hits = []
    for i in top_indices(scores, top_k):
        if scores[i] > 0:
            detail = {name: round(float(values[i]), 4) for name, values in signals.items()}
            hits.append(Hit(entries[i], float(scores[i]), detail))
    return hits


def top_indices(scores: np.ndarray, k: int) -> list[int]:
    k = min(k, len(scores))
    if k == len(scores):
        return list(np.argsort(-scores, kind="stable"))
    part = np.argpartition(-scores, k - 1)[:k]
    return [int(i) for i in part[np.argsort(-scores[part], kind="stable")]]
