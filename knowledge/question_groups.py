"""Group residents' questions that say the same thing, for the "could not answer" report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .analyzers import char_ngrams
from .normalize import fold_kana

SIMILAR = 0.3  # Jaccard overlap of character bigrams; "粗大ごみの出し方" ~ "粗大ゴミ 出し方 教えて"


@dataclass
class QuestionGroup:
    representative: str  # the most frequent wording
    count: int = 0
    examples: Counter[str] = field(default_factory=Counter)
    _grams: frozenset[str] = frozenset()

    def top_examples(self, n: int = 5) -> list[tuple[str, int]]:
        return self.examples.most_common(n)


def _grams(text: str) -> frozenset[str]:
    return frozenset(char_ngrams(fold_kana(text)))


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def group_questions(texts: list[str], *, threshold: float = SIMILAR) -> list[QuestionGroup]:
    """Greedy single pass, most frequent wording first; groups sorted by size."""
    counts = Counter(t.strip() for t in texts if t.strip())
    groups: list[QuestionGroup] = []
    for text, count in counts.most_common():
        grams = _grams(text)
        best = max(groups, key=lambda g: _similarity(g._grams, grams), default=None)
        if best is None or _similarity(best._grams, grams) < threshold:
            best = QuestionGroup(representative=text, _grams=grams)
            groups.append(best)
        best.count += count
        best.examples[text] += count
    return sorted(groups, key=lambda g: -g.count)
