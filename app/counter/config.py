"""The counter screen's data: interpreter service (data/counter.yaml), its strings, departments.

Files are re-read when they change (keyed on their modification time), so a
city can edit them without restarting the app.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

STRINGS_PATH = Path(__file__).with_name("strings.yaml")
Texts = Mapping[str, str]


def pick(texts: Texts, lang: str) -> str:
    """``texts`` in ``lang``; やさしい日本語 falls back to Japanese, the others to English, then Japanese."""
    chain = (lang, "ja") if lang == "ja-easy" else (lang, "en", "ja")
    return next((texts[code] for code in chain if texts.get(code)), "")


@dataclass(frozen=True)
class Interpreter:
    name: Texts = field(default_factory=dict)
    phone: str = ""
    note: Texts = field(default_factory=dict)
    hours: Mapping[str, Texts] = field(default_factory=dict)  # language -> hours per reader

    def for_language(self, lang: str) -> dict[str, Any]:
        """What the resident and the staff see for ``lang``: both in their own language."""
        hours = self.hours.get(lang)
        return {
            "configured": bool(self.phone),
            "available": hours is not None,
            "phone": self.phone,
            "name": pick(self.name, lang), "name_ja": pick(self.name, "ja"),
            "note": pick(self.note, lang), "note_ja": pick(self.note, "ja"),
            "hours": pick(hours, lang) if hours else "", "hours_ja": pick(hours, "ja") if hours else "",
        }


@dataclass(frozen=True)
class CounterStrings:
    resident: Mapping[str, Texts]
    staff: Texts
    speech: Texts
    language_names: Texts

    def resident_in(self, lang: str) -> dict[str, str]:
        return {key: pick(texts, lang) for key, texts in self.resident.items()}


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _mtime(path: Path) -> int:
    return path.stat().st_mtime_ns if path.is_file() else 0


@lru_cache(maxsize=4)
def _interpreter(path: Path, _mtime_ns: int) -> Interpreter:
    if not path.is_file():
        logger.warning("%s not found; the phone interpreter button shows no number", path)
        return Interpreter()
    raw = _read_yaml(path).get("interpreter") or {}
    hours = {str(item["lang"]): dict(item.get("hours") or {}) for item in raw.get("languages") or []}
    return Interpreter(name=dict(raw.get("name") or {}), phone=str(raw.get("phone") or ""),
                       note=dict(raw.get("note") or {}), hours=hours)


def interpreter(data_dir: Path) -> Interpreter:
    path = Path(data_dir) / "counter.yaml"
    return _interpreter(path, _mtime(path))


@lru_cache(maxsize=2)
def _strings(path: Path, _mtime_ns: int) -> CounterStrings:
    raw = _read_yaml(path)
    return CounterStrings(resident=raw.get("resident") or {}, staff=raw.get("staff") or {},
                          speech=raw.get("speech") or {}, language_names=raw.get("language_names") or {})


def strings(path: Path = STRINGS_PATH) -> CounterStrings:
    return _strings(path, _mtime(path))


@lru_cache(maxsize=4)
def _departments(path: Path, _mtime_ns: int) -> tuple[dict[str, Any], ...]:
    if not path.is_file():
        return ()
    return tuple(
        {"id": str(d["id"]), "name": str(d.get("name") or ""), "place": str(d.get("place") or ""),
         "translations": dict(d.get("translations") or {})}
        for d in _read_yaml(path).get("departments") or []
    )


def departments(data_dir: Path) -> tuple[dict[str, Any], ...]:
    """Counters a tablet can belong to (data/departments.yaml): id, name, place, translations."""
    path = Path(data_dir) / "departments.yaml"
    return _departments(path, _mtime(path))


def city_name(data_dir: Path) -> str:
    path = Path(data_dir) / "departments.yaml"
    city = _read_yaml(path).get("city") or {} if path.is_file() else {}
    return str(city.get("name") or "")
