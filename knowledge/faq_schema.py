"""The FAQ knowledge a city maintains: entries, their translations and departments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Readers of these read the Japanese sign itself; no need to repeat the name for them.
JAPANESE_READERS = ("ja", "ja-easy")


@dataclass(frozen=True)
class Translation:
    question: str
    answer: str


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    place: str
    phone: str
    hours: str
    division: str = ""
    email: str = ""
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def localized(self, lang: str, key: str) -> str:
        """A field (name/place/hours) in ``lang`` when translated, else the Japanese.

        A translated name keeps the Japanese name beside it, "Citizen Services Division (市民課)":
        the signs at City Hall are in Japanese, so the resident must be able to match it.
        """
        value = self.translations.get(lang, {}).get(key)
        if not value:
            return str(getattr(self, key))
        if key == "name" and lang not in JAPANESE_READERS and value != self.name:
            return f"{value} ({self.name})"
        return value


@dataclass(frozen=True)
class FaqEntry:
    id: str
    category: str
    question: str
    alternatives: tuple[str, ...]
    answer: str
    department: Department
    url: str
    updated: date
    keywords: tuple[str, ...] = ()
    translations: dict[str, Translation] = field(default_factory=dict)
    source_file: str = ""
    line: int = 0

    def text_in(self, lang: str) -> Translation:
        """Question and answer in ``lang`` when a human translation exists, else Japanese."""
        return self.translations.get(lang) or Translation(self.question, self.answer)


@dataclass(frozen=True)
class FaqSet:
    entries: tuple[FaqEntry, ...]
    departments: dict[str, Department]
    city: dict[str, str] = field(default_factory=dict)

    def by_id(self) -> dict[str, FaqEntry]:
        return {entry.id: entry for entry in self.entries}

    def categories(self) -> list[str]:
        return sorted({entry.category for entry in self.entries})
