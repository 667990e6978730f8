"""Value objects of the garbage knowledge (immutable, safe to share between requests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class DayRule:
    """One token of a 5374 day cell: every weekday, the nth weekday, or one date."""

    weekday: int | None = None  # 0 = Monday (datetime.weekday)
    nth: int | None = None  # 1-5; None = every week
    on: date | None = None  # a specific date (yyyymmdd in the file)


@dataclass(frozen=True)
class Area:
    name: str
    center: str = ""
    reading: str = ""  # kana, from area_names.csv
    romaji: str = ""  # e.g. "Sakuradai 2-chome", for replies in other languages
    rules: dict[str, tuple[DayRule, ...]] = field(default_factory=dict, compare=False, repr=False)
    remarks: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class CategoryInfo:
    """A row of description.csv: what the category is and how it is collected."""

    label: str
    sublabel: str = ""
    description: str = ""
    aliases: tuple[str, ...] = ()
    english: str = ""
    on_calendar: bool = True
    collected_with: str = ""  # calendar category whose days this one shares (有害ごみ)

    @property
    def by_appointment(self) -> bool:
        return not self.on_calendar and not self.collected_with


@dataclass(frozen=True)
class Closure:
    center: str
    first: date
    last: date


@dataclass(frozen=True)
class CalendarChange:
    """A row of exceptions.csv."""

    day: date
    areas: tuple[str, ...]  # ("*",) = every area
    categories: tuple[str, ...]  # ("*",) = every category
    kind: str  # 休み | 振替 | 臨時
    moved_to: date | None = None
    note: str = ""

    def applies(self, area: str, category: str) -> bool:
        return ("*" in self.areas or area in self.areas) and (
            "*" in self.categories or category in self.categories
        )


@dataclass(frozen=True)
class Collection:
    """The next collection dates of one category in one area."""

    category: str
    dates: tuple[date, ...]
    description: str = ""
    by_appointment: bool = False
    remarks: tuple[str, ...] = ()
    schedule: str = ""  # the regular rule as printed on calendars: 「毎週火・金曜日」


@dataclass(frozen=True)
class Item:
    """A row of items.csv (Digital Agency layout plus 読み and 英語名)."""

    id: str
    name: str
    category: str
    notes: str = ""
    fee_type: str = ""
    fee: int | None = None
    fee_note: str = ""
    remarks: str = ""
    reading: str = ""
    english: str = ""
    city_code: str = ""


@dataclass(frozen=True)
class AreaMatch:
    area: Area
    score: float
    exact: bool


@dataclass(frozen=True)
class ItemMatch:
    item: Item
    score: float
    exact: bool
