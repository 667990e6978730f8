"""A deterministic word-for-word MT engine: a test double, and a demo without a model.

It replaces known phrases from a small dictionary and copies everything else
(numbers, placeholders, URLs), so tests of glossary protection and guards can
assert exact outputs. Never used unless a caller constructs it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from translation.model_store import InstalledModel
from translation.mt_engine import MTOutput


class DictionaryEngine:
    def __init__(self, dictionaries: Mapping[tuple[str, str], Mapping[str, str]]) -> None:
        self.dictionaries = {pair: dict(words) for pair, words in dictionaries.items()}
        self.calls: list[tuple[str, str, str]] = []

    def pairs(self) -> dict[tuple[str, str], InstalledModel]:
        return {
            pair: InstalledModel(f"dictionary-{pair[0]}_{pair[1]}", *pair, "0", Path("."), 0)
            for pair in self.dictionaries
        }

    def route(self, source: str, target: str) -> list[InstalledModel] | None:
        model = self.pairs().get((source, target))
        return [model] if model else None

    def translate(self, text: str, *, source: str, target: str) -> MTOutput:
        self.calls.append((source, target, text))
        words = self.dictionaries[(source, target)]
        for phrase in sorted(words, key=len, reverse=True):
            text = text.replace(phrase, words[phrase])
        name = f"dictionary-{source}_{target}"
        return MTOutput(" ".join(text.split()), (source, target), (name,))
