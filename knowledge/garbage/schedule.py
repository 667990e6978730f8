"""Collection dates of one category in one area: rules, holidays, closures, changes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from .calendar_extras import Settings
from .models import Area, CalendarChange, Closure, DayRule


@lru_cache(maxsize=64)
def _japan_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("JP", years=year).keys())


def is_holiday(day: date) -> bool:
    return day in _japan_holidays(day.year)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth given weekday of a month (第n○曜日), None when the month has no such day."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return day if day.month == month else None


def _months(first: date, last: date) -> Iterator[tuple[int, int]]:
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def rule_dates(rule: DayRule, first: date, last: date) -> Iterator[date]:
    if rule.on is not None:
        if first <= rule.on <= last:
            yield rule.on
    elif rule.nth is None:
        assert rule.weekday is not None
        day = first + timedelta(days=(rule.weekday - first.weekday()) % 7)
        while day <= last:
            yield day
            day += timedelta(days=7)
    else:
        assert rule.weekday is not None
        for year, month in _months(first, last):
            nth = nth_weekday(year, month, rule.weekday, rule.nth)
            if nth is not None and first <= nth <= last:
                yield nth


@dataclass(frozen=True)
class Calendar:
    """Everything that decides a collection date besides the area's own rules."""

    closures: tuple[Closure, ...]
    changes: tuple[CalendarChange, ...]
    settings: Settings

    def closed(self, center: str, day: date) -> bool:
        return any(c.center == center and c.first <= day <= c.last for c in self.closures)

    def dates(self, area: Area, category: str, first: date, last: date) -> list[tuple[date, str]]:
        """Collection dates in [first, last] with the note that explains a changed date."""
        rules = area.rules.get(category, ())
        # Changes may move a date from outside the window into it, so look a bit wider.
        wide_first, wide_last = first - timedelta(days=31), last + timedelta(days=31)
        planned = {d for r in rules for d in rule_dates(r, wide_first, wide_last)}
        explicit = {r.on for r in rules if r.on is not None}
        skip_holidays = self.settings.holiday_skip(category)
        result: dict[date, str] = {
            d: "" for d in planned
            if (d in explicit or not (skip_holidays and is_holiday(d)))
            and not self.closed(area.center, d)
        }
        for change in self.changes:
            if change.applies(area.name, category):
                _apply(change, planned, result)
        return sorted((d, note) for d, note in result.items() if first <= d <= last)


def _apply(change: CalendarChange, planned: set[date], result: dict[date, str]) -> None:
    if change.kind == "休み":
        result.pop(change.day, None)
    elif change.kind == "臨時":
        result[change.day] = change.note
    elif change.kind == "振替" and change.day in planned and change.moved_to is not None:
        result.pop(change.day, None)
        result[change.moved_to] = change.note
