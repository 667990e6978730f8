"""FAQ search API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from knowledge.languages import LANGUAGES, canonical_language

from .deps import EngineDep
from .schemas_search import SearchOut

router = APIRouter(prefix="/api/faq", tags=["faq"])
MAX_QUERY_CHARS = 1000


@router.get("/search", response_model=SearchOut)
def search(
    engine: EngineDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS, description="住民の質問")],
    lang: Annotated[str | None, Query(description="質問の言語 (ja, en, vi, ...)")] = None,
    k: Annotated[int, Query(ge=1, le=50, description="返す件数")] = 5,
) -> SearchOut:
    """Search the city's FAQ; the decision says whether to answer, offer choices, or refer."""
    code = canonical_language(lang) if lang else None
    if lang and code is None:
        raise HTTPException(422, f"unknown language '{lang}'; use one of: {', '.join(LANGUAGES)}")
    if not q.strip():
        raise HTTPException(422, "q must contain text")
    result = engine.search(q, lang=code, top_k=k)
    return SearchOut.of(result, code or "ja")
