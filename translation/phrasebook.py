"""Set phrases with human translations (data/phrasebook/<genre>.yaml).

A phrase said by staff (or a resident's reply) that matches a set phrase,
exactly or after normalisation/fuzzy matching, gets its human translation
instead of MT.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from translation.normalize import load_yaml, normalize_text

logger = logging.getLogger(__name__)

FUZZY_MIN_SCORE = 90.0
FUZZY_MIN_LENGTH = 6  # shorter texts (はい, いいえ) must match exactly after normalisation


@dataclass(frozen=True)
class Phrase:
    id: str
    ja: str
    side: str = "staff"
    genre: str = ""
    genre_slug: str = ""
    translations: Mapping[str, str] = field(default_factory=dict)

    def text_in(self, lang: str) -> str | None:
        return self.ja if lang == "ja" else (self.translations.get(lang) or None)


@dataclass(frozen=True)
class PhraseMatch:
    phrase: Phrase
    score: float  # 100 for an exact (normalised) match
    exact: bool


class Phrasebook:
    def __init__(self, phrases: Iterable[Phrase] = ()) -> None:
        self.phrases = list(phrases)
        self._index: dict[str, dict[str, Phrase]] = {}
        for phrase in self.phrases:
            for lang in ("ja", *phrase.translations):
                text = phrase.text_in(lang)
                if text:
                    self._index.setdefault(lang, {}).setdefault(normalize_text(text), phrase)

    @classmethod
    def load_dir(cls, directory: Path) -> Phrasebook:
        directory = Path(directory)
        if not directory.is_dir():
            logger.warning("phrasebook folder %s not found; no set phrases", directory)
            return cls()
        phrases: list[Phrase] = []
        for path in sorted(directory.glob("*.yaml")):
            data: Any = load_yaml(path) or {}
            genre = str(data.get("genre") or "")
            phrases += [
                _phrase_from_dict(raw, genre, path.stem) for raw in data.get("phrases") or []
            ]
        return cls(phrases)

    def match(
        self, text: str, *, lang: str = "ja", min_score: float = FUZZY_MIN_SCORE
    ) -> PhraseMatch | None:
        """The set phrase ``text`` is (in language ``lang``), exact first, then fuzzy."""
        index = self._index.get(lang, {})
        key = normalize_text(text)
        if not key:
            return None
        if key in index:
            return PhraseMatch(index[key], 100.0, True)
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        best = process.extractOne(key, index.keys(), scorer=fuzz.ratio, score_cutoff=min_score)
        return PhraseMatch(index[best[0]], float(best[1]), False) if best else None

    def by_id(self, phrase_id: str) -> Phrase | None:
        return next((p for p in self.phrases if p.id == phrase_id), None)

    def genres(self) -> dict[str, list[Phrase]]:
        """Phrases grouped by genre slug, in file order."""
        grouped: dict[str, list[Phrase]] = {}
        for phrase in self.phrases:
            grouped.setdefault(phrase.genre_slug, []).append(phrase)
        return grouped

    def languages_covered(self) -> set[str]:
        return set(self._index)


def _phrase_from_dict(raw: Mapping[str, Any], genre: str, slug: str) -> Phrase:
    translations = {str(k): str(v) for k, v in (raw.get("translations") or {}).items() if v}
    return Phrase(
        id=str(raw["id"]),
        ja=str(raw["ja"]),
        side=str(raw.get("side") or "staff"),
        genre=genre,
        genre_slug=slug,
        translations=translations,
    )
