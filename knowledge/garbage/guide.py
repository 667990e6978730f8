"""GarbageGuide: the facade the dialogue layer and the CLI use."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from .area_search import AreaIndex
from .errors import GarbageDataError, Issue, errors_only
from .item_search import ItemIndex
from .loader import GarbageData, load_data
from .models import Area, AreaMatch, CategoryInfo, Collection, Item, ItemMatch
from .rules import describe
from .schedule import Calendar
from .textnorm import normalize

HORIZON_DAYS = 400  # a nth-weekday rule always recurs within this; more means "never"


def validate_dir(data_dir: Path) -> list[Issue]:
    """Every issue (errors and warnings) in a data/garbage folder."""
    return load_data(data_dir).issues


class GarbageGuide:
    def __init__(self, data: GarbageData) -> None:
        self.areas: tuple[Area, ...] = tuple(data.areas)
        self.categories: tuple[str, ...] = tuple(data.categories)
        self.items: tuple[Item, ...] = tuple(data.items)
        self.issues: tuple[Issue, ...] = tuple(data.issues)
        self.settings = data.settings
        self._infos = data.infos
        self._calendar = Calendar(tuple(data.closures), tuple(data.changes), data.settings)
        self._area_index = AreaIndex(self.areas)
        self._item_index = ItemIndex(self.items)
        self._aliases = {normalize(alias): info.label for info in data.infos.values()
                         for alias in (info.label, info.sublabel, info.english, *info.aliases)
                         if alias}

    @classmethod
    def load(cls, data_dir: Path) -> GarbageGuide:
        """Load a data/garbage folder; raises GarbageDataError when it has errors."""
        data = load_data(Path(data_dir))
        if errors_only(data.issues):
            raise GarbageDataError(data.issues)
        return cls(data)

    def category_info(self, category: str) -> CategoryInfo | None:
        label = self.resolve_category(category)
        return self._infos.get(label) if label else None

    def resolve_category(self, text: str) -> str | None:
        """Calendar or sorting category for 「資源ごみ」「燃えるごみ」「burnable」... or None."""
        key = normalize(text)
        return self._aliases.get(key) or self._aliases.get(key.removesuffix("ごみ"))

    def get_area(self, name: str) -> Area | None:
        return self._area_index.get(name)

    def find_area(self, text: str, *, limit: int = 5) -> list[AreaMatch]:
        return self._area_index.find(text, limit=limit)

    def lookup_item(self, text: str, *, limit: int = 5) -> list[ItemMatch]:
        return self._item_index.lookup(text, limit=limit)

    def next_collections(self, area: Area | str, *, category: str | None = None,
                         start: date, count: int = 1) -> list[Collection]:
        """Next ``count`` dates from ``start`` (inclusive) per category, soonest first."""
        target = self._area(area)
        labels = [self._category(category)] if category else list(self.categories)
        found = [self._collection(target, label, start, count) for label in labels]
        return sorted(found, key=lambda c: (not c.dates, c.dates[:1]))

    def collections_on(self, area: Area | str, day: date) -> list[str]:
        """Calendar categories collected in ``area`` on ``day`` (「明日は何ごみ？」)."""
        target = self._area(area)
        return [c for c in self.categories if self._calendar.dates(target, c, day, day)]

    def _collection(self, area: Area, label: str, start: date, count: int) -> Collection:
        info = self._infos.get(label, CategoryInfo(label=label))
        source = label if info.on_calendar else info.collected_with
        if not source:
            return Collection(label, (), info.description, by_appointment=True)
        dated = self._calendar.dates(area, source, start, start + timedelta(days=HORIZON_DAYS))
        chosen = dated[:count]
        notes = area.remarks.get(source, ()) + tuple(note for _, note in chosen if note)
        return Collection(label, tuple(d for d, _ in chosen), info.description, remarks=notes,
                          schedule=describe(area.rules.get(source, ())))

    def _area(self, area: Area | str) -> Area:
        if isinstance(area, Area):
            return area
        found = self.get_area(area)
        if found is None:
            raise KeyError(f"unknown area: {area!r}")
        return found

    def _category(self, category: str) -> str:
        label = self.resolve_category(category)
        if label is None:
            raise KeyError(f"unknown category: {category!r}")
        return label
