"""The city's approved term translations (data/glossary.yaml).

Terms are protected from MT with placeholders and the approved translation is
put back afterwards, so 住民票の写し is always "certificate of residence".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translation.normalize import load_yaml, normalize_text

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    ja: str
    reading: str = ""
    explanation: str = ""
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def term_in(self, lang: str) -> str | None:
        if lang == "ja":
            return self.ja
        return self.translations.get(lang, {}).get("term") or None

    def explanation_in(self, lang: str) -> str | None:
        if lang == "ja":
            return self.explanation or None
        return self.translations.get(lang, {}).get("explanation") or None


@dataclass(frozen=True)
class TermMatch:
    term: GlossaryTerm
    start: int
    end: int


@dataclass(frozen=True)
class Protected:
    """Source text with glossary terms replaced by placeholders."""

    text: str
    slots: tuple[tuple[str, GlossaryTerm], ...]


def placeholder(index: int) -> str:
    # Latin capitals without digits: models tend to copy them, and the number guard ignores them.
    return "ZQ" + "".join(chr(ord("A") + int(d)) for d in str(index)) + "X"


class Glossary:
    def __init__(self, terms: Iterable[GlossaryTerm] = ()) -> None:
        self.terms = list(terms)
        self._by_norm: dict[tuple[str, str], GlossaryTerm] = {}
        for term in self.terms:
            for lang in ("ja", *term.translations):
                surface = term.term_in(lang)
                if surface:
                    self._by_norm[(lang, normalize_text(surface))] = term

    @classmethod
    def load(cls, path: Path) -> Glossary:
        if not Path(path).is_file():
            logger.warning("glossary file %s not found; no terms are protected", path)
            return cls()
        data: Any = load_yaml(path) or {}
        return cls(_term_from_dict(raw) for raw in data.get("terms") or [])

    def find(self, text: str, *, lang: str) -> list[TermMatch]:
        """Non-overlapping occurrences of terms in ``text``, longest term first."""
        candidates = [(t.term_in(lang) or "", t) for t in self.terms]
        candidates = sorted((c for c in candidates if c[0]), key=lambda c: -len(c[0]))
        taken: list[TermMatch] = []
        for surface, term in candidates:
            for m in re.finditer(_term_pattern(surface, lang), text, flags=re.IGNORECASE):
                if all(m.end() <= t.start or m.start() >= t.end for t in taken):
                    taken.append(TermMatch(term, m.start(), m.end()))
        return sorted(taken, key=lambda t: t.start)

    def lookup(self, text: str, *, lang: str) -> GlossaryTerm | None:
        """The term that ``text`` is, as a whole (ignoring width, kana and punctuation)."""
        return self._by_norm.get((lang, normalize_text(text)))

    def protect(self, text: str, *, source: str, target: str) -> Protected:
        """Replace terms that have an approved ``target`` translation by placeholders."""
        slots: list[tuple[str, GlossaryTerm]] = []
        out, pos = [], 0
        for match in self.find(text, lang=source):
            if not match.term.term_in(target):
                continue
            token = placeholder(len(slots))
            out += [text[pos : match.start], f" {token} "]
            slots.append((token, match.term))
            pos = match.end
        out.append(text[pos:])
        return Protected("".join(out).strip() if slots else text, tuple(slots))


def restore(
    translated: str, protected: Protected, *, target: str
) -> tuple[str, list[GlossaryTerm]]:
    """Put approved translations back; return the text and the terms whose placeholder was lost."""
    lost = []
    for token, term in protected.slots:
        pattern = re.compile(r"\s?".join(map(re.escape, token)), flags=re.IGNORECASE)
        approved = (term.term_in(target) or "").replace("\\", "\\\\")  # literal in re.sub
        translated, count = pattern.subn(approved, translated)
        if count == 0:
            lost.append(term)
    return re.sub(r"[ \t]{2,}", " ", translated).strip(), lost


def _term_from_dict(raw: Mapping[str, Any]) -> GlossaryTerm:
    translations = {
        str(lang): {k: str(v) for k, v in (value or {}).items()}
        for lang, value in (raw.get("translations") or {}).items()
    }
    return GlossaryTerm(
        id=str(raw["id"]),
        ja=str(raw["ja"]),
        reading=str(raw.get("reading") or ""),
        explanation=str(raw.get("explanation") or ""),
        translations=translations,
    )


# Scripts written without spaces between words: a term may sit inside a longer run.
_UNSPACED = ("ja", "ja-easy", "zh-Hans", "zh-Hant", "th")


def _term_pattern(surface: str, lang: str) -> str:
    """Whole words only in spaced languages, so "fee" is not found inside "coffee"."""
    escaped = re.escape(surface)
    return escaped if lang in _UNSPACED else rf"(?<!\w){escaped}(?!\w)"

