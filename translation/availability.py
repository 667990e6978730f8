"""Which language pairs work here, and how: human phrasebook, direct MT, pivot MT."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from translation import languages
from translation.service import TranslationService


@dataclass(frozen=True)
class PairStatus:
    source: str
    target: str
    phrasebook_phrases: int  # set phrases with a human translation for this pair
    glossary_terms: int  # approved term translations for this pair
    mt: str | None  # "direct", "pivot" (via English) or None
    models: tuple[str, ...]  # installed packages used, in order
    missing_packages: tuple[str, ...]  # what to install for MT ("a" or "b + c")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def pair_status(service: TranslationService, source: str, target: str) -> PairStatus:
    phrases = sum(1 for p in service.phrasebook.phrases if p.text_in(source) and p.text_in(target))
    terms = sum(1 for t in service.glossary.terms if t.term_in(target) and t.term_in(source))
    engine = service.engine
    usable = engine is not None and service.mt_available(source, target)
    route = engine.route(source, target) if engine and usable else None
    mt = None if route is None else ("direct" if len(route) == 1 else "pivot")
    models = tuple(m.name for m in route or ())
    missing = (
        ()
        if route or target in languages.NOT_MACHINE_TRANSLATABLE
        else tuple(service.missing_for(source, target))
    )
    return PairStatus(source, target, phrases, terms, mt, models, missing)


def all_pairs(service: TranslationService) -> list[PairStatus]:
    """Japanese to every language and back (staff speak, residents reply)."""
    others = [code for code in languages.SUPPORTED if code != languages.SOURCE_LANGUAGE]
    pairs = [pair_status(service, "ja", code) for code in others]
    pairs += [pair_status(service, code, "ja") for code in others if code != "ja-easy"]
    return pairs
