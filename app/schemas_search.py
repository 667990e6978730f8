"""Response shapes of the FAQ search API."""

from __future__ import annotations

from pydantic import BaseModel

from knowledge.engine import SearchResult
from knowledge.faq_schema import Department
from knowledge.retriever import Hit


class DepartmentOut(BaseModel):
    id: str
    name: str
    division: str
    place: str
    phone: str
    hours: str

    @classmethod
    def of(cls, department: Department, lang: str) -> DepartmentOut:
        return cls(id=department.id, name=department.localized(lang, "name"), division=department.division,
                   place=department.localized(lang, "place"), phone=department.phone,
                   hours=department.localized(lang, "hours"))


class HitOut(BaseModel):
    id: str
    category: str
    question: str
    answer: str
    lang: str
    url: str
    updated: str
    score: float
    department: DepartmentOut
    signals: dict[str, float]

    @classmethod
    def of(cls, hit: Hit, lang: str) -> HitOut:
        entry = hit.entry
        shown = lang if lang in entry.translations else "ja"
        text = entry.text_in(shown)
        return cls(id=entry.id, category=entry.category, question=text.question, answer=text.answer,
                   lang=shown, url=entry.url, updated=entry.updated.isoformat(), score=round(hit.score, 4),
                   department=DepartmentOut.of(entry.department, lang), signals=hit.signals)


class SearchOut(BaseModel):
    query: str
    decision: str
    confidence: float
    hits: list[HitOut]
    suggested_department: DepartmentOut | None

    @classmethod
    def of(cls, result: SearchResult, lang: str) -> SearchOut:
        department = result.suggested_department
        return cls(query=result.query, decision=result.decision.value, confidence=result.confidence,
                   hits=[HitOut.of(hit, lang) for hit in result.hits],
                   suggested_department=DepartmentOut.of(department, lang) if department else None)
