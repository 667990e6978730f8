"""Translation API: phrasebook, glossary and guarded offline MT."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from knowledge.languages import LANGUAGES, canonical_language
from translation import all_pairs

from .rate_limit_deps import limit_translation
from .translation_deps import TranslationDep

router = APIRouter(prefix="/api/translate", tags=["translation"])
MAX_TEXT_CHARS = 2000


class TranslateIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="訳す文")
    source: str | None = Field(default=None, description="原文の言語（省略時は自動判定）")
    target: str = Field(description="訳す先の言語 (en, vi, ja, ...)")


@router.post("", dependencies=[Depends(limit_translation)])
def translate(body: TranslateIn, service: TranslationDep) -> dict[str, Any]:
    """Translate; ``origin`` says where the text came from, ``label`` marks machine translation."""
    target = _language(body.target)
    source = _language(body.source) if body.source else None
    if not body.text.strip():
        raise HTTPException(422, "text must contain text")
    return service.translate(body.text, target=target, source=source).to_dict()


@router.get("/languages")
def language_pairs(service: TranslationDep) -> dict[str, Any]:
    """Which pairs work here and how: human phrasebook, direct MT, pivot MT, or missing package."""
    engine = service.engine
    installed = sorted(engine.pairs().values(), key=lambda m: m.name) if engine else []
    return {
        "languages": [{"code": code, "name": name} for code, name in LANGUAGES.items()],
        "pairs": [p.to_dict() for p in all_pairs(service)],
        "models": [{"name": m.name, "source": m.source, "target": m.target,
                    "version": m.version} for m in installed],
    }


@router.get("/phrasebook")
def phrasebook(service: TranslationDep, lang: str | None = None) -> dict[str, Any]:
    """Set phrases by genre, with their human translations (all languages, or only ``lang``)."""
    code = _language(lang) if lang else None
    genres = []
    for slug, phrases in service.phrasebook.genres().items():
        items = [
            {"id": p.id, "side": p.side, "ja": p.ja,
             "translations": {k: v for k, v in p.translations.items() if code in (None, k)}}
            for p in phrases
        ]
        genres.append({"slug": slug, "name": phrases[0].genre, "phrases": items})
    return {"genres": genres}


def _language(code: str) -> str:
    canonical = canonical_language(code)
    if canonical is None:
        raise HTTPException(422, f"unknown language '{code}'; use one of: {', '.join(LANGUAGES)}")
    return canonical
