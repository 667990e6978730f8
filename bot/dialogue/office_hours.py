"""Is the city hall open now, and when does it open next (data/office.yaml)?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ruamel.yaml import YAML

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class OfficeStatus:
    open: bool
    closes: time | None  # today's closing time when open
    next_open: datetime  # the next opening (now or later)


@dataclass(frozen=True)
class NightContact:
    name: Any  # {ja: ..., en: ...}
    phone: str


class OfficeCalendar:
    def __init__(self, *, timezone: str, hours: dict[str, tuple[time, time]],
                 closed_dates: set[str], national_holidays: bool,
                 default_department: str, night_contacts: tuple[NightContact, ...]) -> None:
        self.tz = ZoneInfo(timezone)
        self.hours = hours
        self.closed_dates = closed_dates
        self.national_holidays = national_holidays
        self.default_department = default_department
        self.night_contacts = night_contacts

    @classmethod
    def load(cls, path: Path) -> OfficeCalendar:
        doc = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        return cls(
            timezone=doc.get("timezone", "Asia/Tokyo"),
            hours={day: _span(text) for day, text in (doc.get("hours") or {}).items()},
            closed_dates={str(d) for d in doc.get("closed_dates") or []},
            national_holidays=bool(doc.get("national_holidays", True)),
            default_department=str(doc.get("default_department", "sogo-annai")),
            night_contacts=tuple(
                NightContact(c["name"], str(c["phone"])) for c in doc.get("night_contacts") or []
            ),
        )

    def status(self, now: datetime) -> OfficeStatus:
        local = now.astimezone(self.tz)
        span = self._span_on(local.date())
        if span and span[0] <= local.time() < span[1]:
            return OfficeStatus(True, span[1], local)
        return OfficeStatus(False, None, self._next_open(local))

    def _next_open(self, local: datetime) -> datetime:
        day = local.date()
        for offset in range(0, 31):
            candidate = day + timedelta(days=offset)
            span = self._span_on(candidate)
            if span and (offset > 0 or local.time() < span[0]):
                return datetime.combine(candidate, span[0], tzinfo=self.tz)
        raise ValueError("office.yaml has no opening hours in the next month")

    def _span_on(self, day: date) -> tuple[time, time] | None:
        if day.strftime("%m-%d") in self.closed_dates or self._is_holiday(day):
            return None
        return self.hours.get(WEEKDAYS[day.weekday()])

    def _is_holiday(self, day: date) -> bool:
        if not self.national_holidays:
            return False
        import holidays  # imported lazily: only the handoff needs the calendar

        return day in holidays.country_holidays("JP", years=day.year)


def _span(text: str) -> tuple[time, time]:
    start, end = str(text).split("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
