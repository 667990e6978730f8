"""What a translation returns to its callers (API, counter screen, dialogue layer)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from translation.guards import GuardResult

Origin = Literal["phrasebook", "glossary", "mt", "none"]


@dataclass(frozen=True)
class TermNote:
    """A glossary term found in the text, with its approved translation and explanation."""

    id: str
    ja: str
    term: str | None  # approved translation in the target language
    explanation: str | None  # for the resident, in the target language (else Japanese)


@dataclass(frozen=True)
class TranslationResult:
    text: str  # what to show the reader: the translation, or the original when none is safe
    source: str
    target: str
    origin: Origin
    source_text: str = ""  # the text as given
    machine_translated: bool = False
    label: str | None = None  # resident-facing label in the target language ("Machine translation")
    staff_label: str | None = None  # staff-facing label in Japanese
    back_translation: str | None = None  # into the source language, for staff to check
    guards: tuple[GuardResult, ...] = ()
    fallback: bool = False  # True: MT was rejected (or unavailable) and ``text`` is the original
    rejected_translation: str | None = None  # the MT output a guard rejected (staff only)
    note: str | None = None  # resident-facing note in the target language
    staff_notes: tuple[str, ...] = ()  # Japanese messages for staff (guard reasons, pivot, ...)
    detected_language: str | None = None
    detection_confidence: float | None = None
    route: tuple[str, ...] = ()
    terms: tuple[TermNote, ...] = ()
    phrase_id: str | None = None
    match_score: float | None = None
    missing_packages: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """No guard failed and nothing had to fall back."""
        return not self.fallback and all(g.ok for g in self.guards)

    @property
    def pivot(self) -> bool:
        return len(self.route) > 2

    def to_dict(self) -> dict[str, Any]:
        data = _listify(asdict(self))
        data.update(ok=self.ok, pivot=self.pivot, translation=self.text)
        return data


def _listify(value: Any) -> Any:
    """Tuples become lists, so the dict is what JSON will carry."""
    if isinstance(value, dict):
        return {k: _listify(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_listify(v) for v in value]
    return value
