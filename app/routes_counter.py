"""The counter tablet: its page (/counter) and its API (/api/counter).

Conversations stay on the tablet; the server keeps only staff phrases per
counter and anonymous counts (storage/counter.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Response
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from knowledge.languages import canonical_language
from storage.counter import MAX_PHRASE_CHARS, USAGE_EVENTS, CounterStore

from .admin.auth import Viewer
from .counter import config, language_pack
from .deps import DatabaseDep, SettingsDep
from .rate_limit_deps import limit_counter_events, limit_staff_phrase_writes, limit_translation
from .routes_translate import MAX_TEXT_CHARS
from .settings import Settings
from .translation_deps import TranslationDep

router = APIRouter(prefix="/api/counter", tags=["counter"])
page_router = APIRouter(tags=["counter"])
STATIC = Path(__file__).parent / "counter" / "static"
STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
NO_CACHE = {"Cache-Control": "no-cache"}  # revalidate: a tablet picks up a new version at once
Kind = Literal["staff_phrase", "staff_text", "resident_reply", "resident_text", "summary"]
Event = Literal["start", "end", "interpreter", "summary_print", "read_aloud", "voice_input"]


def get_counter_store(database: DatabaseDep) -> CounterStore:
    return CounterStore(database=database)


CounterStoreDep = Annotated[CounterStore, Depends(get_counter_store)]


class CounterTranslateIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    source: str | None = None
    target: str
    kind: Kind = "staff_text"
    counter: str = ""


class PhraseIn(BaseModel):
    counter: str
    ja: str = Field(min_length=1, max_length=MAX_PHRASE_CHARS)


class EventIn(BaseModel):
    event: Event
    lang: str
    counter: str = ""


@page_router.get("/counter", include_in_schema=False)
def counter_page() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html", headers=NO_CACHE)


@page_router.get("/counter/static/{name}", include_in_schema=False)
def counter_asset(name: str) -> FileResponse:
    path = STATIC / name
    if "/" in name or path.suffix not in STATIC_TYPES or not path.is_file():
        raise HTTPException(404, "not found")
    return FileResponse(path, media_type=f"{STATIC_TYPES[path.suffix]}; charset=utf-8", headers=NO_CACHE)


@router.get("/config")
def counter_config(service: TranslationDep, settings: SettingsDep) -> dict[str, Any]:
    """Languages for the grid, counters, the interpreter service and the staff strings."""
    interpreter = config.interpreter(settings.data_dir)
    return {
        "city": config.city_name(settings.data_dir),
        "languages": [language_pack.language_summary(service, code)
                      for code in language_pack.resident_languages()],
        "choose_language": config.strings().resident["choose_language"],
        "counters": list(config.departments(settings.data_dir)),
        "interpreter": {**interpreter.for_language("ja"), "languages": list(interpreter.hours)},
        "staff_strings": config.strings().staff,
    }


@router.get("/languages/{lang}")
def language(lang: str, service: TranslationDep, settings: SettingsDep) -> dict[str, Any]:
    """One resident language: its strings, set phrases, quick replies, glossary, interpreter hours."""
    return language_pack.language_pack(service, _resident_language(lang), data_dir=settings.data_dir)


@router.post("/translate", dependencies=[Depends(limit_translation)])
def translate(body: CounterTranslateIn, service: TranslationDep, store: CounterStoreDep,
              settings: SettingsDep) -> dict[str, Any]:
    """/api/translate for the counter: adds the staff's view of glossary terms and counts usage."""
    target = _language(body.target)
    source = _language(body.source) if body.source else None
    if not body.text.strip():
        raise HTTPException(422, "text must contain text")
    result = service.translate(body.text, target=target, source=source)
    data = result.to_dict()
    data["terms"] = language_pack.term_details(service, result.terms)
    resident = target if body.kind.startswith("staff") or body.kind == "summary" else result.source
    _count_translation(store, kind=body.kind, counter=_counter(body.counter, settings, optional=True),
                       lang=resident, data=data)
    return data


@router.get("/phrases")
def staff_phrases(counter: str, store: CounterStoreDep, settings: SettingsDep) -> dict[str, Any]:
    """The phrases staff registered for this counter."""
    code = _counter(counter, settings)
    return {"counter": code, "phrases": [{"id": p.id, "ja": p.ja} for p in store.phrases(code)]}


@router.post("/phrases", status_code=201, dependencies=[Depends(limit_staff_phrase_writes)])
def add_staff_phrase(body: PhraseIn, store: CounterStoreDep, settings: SettingsDep) -> dict[str, Any]:
    try:
        phrase = store.add_phrase(_counter(body.counter, settings), body.ja)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    return {"id": phrase.id, "ja": phrase.ja, "counter": phrase.counter}


@router.delete("/phrases/{phrase_id}", status_code=204, dependencies=[Depends(limit_staff_phrase_writes)])
def remove_staff_phrase(phrase_id: int, counter: str, store: CounterStoreDep,
                        settings: SettingsDep) -> Response:
    if not store.remove_phrase(_counter(counter, settings), phrase_id):
        raise HTTPException(404, f"no phrase {phrase_id} at counter '{counter}'")
    return Response(status_code=204)


@router.post("/events", status_code=204, dependencies=[Depends(limit_counter_events)])
def count_event(body: EventIn, store: CounterStoreDep, settings: SettingsDep) -> Response:
    """Anonymous usage: which event, which language, which counter, which day. Nothing else."""
    store.count(counter=_counter(body.counter, settings, optional=True),
                lang=_resident_language(body.lang), event=body.event)
    return Response(status_code=204)


@router.get("/usage")
def usage(store: CounterStoreDep, _user: Viewer, days: int = 30) -> dict[str, Any]:
    """Anonymous counts per day, counter, language and event, for signed-in admin users (the
    tablet itself only adds counts; staff-phrase endpoints stay open to it on the city network)."""
    rows = store.usage(days=max(1, min(days, 366)))
    return {"events": sorted(USAGE_EVENTS), "counts": [
        {"day": r.day.isoformat(), "counter": r.counter, "lang": r.lang, "event": r.event, "count": r.count}
        for r in rows]}


def _count_translation(store: CounterStore, *, kind: str, counter: str, lang: str,
                       data: dict[str, Any]) -> None:
    if kind == "summary":
        return
    store.count(counter=counter, lang=lang, event=kind)
    if data.get("machine_translated"):
        store.count(counter=counter, lang=lang, event="mt")
    if any(not g["ok"] for g in data.get("guards") or []):
        store.count(counter=counter, lang=lang, event="guard_warning")
    if data.get("missing_packages"):
        store.count(counter=counter, lang=lang, event="no_model")


def _language(code: str) -> str:
    canonical = canonical_language(code)
    if canonical is None:
        raise HTTPException(422, f"unknown language '{code}'")
    return canonical


def _resident_language(code: str) -> str:
    canonical = _language(code)
    if canonical not in language_pack.resident_languages():
        raise HTTPException(422, f"'{code}' is not a resident language; use one of: "
                            f"{', '.join(language_pack.resident_languages())}")
    return canonical


def _counter(code: str, settings: Settings, *, optional: bool = False) -> str:
    """A departments.yaml id; optional ones may be empty (a tablet not yet assigned: "-")."""
    if optional and not code:
        return "-"
    known = [d["id"] for d in config.departments(settings.data_dir)]
    if code not in known:
        raise HTTPException(422, f"unknown counter '{code}'; use a department id from departments.yaml")
    return code
